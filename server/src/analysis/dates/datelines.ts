// Finds date and date-time expressions, normalises them to ISO and picks the article's own (primary) date.
// Absolute dates come from a focused matcher (dates/absolute.ts) rather than chrono-node: measured on the
// seeds, chrono read "11.Jan.2026" as 1 January 11:00, "January 25" as the year 2025, and took dates out of
// URLs and "now"/"February" as dates, while the layouts here are few and regular.
// Year-less dates ("Oct 1"), weekday references ("on Thursday") and relative days ("yesterday") need the
// article's date: without a primary date they are left out rather than guessed. Ranges ("October 1-3, 2020")
// are read as their first day.
import type { Dateline } from '../types';
import type { DateMatch } from './absolute';
import type { Article } from '../article/article';
import { choosePrimary } from './primary';
import { findWeekdayReferences } from './weekdays';
import { findRelativeDays } from './relative';
import { dayNumber, isValidDate, isoDate, isoDateTime, type CalendarDate } from './calendar';

export function findDatelines(text: string, structure: Article): Dateline[] {
  const dates = structure.dates;
  const primary = choosePrimary(structure);
  const anchor: CalendarDate | null = primary ? { year: primary.year, month: primary.match.month, day: primary.match.day } : null;

  const datelines: Dateline[] = [];
  for (const d of dates) {
    const isPrimary = primary?.match === d;
    const year = isPrimary ? primary.year : (d.year ?? (anchor ? nearestYear(d, anchor) : null));
    if (year === null || !isValidDate(year, d.month, d.day)) continue;
    const date = { year, month: d.month, day: d.day };
    const iso = d.hour !== null && d.minute !== null ? isoDateTime(date, d.hour, d.minute) : isoDate(date);
    datelines.push({ start: d.start, end: d.end, text: d.text, iso, primary: isPrimary });
  }
  if (anchor) {
    // Trailing furniture belongs to other pages ("Subscribe today", another story's "on Monday"): the
    // article's date says nothing about its relative days.
    const end = structure.boilerplateStart ?? text.length;
    const relative = [...findWeekdayReferences(text, anchor, dates), ...findRelativeDays(text, anchor, dates)];
    for (const w of relative.filter((r) => r.start < end)) {
      datelines.push({ start: w.start, end: w.end, text: w.text, iso: isoDate(w.date), primary: false });
    }
  }
  return datelines.sort((a, b) => a.start - b.start);
}

/** "December 28" in an article of 5 January means the December before: take the year closest to the anchor. */
function nearestYear(d: DateMatch, anchor: CalendarDate): number | null {
  const candidates = [anchor.year - 1, anchor.year, anchor.year + 1]
    .filter((y) => isValidDate(y, d.month, d.day))
    .map((y) => ({ y, distance: Math.abs(dayNumber({ year: y, month: d.month, day: d.day }) - dayNumber(anchor)) }));
  candidates.sort((a, b) => a.distance - b.distance);
  return candidates[0]?.y ?? null;
}
