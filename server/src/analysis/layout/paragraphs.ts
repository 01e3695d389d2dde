// Groups lines into paragraphs. Blank lines always separate paragraphs. Inside a block of adjacent lines,
// each line is its own paragraph (sites like seeds/004 put one paragraph per line), unless the line break
// is a hard wrap in the middle of a sentence, which joins the lines into one paragraph.
import { isBlank, type Line } from '../article/lines';
import { isTitleCase, wordCount } from './furniture';

export interface Paragraph {
  start: number;
  end: number;
  /** Indices into the line array, first and last line of the paragraph. */
  firstLine: number;
  lastLine: number;
}

/** `standalone` lines (the title) never join their neighbours. */
export function groupParagraphs(lines: readonly Line[], standalone: ReadonlySet<number> = new Set()): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let open: Paragraph | null = null;
  lines.forEach((line, i) => {
    if (isBlank(line)) {
      open = null;
      return;
    }
    const previous = lines[i - 1];
    if (open && previous && !standalone.has(i) && !standalone.has(i - 1) && isHardWrap(previous, line)) {
      open.end = line.contentEnd;
      open.lastLine = i;
      return;
    }
    open = { start: line.contentStart, end: line.contentEnd, firstLine: i, lastLine: i };
    paragraphs.push(open);
  });
  return paragraphs;
}

/**
 * A break inside a sentence: the first line stops without closing punctuation and the next line carries on
 * in lower case, or the first line is a long run of prose (not a headline) cut before its end.
 */
function isHardWrap(before: Line, after: Line): boolean {
  if (/[.!?…:;"”’»)\]]$/.test(before.text)) return false;
  if (/^\p{Ll}/u.test(after.text)) return true;
  if (/[,–—-]$/.test(before.text)) return true;
  return /^\p{L}/u.test(after.text) && before.text.length >= 50 && wordCount(before.text, 8) >= 8 && !isTitleCase(before.text);
}
