// Finds the layout of an article: title, byline block, body, paragraphs and trailing boilerplate.
// Works in UTF-16 indices like every module under analysis/; `analyze` converts to code points.
//
// The page model, from how news sites and scrapers lay articles out:
//   [leading blank lines] title · header block (byline, date line, image credit) · body · trailing furniture
// The body ends after its last prose paragraph (plus a closing timestamp line, if any). Trailing furniture
// starts at the first line after that which is not a date line, at a marker such as "Latest news",
// "Original url:" or "©", or at a listing of other articles (headlines alternating with date lines, with or
// without a heading: layout/listing.ts), whichever comes first. Inline furniture ("Related article:" links) followed by
// more prose stays inside the body; consumers skip such lines themselves via `isInlineFurniture`.
import type { Structure } from '../types';
import { isArticleOf, makeArticle, structureOf, type Article } from '../article/article';
import { datesWithin, findAbsoluteDates, type DateMatch } from '../dates/absolute';
import { dateOnlyLine, datedBylineLine } from '../dates/standalone';
import { splitLines, isBlank, type Line } from '../article/lines';
import { groupParagraphs, type Paragraph } from './paragraphs';
import { findListingStart } from './listing';
import { atxHeadingText } from './atxHeading';
import { labelAt, transcriptTurns } from '../article/speakerLabels';
import { titleRepeats } from './titleRepeat';
import {
  isByline,
  isCredit,
  isHeaderFurniture,
  isInlineFurniture,
  isListItem,
  isProse,
  opensTrailingFurniture,
  wordCount,
} from './furniture';

/** A time of day alone on its line: the stamp of a live-report entry or of the whole piece. */
const TIME_ONLY = /^\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?$/i;
const SETEXT_TITLE_UNDERLINE = /^={3,}$/;
const SETEXT_UNDERLINE = /^(?:={3,}|-{3,})$/;
const TITLE_LABEL = /^(?:title|headline)[ \t]*:[ \t]*/i;
/** How far down (in non-blank lines) a markdown heading still counts as the article's title. */
const TITLE_SEARCH_LINES = 8;
/** A first line longer than this is body text of an untitled article, not a headline. */
const MAX_TITLE_WORDS = 40;

export function findStructure(text: string): Structure {
  return structureOf(readArticle(text));
}

/** The article model of `text`: its lines and dates, and the layout found in them. */
export function readArticle(text: string): Article {
  const lines = splitLines(text);
  const dates = findAbsoluteDates(text);
  const titleLine = findTitleLine(lines, text, dates);
  const paragraphs = groupParagraphs(lines, titleLine === null ? new Set() : new Set([titleLine]));
  const title = titleLine === null ? null : titleSpan(lines[titleLine], text);

  const bodyFirst = findBodyStart(paragraphs, lines, text, dates, titleLine, title?.text ?? null);
  const end = bodyFirst === null ? null : findBoilerplateStart(paragraphs, bodyFirst, text, dates);
  const boilerplateStart = end?.boilerplateStart ?? null;
  const bodyStart = bodyFirst === null ? text.length : paragraphs[bodyFirst].start;
  const structure = {
    title,
    body: { start: bodyStart, end: Math.max(bodyStart, boilerplateStart ?? text.length) },
    paragraphs: paragraphs.map((p) => ({ start: p.start, end: p.end })),
    boilerplateStart,
  };
  return makeArticle(text, lines, dates, structure, end?.lastProse ?? -1);
}

/** The article model over a given layout (a caller's own, as tests build them), or the layout when it is one. */
export function articleOf(text: string, layout: Structure): Article {
  if (isArticleOf(layout, text)) return layout;
  const { paragraphs, body } = layout;
  let from = 0;
  while (from < paragraphs.length && paragraphs[from].start < body.start) from++;
  let to = from;
  while (to < paragraphs.length && paragraphs[to].start < body.end) to++;
  return makeArticle(text, splitLines(text), findAbsoluteDates(text), layout, lastProseParagraph(text, paragraphs, from, to));
}

/** The last paragraph in [from, to) that is prose, or -1; searched from the end, so the body's prose is judged once at most. */
function lastProseParagraph(text: string, paragraphs: readonly { start: number; end: number }[], from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (isProse(text.slice(paragraphs[i].start, paragraphs[i].end))) return i;
  return -1;
}

/** The first markdown heading (`# Title` or `Title` over `===`) near the top, else the first non-blank line that reads as a headline. */
function findTitleLine(lines: readonly Line[], text: string, dates: readonly DateMatch[]): number | null {
  const nonBlank: (readonly [Line, number])[] = [];
  for (let i = 0; i < lines.length && nonBlank.length < TITLE_SEARCH_LINES; i++) {
    if (!isBlank(lines[i])) nonBlank.push([lines[i], i]);
  }
  const heading = nonBlank.find(([l, i]) => isSetextTitle(lines, i) || (atxHeadingText(l.text)?.trim() ?? '') !== '');
  if (heading) return heading[1];
  const first = nonBlank.find(([l]) => !isHeaderFurniture(l.text) && !dateOnlyLine(text, l.contentStart, l.contentEnd, dates));
  if (!first || wordCount(first[0].text, MAX_TITLE_WORDS + 1) > MAX_TITLE_WORDS) return null;
  return first[1];
}

/** A line underlined with "===" on the next line: a markdown (setext) first-level heading. */
function isSetextTitle(lines: readonly Line[], i: number): boolean {
  const next = lines[i + 1];
  return next !== undefined && SETEXT_TITLE_UNDERLINE.test(next.text) && wordCount(lines[i].text, 1) > 0;
}

function titleSpan(line: Line, text: string): { start: number; end: number; text: string } {
  const inner = atxHeadingText(line.text);
  if (inner === null) {
    // Scraper metadata "Title: …" labels the headline; the label is not part of it.
    const label = TITLE_LABEL.exec(line.text);
    const start = line.contentStart + (label && label[0].length < line.text.length ? label[0].length : 0);
    return { start, end: line.contentEnd, text: text.slice(start, line.contentEnd) };
  }
  const start = line.contentStart + line.text.indexOf(inner, line.text.indexOf('#') + 1);
  return { start, end: start + inner.length, text: text.slice(start, start + inner.length) };
}

/**
 * Index of the first body paragraph: the first one after the title that is not header furniture, a subtitle
 * right under the title, or a standfirst (a short summary) over a byline.
 */
function findBodyStart(
  paragraphs: readonly Paragraph[],
  lines: readonly Line[],
  text: string,
  dates: readonly DateMatch[],
  titleLine: number | null,
  titleText: string | null,
): number | null {
  const repeats = titleRepeats(titleText);
  const repeatsTitle = (p: Paragraph) => repeats(text.slice(p.start, p.end));
  const isHeader = (p: Paragraph) => {
    const first = lines[p.firstLine];
    // Inline furniture (an ad slot, a "Read more:" link, a sign-up banner) above the first paragraph is not its start.
    return (
      p.firstLine === p.lastLine &&
      (isHeaderFurniture(first.text) ||
        isInlineFurniture(first.text) ||
        dateOnlyLine(text, first.contentStart, first.contentEnd, dates) !== null ||
        datedBylineLine(text, first.contentStart, first.contentEnd, dates) !== null)
    );
  };
  let afterTitle = true;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (titleLine !== null && p.lastLine <= titleLine) continue;
    if (isHeader(p) || repeatsTitle(p)) continue;
    // A short label right above a date line or other header furniture is part of the header block: a byline
    // printed without "By" ("Gwyn Topham Transport correspondent"), a section name. Body text never sits there.
    const below = paragraphs[i + 1];
    if (below !== undefined && isHeader(below) && isHeaderLabel(text.slice(p.start, p.end), p, lines)) continue;
    // A bulleted summary of key points above the story ("Key points:" then "- …" lines) is not its body;
    // a list that nothing follows is the body itself.
    if (isListItem(lines[p.firstLine].text)) {
      let next = i + 1;
      while (next < paragraphs.length && isListItem(lines[paragraphs[next].firstLine].text)) next++;
      if (next < paragraphs.length) {
        i = next - 1;
        continue;
      }
    }
    // "## Subtitle" or a subtitle underlined with "---" directly under the title.
    if (afterTitle && titleLine !== null && isSubtitle(lines, p, paragraphs[i + 1], text, dates)) {
      afterTitle = false;
      continue;
    }
    const byline = standfirstEnd(paragraphs, lines, text, i);
    if (byline === null) return i;
    let next = byline;
    while (next < paragraphs.length && isHeader(paragraphs[next])) next++;
    return next < paragraphs.length ? next : i;
  }
  return null;
}

/** Bylines and section labels are a few words; a longer line is a deck or the body's first paragraph. */
const MAX_HEADER_LABEL_WORDS = 8;

/** A short single line that is not a sentence (no closing stop) and not prose. */
function isHeaderLabel(line: string, p: Paragraph, lines: readonly Line[]): boolean {
  const n = wordCount(line, MAX_HEADER_LABEL_WORDS + 1);
  return (
    p.firstLine === p.lastLine &&
    !isListItem(lines[p.firstLine].text) &&
    n >= 1 &&
    n <= MAX_HEADER_LABEL_WORDS &&
    !/[.!?…:;"”’»]$/.test(line) &&
    !isProse(line)
  );
}

/** Decks are a short line; a longer one is the body's first paragraph. */
const MAX_SUBTITLE_WORDS = 30;

/**
 * A subtitle (deck) under the title: a `##` heading, a line underlined with "---", or a short line that is
 * not a sentence (no closing stop, not a quotation) with prose right after it. A deck that runs on into the
 * next line without a break is joined to it by the paragraph rules and stays in the body.
 */
function isSubtitle(lines: readonly Line[], p: Paragraph, next: Paragraph | undefined, text: string, dates: readonly DateMatch[]): boolean {
  if (p.firstLine !== p.lastLine) return false;
  const line = lines[p.firstLine];
  if (atxHeadingText(line.text) !== null) return true;
  const below = lines[p.lastLine + 1];
  if (below !== undefined && SETEXT_UNDERLINE.test(below.text)) return true;
  const n = wordCount(line.text, MAX_SUBTITLE_WORDS + 1);
  // A line that carries a date reports an event ("The talks resumed on April 14, 2023"): a sentence, not a deck.
  return (
    n >= 3 &&
    n <= MAX_SUBTITLE_WORDS &&
    !/[.!?…:;"”’»]$/.test(line.text) &&
    !isProse(line.text) &&
    datesWithin(dates, p.start, p.end).length === 0 &&
    next !== undefined &&
    isProse(text.slice(next.start, next.end))
  );
}

/** Standfirsts are a sentence or two; a longer paragraph is the body's first. */
const MAX_STANDFIRST_WORDS = 60;
const MAX_STANDFIRST_PARAGRAPHS = 2;

/**
 * When paragraph `i` opens a standfirst (one or two short paragraphs followed by a byline, as magazines and
 * many news sites print them: title, summary, "By …", date), the index of that byline; otherwise null.
 */
function standfirstEnd(paragraphs: readonly Paragraph[], lines: readonly Line[], text: string, i: number): number | null {
  for (let k = i; k < i + MAX_STANDFIRST_PARAGRAPHS && k < paragraphs.length; k++) {
    const p = paragraphs[k];
    if (wordCount(text.slice(p.start, p.end), MAX_STANDFIRST_WORDS + 1) > MAX_STANDFIRST_WORDS) return null;
    const next = paragraphs[k + 1];
    if (next && next.firstLine === next.lastLine && isByline(lines[next.firstLine].text)) return k + 1;
  }
  return null;
}

/**
 * A transcript's closing turns are speech however short ("SEN. QUILL: Thank you.", "Q Thanks."): the last of the
 * turns right after the last prose paragraph, when the body is a transcript (article/speakerLabels.ts decides),
 * else `lastProse` itself.
 */
function lastTurn(text: string, paragraphs: readonly Paragraph[], from: number, to: number, lastProse: number): number {
  if (lastProse < 0 || lastProse + 1 >= to || labelAt(text, paragraphs[lastProse + 1].start, paragraphs[lastProse + 1].end) === null) {
    return lastProse;
  }
  const turns = transcriptTurns(text, paragraphs.slice(from, to));
  let last = lastProse;
  while (last + 1 < to && turns.has(last + 1 - from)) last++;
  return last;
}

/**
 * A line that only closes a text: a short bracketed direction ("(END)", "[Recess]"), "###", "***", the wire's
 * "-30-", "END" or "END OF TRANSCRIPT".
 */
const END_MARK =
  /^(?:\([^()\n]{1,30}\)|\[[^[\]\n]{1,30}\]|#(?: ?#){2,}|\*(?: ?\*){2,}|[-–—] ?30 ?[-–—]|END(?: OF (?:THE )?[A-Z]{2,12})?)$/u;

/** Where trailing boilerplate starts (or null), and the body's last prose paragraph (or -1). */
function findBoilerplateStart(
  paragraphs: readonly Paragraph[],
  bodyFirst: number,
  text: string,
  dates: readonly DateMatch[],
): { boilerplateStart: number | null; lastProse: number } {
  const paragraphText = (p: Paragraph) => text.slice(p.start, p.end);
  let marker = paragraphs.length;
  for (let i = bodyFirst; i < paragraphs.length; i++) {
    if (opensTrailingFurniture(paragraphText(paragraphs[i]))) {
      marker = i;
      break;
    }
  }
  // A listing of other articles before the marker ends the body too, though its headlines may read as prose.
  const listing = findListingStart(paragraphs, bodyFirst + 1, marker, text, dates);
  if (listing !== null) marker = listing;
  const lastProse = lastTurn(text, paragraphs, bodyFirst, marker, lastProseParagraph(text, paragraphs, bodyFirst, marker));
  if (lastProse >= 0) {
    const isStamp = (p: Paragraph) => dateOnlyLine(text, p.start, p.end, dates) !== null || TIME_ONLY.test(paragraphText(p));
    for (let i = lastProse + 1; i < marker; i++) {
      const p = paragraphs[i];
      if (isStamp(p)) continue;
      // Reporting credits and end marks ("(END)", "(RECESS)", "###") printed before the closing stamp stay with it
      // (consumers skip them); with no stamp after them they open the trailing furniture.
      let next = i;
      while (next < marker && (isCredit(paragraphText(paragraphs[next])) || END_MARK.test(paragraphText(paragraphs[next]).trim()))) next++;
      if (next > i && next < marker && isStamp(paragraphs[next])) {
        i = next;
        continue;
      }
      return { boilerplateStart: p.start, lastProse };
    }
  }
  return { boilerplateStart: marker < paragraphs.length ? paragraphs[marker].start : null, lastProse };
}
