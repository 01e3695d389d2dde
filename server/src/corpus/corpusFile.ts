// What one article contributes to the corpus: its date, speakers, quotes and tags, small and without the text,
// so a workspace of thousands of files can be held and a changed file's contribution replaced alone.
import type { Analysis, SpeakerKind } from '../analysis/types';
import type { LspRange } from '../../../shared/protocol';

export interface CorpusFileSpeaker {
  /** The speaker's id in its own file's analysis (`s1`, …). */
  id: string;
  name: string;
  kind: SpeakerKind;
  role: string | null;
  aliases: string[];
}

export interface CorpusFileQuote {
  /** Code points into the file. */
  start: number;
  end: number;
  text: string;
  speakerId: string | null;
  /** Where the quote is in an editor (UTF-16), when the contribution was made from an editor's document. */
  range?: LspRange;
}

export interface CorpusFileTag {
  tag: string;
  /** The coder's name (the tag's W3C `creator`), or null when the tag does not say. */
  coder: string | null;
  start: number;
  end: number;
}

export interface CorpusFile {
  /** How the corpus names the file: a path on the command line, a uri in the language server. */
  file: string;
  title: string | null;
  /** The primary dateline's ISO date (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`), or null when undated. */
  date: string | null;
  speakers: CorpusFileSpeaker[];
  quotes: CorpusFileQuote[];
  tags: CorpusFileTag[];
}

export function corpusFileOf(
  file: string,
  analysis: Analysis,
  tags: CorpusFileTag[] = [],
  rangeOf?: (span: { start: number; end: number }) => LspRange,
): CorpusFile {
  return {
    file,
    title: analysis.title,
    date: analysis.datelines.find((d) => d.primary)?.iso ?? null,
    speakers: analysis.speakers.map((s) => ({ id: s.id, name: s.name, kind: s.kind, role: s.role, aliases: [...s.aliases] })),
    quotes: analysis.quotes.map((q) => ({
      start: q.start,
      end: q.end,
      text: q.text,
      speakerId: q.speakerId,
      ...(rangeOf ? { range: rangeOf(q) } : {}),
    })),
    tags,
  };
}

/** The tags of a sidecar's `tags` array as stored (W3C selectors, code points); entries without a position are skipped. */
export function corpusTagsOf(stored: readonly unknown[]): CorpusFileTag[] {
  const out: CorpusFileTag[] = [];
  for (const entry of stored) {
    if (!isRecord(entry) || typeof entry.tag !== 'string') continue;
    const position = selectorsOf(entry).find((s) => s.type === 'TextPositionSelector');
    if (!position || typeof position.start !== 'number' || typeof position.end !== 'number') continue;
    const creator = isRecord(entry.creator) && typeof entry.creator.name === 'string' ? entry.creator.name : null;
    out.push({ tag: entry.tag, coder: creator, start: position.start, end: position.end });
  }
  return out;
}

function selectorsOf(entry: Record<string, unknown>): Record<string, unknown>[] {
  const target = entry.target;
  if (!isRecord(target)) return [];
  const selector = target.selector;
  const list = Array.isArray(selector) ? selector : [selector];
  return list.filter(isRecord);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
