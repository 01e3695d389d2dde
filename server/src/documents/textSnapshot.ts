// An immutable text with its line starts, read as `TextDocument` reads it (lines end at \n, \r\n or \r). The open
// documents are snapshots too (textChange.ts): an edit makes a new one whose text is the old one's pieces with the
// edit in them (pieceText.ts) and whose line starts are the old ones moved, so a keystroke in a 1 MB article costs
// a copy of the line table, not a copy or a scan of the text.
import type { Position, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { PieceText, type TextReader } from './pieceText';
import type { TextChange } from './textChange';

const isEol = (code: number) => code === 10 || code === 13;

/** Line starts found in text[from, to) (the index after each line break; a \r\n counts once). */
function lineStartsIn(text: TextReader, from: number, to: number, into: number[]): void {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (!isEol(code)) continue;
    if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
    into.push(i + 1);
  }
}

/** The first index at or after `from` whose entry is at least `value` (the table is sorted). */
function firstAtLeast(table: Uint32Array, value: number, from: number): number {
  let low = from;
  let high = table.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (table[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The line starts of `text`, made from `old` (those of the text before `change`) by reading only around the change:
 * starts before it, whose break and the character after it are both untouched, stay (and 0); those after it move by
 * the change's growth.
 */
function editedLineStarts(old: Uint32Array, change: Omit<TextChange, 'before'>, text: TextReader): Uint32Array {
  const i = Math.max(firstAtLeast(old, change.start, 0), 1);
  const middle: number[] = [];
  lineStartsIn(text, Math.max(change.start - 1, 0), Math.min(change.newEnd + 1, text.length), middle);
  const growth = change.newEnd - change.oldEnd;
  const last = middle.length > 0 ? middle[middle.length - 1] : old[i - 1];
  // The search for those after it starts where the ones before it ended.
  let j = firstAtLeast(old, change.oldEnd + 2, i);
  while (j < old.length && old[j] + growth <= last) j++;
  const starts = new Uint32Array(i + middle.length + old.length - j);
  starts.set(old.subarray(0, i));
  starts.set(middle, i);
  for (let k = j, at = i + middle.length; k < old.length; k++, at++) starts[at] = old[k] + growth;
  return starts;
}

/** The text of a document, as a reader that does not join an edited snapshot's pieces. */
export function contentOf(document: TextDocument): TextReader {
  return document instanceof TextSnapshot ? document.content : document.getText();
}

export class TextSnapshot implements TextDocument {
  private starts: Uint32Array | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly version: number,
    text: string | PieceText,
    lineStarts?: Uint32Array,
  ) {
    this.text = typeof text === 'string' ? PieceText.of(text) : text;
    this.starts = lineStarts;
  }

  private readonly text: PieceText;

  /** The text, read without joining its pieces (see `getText`). */
  get content(): PieceText {
    return this.text;
  }

  /** A copy of a live document's current text (a snapshot is one already). */
  static of(document: TextDocument): TextSnapshot {
    if (document instanceof TextSnapshot) return document;
    return new TextSnapshot(document.uri, document.languageId, document.version, document.getText());
  }

  /**
   * The snapshot of `document` (whose text is `base`'s after `change`), its line table carried over from `base`; a
   * document that is a snapshot already is its own.
   */
  static edited(base: TextDocument, change: TextChange, document: TextDocument): TextSnapshot {
    if (document instanceof TextSnapshot) return document;
    if (!(base instanceof TextSnapshot)) return TextSnapshot.of(document);
    const text = document.getText();
    return new TextSnapshot(document.uri, document.languageId, document.version, text, editedLineStarts(base.lineStarts(), change, text));
  }

  /** This text with UTF-16 [start, end) replaced by `inserted`, as the next version (start <= end, both inside). */
  replaced(start: number, end: number, inserted: string, version: number): TextSnapshot {
    const text = this.text.edited(start, end, inserted);
    const starts = editedLineStarts(this.lineStarts(), { start, oldEnd: end, newEnd: start + inserted.length }, text);
    return new TextSnapshot(this.uri, this.languageId, version, text, starts);
  }

  /** Where each line starts (UTF-16), read once: what a snapshot made elsewhere (an analysis worker) is given. */
  lineTable(): Uint32Array {
    return this.lineStarts();
  }

  private lineStarts(): Uint32Array {
    if (!this.starts) {
      const starts = [0];
      // A whole scan reads the joined string (a piece lookup for each character would cost more than joining).
      lineStartsIn(this.text.toString(), 0, this.text.length, starts);
      this.starts = Uint32Array.from(starts);
    }
    return this.starts;
  }

  get lineCount(): number {
    return this.lineStarts().length;
  }

  getText(range?: Range): string {
    if (!range) return this.text.toString();
    const [start, end] = [this.offsetAt(range.start), this.offsetAt(range.end)];
    // As String.prototype.substring: the range may be given backwards.
    return this.text.slice(Math.min(start, end), Math.max(start, end));
  }

  /** Never inside a line break: an offset there is moved back to the end of its line, as `TextDocument` does. */
  private beforeEol(offset: number, lineStart: number): number {
    while (offset > lineStart && isEol(this.text.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  positionAt(offset: number): Position {
    const starts = this.lineStarts();
    const at = Math.max(Math.min(offset, this.text.length), 0);
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (starts[mid] > at) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    return { line, character: this.beforeEol(at, starts[line]) - starts[line] };
  }

  /** The line's range without its line break; a line past the end is the last line. */
  getLineRange(line: number): Range {
    const starts = this.lineStarts();
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    if (line >= starts.length) {
      const last = starts.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.text.length - starts[last] } };
    }
    const next = line + 1 < starts.length ? starts[line + 1] : this.text.length;
    return { start: { line, character: 0 }, end: { line, character: this.beforeEol(next, starts[line]) - starts[line] } };
  }

  getEOLCharacters(line: number): string {
    const starts = this.lineStarts();
    if (line < 0 || line >= starts.length) return '';
    const next = line + 1 < starts.length ? starts[line + 1] : this.text.length;
    return this.text.slice(this.beforeEol(next, starts[line]), next);
  }

  offsetAt(position: Position): number {
    const starts = this.lineStarts();
    if (position.line >= starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const lineStart = starts[position.line];
    if (position.character <= 0) return lineStart;
    const next = position.line + 1 < starts.length ? starts[position.line + 1] : this.text.length;
    return this.beforeEol(Math.min(lineStart + position.character, next), lineStart);
  }
}
