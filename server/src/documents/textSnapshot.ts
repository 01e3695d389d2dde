// An immutable text with its line starts, read as `TextDocument` reads it (lines end at \n, \r\n or \r). A snapshot
// made by an edit of another derives its line starts from the other's: a keystroke in a 1 MB article costs a copy
// of the line table, not a scan of the text.
import type { Position, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextChange } from './textChange';

const isEol = (code: number) => code === 10 || code === 13;

/** Line starts found in text[from, to) (the index after each line break; a \r\n counts once). */
function lineStartsIn(text: string, from: number, to: number, into: number[]): void {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (!isEol(code)) continue;
    if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
    into.push(i + 1);
  }
}

export class TextSnapshot implements TextDocument {
  private starts: Uint32Array | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly version: number,
    private readonly text: string,
    lineStarts?: Uint32Array,
  ) {
    this.starts = lineStarts;
  }

  /** A copy of a live document's current text. */
  static of(document: TextDocument): TextSnapshot {
    return new TextSnapshot(document.uri, document.languageId, document.version, document.getText());
  }

  /** The snapshot of `document` (whose text is `base`'s after `change`), its line table carried over from `base`. */
  static edited(base: TextDocument, change: TextChange, document: TextDocument): TextSnapshot {
    const text = document.getText();
    if (!(base instanceof TextSnapshot)) return TextSnapshot.of(document);
    const old = base.lineStarts();
    const starts: number[] = [];
    // Line starts before the change, whose break and the character after it are both untouched, stay.
    let i = 0;
    while (i < old.length && (old[i] < change.start || old[i] === 0)) starts.push(old[i++]);
    lineStartsIn(text, Math.max(change.start - 1, 0), Math.min(change.newEnd + 1, text.length), starts);
    const growth = change.newEnd - change.oldEnd;
    const last = starts[starts.length - 1];
    // Entries before `i` lie before the change; the search for the ones after it starts there.
    for (let j = i; j < old.length; j++) {
      if (old[j] > change.oldEnd + 1 && old[j] + growth > last) starts.push(old[j] + growth);
    }
    return new TextSnapshot(document.uri, document.languageId, document.version, text, Uint32Array.from(starts));
  }

  /** Where each line starts (UTF-16), read once: what a snapshot made elsewhere (an analysis worker) is given. */
  lineTable(): Uint32Array {
    return this.lineStarts();
  }

  private lineStarts(): Uint32Array {
    if (!this.starts) {
      const starts = [0];
      lineStartsIn(this.text, 0, this.text.length, starts);
      this.starts = Uint32Array.from(starts);
    }
    return this.starts;
  }

  get lineCount(): number {
    return this.lineStarts().length;
  }

  getText(range?: Range): string {
    return range ? this.text.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : this.text;
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
    return this.text.substring(this.beforeEol(next, starts[line]), next);
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
