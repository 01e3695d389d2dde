// Words of a text found and looked up where they stand, without a string per word: a scan that records the spans
// of a word pattern in a reusable buffer, and a set of lower-case words asked about a span of the text directly
// (ASCII is folded while hashing; a span with any other character is sliced and lower-cased, as before).
import { charClass, LETTER, NUMBER } from './chars';

/** Spans of words: word k is [starts[k], ends[k]) in the text; the buffers are reused from scan to scan. */
export class WordSpans {
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  count = 0;

  push(start: number, end: number): void {
    if (this.count === this.starts.length) {
      const starts = new Int32Array(this.count * 2);
      starts.set(this.starts);
      this.starts = starts;
      const ends = new Int32Array(this.count * 2);
      ends.set(this.ends);
      this.ends = ends;
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count++;
  }
}

/** The code point at `i` when its surrogate pair lies wholly before `to`, else the unit (as a slice ending at `to` sees it). */
export function codePointBefore(text: string, i: number, to: number): number {
  const u = text.charCodeAt(i);
  if (u < 0xd800 || u > 0xdbff || i + 1 >= to) return u;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? ((u - 0xd800) << 10) + (d - 0xdc00) + 0x10000 : u;
}

const WORD_START = LETTER | NUMBER;
/** ASCII units by their part in a word: 1 starts or continues one (letters, digits), 2 only continues one (' -). */
const ASCII_WORD_PART = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD_PART[c] = charClass(c) & WORD_START ? 1 : c === 39 || c === 45 ? 2 : 0;

/**
 * The words of text[from, to) as the pattern /[\p{L}\p{N}][\p{L}\p{N}'’\-]*\/gu finds them in that slice, at most
 * `limit` of them, into `out` (cleared first). Returns `out`.
 */
export function scanWords(text: string, from: number, to: number, out: WordSpans, limit = Infinity): WordSpans {
  out.count = 0;
  for (let i = wordStart(text, from, to); i < to && out.count < limit; i = wordStart(text, i, to)) {
    const end = wordEnd(text, i, to);
    out.push(i, end);
    i = end;
  }
  return out;
}

/** Where the next word starts at or after `i` in text[…, to), or `to`. */
export function wordStart(text: string, i: number, to: number): number {
  while (i < to) {
    const u = text.charCodeAt(i);
    if (u < 128) {
      if (ASCII_WORD_PART[u] === 1) return i;
      i++;
      continue;
    }
    const cp = codePointBefore(text, i, to);
    if ((charClass(cp) & WORD_START) !== 0) return i;
    i += cp > 0xffff ? 2 : 1;
  }
  return to;
}

/** One past the word that starts at `i` (a word start) in text[…, to). */
export function wordEnd(text: string, i: number, to: number): number {
  i += codePointBefore(text, i, to) > 0xffff ? 2 : 1;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (ASCII_WORD_PART[c] === 0) break;
      i++;
      continue;
    }
    const cp = codePointBefore(text, i, to);
    if (cp !== 0x2019 && (charClass(cp) & WORD_START) === 0) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

/** A set of words asked whether it holds the lower case of a span of text. */
export class LowerCaseSet {
  private readonly words: ReadonlySet<string>;
  /** ASCII words in an open-addressing table: index plus one per slot (0: empty); at most half full. */
  private readonly slots: Int32Array;
  private readonly keys: string[] = [];

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    let size = 16;
    while (size < this.words.size * 2) size *= 2;
    this.slots = new Int32Array(size);
    for (const w of this.words) {
      if (!/^[\x00-\x7f]*$/.test(w) || w !== w.toLowerCase()) continue;
      let slot = hashOf(w, 0, w.length) & (size - 1);
      while (this.slots[slot] !== 0) slot = (slot + 1) & (size - 1);
      this.keys.push(w);
      this.slots[slot] = this.keys.length;
    }
  }

  /** Whether the set holds text.slice(start, end).toLowerCase(). */
  hasSpan(text: string, start: number, end: number): boolean {
    let hash = end - start;
    for (let i = start; i < end; i++) {
      let c = text.charCodeAt(i);
      if (c >= 0x80) return this.words.has(text.slice(start, end).toLowerCase());
      if (c >= 65 && c <= 90) c += 32;
      hash = (Math.imul(hash, 31) + c) | 0;
    }
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot];
      if (entry === 0) return false;
      const key = this.keys[entry - 1];
      if (key.length === end - start && sameFolded(key, text, start)) return true;
    }
  }
}

function hashOf(w: string, start: number, end: number): number {
  let hash = end - start;
  for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + w.charCodeAt(i)) | 0;
  return hash;
}

function sameFolded(key: string, text: string, start: number): boolean {
  for (let k = 0; k < key.length; k++) {
    let c = text.charCodeAt(start + k);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== key.charCodeAt(k)) return false;
  }
  return true;
}
