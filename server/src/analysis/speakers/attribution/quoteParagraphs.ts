// Which paragraph each quote stands in, for the stages that read a quote's line (speaker labels, signatures).
// UTF-16 indices.
import type { Quote } from '../../types';

type Range = { start: number; end: number };

/**
 * For each quote, in text order, the last paragraph that starts at or before it (the first paragraph when none
 * does; undefined only when there is no paragraph). One forward walk over both lists.
 */
export function quoteParagraphs(paragraphs: readonly Range[], quotes: readonly Quote[]): (Range | undefined)[] {
  let p = 0;
  return quotes.map((q) => {
    while (p + 1 < paragraphs.length && paragraphs[p + 1].start <= q.start) p++;
    return paragraphs[p];
  });
}
