// Document highlights: the mentions (Text) and quotes (Read) of the speaker at the cursor.
import { DocumentHighlightKind } from 'vscode-languageserver';
import type { DocumentHighlight, Position } from 'vscode-languageserver';
import type { AnalyzedDocument } from '../documents/analyzedDocument';
import { quotesOf, speakerAt } from './lookup';

export function documentHighlights(doc: AnalyzedDocument, position: Position): DocumentHighlight[] {
  const speaker = speakerAt(doc.analysis, doc.offsetAt(position));
  if (!speaker) return [];
  return [
    ...speaker.mentions.map((m) => ({ range: doc.rangeOf(m), kind: DocumentHighlightKind.Text })),
    ...quotesOf(doc.analysis, speaker).map((q) => ({ range: doc.rangeOf(q), kind: DocumentHighlightKind.Read })),
  ];
}
