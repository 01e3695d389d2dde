// Finds weekday references ("on Thursday", "earlier Thursday", "said Tuesday", "last Friday") and resolves them
// against the article's own date. News copy uses a bare weekday for a day of the current week, so a past-tense
// mention means the most recent such weekday on or before the article date; a clause in the future tense
// ("are due to meet on Thursday") or "next"/"this"/"later" points forward instead.
import { dayNumber, fromDayNumber, weekdayNumber, weekdayOf, type CalendarDate } from './calendar';

export interface WeekdayReference {
  start: number;
  end: number;
  text: string;
  date: CalendarDate;
}

type Direction = 'onOrBefore' | 'before' | 'onOrAfter' | 'after';

const MODIFIERS: Record<string, Direction> = {
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

const REFERENCE =
  /\b(?:(on|earlier|early|late|later|last|next|this|coming)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g;
const FUTURE =
  /\b(?:will|won['’]t|shall|would|is to|are to|was to|were to|due to|expected to|scheduled|slated|set to|plans? to|going to|upcoming)\b/i;

/** `blocked` spans (absolute dates) hide weekdays that belong to them ("Thursday, October 1, 2020"). */
export function findWeekdayReferences(
  text: string,
  anchor: CalendarDate,
  blocked: readonly { start: number; end: number }[],
): WeekdayReference[] {
  const found: WeekdayReference[] = [];
  REFERENCE.lastIndex = 0;
  for (let m = REFERENCE.exec(text); m; m = REFERENCE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (blocked.some((b) => start < b.end && b.start < end)) continue;
    const modifier = m[1]?.toLowerCase();
    if (!modifier && isPartOfName(text, start)) continue;
    const direction = modifier ? MODIFIERS[modifier] : 'onOrBefore';
    const resolved = direction === 'onOrBefore' && inFutureClause(text, start) ? 'onOrAfter' : direction;
    found.push({ start, end, text: m[0], date: resolve(anchor, weekdayNumber(m[2])!, resolved) });
  }
  return found;
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

/** The clause leading up to the weekday (back to the last comma or sentence end) is in the future tense. */
function inFutureClause(text: string, start: number): boolean {
  const lead = text.slice(Math.max(0, start - 200), start);
  const clauseStart = Math.max(...['.', '!', '?', ';', ',', '\n', '“', '"', '«'].map((c) => lead.lastIndexOf(c)));
  return FUTURE.test(lead.slice(clauseStart + 1));
}
