// The analyst's "not a quote" corrections (sidecar attributions with `notQuote`): the quotes they name are dropped
// from the analysis, so no token, diagnostic or export treats the words as speech. Pure post-step.
import type { Analysis, AttributionOverride } from '../types';

const MARKS = '"“”«»„‘’\'';
const LEADING = new Set(MARKS);
const TRAILING = new Set(`${MARKS}.,;:!?`);
const SPACE = /\s/u;

/** A quote's words without the marks and trailing punctuation around them, to compare a correction with a quote. */
export function bareQuoteText(text: string): string {
  // Two pointers rather than an end-anchored regex, which would rescan the tail from every position.
  let start = 0;
  let end = text.length;
  while (start < end && (LEADING.has(text[start]) || SPACE.test(text[start]))) start++;
  while (end > start && (TRAILING.has(text[end - 1]) || SPACE.test(text[end - 1]))) end--;
  return text.slice(start, end);
}

/** `analysis` without the quotes an override marks as not a quote (matched by their words). */
export function withoutRejectedQuotes(analysis: Analysis, overrides: readonly AttributionOverride[]): Analysis {
  const rejected = new Set(overrides.filter((o) => o.notQuote).map((o) => bareQuoteText(o.exact)));
  if (rejected.size === 0) return analysis;
  return { ...analysis, quotes: analysis.quotes.filter((q) => !rejected.has(bareQuoteText(q.text))) };
}
