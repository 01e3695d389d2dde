// Recognises a line that is nothing but a date (the dateline under a byline, the timestamp closing a body,
// a footer date), allowing labels such as "Published:" or "Updated" and separators around it, and a byline
// that carries the date ("Jane Doe | October 1, 2020", "Posted on Oct 1, 2020 by Jane Doe").
import { datesWithin, type DateMatch } from './absolute';

/** Labels and time zones a date line may carry; a zone may take an offset ("GMT+3"). */
const LABEL_WORD =
  '(?:published|first published|updated|last updated|posted|modified|last modified|edited|last edited|revised|' +
  'date|on|at|local time|gmt|utc|msk|cet|cest|eet|eest|est|edt|cst|pst|pdt|bst|ist)';
const FILLER = new RegExp(
  '^(?:[\\s|•·,:;()\\[\\]*_/–—-]|' +
    // A time and the colon-joined numbers after it read as one run ("12:30:15"), never as several times, and not
    // as a label's offset ("GMT-3:00"): each piece of a line reads one way only, so a check never backtracks far.
    `(?<!\\d:)(?<!\\b${LABEL_WORD}[+-])\\b\\d{1,2}(?::\\d{2})+(?:\\s*[ap]\\.?\\s?m\\b\\.?)?|` +
    // Reuters prints "November 2, 2023 5:42 PM GMT+0Updated 2 hours ago": a relative update stamp after the date.
    '\\b(?:\\d+|an?|one)\\s+(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|days?)\\s+ago\\b|' +
    `\\b${LABEL_WORD}\\b(?:[+-]\\d{1,2}(?::?\\d{2})?)?)*$`,
  'i',
);

/** The line [start, end) with each of its dates replaced by a space: what remains besides the dates. */
function withoutDates(text: string, start: number, end: number, inside: readonly DateMatch[]): string {
  let rest = '';
  let at = start;
  for (const d of inside) {
    rest += text.slice(at, d.start) + ' ';
    at = d.end;
  }
  return rest + text.slice(at, end);
}

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
  return FILLER.test(withoutDates(text, start, end, inside)) ? inside[0] : null;
}

/** Words a dated byline may hold besides names: labels, "by"/"and", time zones, a time of day. */
const BYLINE_LABEL =
  /^(?:by|and|&|in|for|posted|published|updated|on|at|gmt|utc|bst|edt|est|cet|cest|msk|\d{1,2}:\d{2}(?:[ap]\.?m\.?)?|[ap]\.?m\.?)$/i;
const SEPARATOR = /^[|•·,:;()[\]*_/–—-]+$/;
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}.'’-]*$/u;
/** A byline names a few people or an agency; more capitalised words than this make a headline. */
const MAX_NAME_WORDS = 6;

/**
 * The (first) date of a short line that is a byline with a date: the date plus names, labels and separators,
 * with one to six name words ("Jane Doe | October 1, 2020", "Posted on Oct 1, 2020 by Jane Doe").
 * Any other lower-case word makes the line a sentence, and more names a headline.
 */
export function datedBylineLine(text: string, start: number, end: number, dates: readonly DateMatch[]): DateMatch | null {
  if (end - start > MAX_DATE_LINE) return null;
  const inside = datesWithin(dates, start, end);
  if (inside.length === 0) return null;
  const rest = withoutDates(text, start, end, inside);
  let names = 0;
  for (const token of rest.replace(/([|•·,;:()[\]])/g, ' $1 ').split(/\s+/)) {
    if (token === '' || BYLINE_LABEL.test(token) || SEPARATOR.test(token)) continue;
    if (!NAME_WORD.test(token)) return null;
    names++;
  }
  return names >= 1 && names <= MAX_NAME_WORDS ? inside[0] : null;
}
