// Drops pull quotes: a line that is nothing but a quotation repeating words the article quotes elsewhere.
// Sites print a striking line again in large type between paragraphs; it is the same utterance, not a second one.
// Linear: one pass collects the keys of every quote that sits inside a sentence, a second pass drops the bare repeats.
import type { Quote } from '../types';

/** A quote plus whether it is alone on its line (only marks, markdown and closing punctuation around it). */
export interface PlacedQuote {
  quote: Quote;
  bare: boolean;
}

/**
 * Keeps every quote except a bare one whose words (case, spacing and punctuation aside) equal another quote's,
 * or one sentence of another quote. Among bare repeats with no counterpart in a sentence, the first stays.
 */
export function dropPullQuotes(placed: readonly PlacedQuote[]): Quote[] {
  // Most articles have no quote alone on its line: then nothing can be a pull quote, and no key is needed.
  if (!placed.some((p) => p.bare)) return placed.map((p) => p.quote);
  const spoken = new Set<string>();
  for (const { quote, bare } of placed) {
    if (bare) continue;
    const content = quote.text.slice(1, -1);
    spoken.add(key(content));
    // A pull quote often lifts one sentence of a longer quote.
    for (const sentence of content.split(/(?<=[.!?…])\s+/u)) spoken.add(key(sentence));
  }
  const seenBare = new Set<string>();
  const kept: Quote[] = [];
  for (const { quote, bare } of placed) {
    if (bare) {
      const k = key(quote.text.slice(1, -1));
      if (k !== '' && (spoken.has(k) || seenBare.has(k))) continue;
      seenBare.add(k);
    }
    kept.push(quote);
  }
  return kept;
}

function key(words: string): string {
  return words
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
