// Converts between JS string (UTF-16) indices and Unicode code-point offsets, the unit of every output.

/**
 * What readers of a text around an edit need of it: a string has all of it, and so does an edited document's text
 * kept in pieces (server/src/documents/pieceText.ts), which these reads do not join into one string.
 */
export interface TextReader {
  readonly length: number;
  charCodeAt(index: number): number;
  slice(start: number, end?: number): string;
  /** The whole text as one string. */
  toString(): string;
}

/** A high surrogate followed by a low one: an astral character (the pattern reads UTF-16 code units). */
const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/;

/** Maps offsets in one text both ways; built once per text in O(n). */
export class CodePointIndex {
  /** utf16At[cp] = UTF-16 index of code point cp; length = codePoints + 1. */
  private readonly utf16At: Uint32Array;
  /** Null when the text has no astral characters: then both units agree. */
  private readonly identity: boolean;

  /**
   * The index of a text with no astral character, known without a scan (see `edited`).
   * @param identity only for `edited`: the caller vouches that `text` has no surrogate pair.
   */
  constructor(
    readonly text: TextReader,
    identity?: true,
  ) {
    if (identity) {
      this.identity = true;
      this.utf16At = new Uint32Array(0);
      return;
    }
    // A whole scan reads one string (a text in pieces is joined once rather than looked up character by character).
    text = String(text);
    let astral = 0;
    // Most texts have no surrogate pair: the regular expression engine finds that out faster than a loop.
    if (SURROGATE_PAIR.test(text.toString())) {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
          const d = text.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) {
            astral++;
            i++;
          }
        }
      }
    }
    this.identity = astral === 0;
    this.utf16At = new Uint32Array(this.identity ? 0 : text.length - astral + 1);
    if (!this.identity) {
      let cp = 0;
      for (let i = 0; i < text.length; i++, cp++) {
        this.utf16At[cp] = i;
        const c = text.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
          const d = text.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) i++;
        }
      }
      this.utf16At[cp] = text.length;
    }
  }

  /**
   * The index of `text`, made from `before`'s index by replacing UTF-16 [start, oldEnd) with [start, newEnd): a text
   * without astral characters that gains none keeps the identity index without a scan (a keystroke in a long text).
   */
  static edited(before: CodePointIndex, change: { start: number; oldEnd: number; newEnd: number }, text: TextReader): CodePointIndex {
    if (!before.identity) return new CodePointIndex(text);
    // A surrogate in the new text, or beside it (lone halves the edit brings together), may make a pair: scan.
    for (let i = Math.max(change.start - 1, 0); i <= Math.min(change.newEnd, text.length - 1); i++) {
      if (isSurrogate(text.charCodeAt(i))) return new CodePointIndex(text);
    }
    return new CodePointIndex(text, true);
  }

  /** True when the text has no astral characters, so code points and UTF-16 indices are the same numbers. */
  get sameUnits(): boolean {
    return this.identity;
  }

  /** Number of code points in the text. */
  get length(): number {
    return this.identity ? this.text.length : this.utf16At.length - 1;
  }

  toUtf16(codePoint: number): number {
    if (this.identity) return codePoint;
    return this.utf16At[Math.max(0, Math.min(codePoint, this.utf16At.length - 1))];
  }

  /** A UTF-16 index inside a surrogate pair maps to the code point that holds it. */
  toCodePoint(utf16: number): number {
    if (this.identity) return utf16;
    let lo = 0;
    let hi = this.utf16At.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.utf16At[mid] <= utf16) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}
