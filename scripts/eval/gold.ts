// Gold annotations for evaluation: loads `X.gold.json` and checks its shape, naming the file and the field at fault.
import { readFileSync } from 'node:fs';
import type { SpeakerKind } from '../../server/src/analysis';

export interface GoldSpeaker {
  name: string;
  kind: SpeakerKind;
  role: string | null;
}

export interface GoldQuote {
  /** The quote exactly as in the file, marks included. */
  text: string;
  /** A `speakers[].name`, or null when nothing in the text supports an attribution. */
  speaker: string | null;
}

export interface Gold {
  /** Optional: the kind of journalism the article is ("wire", "liveblog", …), so scores can be read per genre. */
  genre?: string;
  /** ISO `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` of the article's own date, or null when it has none. */
  primary: string | null;
  speakers: GoldSpeaker[];
  quotes: GoldQuote[];
}

export type GoldResult = { ok: true; gold: Gold } | { ok: false; error: string };

const KINDS: readonly string[] = ['person', 'organization', 'anonymous'];
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/;

export function loadGold(path: string): GoldResult {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    return { ok: false, error: `${path}: ${(err as Error).message}` };
  }
  const problem = goldProblem(data);
  return problem ? { ok: false, error: `${path}: ${problem}` } : { ok: true, gold: data as Gold };
}

/** What is wrong with a parsed gold document, or null when it has the documented shape. */
export function goldProblem(data: unknown): string | null {
  if (!isRecord(data)) return 'expected an object with primary, speakers and quotes';
  if (data.primary !== null && !(typeof data.primary === 'string' && ISO.test(data.primary))) {
    return `primary must be YYYY-MM-DD, YYYY-MM-DDTHH:MM or null, got ${JSON.stringify(data.primary)}`;
  }
  if (data.genre !== undefined && !(typeof data.genre === 'string' && /^[a-z][a-z-]*$/.test(data.genre))) {
    return `genre must be a lower-case word like "wire", got ${JSON.stringify(data.genre)}`;
  }
  if (!Array.isArray(data.speakers)) return 'speakers must be an array';
  for (const [i, s] of data.speakers.entries()) {
    if (
      !isRecord(s) ||
      typeof s.name !== 'string' ||
      !KINDS.includes(s.kind as string) ||
      !(s.role === null || typeof s.role === 'string')
    ) {
      return `speakers[${i}] must be {name, kind: person|organization|anonymous, role: string|null}`;
    }
  }
  if (!Array.isArray(data.quotes)) return 'quotes must be an array';
  const names = new Set(data.speakers.map((s) => (s as GoldSpeaker).name));
  for (const [i, q] of data.quotes.entries()) {
    if (!isRecord(q) || typeof q.text !== 'string' || q.text === '' || !(q.speaker === null || typeof q.speaker === 'string')) {
      return `quotes[${i}] must be {text: non-empty string, speaker: string|null}`;
    }
    if (q.speaker !== null && !names.has(q.speaker)) {
      return `quotes[${i}].speaker ${JSON.stringify(q.speaker)} is not one of speakers[].name`;
    }
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
