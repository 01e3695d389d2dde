// How a FileSummary travels from a worker thread and sits in the on-disk cache: compact JSON of arrays, not of
// objects. Every range spelled `{"start":{"line":…,"character":…},…}` and every field name repeated on every speaker
// and quote made an entry 2.4 times larger, and the main thread spends a warm index reading entries: parsing arrays
// and building the objects from them takes half the time of parsing the objects themselves. A quote's speaker name
// is not stored; it is the name of the speaker its id names (and the very same string in memory).
//
//   entry   = [hash, title, primaryDate, speakers, quotes]
//   speaker = [id, name, kind, role, aliases, mentions, startLine, startCharacter, endLine, endCharacter]
//   quote   = [text, speakerId, confidence, start, end, startLine, startCharacter, endLine, endCharacter]
//
// Decoding validates every field: an entry that does not decode is not trusted (the cache reports and drops it).
import type { Range } from 'vscode-languageserver';
import type { SpeakerKind } from '../analysis/types';
import type { FileSummary, IndexedQuote, IndexedSpeaker } from './indexedFile';

const HASH = /^[0-9a-f]{64}$/;
const KINDS: ReadonlySet<unknown> = new Set<SpeakerKind>(['person', 'organization', 'anonymous']);

export function encodeSummary(summary: FileSummary): string {
  const range = (r: Range) => [r.start.line, r.start.character, r.end.line, r.end.character];
  return JSON.stringify([
    summary.hash,
    summary.title,
    summary.primaryDate,
    summary.speakers.map((s) => [s.id, s.name, s.kind, s.role, s.aliases, s.mentions, ...range(s.range)]),
    summary.quotes.map((q) => [q.text, q.speakerId, q.confidence, q.start, q.end, ...range(q.range)]),
  ]);
}

/** The summary an entry encodes, or null when it is not a valid entry (bad JSON included). */
export function decodeSummary(json: string): FileSummary | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  return summaryOf(value);
}

/** The summary of an entry already parsed from JSON, or null when it is not a valid entry. */
export function summaryOf(value: unknown): FileSummary | null {
  if (!Array.isArray(value) || value.length !== 5) return null;
  const [hash, title, primaryDate, rawSpeakers, rawQuotes] = value as unknown[];
  if (typeof hash !== 'string' || !HASH.test(hash) || !isNullableString(title) || !isNullableString(primaryDate)) return null;
  if (!Array.isArray(rawSpeakers) || !Array.isArray(rawQuotes)) return null;
  const speakers: IndexedSpeaker[] = [];
  const names = new Map<string, string>();
  for (const s of rawSpeakers as unknown[]) {
    if (!Array.isArray(s) || s.length !== 10) return null;
    const [id, name, kind, role, aliases, mentions] = s as unknown[];
    if (typeof id !== 'string' || typeof name !== 'string' || !KINDS.has(kind) || !isNullableString(role)) return null;
    if (!Array.isArray(aliases) || !aliases.every((a) => typeof a === 'string') || !Number.isInteger(mentions)) return null;
    const range = rangeAt(s, 6);
    if (!range) return null;
    speakers.push({ id, name, kind: kind as SpeakerKind, role, aliases: aliases, mentions: mentions as number, range });
    names.set(id, name);
  }
  const quotes: IndexedQuote[] = [];
  for (const q of rawQuotes as unknown[]) {
    if (!Array.isArray(q) || q.length !== 9) return null;
    const [text, speakerId, confidence, start, end] = q as unknown[];
    if (typeof text !== 'string' || !isNullableString(speakerId) || (confidence !== null && typeof confidence !== 'number')) return null;
    if (!Number.isInteger(start) || !Number.isInteger(end)) return null;
    const range = rangeAt(q, 5);
    if (!range) return null;
    const speaker = speakerId === null ? null : (names.get(speakerId) ?? null);
    quotes.push({ text, speaker, speakerId, confidence, range, start: start as number, end: end as number });
  }
  return { hash, title, primaryDate, speakers, quotes };
}

/** Read in place (no slice, no array of the four): a warm index reads one range per speaker and quote of every file. */
function rangeAt(tuple: unknown[], at: number): Range | null {
  const startLine = tuple[at];
  const startCharacter = tuple[at + 1];
  const endLine = tuple[at + 2];
  const endCharacter = tuple[at + 3];
  if (!Number.isInteger(startLine) || !Number.isInteger(startCharacter) || !Number.isInteger(endLine) || !Number.isInteger(endCharacter)) {
    return null;
  }
  return {
    start: { line: startLine as number, character: startCharacter as number },
    end: { line: endLine as number, character: endCharacter as number },
  };
}

function isNullableString(v: unknown): v is string | null {
  return v === null || typeof v === 'string';
}
