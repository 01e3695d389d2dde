// The analyst's "not a quote" corrections (sidecar attributions with `notQuote`): the quotes they name are dropped
// from the analysis, so no token, diagnostic or export treats the words as speech. Pure post-step.
import type { Analysis, AttributionOverride } from '../types';

const MARKS = /^["“”«»„‘’'\s]+|["“”«»„‘’'\s.,;:!?]+$/gu;

/** A quote's words without the marks and trailing punctuation around them, to compare a correction with a quote. */
export function bareQuoteText(text: string): string {
  return text.replace(MARKS, '');
}

/** `analysis` without the quotes an override marks as not a quote (matched by their words). */
export function withoutRejectedQuotes(analysis: Analysis, overrides: readonly AttributionOverride[]): Analysis {
  const rejected = new Set(overrides.filter((o) => o.notQuote).map((o) => bareQuoteText(o.exact)));
  if (rejected.size === 0) return analysis;
  return { ...analysis, quotes: analysis.quotes.filter((q) => !rejected.has(bareQuoteText(q.text))) };
}
