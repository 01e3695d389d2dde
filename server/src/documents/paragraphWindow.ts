// A document too large to analyze whole still gets tokens where the editor looks: the requested lines, grown to
// whole paragraphs (a quote and its speaker usually share one) and capped, are analyzed as a text of their own.
import type { Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeForEditor } from '../analysis/index';
import { AnalyzedDocument } from './analyzedDocument';

/** At most this many UTF-16 units are analyzed for one range request: a few screens of text, a few milliseconds. */
export const WINDOW_BUDGET = 64 * 1024;

/**
 * Put before a window that does not start the document: the analysis reads an article's first line as its title,
 * and a paragraph of quotes taken for a title would get no tokens.
 */
const HEADING = 'Excerpt\n\n';

/** A stretch of whole lines of a document, analyzed on its own. */
export interface ParagraphWindow {
  /** The first line of the window in the whole document. */
  readonly firstLine: number;
  /** The heading put before the window's text ('' at the document's start). */
  readonly heading: string;
  /** The heading and the window's text analyzed as a document of its own (columns unchanged). */
  readonly part: AnalyzedDocument;
}

/** The document line of a line of the window's part, or -1 for the heading's lines. */
export function documentLine(window: ParagraphWindow, partLine: number): number {
  const headingLines = window.heading === '' ? 0 : HEADING.split('\n').length - 1;
  return partLine < headingLines ? -1 : partLine - headingLines + window.firstLine;
}

/** The lines of `range` grown to the blank lines around them, never past `budget` UTF-16 units. */
export function windowLines(document: TextDocument, range: Range, budget = WINDOW_BUDGET): { start: number; end: number } {
  const text = document.getText();
  const lastLine = document.lineCount - 1;
  const offset = (line: number) => document.offsetAt({ line, character: 0 });
  const isBlank = (line: number) => text.slice(offset(line), offset(line + 1)).trim() === '';
  let start = Math.min(Math.max(range.start.line, 0), lastLine);
  let end = Math.min(Math.max(range.end.line, start), lastLine) + 1; // exclusive
  // A requested range over the budget keeps its beginning: the editor asks again as the user scrolls.
  while (end - 1 > start && offset(end) - offset(start) > budget) end--;
  while (start > 0 && !isBlank(start - 1) && offset(end) - offset(start - 1) <= budget) start--;
  while (end <= lastLine && !isBlank(end) && offset(end + 1) - offset(start) <= budget) end++;
  return { start, end };
}

/** Analyses the lines `windowLines` chose; a single line longer than the budget is cut at the budget. */
export function analyzeWindow(document: TextDocument, lines: { start: number; end: number }, budget = WINDOW_BUDGET): ParagraphWindow {
  const text = document.getText();
  const from = document.offsetAt({ line: lines.start, character: 0 });
  let to = Math.min(document.offsetAt({ line: lines.end, character: 0 }), from + budget);
  // Never cut a surrogate pair in two: the half would become a replacement character in the part.
  const code = text.charCodeAt(to - 1);
  if (to < text.length && code >= 0xd800 && code <= 0xdbff) to--;
  const heading = lines.start === 0 ? '' : HEADING;
  const partText = heading + text.slice(from, to);
  const { analysis, unbalancedQuoteMarks } = analyzeForEditor(partText);
  const snapshot = TextDocument.create(document.uri, document.languageId, document.version, partText);
  return { firstLine: lines.start, heading, part: new AnalyzedDocument(snapshot, analysis, null, unbalancedQuoteMarks) };
}
