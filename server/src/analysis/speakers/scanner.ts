// Finds the token spans of a text in one pass over its characters: a word (letters and marks, joined by a
// hyphen or an apostrophe before more letters), a number (digits, joined by . , : before more digits), or any
// other single non-space character. The same spans as the regular expression
//   /[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*|\p{N}+(?:[.,:]\p{N}+)*|\S/gu
// but many times faster on long articles: each character's class is a table look-up (article/chars.ts), and the
// spans are read one by one from a cursor, with no callback and no array per token.
import { charClass, LETTER as L, MARK, NUMBER, SPACE as S } from '../article/chars';

const OTHER = 0;
const LETTER = 1;
const DIGIT = 2;
const SPACE = 3;

/** The scanner's class of each BMP unit, plus one (0: not yet looked up). */
const CLASS = new Uint8Array(0x10000);

function classOf(cp: number): number {
  if (cp < 0x10000) {
    const known = CLASS[cp];
    if (known !== 0) return known - 1;
  }
  const bits = charClass(cp);
  const c = bits & (L | MARK) ? LETTER : bits & NUMBER ? DIGIT : bits & S ? SPACE : OTHER;
  if (cp < 0x10000) CLASS[cp] = c + 1;
  return c;
}

/** The class of each ASCII unit, packed as below (class * 4 + 1). */
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII[c] = classOf(c) * 4 + 1;

/** The class of the code point at `i` and its length in UTF-16 units (2 for a surrogate pair), packed as class * 4 + length. */
function classAt(text: string, i: number): number {
  const u = text.charCodeAt(i);
  if (u < 128) return ASCII[u];
  if (u < 0xd800 || u > 0xdbff) return classOf(u) * 4 + 1;
  const cp = text.codePointAt(i) as number;
  return classOf(cp) * 4 + (cp > 0xffff ? 2 : 1);
}

/**
 * Reads the token spans of a text one at a time: after `next()` returns true, the span is [start, end). No
 * array of spans is built, so a caller that keeps its own columns pays for one copy of them, not two.
 */
export class SpanScanner {
  start = 0;
  end = 0;

  constructor(private readonly text: string) {}

  next(): boolean {
    const text = this.text;
    const n = text.length;
    let i = this.end;
    while (i < n) {
      const at = classAt(text, i);
      const first = at >> 2;
      const start = i;
      i += at & 3;
      if (first === SPACE) continue;
      this.start = start;
      this.end = first === LETTER || first === DIGIT ? runEnd(text, i, first) : i;
      return true;
    }
    this.start = this.end = n;
    return false;
  }
}

/** Calls `emit(start, end)` for each token span in reading order (UTF-16 indices). */
export function scanTokens(text: string, emit: (start: number, end: number) => void): void {
  const spans = new SpanScanner(text);
  while (spans.next()) emit(spans.start, spans.end);
}

/** One past the word or number whose first character ends at `i`: its run, and further runs after a joiner. */
function runEnd(text: string, i: number, kind: number): number {
  const n = text.length;
  for (;;) {
    while (i < n) {
      const at = classAt(text, i);
      if (at >> 2 !== kind) break;
      i += at & 3;
    }
    if (i + 1 >= n) return i;
    // A joiner continues the token only when a character of the same class follows it.
    const joiner = text.charCodeAt(i);
    const joins = kind === LETTER ? joiner === 45 || joiner === 39 || joiner === 0x2019 : joiner === 46 || joiner === 44 || joiner === 58;
    if (!joins || classAt(text, i + 1) >> 2 !== kind) return i;
    i += 1;
  }
}
