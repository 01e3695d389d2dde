// An immutable text kept as the pieces its edits made of it, joined into one string only when a reader needs the
// whole. V8 copies a 1 MB article (two bytes a character once it holds a curly quote) in about 10 ms, so a keystroke
// that rebuilt the string would cost more than the rest of its work: an edit here costs a copy of the piece list,
// and the substrings it keeps point into the strings they came from (V8 slices, no copy).

import type { TextReader } from '../analysis/offsets';

export type { TextReader };

/** Pieces an edit adds at most before the text is joined again (each edit copies the list). */
const MAX_PIECES = 256;
/** Neighbouring pieces at most this long are joined as they are made: typing adds to one piece, not one per key. */
const SMALL_PIECE = 64;

export class PieceText implements TextReader {
  /** The text in order; none empty (an empty text has none). */
  private pieces: string[];
  /** Where each piece ends in the text. */
  private ends: number[];
  /** The whole text as one string, once a reader asked for it. */
  private whole: string | undefined;
  /** The piece the last read found: reads near each other (a scan around an edit) find it again at once. */
  private lastPiece = 0;

  private constructor(
    pieces: string[],
    readonly length: number,
    whole?: string,
  ) {
    this.pieces = pieces;
    this.ends = new Array<number>(pieces.length);
    let end = 0;
    for (let i = 0; i < pieces.length; i++) this.ends[i] = end += pieces[i].length;
    this.whole = whole;
  }

  static of(text: string): PieceText {
    return new PieceText(text.length > 0 ? [text] : [], text.length, text);
  }

  /** How many pieces the text is kept in (tests and the bench read it). */
  get pieceCount(): number {
    return this.pieces.length;
  }

  /** Index of the piece holding `index` (0 <= index < length). */
  private pieceAt(index: number): number {
    const ends = this.ends;
    const last = this.lastPiece;
    if (index < ends[last] && (last === 0 || index >= ends[last - 1])) return last;
    let low = 0;
    let high = ends.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (ends[mid] <= index) low = mid + 1;
      else high = mid;
    }
    this.lastPiece = low;
    return low;
  }

  private startOf(piece: number): number {
    return piece === 0 ? 0 : this.ends[piece - 1];
  }

  /** As `String.prototype.charCodeAt`: NaN outside the text. */
  charCodeAt(index: number): number {
    if (this.whole !== undefined) return this.whole.charCodeAt(index);
    if (!(index >= 0 && index < this.length)) return NaN;
    const piece = this.pieceAt(index);
    return this.pieces[piece].charCodeAt(index - this.startOf(piece));
  }

  /** As `String.prototype.slice` for indices that are not negative. */
  slice(start: number, end: number = this.length): string {
    if (this.whole !== undefined) return this.whole.slice(start, end);
    const from = Math.min(Math.max(start, 0), this.length);
    const to = Math.min(Math.max(end, from), this.length);
    if (from === to) return '';
    let piece = this.pieceAt(from);
    const first = this.pieces[piece];
    const firstStart = this.startOf(piece);
    if (to <= this.ends[piece]) return first.slice(from - firstStart, to - firstStart);
    const parts = [first.slice(from - firstStart)];
    while (this.ends[++piece] < to) parts.push(this.pieces[piece]);
    parts.push(this.pieces[piece].slice(0, to - this.startOf(piece)));
    return parts.join('');
  }

  /** The whole text as one string, joined on first call. */
  toString(): string {
    if (this.whole === undefined) {
      this.whole = this.pieces.length === 1 ? this.pieces[0] : this.pieces.join('');
      this.pieces = this.whole.length > 0 ? [this.whole] : [];
      this.ends = this.whole.length > 0 ? [this.whole.length] : [];
      this.lastPiece = 0;
    }
    return this.whole;
  }

  /** Whether the text is already one string (reading it whole costs nothing). */
  get joined(): boolean {
    return this.whole !== undefined;
  }

  /** The text with [start, end) replaced by `inserted` (0 <= start <= end <= length). */
  edited(start: number, end: number, inserted: string): PieceText {
    const out: string[] = [];
    const push = (piece: string) => {
      if (piece.length === 0) return;
      const last = out.length - 1;
      if (last >= 0 && piece.length <= SMALL_PIECE && out[last].length <= SMALL_PIECE) out[last] += piece;
      else out.push(piece);
    };
    const pieces = this.pieces;
    let i = 0;
    for (; i < pieces.length && this.ends[i] <= start; i++) out.push(pieces[i]);
    if (i < pieces.length && this.startOf(i) < start) push(pieces[i].slice(0, start - this.startOf(i)));
    push(inserted);
    while (i < pieces.length && this.ends[i] <= end) i++;
    if (i < pieces.length && this.startOf(i) < end) push(pieces[i].slice(end - this.startOf(i)));
    else if (i < pieces.length) push(pieces[i]);
    for (i++; i < pieces.length; i++) out.push(pieces[i]);
    const length = this.length - (end - start) + inserted.length;
    const text = new PieceText(out, length);
    if (out.length > MAX_PIECES) text.toString();
    return text;
  }
}

/** The same text: the same object, or equal strings (compared only when both are already joined, or forced). */
export function sameText(a: TextReader, b: TextReader, force = false): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  const joined = (t: TextReader) => typeof t === 'string' || (t instanceof PieceText && t.joined);
  if (!force && !(joined(a) && joined(b))) return false;
  return String(a) === String(b);
}
