// Converts between JS string (UTF-16) indices and Unicode code-point offsets, the unit of every output.

/** Maps offsets in one text both ways; built once per text in O(n). */
export class CodePointIndex {
  /** utf16At[cp] = UTF-16 index of code point cp; length = codePoints + 1. */
  private readonly utf16At: Uint32Array;
  /** Null when the text has no astral characters: then both units agree. */
  private readonly identity: boolean;

  constructor(readonly text: string) {
    let astral = 0;
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
