// The Unicode classes the analysis asks about a character (`\p{L}`, `\p{M}`, `\p{N}`, `\p{Lu}`, `\p{Ll}`, `\s`), read
// by code instead of by a regular expression per character. Each code point is classified once, by the same regular
// expressions, and kept: a byte per BMP code unit in a table, the few astral code points in a map. So a loop over
// char codes gives exactly the answers the `/u` regexes give.
//
// Units and code points: a regex test of one UTF-16 unit (`/\p{L}/u.test(text[i])`) sees a lone surrogate, which is
// in no class; pass `text.charCodeAt(i)`. A `/u` regex reading the text itself sees code points; pass
// `text.codePointAt(i)`.

export const LETTER = 1;
export const MARK = 2;
export const NUMBER = 4;
export const UPPER = 8;
export const LOWER = 16;
export const SPACE = 32;
/** Set in a table entry once its class is known (an entry of 0 is not yet classified). */
const KNOWN = 128;

const BMP = new Uint8Array(0x10000);
const ASTRAL = new Map<number, number>();

function classify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return (
    (/\p{L}/u.test(ch) ? LETTER : 0) |
    (/\p{M}/u.test(ch) ? MARK : 0) |
    (/\p{N}/u.test(ch) ? NUMBER : 0) |
    (/\p{Lu}/u.test(ch) ? UPPER : 0) |
    (/\p{Ll}/u.test(ch) ? LOWER : 0) |
    (/\s/u.test(ch) ? SPACE : 0)
  );
}

for (let c = 0; c < 0x80; c++) BMP[c] = classify(c) | KNOWN;

/** The class bits of a code point (or of a single UTF-16 unit, a lone surrogate being in no class). */
export function charClass(cp: number): number {
  if (cp < 0x10000) {
    const known = BMP[cp];
    if (known !== 0) return known & ~KNOWN;
    const bits = classify(cp);
    BMP[cp] = bits | KNOWN;
    return bits;
  }
  let bits = ASTRAL.get(cp);
  if (bits === undefined) {
    bits = classify(cp);
    ASTRAL.set(cp, bits);
  }
  return bits;
}

/** The class of the UTF-16 unit at `i` (none past either end): what a `/u` regex says of `text[i]`. */
export function unitClass(text: string, i: number): number {
  return i >= 0 && i < text.length ? charClass(text.charCodeAt(i)) : 0;
}

/** `\s` (JavaScript's white space and line terminators) for one UTF-16 unit. */
export function isSpaceCode(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (charClass(c) & SPACE) !== 0;
}
