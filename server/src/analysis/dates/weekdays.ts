// Finds weekday references ("on Thursday", "earlier Thursday", "said Tuesday", "last Friday") and resolves them
// against the article's own date. News copy uses a bare weekday for a day of the current week, so a past-tense
// mention means the most recent such weekday on or before the article date; a clause in the future tense
// ("are due to meet on Thursday") or "next"/"this"/"later" points forward instead.
import { dayNumber, fromDayNumber, weekdayNumber, weekdayOf, type CalendarDate } from './calendar';
import { isSpaceCode } from '../article/chars';

export interface WeekdayReference {
  start: number;
  end: number;
  text: string;
  date: CalendarDate;
}

type Direction = 'onOrBefore' | 'before' | 'onOrAfter' | 'after';

const MODIFIERS: Readonly<Record<string, Direction>> = {
  on: 'onOrBefore',
  earlier: 'onOrBefore',
  early: 'onOrBefore',
  late: 'onOrBefore',
  last: 'before',
  later: 'onOrAfter',
  next: 'after',
  this: 'onOrAfter',
  coming: 'onOrAfter',
};
const MODIFIER_WORDS: ReadonlySet<string> = new Set(Object.keys(MODIFIERS));

/** A weekday name as a word of its own (case-sensitive); the modifier before it is read backwards from it. */
const WEEKDAY = /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g;
const FUTURE =
  /\b(?:will|won['’]t|shall|would|is to|are to|was to|were to|due to|expected to|scheduled|slated|set to|plans? to|going to|upcoming)\b/i;

/** `blocked` spans (absolute dates) hide weekdays that belong to them ("Thursday, October 1, 2020"). */
export function findWeekdayReferences(
  text: string,
  anchor: CalendarDate,
  blocked: readonly { start: number; end: number }[],
): WeekdayReference[] {
  const found: WeekdayReference[] = [];
  // Blocked spans are sorted and disjoint, and references are found in order: one pointer walks them.
  let b = 0;
  WEEKDAY.lastIndex = 0;
  for (let m = WEEKDAY.exec(text); m; m = WEEKDAY.exec(text)) {
    const day = m.index;
    const end = day + m[0].length;
    const modifierStart = modifierBefore(text, day);
    const modifier = modifierStart === -1 ? undefined : text.slice(modifierStart, wordEndAfter(text, modifierStart));
    const start = modifierStart === -1 ? day : modifierStart;
    while (b < blocked.length && blocked[b].end <= start) b++;
    if (b < blocked.length && blocked[b].start < end) continue;
    if (!modifier && isPartOfName(text, start)) continue;
    const direction = modifier ? MODIFIERS[modifier] : 'onOrBefore';
    const resolved = direction === 'onOrBefore' && inFutureClause(text, start) ? 'onOrAfter' : direction;
    found.push({ start, end, text: text.slice(start, end), date: resolve(anchor, weekdayNumber(m[0])!, resolved) });
  }
  return found;
}

/** `\w` as a regular expression without the `u` flag reads it. */
const isWordUnit = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/**
 * Where the modifier of the weekday at `day` starts ("on", "last", "next" … then blanks), or -1: the whole word
 * before the blanks, which the pattern `\b(?:(on|…|coming)\s+)?Monday` would have taken with the weekday.
 */
function modifierBefore(text: string, day: number): number {
  let blank = day;
  while (blank > 0 && isSpaceCode(text.charCodeAt(blank - 1))) blank--;
  if (blank === day) return -1;
  let start = blank;
  while (start > 0 && isWordUnit(text.charCodeAt(start - 1))) start--;
  if (start === blank || blank - start > 7) return -1;
  return MODIFIER_WORDS.has(text.slice(start, blank)) ? start : -1;
}

function wordEndAfter(text: string, start: number): number {
  let end = start;
  while (isWordUnit(text.charCodeAt(end))) end++;
  return end;
}

function resolve(anchor: CalendarDate, weekday: number, direction: Direction): CalendarDate {
  const base = dayNumber(anchor);
  const back = (weekdayOf(anchor) - weekday + 7) % 7;
  const ahead = (weekday - weekdayOf(anchor) + 7) % 7;
  switch (direction) {
    case 'onOrBefore':
      return fromDayNumber(base - back);
    case 'before':
      return fromDayNumber(base - (back || 7));
    case 'onOrAfter':
      return fromDayNumber(base + ahead);
    case 'after':
      return fromDayNumber(base + (ahead || 7));
  }
}

/** Named days ("Good Friday", "Super Tuesday", "Bloody Sunday") are events, not days of this week. */
const NAMED_DAY = /\b(?:good|black|cyber|super|ash|holy|maundy|bloody|palm|easter|whit|shrove|low|giving|fat|blue|mad|casual)\s+$/i;

function isPartOfName(text: string, start: number): boolean {
  return NAMED_DAY.test(text.slice(Math.max(0, start - 12), start));
}

/** Characters that end the clause before a weekday: . ! ? ; , a line break and opening marks. */
const isClauseBreak = (c: number): boolean =>
  c === 46 || c === 33 || c === 63 || c === 59 || c === 44 || c === 10 || c === 0x201c || c === 34 || c === 0xab;

/** The clause leading up to the weekday (back to the last comma or sentence end, within 200 characters) is in the future tense. */
function inFutureClause(text: string, start: number): boolean {
  const floor = Math.max(0, start - 200);
  let clauseStart = floor;
  for (let i = start - 1; i >= floor; i--) {
    if (isClauseBreak(text.charCodeAt(i))) {
      clauseStart = i + 1;
      break;
    }
  }
  return FUTURE.test(text.slice(clauseStart, start));
}
