// Find references: every mention of the speaker at the cursor and every quote attributed to them.
import type { Location, Position } from 'vscode-languageserver';
import type { AnalyzedDocument } from '../documents/analyzedDocument';
import { fullestMention, quotesOf, speakerAt } from './lookup';

/** @param includeDeclaration whether the speaker's fullest mention (the "definition") is listed too. */
export function references(doc: AnalyzedDocument, position: Position, includeDeclaration: boolean): Location[] {
  const speaker = speakerAt(doc.analysis, doc.offsetAt(position));
  if (!speaker) return [];
  const declaration = fullestMention(speaker);
  const spans = [...speaker.mentions.filter((m) => includeDeclaration || m !== declaration), ...quotesOf(doc.analysis, speaker)].sort(
    (a, b) => a.start - b.start,
  );
  return spans.map((s) => ({ uri: doc.uri, range: doc.rangeOf(s) }));
}
