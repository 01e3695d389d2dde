// Reads a seed file's sidecar (`<file>.tags.json`) for the analyze output: the tags as stored, plus the analyst's
// attribution corrections. Read-only and forgiving by design: `analyze` never writes, so a broken sidecar only costs
// its tags in the output (with a warning naming it), never the analysis. Kept to one function so the tag store can
// replace it.
import { readFileSync } from 'node:fs';
import type { AttributionOverride } from '../analysis';

export interface SidecarForOutput {
  /** The sidecar's `tags` array exactly as stored; [] when there is no usable sidecar. */
  tags: unknown[];
  /** The analyst's corrections "this quote was said by …", to apply over the analyser's attribution. */
  attributions: AttributionOverride[];
  /** Why an existing sidecar was ignored, naming it; null when it was fine or absent. */
  problem: string | null;
}

export function sidecarPathFor(file: string): string {
  return `${file}.tags.json`;
}

export function readSidecarTagsForOutput(file: string): SidecarForOutput {
  const path = sidecarPathFor(file);
  const none = (problem: string | null): SidecarForOutput => ({ tags: [], attributions: [], problem });
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return none(null);
    return none(`${path}: cannot read the sidecar (${(err as Error).message}); its tags are left out`);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (err) {
    return none(`${path}: not valid JSON (${(err as Error).message}); its tags are left out`);
  }
  if (!isRecord(data) || data.version !== 1 || !Array.isArray(data.tags)) {
    return none(`${path}: not a version 1 sidecar (expected {"version": 1, "tags": [...]}); its tags are left out`);
  }
  const attributions = Array.isArray(data.attributions) ? data.attributions.flatMap(toOverride) : [];
  return { tags: data.tags, attributions, problem: null };
}

/** A stored `{quote: TextQuoteSelector, speaker}` (or `{quote, notQuote: true}`) as the analysis expects it;
 * malformed entries are skipped. */
function toOverride(entry: unknown): AttributionOverride[] {
  const notQuote = isRecord(entry) && entry.notQuote === true;
  if (!isRecord(entry) || !isRecord(entry.quote) || typeof entry.speaker !== 'string' && !notQuote) return [];
  const { exact, prefix, suffix } = entry.quote;
  if (typeof exact !== 'string' || exact === '') return [];
  return [{
    exact,
    ...(typeof prefix === 'string' ? { prefix } : {}),
    ...(typeof suffix === 'string' ? { suffix } : {}),
    speaker: typeof entry.speaker === 'string' ? entry.speaker : '',
    ...(notQuote ? { notQuote } : {}),
  }];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
