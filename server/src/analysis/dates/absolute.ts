// Finds written-out calendar dates ("October 01, 2020", "3 November 2021", "11.Jan.2026", "07.12.2020 12:16",
// "2020-10-01", "2020/10/01") with an optional time of day. Numeric dotted, dashed and slashed day-month-year
// dates are read day-first, as newsrooms in Europe and Russia write them. Year-less dates ("Oct 1") are
// returned with year null; the caller supplies the year from the article's own date.
import { MONTH_PATTERN, WEEKDAY_PATTERN, isValidDate, isValidTime, monthNumber } from './calendar';
import { dateClues, type DateClues } from './dateClues';

export interface DateMatch {
  start: number;
  end: number;
  text: string;
  year: number | null;
  month: number;
  day: number;
  hour: number | null;
  minute: number | null;
}

const ORDINAL = '(?:st|nd|rd|th)?';
const WEEKDAY_PREFIX = `(?:${WEEKDAY_PATTERN}\\.?,?\\s+(?:the\\s+)?)?`;

/** What a slashed numeric date says about the document's convention. */
type NumericOrder = 'dayFirst' | 'monthFirst' | 'ambiguous';

interface Parts {
  year: number | null;
  month: number;
  day: number;
  monthToken?: string;
  order?: NumericOrder;
  /** A range ("October 1-3, 2020") stands for its first day and takes no time of day. */
  range?: boolean;
}

interface Layout {
  re: RegExp;
  read(m: RegExpExecArray): Parts | null;
  /** What the text must have somewhere for `re` to match in it (dateClues.ts); the pattern is not run otherwise. */
  needs: (keyof DateClues)[];
}

const DASH = '[ \\t]*[-–—][ \\t]*';
const isCapitalised = (token: string) => /^[A-Z]/.test(token);

/**
 * The first day of a range from its two ends, or null for nonsense ("October 3-1", "Feb 30-31"). The year
 * written after the range belongs to its end, so a range across New Year starts in the year before.
 */
function rangeStart(month: number, day: number, endMonth: number, endDay: number, year: number | null, tokens: string[]): Parts | null {
  if (!tokens.every(isCapitalised)) return null;
  const crossesYear = endMonth < month;
  const startYear = year !== null && crossesYear ? year - 1 : year;
  if (!isValidDate(year ?? 2000, endMonth, endDay)) return null;
  if (!crossesYear && (endMonth < month || (endMonth === month && endDay <= day))) return null;
  return { year: startYear, month, day, monthToken: tokens[0], range: true };
}

// A month name must be capitalised ("may" is also a verb); the regexes are case-insensitive for "JAN".
const LAYOUTS: Layout[] = [
  {
    // Ranges within a month: October 1-3, 2020 · Oct. 1 – 3 · 1-3 October 2020
    re: new RegExp(
      `\\b${WEEKDAY_PREFIX}(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})${ORDINAL}${DASH}(\\d{1,2})${ORDINAL}(?:,?\\s+(\\d{4}))?\\b(?![.:/-]\\d)`,
      'gi',
    ),
    needs: ['monthThenNumber', 'numberThenDash', 'dashThenNumber'],
    read: (m) => {
      const month = monthNumber(m[1]) ?? 0;
      return rangeStart(month, Number(m[2]), month, Number(m[3]), m[4] ? Number(m[4]) : null, [m[1]]);
    },
  },
  {
    re: new RegExp(`\\b(\\d{1,2})${ORDINAL}${DASH}(\\d{1,2})${ORDINAL}\\s+(${MONTH_PATTERN})\\b(?:\\.?,?\\s+(\\d{4})\\b)?`, 'gi'),
    needs: ['numberThenDash', 'dashThenNumber', 'numberThenMonth'],
    read: (m) => {
      const month = monthNumber(m[3]) ?? 0;
      return rangeStart(month, Number(m[1]), month, Number(m[2]), m[4] ? Number(m[4]) : null, [m[3]]);
    },
  },
  {
    // Ranges across months: Sept. 30-Oct. 2, 2020 · 30 September – 2 October 2020 · December 30-January 2, 2021
    re: new RegExp(
      `\\b${WEEKDAY_PREFIX}(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})${ORDINAL}${DASH}(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})${ORDINAL}(?:,?\\s+(\\d{4}))?\\b(?![.:/-]\\d)`,
      'gi',
    ),
    needs: ['monthThenNumber', 'numberThenDash'],
    read: (m) =>
      rangeStart(monthNumber(m[1]) ?? 0, Number(m[2]), monthNumber(m[3]) ?? 0, Number(m[4]), m[5] ? Number(m[5]) : null, [m[1], m[3]]),
  },
  {
    re: new RegExp(
      `\\b(\\d{1,2})${ORDINAL}\\s+(${MONTH_PATTERN})\\.?${DASH}(\\d{1,2})${ORDINAL}\\s+(${MONTH_PATTERN})\\b(?:\\.?,?\\s+(\\d{4})\\b)?`,
      'gi',
    ),
    needs: ['numberThenMonth', 'dashThenNumber'],
    read: (m) =>
      rangeStart(monthNumber(m[2]) ?? 0, Number(m[1]), monthNumber(m[4]) ?? 0, Number(m[3]), m[5] ? Number(m[5]) : null, [m[2], m[4]]),
  },
  {
    // October 01, 2020 · Nov. 3, 2021 · Oct 1 · Thursday, October 1st 2020
    re: new RegExp(`\\b${WEEKDAY_PREFIX}(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})${ORDINAL}(?:,?\\s+(\\d{4}))?\\b(?![.:/-]\\d)`, 'gi'),
    needs: ['monthThenNumber'],
    read: (m) => ({ monthToken: m[1], month: monthNumber(m[1]) ?? 0, day: Number(m[2]), year: m[3] ? Number(m[3]) : null }),
  },
  {
    // 3 November 2021 · 14 Jan 2026 · 11.Jan.2026 · 11-Jan-2026 · 1 December · the 3rd of May, 2021
    re: new RegExp(
      `\\b${WEEKDAY_PREFIX}(\\d{1,2})${ORDINAL}(?:\\s+of)?(?:\\s+|[.-])(${MONTH_PATTERN})\\b(?:(?:\\.?,?\\s+|[.-])(\\d{4})\\b)?`,
      'gi',
    ),
    needs: ['numberThenMonth'],
    read: (m) => ({ monthToken: m[2], month: monthNumber(m[2]) ?? 0, day: Number(m[1]), year: m[3] ? Number(m[3]) : null }),
  },
  {
    // 2020-10-01 · 2020/10/01 · 2020.10.01 (year first is never ambiguous)
    // One separator written twice, spelled out per separator: a backreference would hide the pattern from the
    // ReDoS check's exact (automaton) analysis.
    re: /\b(\d{4})(?:-(\d{1,2})-|\/(\d{1,2})\/|\.(\d{1,2})\.)(\d{1,2})(?!\.*\d)/g,
    needs: [],
    read: (m) => ({ year: Number(m[1]), month: Number(m[2] ?? m[3] ?? m[4]), day: Number(m[5]) }),
  },
  {
    // 07.12.2020 · 7/12/2020 · 07-12-2020: day first unless impossible
    re: /\b(\d{1,2})([./-])(\d{1,2})\2(\d{4})\b(?![.-]\d)/g,
    needs: [],
    read: (m) => {
      const first = Number(m[1]);
      const second = Number(m[3]);
      const year = Number(m[4]);
      if (m[2] === '.') return { day: first, month: second, year };
      // Slashed and dashed dates are also written month-first (American style): "10/25/2020" can only be that.
      if (second > 12 && first <= 12) return { day: second, month: first, year, order: 'monthFirst' };
      return { day: first, month: second, year, order: first > 12 ? 'dayFirst' : first === second ? undefined : 'ambiguous' };
    },
  },
];

// A time right after the date: "07.12.2020 12:16", "October 1, 2020, 3:45 pm", "2020-10-01T12:16".
// An ISO time may carry seconds, a fraction and a zone ("T14:05:00.000Z", "T14:05:00+03:00"); they stay in the span,
// as does a zone name after the time ("5:30 p.m. EDT", "5:51 PM GMT+1"); the ISO form keeps the local hour and
// minute as written.
const TIME_AFTER =
  /^(?:,?[ \t]*(?:at[ \t]+)?|T|[ \t]+[|•·/–—-][ \t]+)(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?(?![\w:+]))?(?:[ \t]*([ap])\.?[ \t]?m\b\.?)?(?:[ \t]+(?:GMT|UTC|BST|CET|CEST|EET|EEST|MSK|[ECMP][SD]T)\b(?:[+-]\d{1,2}(?::?\d{2})?)?)?(?![\d:])/i;
// British style "Thu 1 Oct 2020 14.05 BST", "2 Nov 2023, 17.42 GMT": a dotted time, accepted only when a time zone
// or the line end follows.
const DOTTED_TIME_AFTER = /^,?[ \t]+(\d{1,2})\.(\d{2})(?=[ \t]*(?:(?:GMT|UTC|BST|CET|CEST|EET|EEST|MSK|[ECMP][SD]T)\b|\r|\n|$))/;
// A time right before it on the same line: "12:16, 07.12.2020", "12:16 | Oct 1, 2020".
const TIME_BEFORE =
  /(?:^|[^\d:])(\d{1,2}):(\d{2})(?:[ \t]*([ap])\.?[ \t]?m\b\.?)?(?:[ \t]+(?:GMT|UTC|[A-Z]{1,3}[SD]?T)\b)?(?:[ \t]*[,|•·/–—-][ \t]*|[ \t]+)$/i;

/** The last text searched and its dates: layout and dateline finding both ask for the same text in a row. */
let lastSearch: { text: string; dates: readonly DateMatch[] } | null = null;

/** Every absolute date in `text`, sorted by start and not overlapping. The result is shared: never mutate it. */
export function findAbsoluteDates(text: string): readonly DateMatch[] {
  if (lastSearch?.text === text) return lastSearch.dates;
  const dates = searchAbsoluteDates(text);
  lastSearch = { text, dates };
  return dates;
}

function searchAbsoluteDates(text: string): readonly DateMatch[] {
  const found: Draft[] = [];
  const clues = dateClues(text);
  for (const layout of LAYOUTS) {
    if (!layout.needs.every((clue) => clues[clue])) continue;
    layout.re.lastIndex = 0;
    for (let m = layout.re.exec(text); m; m = layout.re.exec(text)) {
      const parts = layout.read(m);
      if (!parts || !plausible(parts)) continue;
      if (parts.order === undefined) delete parts.order;
      const range = parts.range === true;
      delete parts.range;
      if (parts.monthToken && !/^[A-Z]/.test(parts.monthToken)) continue;
      if (insideUrl(text, m.index, m.index + m[0].length)) continue;
      const draft: Draft = { start: m.index, end: m.index + m[0].length, ...parts, hour: null, minute: null };
      found.push(range ? draft : withTime(text, draft));
    }
  }
  return keepLongest(applyDocumentOrder(found)).map((d) => ({
    start: d.start,
    end: d.end,
    text: text.slice(d.start, d.end),
    year: d.year,
    month: d.month,
    day: d.day,
    hour: d.hour,
    minute: d.minute,
  }));
}

type Draft = Omit<DateMatch, 'text'> & { order?: NumericOrder };

/**
 * A document that writes some slashed dates month-first ("10/25/2020") and none day-first writes them all
 * that way, so its ambiguous ones ("11/01/2020") are read month-first too; otherwise day-first stands.
 */
function applyDocumentOrder(found: Draft[]): Draft[] {
  const monthFirst = found.some((d) => d.order === 'monthFirst') && !found.some((d) => d.order === 'dayFirst');
  if (!monthFirst) return found;
  return found.map((d) => (d.order === 'ambiguous' ? { ...d, day: d.month, month: d.day } : d));
}

function plausible(p: { year: number | null; month: number; day: number }): boolean {
  if (p.year !== null && (p.year < 1900 || p.year > 2199)) return false;
  // Year-less dates are checked against a leap year so "Feb 29" survives until the year is known.
  return isValidDate(p.year ?? 2000, p.month, p.day);
}

function withTime(text: string, d: Draft): Draft {
  if (d.year === null) return d; // "Oct 1 12:00" is too rare to be worth the false positives.
  const following = text.slice(d.end, d.end + 24);
  const after = TIME_AFTER.exec(following) ?? DOTTED_TIME_AFTER.exec(following);
  if (after) {
    const time = toTime(after[1], after[2], after[3]);
    if (time) return { ...d, end: d.end + after[0].length, ...time };
  }
  const lead = text.slice(Math.max(0, d.start - 24), d.start);
  const before = TIME_BEFORE.exec(lead.slice(Math.max(lead.lastIndexOf('\n'), lead.lastIndexOf('\r')) + 1));
  if (before) {
    const time = toTime(before[1], before[2], before[3]);
    const offset = before[0].length - (/^[^\d]/.test(before[0]) ? 1 : 0);
    if (time) return { ...d, start: d.start - offset, ...time };
  }
  return d;
}

function toTime(h: string, m: string, meridiem: string | undefined): { hour: number; minute: number } | null {
  let hour = Number(h);
  const minute = Number(m);
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
  }
  return isValidTime(hour, minute) ? { hour, minute } : null;
}

/** Dates in URL paths ("/2020/10/01/") are addresses, not date expressions. */
function insideUrl(text: string, start: number, end: number): boolean {
  let a = start;
  let b = end;
  while (a > 0 && !/[\s<>()[\]"]/.test(text[a - 1])) a--;
  while (b < text.length && !/[\s<>()[\]"]/.test(text[b])) b++;
  if (/:\/\/|^<?www\./i.test(text.slice(a, b))) return true;
  // "2020/10/01" alone is a date; the same digits between further slashes are a path.
  return /\//.test(text.slice(a, start) + text.slice(end, b));
}

/** Where matches overlap, the longer one wins (the one that took the year or the time with it). Linear sweep. */
function keepLongest(found: Draft[]): Draft[] {
  const byStart = [...found].sort((x, y) => x.start - y.start || y.end - y.start - (x.end - x.start));
  const kept: Draft[] = [];
  for (const d of byStart) {
    const last = kept[kept.length - 1];
    if (!last || d.start >= last.end) kept.push(d);
    else if (d.end - d.start > last.end - last.start) kept[kept.length - 1] = d;
  }
  return kept;
}

/** The matches inside [start, end), from matches sorted by start (binary search, so callers stay linear). */
export function datesWithin(dates: readonly DateMatch[], start: number, end: number): DateMatch[] {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  const inside: DateMatch[] = [];
  for (let i = lo; i < dates.length && dates[i].start < end; i++) if (dates[i].end <= end) inside.push(dates[i]);
  return inside;
}
