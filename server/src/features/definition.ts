// Go to definition: from any mention of a speaker (or a quote attributed to them) to the speaker's fullest mention.
import type { Location, Position } from 'vscode-languageserver';
import type { AnalyzedDocument } from '../documents/analyzedDocument';
import { fullestMention, speakerAt } from './lookup';

export function definition(doc: AnalyzedDocument, position: Position): Location | null {
  const speaker = speakerAt(doc.analysis, doc.offsetAt(position));
  const mention = speaker && fullestMention(speaker);
  return mention ? { uri: doc.uri, range: doc.rangeOf(mention) } : null;
}
