// What a written-out date needs around its numbers, looked for in one pass over the digits of a text, so that the
// date patterns (dates/absolute.ts) that cannot match are not run at all: each tries every position of the text,
// and most articles have no day range and few month names next to a number. Each clue is a necessary condition of
// the patterns that ask for it, read loosely (any two letters may be an ordinal): a clue found where no date is
// only costs the pattern's run, a clue missed would lose a date.
import { isSpaceCode } from '../article/chars';

export interface DateClues {
  /** A number then a dash: "1-3", "1st – 3rd" (ranges). */
  numberThenDash: boolean;
  /** A dash then a number: "Sept. 30-Oct. 2", "30 September – 2 October" (ranges across months). */
  dashThenNumber: boolean;
  /** A month then a number: "October 01", "Nov. 3". */
  monthThenNumber: boolean;
  /** A number then a month: "3 November", "11.Jan", "the 3rd of May". */
  numberThenMonth: boolean;
}

/** Month names and abbreviations (calendar.ts MONTH_PATTERN) by their first three letters. */
const MONTH_STARTS = new Set(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']);
/** The same by their last three letters ("january" ends in "ary", "sept" in "ept"). */
const MONTH_ENDS = new Set([...MONTH_STARTS, 'ary', 'rch', 'ril', 'une', 'uly', 'ust', 'ept', 'ber']);

export function dateClues(text: string): DateClues {
  const clues: DateClues = { numberThenDash: false, dashThenNumber: false, monthThenNumber: false, numberThenMonth: false };
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
    if (!clues.numberThenDash && dashAfter(text, i)) clues.numberThenDash = true;
    if (!clues.dashThenNumber && dashBefore(text, start)) clues.dashThenNumber = true;
    if (!clues.monthThenNumber && monthBefore(text, start)) clues.monthThenNumber = true;
    if (!clues.numberThenMonth && monthAfter(text, i)) clues.numberThenMonth = true;
    if (clues.numberThenDash && clues.dashThenNumber && clues.monthThenNumber && clues.numberThenMonth) break;
  }
  return clues;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isDash(c: number): boolean {
  return c === 45 || c === 0x2013 || c === 0x2014;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** `\s` at `k`; false past either end of the text. */
function spaceAt(text: string, k: number): boolean {
  return k >= 0 && k < text.length && isSpaceCode(text.charCodeAt(k));
}

/** Where a number ending at `end` may go on past an ordinal suffix ("st", "nd", …: any two letters here). */
function afterOrdinal(text: string, end: number): number {
  return isAsciiLetter(text.charCodeAt(end)) && isAsciiLetter(text.charCodeAt(end + 1)) ? end + 2 : end;
}

/** `\d{1,2}(?:st|nd|rd|th)?[ \t]*[-–—]` can end the number at `end`. */
function dashAfter(text: string, end: number): boolean {
  for (const from of [end, afterOrdinal(text, end)]) {
    let k = from;
    while (isBlank(text.charCodeAt(k))) k++;
    if (isDash(text.charCodeAt(k))) return true;
  }
  return false;
}

/** `[-–—][ \t]*\d` can reach the number starting at `start`. */
function dashBefore(text: string, start: number): boolean {
  let k = start - 1;
  while (k >= 0 && isBlank(text.charCodeAt(k))) k--;
  return k >= 0 && isDash(text.charCodeAt(k));
}

/** `(MONTH)\.?\s+\d` can reach the number starting at `start`. */
function monthBefore(text: string, start: number): boolean {
  let k = start - 1;
  if (!spaceAt(text, k)) return false;
  while (spaceAt(text, k)) k--;
  if (k >= 0 && text.charCodeAt(k) === 46) k--;
  return k >= 2 && MONTH_ENDS.has(lowerAscii(text, k - 2));
}

/** `\d(?:st|nd|rd|th)?(?:\s+of)?(?:\s+|[.-])(MONTH)` can follow the number ending at `end`. */
function monthAfter(text: string, end: number): boolean {
  for (const from of [end, afterOrdinal(text, end)]) {
    const c = text.charCodeAt(from);
    if ((c === 46 || c === 45) && MONTH_STARTS.has(lowerAscii(text, from + 1))) return true;
    if (!spaceAt(text, from)) continue;
    let k = from;
    while (spaceAt(text, k)) k++;
    if (MONTH_STARTS.has(lowerAscii(text, k))) return true;
    // "the 3rd of May", "3 of-May": past "of", blanks, dots and hyphens.
    if ((text.charCodeAt(k) | 32) === 111 && (text.charCodeAt(k + 1) | 32) === 102) {
      k += 2;
      while (text.charCodeAt(k) === 46 || text.charCodeAt(k) === 45 || spaceAt(text, k)) k++;
      if (MONTH_STARTS.has(lowerAscii(text, k))) return true;
    }
  }
  return false;
}

/** text[at, at + 3) lower-cased when it is three ASCII letters, else "" (the date patterns spell months in ASCII). */
function lowerAscii(text: string, at: number): string {
  let out = '';
  for (let k = at; k < at + 3; k++) {
    const c = text.charCodeAt(k);
    if (!isAsciiLetter(c)) return '';
    out += String.fromCharCode(c | 32);
  }
  return out;
}
