// Finds the token spans of a text in one pass over its characters: a word (letters and marks, joined by a
// hyphen or an apostrophe before more letters), a number (digits, joined by . , : before more digits), or any
// other single non-space character. The same spans as the regular expression
//   /[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*|\p{N}+(?:[.,:]\p{N}+)*|\S/gu
// but several times faster on long articles: ASCII is classified by code, other characters once each.

const OTHER = 0;
const LETTER = 1;
const DIGIT = 2;
const SPACE = 3;
type CharClass = typeof OTHER | typeof LETTER | typeof DIGIT | typeof SPACE;

const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const NUMBER = /^\p{N}$/u;
const WHITE = /^\s$/u;

/** Class of every code point met so far beyond ASCII (articles use few distinct ones). */
const wide = new Map<number, CharClass>();

function classOf(cp: number): CharClass {
  if (cp < 128) {
    if ((cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90)) return LETTER;
    if (cp >= 48 && cp <= 57) return DIGIT;
    return cp === 32 || (cp >= 9 && cp <= 13) ? SPACE : OTHER;
  }
  let c = wide.get(cp);
  if (c === undefined) {
    const ch = String.fromCodePoint(cp);
    c = LETTER_OR_MARK.test(ch) ? LETTER : NUMBER.test(ch) ? DIGIT : WHITE.test(ch) ? SPACE : OTHER;
    wide.set(cp, c);
  }
  return c;
}

/** Calls `emit(start, end)` for each token span in reading order (UTF-16 indices). */
export function scanTokens(text: string, emit: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cp = text.codePointAt(i) as number;
    const first = classOf(cp);
    const start = i;
    i += cp > 0xffff ? 2 : 1;
    if (first === SPACE) continue;
    if (first === LETTER || first === DIGIT) i = runEnd(text, i, first);
    emit(start, i);
  }
}

/** One past the word or number whose first character ends at `i`: its run, and further runs after a joiner. */
function runEnd(text: string, i: number, kind: CharClass): number {
  const n = text.length;
  for (;;) {
    while (i < n) {
      const cp = text.codePointAt(i) as number;
      if (classOf(cp) !== kind) break;
      i += cp > 0xffff ? 2 : 1;
    }
    if (i + 1 >= n) return i;
    // A joiner continues the token only when a character of the same class follows it.
    const joiner = text.charCodeAt(i);
    const joins = kind === LETTER ? joiner === 45 || joiner === 39 || joiner === 0x2019 : joiner === 46 || joiner === 44 || joiner === 58;
    if (!joins || classOf(text.codePointAt(i + 1) as number) !== kind) return i;
    i += 1;
  }
}
