// What the workspace index keeps of one seed file: a compact summary of its analysis with ranges already in LSP
// positions (so no text is held), the file's content hash, and the code-point offsets corpus-wide consumers need.
import { createHash } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Range } from 'vscode-languageserver';
import type { SpeakerKind } from '../analysis/types';
import type { AnalyzedDocument } from '../documents/analyzedDocument';
import { fullestMention } from '../features/lookup';

export interface IndexedSpeaker {
  /** The analysis's id within its file (`s1`, …), which quotes refer to. */
  id: string;
  name: string;
  kind: SpeakerKind;
  role: string | null;
  aliases: string[];
  mentions: number;
  /** The speaker's fullest mention. */
  range: Range;
}

export interface IndexedQuote {
  text: string;
  /** The speaker's name, or null for a quote with no speaker. */
  speaker: string | null;
  speakerId: string | null;
  /** How sure the attribution is, in [0, 1]; null with no speaker. */
  confidence: number | null;
  range: Range;
  /** Code points into the file as stored (a BOM counts), as in the CLI's JSON. */
  start: number;
  end: number;
}

/** One file's entry, without its location: what the on-disk cache stores under the content hash. */
export interface FileSummary {
  /** SHA-256 (hex) of the file's text. */
  hash: string;
  title: string | null;
  /** The article's own date (ISO, `YYYY-MM-DD` or with a time), or null. */
  primaryDate: string | null;
  speakers: IndexedSpeaker[];
  quotes: IndexedQuote[];
}

export interface IndexedFile extends FileSummary {
  uri: string;
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** `contentHash` of the text these UTF-8 bytes decode to (a valid UTF-8 file's bytes are its text's encoding). */
export function contentHashOfBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Summarises an analyzed document. `bomShift` is 1 when the document is the file's text with a leading BOM
 * dropped (editors show it so, and ranges must match), so code-point offsets still count it as the file does.
 */
export function summarize(doc: AnalyzedDocument, hash: string, bomShift = 0): FileSummary {
  const { analysis } = doc;
  const names = new Map(analysis.speakers.map((s) => [s.id, s.name]));
  return {
    hash,
    title: analysis.title,
    primaryDate: analysis.datelines.find((d) => d.primary)?.iso ?? null,
    speakers: analysis.speakers.map((s) => {
      const main = fullestMention(s);
      return {
        id: s.id,
        name: s.name,
        kind: s.kind,
        role: s.role,
        aliases: s.aliases,
        mentions: s.mentions.length,
        range: main ? doc.rangeOf(main) : doc.rangeOf({ start: 0, end: 0 }),
      };
    }),
    quotes: analysis.quotes.map((q) => ({
      text: q.text,
      speaker: q.speakerId === null ? null : (names.get(q.speakerId) ?? null),
      speakerId: q.speakerId,
      confidence: q.confidence,
      range: doc.rangeOf(q),
      start: q.start + bomShift,
      end: q.end + bomShift,
    })),
  };
}

/** An open document's entry: its text as edited, not as on disk. */
export function indexedFileOf(doc: AnalyzedDocument): IndexedFile {
  return { uri: normalizeUri(doc.uri), ...summarize(doc, contentHash(doc.document.getText())) };
}

/** One spelling per file: clients may encode the same path differently (`%3A`, drive letter case). */
export function normalizeUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}
