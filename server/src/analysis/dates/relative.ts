// Finds day words relative to the article's own date ("yesterday", "today", "tomorrow", "the day before
// yesterday") and resolves them against it. Vaguer spans ("last week", "next month", "recently") name no day
// and are left out: an ISO day for them would be invented.
import { dayNumber, fromDayNumber, type CalendarDate } from './calendar';

export interface RelativeDay {
  start: number;
  end: number;
  text: string;
  date: CalendarDate;
}

const OFFSETS: Record<string, number> = {
  'the day before yesterday': -2,
  yesterday: -1,
  today: 0,
  tonight: 0,
  tomorrow: 1,
  'the day after tomorrow': 2,
};

const RELATIVE_DAY = /\b(?:the day before yesterday|the day after tomorrow|yesterday|today|tonight|tomorrow)\b/gi;
/** Programme titles ("the Today show", "NBC's Today"), which are names rather than days. */
const PROGRAMME_AFTER = /^\s+(?:show|programme|program)\b/i;
const PROGRAMME_BEFORE = /['’]s\s+$/;

/** `blocked` spans (dates already found) hide words that belong to them. Linear in the text. */
export function findRelativeDays(text: string, anchor: CalendarDate, blocked: readonly { start: number; end: number }[]): RelativeDay[] {
  const found: RelativeDay[] = [];
  const base = dayNumber(anchor);
  let b = 0;
  RELATIVE_DAY.lastIndex = 0;
  for (let m = RELATIVE_DAY.exec(text); m; m = RELATIVE_DAY.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    while (b < blocked.length && blocked[b].end <= start) b++;
    if (b < blocked.length && blocked[b].start < end) continue;
    // A programme title is capitalised; the day word in "today's talks" or "Today, the ministers" is not one.
    if (
      /^T/.test(m[0]) &&
      (PROGRAMME_AFTER.test(text.slice(end, end + 12)) || PROGRAMME_BEFORE.test(text.slice(Math.max(0, start - 4), start)))
    ) {
      continue;
    }
    found.push({ start, end, text: m[0], date: fromDayNumber(base + OFFSETS[m[0].toLowerCase()]) });
  }
  return found;
}
