// Recognises a line that is nothing but a date (the dateline under a byline, the timestamp closing a body,
// a footer date), allowing labels such as "Published:" or "Updated" and separators around it.
import { datesWithin, type DateMatch } from './absolute';

const FILLER = new RegExp(
  '^(?:[\\s|•·,:;()\\[\\]*_/–—-]|' +
    '\\b\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*[ap]\\.?\\s?m\\b\\.?)?|' +
    '\\b(?:published|updated|last updated|posted|modified|date|on|at|local time|' +
    'gmt|utc|msk|cet|cest|eet|eest|est|edt|cst|pst|pdt|bst|ist)\\b(?:[+-]\\d{1,2}(?::?\\d{2})?)?)*$',
  'i',
);

/** Longer lines are prose or lists, never a date line; the cap also keeps the filler check cheap. */
const MAX_DATE_LINE = 160;

/**
 * The (first) date of a line [start, end) made of dates and labels only, or null when it carries anything else.
 * `dates` are matches over the whole text, sorted by start; only those inside the line are considered.
 */
export function dateOnlyLine(text: string, start: number, end: number, dates: readonly DateMatch[]): DateMatch | null {
  if (end - start > MAX_DATE_LINE) return null;
  const inside = datesWithin(dates, start, end);
  if (inside.length === 0) return null;
  // "October 1, 2020 | Updated October 2, 2020": the first date is the publication date.
  let rest = '';
  let at = start;
  for (const d of inside) { rest += text.slice(at, d.start) + ' '; at = d.end; }
  rest += text.slice(at, end);
  return FILLER.test(rest) ? inside[0]! : null;
}
