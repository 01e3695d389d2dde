// Splits raw article text into lines with their offsets, tolerating a BOM and LF, CRLF or CR endings.
// Offsets are JS string indices into the raw text, so spans built from them stay valid for the caller.

export interface Line {
  /** Index of the first character of the line (after a BOM on the first line). */
  start: number;
  /** Index just past the line's last character, excluding the line break. */
  end: number;
  /** Start and end of the content with surrounding whitespace trimmed (equal when the line is blank). */
  contentStart: number;
  contentEnd: number;
  /** The trimmed content. */
  text: string;
}

const BOM = '\uFEFF';

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  // Most texts break lines with LF alone, and then indexOf finds every break; a text with a CR is read char by char.
  const hasCR = text.includes('\r');
  let start = text.startsWith(BOM) ? 1 : 0;
  for (;;) {
    const end = nextBreak(text, start, hasCR);
    lines.push(makeLine(text, start, end === -1 ? text.length : end));
    if (end === -1) break;
    // Read past the end only when there is something there (charCodeAt out of bounds deoptimizes the loop).
    start = end + (text.charCodeAt(end) === 13 && end + 1 < text.length && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return lines;
}

/** Index of the first line break (LF or CR) at or after `from`, or -1. */
function nextBreak(text: string, from: number, hasCR: boolean): number {
  if (!hasCR) return text.indexOf('\n', from);
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return -1;
}

function makeLine(text: string, start: number, end: number): Line {
  let contentStart = start;
  let contentEnd = end;
  while (contentStart < contentEnd && isSpace(text.charCodeAt(contentStart))) contentStart++;
  while (contentEnd > contentStart && isSpace(text.charCodeAt(contentEnd - 1))) contentEnd--;
  return { start, end, contentStart, contentEnd, text: text.slice(contentStart, contentEnd) };
}

const WHITESPACE = /\s/;

function isSpace(code: number): boolean {
  // Whitespace plus the BOM/zero-width no-break space, which scrapers leave in odd places.
  // ASCII answers first: the regex is only asked about the rare non-ASCII characters at line edges.
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true;
  if (code < 0x80) return false;
  return code === 0xfeff || code === 0x200b || WHITESPACE.test(String.fromCharCode(code));
}

export function isBlank(line: Line): boolean {
  return line.contentStart === line.contentEnd;
}
