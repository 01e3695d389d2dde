// The article model every layer reads: the text's lines (one splitter), its absolute dates (found once), the
// layout (title, body, paragraphs with their line ranges, trailing boilerplate, the last prose paragraph) and
// per-line verdicts computed at most once (line kinds). Built by the layout layer (layout/structure.ts); later
// layers read it instead of splitting, matching or classifying the text again. UTF-16 indices.
import type { Structure } from '../types';
import type { DateMatch } from '../dates/absolute';
import { isBlank, type Line } from './lines';
import { LineKinds } from './lineKinds';
import { isHeadlineLike } from '../layout/furniture';

/** The layout fields (title, body, paragraphs, boilerplate start) are the `Structure` the analysis reports. */
export interface Article extends Structure {
  readonly text: string;
  /** Every line of the text, blank ones included (article/lines.ts). */
  readonly lines: readonly Line[];
  /** Absolute dates over the whole text, sorted by start (dates/absolute.ts). */
  readonly dates: readonly DateMatch[];
  /** Line range of each paragraph: first line at 2k, last line at 2k + 1. */
  readonly paragraphLines: Int32Array;
  /** Index of the body's last prose paragraph, or -1: where the body's running text ends. */
  readonly lastProse: number;
  /** Per-line verdicts (inline furniture, headline-like, the title printed again), each computed once. */
  readonly kinds: LineKinds;
}

/** The model for `text` over a given layout; `lastProse` as the layout found it. */
export function makeArticle(
  text: string,
  lines: readonly Line[],
  dates: readonly DateMatch[],
  structure: Structure,
  lastProse: number,
): Article {
  return {
    title: structure.title,
    body: structure.body,
    paragraphs: structure.paragraphs,
    boilerplateStart: structure.boilerplateStart,
    text,
    lines,
    dates,
    lastProse,
    paragraphLines: paragraphLineRanges(lines, structure.paragraphs),
    kinds: new LineKinds(lines, structure.title),
  };
}

/** The layout alone, as the analysis reports it (key order fixed: outputs are compared byte for byte). */
export function structureOf(a: Structure): Structure {
  return { title: a.title, body: a.body, paragraphs: a.paragraphs, boilerplateStart: a.boilerplateStart };
}

/** Whether a layout is already the article model of `text`. */
export function isArticleOf(layout: Structure, text: string): layout is Article {
  return 'lines' in layout && (layout as Article).text === text;
}

/** First and last line of each paragraph (both sorted by position): one merge-like pass. */
function paragraphLineRanges(lines: readonly Line[], paragraphs: Structure['paragraphs']): Int32Array {
  const out = new Int32Array(paragraphs.length * 2);
  let line = 0;
  paragraphs.forEach((p, k) => {
    while (line < lines.length - 1 && (lines[line].end < p.start || (isBlank(lines[line]) && lines[line].end <= p.start))) line++;
    out[2 * k] = line;
    while (line < lines.length - 1 && lines[line].end < p.end) line++;
    out[2 * k + 1] = line;
  });
  return out;
}

/** The non-blank lines of paragraph `k` with their indices, in order. */
export function* paragraphLinesOf(article: Article, k: number): Generator<[number, Line]> {
  for (let i = article.paragraphLines[2 * k]; i <= article.paragraphLines[2 * k + 1]; i++) {
    const line = article.lines[i];
    if (!isBlank(line)) yield [i, line];
  }
}

/** Paragraph `k` is set like a headline (layout/furniture.ts): a one-line paragraph takes its line's verdict. */
export function paragraphHeadlineLike(article: Article, k: number): boolean {
  const first = article.paragraphLines[2 * k];
  const p = article.paragraphs[k];
  const line = article.lines[first];
  if (line.contentStart === p.start && line.contentEnd === p.end) return article.kinds.headlineLike(first);
  return isHeadlineLike(article.text.slice(p.start, p.end));
}
