// Re-places a stored tag in a (possibly changed) text: exact position, then the quote with its context, then a
// fuzzy match; a tag that cannot be placed is reported as orphaned (the caller keeps it). All offsets in and out
// are code points; matching runs on JS strings and converts at the edges with CodePointIndex.
import { CodePointIndex } from '../analysis/offsets';
import type { TagStatus } from './sidecarTypes';

type ApproxSearch = (text: string, pattern: string, maxErrors: number) => { start: number; end: number; errors: number }[];
// approx-string-match (Myers' bit-parallel approximate matching) ships as an ES module only; Node 20.19+ and the
// esbuild bundle both load it through require, which keeps this module synchronous.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const approxSearch = (require('approx-string-match') as { default: ApproxSearch }).default;

/** What a tag remembers about its place: a W3C position selector and quote selector, in code points. */
export interface AnchorTarget {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

export interface Placement {
  status: TagStatus;
  /** Code points in the new text; for an orphaned tag its old place clamped to the text. */
  start: number;
  end: number;
}

/** Context kept either side of a tag, in code points (W3C quote selectors usually carry ~32 characters). */
export const CONTEXT_LENGTH = 32;

/** Fraction of the quote's characters that may differ for a fuzzy match to count. */
const MAX_ERROR_RATE = 0.25;
/** Quotes shorter than this must match exactly: a few letters fuzzily match almost anywhere. */
const MIN_FUZZY_LENGTH = 8;
/** Beyond this many exact occurrences the quote is too common to be evidence; score only the first ones. */
const MAX_OCCURRENCES = 2000;

/** Places `target` in `text`. */
export function reanchor(text: string, target: AnchorTarget, index: CodePointIndex = new CodePointIndex(text)): Placement {
  const length = index.length;
  const oldStart16 = index.toUtf16(Math.min(target.start, length));
  if (target.end <= length && target.start <= target.end) {
    const at = text.slice(oldStart16, index.toUtf16(target.end));
    if (at === target.exact) return { status: 'anchored', start: target.start, end: target.end };
  }
  const found = findQuote(text, target, oldStart16);
  if (found) {
    return { status: 'moved', start: index.toCodePoint(found.start), end: index.toCodePoint(found.end) };
  }
  const start = Math.min(target.start, length);
  return { status: 'orphaned', start, end: Math.max(start, Math.min(target.end, length)) };
}

/**
 * Finds a quote selector in `text` (UTF-16 result): the exact words with the best-matching context, nearest to
 * `near` on a tie; else the best fuzzy match. Null when nothing is close enough. Also used for attributions.
 */
export function findQuote(
  text: string,
  quote: { exact: string; prefix?: string; suffix?: string },
  near: number,
): { start: number; end: number } | null {
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  if (quote.exact.length === 0) return null;
  const exact = bestExactOccurrence(text, quote.exact, prefix, suffix, near);
  if (exact !== null) return { start: exact, end: exact + quote.exact.length };
  return bestFuzzyMatch(text, quote.exact, prefix, suffix, near);
}

function bestExactOccurrence(text: string, exact: string, prefix: string, suffix: string, near: number): number | null {
  let best: number | null = null;
  let bestScore = -1;
  let bestDistance = Infinity;
  let count = 0;
  for (let at = text.indexOf(exact); at !== -1 && count < MAX_OCCURRENCES; at = text.indexOf(exact, at + 1), count++) {
    const score = commonSuffixLength(prefix, text, at) + commonPrefixLength(suffix, text, at + exact.length);
    const distance = Math.abs(at - near);
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = at;
      bestScore = score;
      bestDistance = distance;
    }
  }
  return best;
}

function bestFuzzyMatch(text: string, exact: string, prefix: string, suffix: string, near: number): { start: number; end: number } | null {
  if (exact.length < MIN_FUZZY_LENGTH) return null;
  const maxErrors = Math.floor(exact.length * MAX_ERROR_RATE);
  const matches = approxSearch(text, exact, maxErrors);
  let best: { start: number; end: number } | null = null;
  let bestScore = -Infinity;
  for (const m of matches) {
    // Weights: the words themselves matter most, then their context; position only breaks near-ties.
    const quoteScore = 1 - m.errors / exact.length;
    const prefixScore = prefix.length ? commonSuffixLength(prefix, text, m.start) / prefix.length : 0;
    const suffixScore = suffix.length ? commonPrefixLength(suffix, text, m.end) / suffix.length : 0;
    const positionScore = 1 - Math.min(1, Math.abs(m.start - near) / Math.max(1, text.length));
    const score = 50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * positionScore;
    if (score > bestScore) {
      bestScore = score;
      best = { start: m.start, end: m.end };
    }
  }
  return best && snapToWords(text, { exact, prefix, suffix }, best);
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** How far a fuzzy match may grow to reach a word boundary. */
const MAX_SNAP = 24;

/**
 * A fuzzy match can start or end inside a word ("remlin" for a tag that began at "Russia", now "The Kremlin"):
 * when the tag began (ended) at a word boundary, grow the match to the whole word, as a person would mark it.
 */
function snapToWords(
  text: string,
  { exact, prefix, suffix }: { exact: string; prefix: string; suffix: string },
  match: { start: number; end: number },
): { start: number; end: number } {
  let { start, end } = match;
  const startedAtBoundary = prefix === '' || !WORD_CHAR.test(prefix[prefix.length - 1]);
  const endedAtBoundary = suffix === '' || !WORD_CHAR.test(suffix[0]);
  if (startedAtBoundary && WORD_CHAR.test(exact[0])) {
    for (let n = 0; n < MAX_SNAP && start > 0 && WORD_CHAR.test(text[start - 1]) && WORD_CHAR.test(text[start]); n++) start--;
  }
  if (endedAtBoundary && WORD_CHAR.test(exact[exact.length - 1])) {
    for (let n = 0; n < MAX_SNAP && end < text.length && WORD_CHAR.test(text[end]) && WORD_CHAR.test(text[end - 1]); n++) end++;
  }
  return { start, end };
}

/** How many characters at the end of `context` equal the characters just before `at` in `text`. */
function commonSuffixLength(context: string, text: string, at: number): number {
  let n = 0;
  while (n < context.length && at - n - 1 >= 0 && context.charCodeAt(context.length - 1 - n) === text.charCodeAt(at - n - 1)) n++;
  return n;
}

/** How many characters at the start of `context` equal the characters from `at` in `text`. */
function commonPrefixLength(context: string, text: string, at: number): number {
  let n = 0;
  while (n < context.length && at + n < text.length && context.charCodeAt(n) === text.charCodeAt(at + n)) n++;
  return n;
}

/** The quote selector for [start, end) (code points) in `text`: the exact words and CONTEXT_LENGTH either side. */
export function describeSpan(text: string, start: number, end: number, index: CodePointIndex = new CodePointIndex(text)): AnchorTarget {
  const s16 = index.toUtf16(start);
  const e16 = index.toUtf16(end);
  return {
    start,
    end,
    exact: text.slice(s16, e16),
    prefix: text.slice(index.toUtf16(Math.max(0, start - CONTEXT_LENGTH)), s16),
    suffix: text.slice(e16, index.toUtf16(Math.min(index.length, end + CONTEXT_LENGTH))),
  };
}
