// Recognises a line that is nothing but a date (the dateline under a byline, the timestamp closing a body,
// a footer date), allowing labels such as "Published:" or "Updated" and separators around it.
import type { DateMatch } from './absolute';

const FILLER = new RegExp(
  '^(?:[\\s|•·,:;()\\[\\]*_/–—-]|' +
    '\\b(?:published|updated|last updated|posted|modified|date|on|at|local time|' +
    'gmt|utc|msk|cet|cest|eet|eest|est|edt|cst|pst|pdt|bst|ist)\\b)*$',
  'i',
);

/**
 * The date that makes up the line [start, end), or null when the line carries anything else.
 * `dates` are matches over the whole text; only those inside the line are considered.
 */
export function dateOnlyLine(text: string, start: number, end: number, dates: readonly DateMatch[]): DateMatch | null {
  const inside = dates.filter((d) => d.start >= start && d.end <= end);
  if (inside.length !== 1) return null;
  const d = inside[0]!;
  const rest = text.slice(start, d.start) + ' ' + text.slice(d.end, end);
  return FILLER.test(rest) ? d : null;
}
