// Finds direct quotes (straight, curly, guillemets, low-high; partial, split, multi-paragraph) and drops
// quote marks that are not speech (headline, furniture, links, scare quotes, names and titles).
// Works paragraph by paragraph, so an unbalanced mark can never swallow the rest of the file. UTF-16 indices;
// `speakerId`, `cue` and `source` are left null for the attribution step.
import type { Quote, Structure } from '../types';
import type { Article } from '../article/article';
import { isDoubleMark, type MarkPair } from './marks';
import type { Verdict } from './speech';
import { inLink, paragraphsOf, type Paragraph } from './zones';
import { dropPullQuotes, type PlacedQuote } from './pullQuotes';
import { innerLabels, transcriptTurns, voiceKey } from '../article/speakerLabels';
import { boldInterviewTurns } from './boldInterview';
import { ParagraphWork } from './paragraphWork';
import type { ParagraphMemo } from '../incremental/paragraphMemo';

/** Every direct quote in the text, in order; each span covers its marks. */
export function findQuotes(text: string, article: Article): Quote[] {
  return scan(text, article).quotes;
}

/**
 * Double quote marks in the article's prose that have no partner: stray closers, openers left open at the end
 * of a paragraph that the next paragraph does not continue, and openers replaced by a later opener. Page
 * furniture (headline, boilerplate, links) is not checked. For a diagnostic; UTF-16 indices.
 */
export function findUnbalancedQuoteMarks(text: string, article: Article): { start: number; end: number }[] {
  return findQuotesAndUnbalancedMarks(text, article).unbalanced;
}

/**
 * Both of the above from one scan, for a caller that needs both (the editor's analysis).
 * @param memo paragraph results kept from the analysis before an edit (the editor's), reused where unchanged.
 */
export function findQuotesAndUnbalancedMarks(
  text: string,
  article: Article,
  memo?: ParagraphMemo,
): {
  quotes: Quote[];
  unbalanced: { start: number; end: number }[];
} {
  const { quotes, unbalanced } = scan(text, article, memo);
  return { quotes, unbalanced: unbalanced.map((i) => ({ start: i, end: i + 1 })) };
}

/** A quote of text[start, end), not yet attributed (its marks, if any, are inside the span). */
function newQuote(text: string, start: number, end: number): Quote {
  return { start, end, text: text.slice(start, end), speakerId: null, cue: null, partial: false, source: null, confidence: null };
}

interface Candidate {
  open: number;
  /** Index of the closing mark, or -1 when the quote runs to the paragraph end. */
  close: number;
  /** The quote goes on in the next paragraph (an opening mark there, no close here). */
  continues: boolean;
}

function scan(text: string, structure: Article, memo?: ParagraphMemo): { quotes: Quote[]; unbalanced: number[] } {
  const paragraphs = paragraphsOf(structure);
  const quotes: PlacedQuote[] = [];
  const unbalanced: number[] = [];
  // The verdict of a multi-paragraph quote, carried to its next paragraph.
  let chain: Verdict | null = null;
  // Transcript turns carry no quote marks: the words after the speaker label are the quote.
  const turns = transcriptTurns(
    text,
    paragraphs.map((p) => (p.furniture ? { start: p.start, end: p.start } : p)),
  );

  const voices = new Set([...turns.values()].map(voiceKey));
  // A Q-and-A's bold questions and the plain answers after them carry no marks either.
  const boldTurns = boldInterviewTurns(text, paragraphs);

  paragraphs.forEach((paragraph, k) => {
    const turn = paragraph.furniture ? undefined : turns.get(k);
    if (turn) {
      chain = null;
      // A speaker change inside the paragraph ends one turn and opens the next.
      const inner = innerLabels(text, turn.contentStart, paragraph.end, voices);
      const starts = [turn.contentStart, ...inner.map((l) => l.contentStart)];
      starts.forEach((from, n) => {
        const end = trimmedEnd(text, from, n + 1 < starts.length ? inner[n].start : paragraph.end);
        quotes.push({ quote: newQuote(text, from, end), bare: false });
      });
      return;
    }
    const bold = turn ? undefined : boldTurns.get(paragraph.start);
    if (bold) {
      chain = null;
      quotes.push({ quote: newQuote(text, bold.start, trimmedEnd(text, bold.start, bold.end)), bare: false });
      return;
    }
    if (paragraph.pasted) {
      chain = null;
      const quote = pastedQuote(text, paragraph.start, paragraph.end);
      if (quote) quotes.push({ quote, bare: false });
      return;
    }
    // A paragraph without a quote mark of any kind has nothing to pair (most paragraphs of a long article, every one
    // of a text of short lines): it only ends the verdict carried from the paragraph before, as pairing would.
    if (!hasQuoteMark(text, paragraph.start, paragraph.end)) {
      if (!paragraph.furniture) chain = null;
      return;
    }
    const skip = (i: number) => inLink(paragraph, i);
    const work = new ParagraphWork(text, paragraph, memo);
    const marks = work.doubleMarks(skip);
    if (!paragraph.furniture) unbalanced.push(...marks.stray);

    const candidates: Candidate[] = marks.pairs.map((p) => ({ open: p.open, close: p.close, continues: false }));
    if (marks.unclosed !== null) {
      // Sites insert "Related article:" lines and the like between the paragraphs of one quote: look past them.
      const next = nextProse(paragraphs, k);
      const continues = next !== null && opensParagraph(text, next);
      if (!continues && !paragraph.furniture) unbalanced.push(marks.unclosed.open);
      candidates.push({ open: marks.unclosed.open, close: -1, continues });
    }
    if (paragraph.furniture) return; // a multi-paragraph quote's verdict passes over inserted furniture
    const openUntil = marks.unclosed?.open ?? Infinity;
    for (const p of work.singleMarks(skip)) {
      if (p.close < openUntil && !overlapsAny(marks.pairs, p)) {
        candidates.push({ open: p.open, close: p.close, continues: false });
      }
    }
    candidates.sort((a, b) => a.open - b.open);

    let carried: Verdict | null = chain;
    chain = null;
    for (const c of candidates) {
      const end = c.close === -1 ? paragraph.end : c.close + 1;
      const site = {
        open: c.open,
        end,
        contentStart: c.open + 1,
        contentEnd: c.close === -1 ? paragraph.end : c.close,
        paragraphStart: paragraph.start,
        paragraphEnd: paragraph.end,
      };
      // The paragraph that goes on with an earlier paragraph's quote keeps that quote's verdict.
      const continuing = carried !== null && c.open === paragraph.start;
      const verdict = continuing && carried !== null ? { speech: carried.speech, partial: false } : work.judge(site);
      carried = null;
      if (c.continues) chain = verdict;
      const keep = verdict.speech && (c.close !== -1 || c.continues || continuing || longEnough(text, site.contentStart, site.contentEnd));
      if (keep && !inFurnitureSpan(structure, c.open, end)) {
        const quote: Quote = { ...newQuote(text, c.open, end), partial: verdict.partial };
        const bare = c.close !== -1 && !continuing && aloneOnLine(text, paragraph, c.open, end);
        quotes.push({ quote, bare });
      }
    }
  });
  return { quotes: dropPullQuotes(quotes), unbalanced: unbalanced.sort((a, b) => a - b) };
}

/** Whether text[start, end) holds a double mark (marks.ts: “ ” „ ‟ « » ") or a single one (‘ ’ '). */
function hasQuoteMark(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x27 || c === 0xab || c === 0xbb || (c >= 0x2018 && c <= 0x2019) || (c >= 0x201c && c <= 0x201f)) return true;
  }
  return false;
}

/**
 * The words of a pasted post or email body (quotes/pasted.ts): the paragraph without its block-quote mark and
 * emphasis, and without a picture or post link at its end ("… pic.twitter.com/Qx7Lm2"). Null when no word is left.
 */
function pastedQuote(text: string, start: number, paragraphEnd: number): Quote | null {
  let from = start;
  while (from < paragraphEnd && (text[from] === '>' || text[from] === '*' || text[from] === '_' || text[from] === ' ')) from++;
  let end = trimmedEnd(text, from, paragraphEnd);
  for (;;) {
    const space = text.lastIndexOf(' ', end - 1);
    const last = text.slice(space + 1, end);
    if (space < from || !/^(?:pic\.twitter\.com\/|https?:\/\/)\S+$/u.test(last)) break;
    end = trimmedEnd(text, from, space);
  }
  if (!/\p{L}/u.test(text.slice(from, end))) return null;
  return newQuote(text, from, end);
}

/** The end of [start, end) without trailing white space. */
function trimmedEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/u.test(text[e - 1])) e--;
  return e;
}

/** Only blockquote or emphasis markdown before the quote and closing punctuation after it on its line. */
function aloneOnLine(text: string, paragraph: Paragraph, open: number, end: number): boolean {
  return (
    open - paragraph.start <= 4 &&
    paragraph.end - end <= 4 &&
    /^[>*_\s]*$/u.test(text.slice(paragraph.start, open)) &&
    /^[\s.,!?…*_]*$/u.test(text.slice(end, paragraph.end))
  );
}

/** The next paragraph after `k` that is not furniture, unless trailing boilerplate or the headline comes first. */
function nextProse(paragraphs: Paragraph[], k: number): Paragraph | null {
  for (let j = k + 1; j < paragraphs.length; j++) {
    if (!paragraphs[j].furniture) return paragraphs[j];
    if (paragraphs[j].boilerplate) return null;
  }
  return null;
}

/** A paragraph continues a quote when its first character is an opening double mark. */
function opensParagraph(text: string, paragraph: Paragraph): boolean {
  const i = paragraph.start;
  const c = text[i];
  if (!isDoubleMark(text, i)) return false;
  if (c === '"' || c === '\u201D' || c === '\u00BB') return !/\s/u.test(text[i + 1] ?? ' ');
  return c === '\u201C' || c === '\u201E' || c === '\u00AB' || c === '\u201F';
}

/** Whether `p` overlaps any of `pairs` (sorted by position, disjoint): a binary search. */
function overlapsAny(pairs: MarkPair[], p: MarkPair): boolean {
  let lo = 0;
  let hi = pairs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pairs[mid].close < p.open) lo = mid + 1;
    else if (pairs[mid].open > p.close) hi = mid - 1;
    else return true;
  }
  return false;
}

/** A quote left open (missing close mark) is kept only when it clearly carries a statement. */
function longEnough(text: string, start: number, end: number): boolean {
  return (text.slice(start, end).match(/[\p{L}\p{N}]+/gu) ?? []).length >= 4;
}

/** Headline or trailing boilerplate, by the layout analysis (a boilerplate start may fall inside a line). */
function inFurnitureSpan(structure: Structure, start: number, end: number): boolean {
  const t = structure.title;
  if (t !== null && start < t.end && end > t.start) return true;
  return structure.boilerplateStart !== null && end > structure.boilerplateStart;
}
