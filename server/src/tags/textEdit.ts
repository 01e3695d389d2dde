// Finds the one region where a text changed (common prefix and suffix) and maps tag spans through it, so tags follow
// typing exactly: an insertion before a tag shifts it, typing inside it grows it; only spans the change swallows
// need the slower quote search.
import type { CodePointIndex, TextReader } from '../analysis/offsets';

/** old [start, oldEnd) became new [start, newEnd); code points. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** Where the editor said the text changed: UTF-16 [start, oldEnd) of the old text became [start, newEnd); equal elsewhere. */
export interface KnownChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/**
 * The single region that differs between two texts, or null when they are equal.
 * @param known where the texts may differ (the edit that made `newText`): the search for the common prefix and
 * suffix starts at its edges instead of the texts' ends, so a keystroke costs its own length, not the text's.
 */
export function changeBetween(
  oldText: TextReader,
  newText: TextReader,
  oldIndex: CodePointIndex,
  newIndex: CodePointIndex,
  known?: KnownChange,
): TextChange | null {
  if (oldText === newText) return null;
  // Texts in pieces are compared only around the known change; without one, read whole.
  if (!known) [oldText, newText] = [String(oldText), String(newText)];
  if (oldText === newText) return null;
  const max = Math.min(oldText.length, newText.length);
  let p = known ? Math.min(known.start, max) : 0;
  while (p < max && oldText.charCodeAt(p) === newText.charCodeAt(p)) p++;
  if (p > 0 && isHighSurrogate(oldText.charCodeAt(p - 1))) p--; // never split a character
  let s = known ? Math.max(Math.min(oldText.length - known.oldEnd, max - p), 0) : 0;
  while (s < max - p && oldText.charCodeAt(oldText.length - 1 - s) === newText.charCodeAt(newText.length - 1 - s)) s++;
  if (s > 0 && isLowSurrogate(oldText.charCodeAt(oldText.length - s))) s--;
  return {
    start: oldIndex.toCodePoint(p),
    oldEnd: oldIndex.toCodePoint(oldText.length - s),
    newEnd: newIndex.toCodePoint(newText.length - s),
  };
}

/**
 * Maps a span of the old text into the new text, or null when the change swallowed it. A change within the span
 * (retyping its words) keeps the span around the new words; otherwise endpoints before the change stay, endpoints
 * after it shift, and endpoints inside the replaced part shrink the span to what survives. Text inserted exactly
 * at either edge stays outside the span.
 */
export function mapSpan(start: number, end: number, change: TextChange): { start: number; end: number } | null {
  const delta = change.newEnd - change.oldEnd;
  const insertion = change.oldEnd === change.start;
  const within = start <= change.start && change.oldEnd <= end && !(insertion && (change.start === start || change.start === end));
  if (within) return start < end + delta ? { start, end: end + delta } : null;
  const s = start < change.start ? start : start >= change.oldEnd ? start + delta : change.newEnd;
  const e = end <= change.start ? end : end >= change.oldEnd ? end + delta : change.start;
  return s < e ? { start: s, end: e } : null;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
