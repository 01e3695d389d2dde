// Calendar facts the date matchers need: month and weekday names, validity checks, ISO formatting,
// and day arithmetic for resolving weekday references and missing years.

const MONTH_NAMES: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const WEEKDAY_NAMES: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

/** Regex source matching an English month name or abbreviation (match case-insensitively, then check case). */
export const MONTH_PATTERN =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

/** Regex source matching a weekday name or its usual abbreviation. */
export const WEEKDAY_PATTERN =
  '(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)';

/** Month number 1-12 for a name or abbreviation ("Sept.", "JAN"), or null. */
export function monthNumber(name: string): number | null {
  return MONTH_NAMES[name.toLowerCase().replace(/\.$/, '')] ?? null;
}

/** Weekday number 0 (Sunday) to 6 for a full weekday name, or null. */
export function weekdayNumber(name: string): number | null {
  return WEEKDAY_NAMES[name.toLowerCase()] ?? null;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Whether a time of day is real (hours 0-23, minutes 0-59). */
export function isValidTime(hour: number, minute: number): boolean {
  return hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59;
}

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Days since 1970-01-01, for comparing dates and stepping through weeks. */
export function dayNumber(d: CalendarDate): number {
  return Math.round(Date.UTC(d.year, d.month - 1, d.day) / 86_400_000);
}

export function fromDayNumber(n: number): CalendarDate {
  const date = new Date(n * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function weekdayOf(d: CalendarDate): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

const pad = (n: number) => String(n).padStart(2, '0');

export function isoDate(d: CalendarDate): string {
  return `${String(d.year).padStart(4, '0')}-${pad(d.month)}-${pad(d.day)}`;
}

export function isoDateTime(d: CalendarDate, hour: number, minute: number): string {
  return `${isoDate(d)}T${pad(hour)}:${pad(minute)}`;
}

/** Parses `YYYY-MM-DD` (ignoring any time part) back into a calendar date. */
export function parseIsoDate(iso: string): CalendarDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}
