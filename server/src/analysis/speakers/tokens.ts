// Splits the article into word and punctuation tokens that know their paragraph, sentence and whether they
// lie inside a quote or in page furniture. One linear pass; every later step walks this array by index
// instead of re-scanning the text. UTF-16 indices.
import type { Quote } from '../types';
import { tokenSpans } from './scanner';
import { ABBREVIATIONS } from '../lexicon/abbreviations';
import { SENTENCE_OPENING_MARKS } from '../lexicon/quoteMarks';
import { paragraphHeadlineLike, type Article } from '../article/article';

export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** A word (letters), a number, or one punctuation character. */
  kind: 'word' | 'number' | 'punct';
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Index of the quote this token lies in, or -1. Quote marks belong to their quote. */
  quote: number;
  paragraph: number;
  sentence: number;
  /** Headline, byline, boilerplate, link text or a headline-like line: never a source of names. */
  furniture: boolean;
}

export interface TokenizedText {
  tokens: Token[];
  /** For each sentence, the index of its first token and one past its last. */
  sentences: { first: number; end: number }[];
  paragraphs: readonly { start: number; end: number }[];
  /** Lower-cased words written with a capital inside a sentence somewhere in the text: proper nouns. */
  midSentenceCaps: Set<string>;
  /** Words the text also writes in lower case (outside quotes): "critics" makes a sentence-initial "Critics" a common word. */
  lowerCaseWords: Set<string>;
}

const LETTER = /\p{L}/u;
const DIGIT = /\p{N}/u;

// Single-character tokens compared by set, not by pattern: these tests run once per token.
const SENTENCE_STOPS = new Set(['.', '!', '?', '…']);

export function tokenize(text: string, structure: Article, quotes: Quote[]): TokenizedText {
  // A text with no paragraph (nothing but blanks) is one.
  const paragraphs = structure.paragraphs.length > 0 ? structure.paragraphs : [{ start: 0, end: text.length }];
  const spans = tokenSpans(text);
  const tokens: Token[] = [];
  const forms = new WordForms(text);
  let para = 0;
  let paraEnd = paragraphs.length > 1 ? paragraphs[0].end : Infinity;
  let q = 0;
  let quoteStart = quotes.length > 0 ? quotes[0].start : Infinity;
  let quoteEnd = quotes.length > 0 ? quotes[0].end : Infinity;
  const { starts, ends, count } = spans;
  for (let k = 0; k < count; k++) {
    const start = starts[k];
    const end = ends[k];
    while (start >= paraEnd) {
      para++;
      paraEnd = para < paragraphs.length - 1 ? paragraphs[para].end : Infinity;
    }
    while (quoteEnd <= start) {
      q++;
      quoteStart = q < quotes.length ? quotes[q].start : Infinity;
      quoteEnd = q < quotes.length ? quotes[q].end : Infinity;
    }
    const inQuote = quoteStart <= start ? q : -1;
    const form = forms.of(start, end);
    if (form.kind === 'word' && end - start > 2 && isPossessiveEnding(text, end)) {
      // "Moscow's" -> "Moscow" + "'s": the possessive marks a role's owner, not part of the name.
      tokens.push(new FormToken(start, forms.of(start, end - 2, 'word'), inQuote, para));
      tokens.push(new FormToken(end - 2, forms.of(end - 2, end, 'punct'), inQuote, para));
    } else {
      tokens.push(new FormToken(start, form, inQuote, para));
    }
  }
  markFurniture(structure, tokens);
  const sentences = markSentences(tokens, quotes);
  // Each set gets a form's lower case at the form's first qualifying token: the order of first insertion is the
  // order of the tokens, as when every token was added.
  const midSentenceCaps = new Set<string>();
  const lowerCaseWords = new Set<string>();
  // What each kept form has already given: 1 its lower case to midSentenceCaps, 2 to lowerCaseWords.
  const given = new Uint8Array(forms.size);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as FormToken;
    const form = t.form;
    const had = form.id >= 0 ? given[form.id] : 0;
    let gives = had;
    if (!(had & 1) && form.cap && i > 0 && !t.furniture) {
      const before = tokens[i - 1];
      if (before.sentence === t.sentence && before.kind !== 'punct') {
        midSentenceCaps.add(form.lower);
        gives |= 1;
      }
    }
    if (!(had & 2) && form.kind === 'word' && !form.cap && t.quote < 0) {
      lowerCaseWords.add(form.lower);
      gives |= 2;
    }
    if (gives !== had && form.id >= 0) given[form.id] = gives;
  }
  return { tokens, sentences, paragraphs, midSentenceCaps, lowerCaseWords };
}

/** The text ends at `end` on "'s" or "’s". */
function isPossessiveEnding(text: string, end: number): boolean {
  const mark = text.charCodeAt(end - 2);
  return text.charCodeAt(end - 1) === 115 && (mark === 39 || mark === 0x2019);
}

function kindOf(word: string): Token['kind'] {
  const c = word.charCodeAt(0);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return 'word';
  if (c >= 48 && c <= 57) return 'number';
  if (c < 128) return 'punct';
  return LETTER.test(word) ? 'word' : DIGIT.test(word[0]) ? 'number' : 'punct';
}

/** What a token's characters alone say about it: shared by every token with the same text. */
interface WordForm {
  /** The form's number in its table, from 0. */
  id: number;
  text: string;
  lower: string;
  kind: Token['kind'];
  cap: boolean;
}

/**
 * Each distinct piece of text read once: its kind, lower case and capital are worked out the first time it is
 * met, and every token with that text shares the one form (and so the one copy of its strings). Pieces are
 * looked up by their characters in the text (an open-addressing hash table), so a piece met before costs no
 * string at all.
 */
class WordForms {
  private readonly forms: WordForm[] = [];
  private readonly hashes: number[] = [];
  /** Form index plus one in each slot (0: empty); the size is a power of two, kept at most half full. */
  private slots = new Int32Array(1 << 12);

  constructor(private readonly text: string) {}

  get size(): number {
    return this.forms.length;
  }

  /**
   * The form of text[start, end): the one first made for these characters when that one has the kind asked for
   * (or no kind is asked), else a form of the kind the caller assigns, which is not kept.
   */
  of(start: number, end: number, kind?: Token['kind']): WordForm {
    const text = this.text;
    let hash = end - start;
    for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (;;) {
      const entry = this.slots[slot];
      if (entry === 0) break;
      const known = this.forms[entry - 1];
      if (this.hashes[entry - 1] === hash && sameText(known.text, text, start, end)) {
        if (kind === undefined || known.kind === kind) return known;
        const piece = known.text;
        return formOf(piece, kind, -1);
      }
      slot = (slot + 1) & mask;
    }
    const piece = text.slice(start, end);
    const form = formOf(piece, kind ?? kindOf(piece), this.forms.length);
    this.forms.push(form);
    this.hashes.push(hash);
    this.slots[slot] = this.forms.length;
    if (this.forms.length * 2 > this.slots.length) this.grow();
    return form;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let f = 0; f < this.forms.length; f++) {
      let slot = this.hashes[f] & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = f + 1;
    }
    this.slots = slots;
  }
}

function sameText(piece: string, text: string, start: number, end: number): boolean {
  if (piece.length !== end - start) return false;
  for (let i = 0; i < piece.length; i++) if (piece.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/** A form made for one token and kept by none: its id is -1, and the sets above read it from its token. */
function formOf(piece: string, kind: Token['kind'], id: number): WordForm {
  const c = piece.charCodeAt(0);
  const lower = kind === 'punct' ? piece : piece.toLowerCase();
  const cap = kind === 'word' && ((c >= 65 && c <= 90) || (c > 127 && piece[0] !== lower[0]));
  return { id, text: piece, lower, kind, cap };
}

/**
 * A token keeps its position, its form and what the passes below mark on it; what its characters say is read
 * through the shared form, so a long article's million tokens hold six fields each instead of ten.
 */
class FormToken implements Token {
  sentence = 0;
  furniture = false;

  constructor(
    readonly start: number,
    readonly form: WordForm,
    readonly quote: number,
    readonly paragraph: number,
  ) {}

  get end(): number {
    return this.start + this.form.text.length;
  }

  get text(): string {
    return this.form.text;
  }

  get lower(): string {
    return this.form.lower;
  }

  get kind(): Token['kind'] {
    return this.form.kind;
  }

  get cap(): boolean {
    return this.form.cap;
  }
}

/**
 * Tokens outside the body, in the title, in markdown link text or on a headline-like line (most words
 * capitalised, as in a list of other articles) are furniture: names there are not sources.
 */
function markFurniture(structure: Article, tokens: Token[]): void {
  const bodyStart = structure.body.start;
  const bodyEnd = Math.min(structure.body.end, structure.boilerplateStart ?? Infinity);
  const title = structure.title;
  const titleStart = title?.start ?? Infinity;
  const titleEnd = title?.end ?? -Infinity;
  const headlineLike = new Uint8Array(structure.paragraphs.length);
  for (let k = 0; k < headlineLike.length; k++) headlineLike[k] = paragraphHeadlineLike(structure, k) ? 1 : 0;
  const inlineLines = inlineFurnitureLines(structure);
  let line = 0;
  let linkDepth = 0;
  let paragraph = -1;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    const start = t.start;
    // A "[" left open never reaches past its paragraph.
    if (t.paragraph !== paragraph) {
      paragraph = t.paragraph;
      linkDepth = 0;
    }
    const text = t.text;
    if (text === '[') linkDepth++;
    while (line < inlineLines.length && inlineLines[line + 1] <= start) line += 2;
    const inline = line < inlineLines.length && inlineLines[line] <= start;
    const outside = start < bodyStart || start >= bodyEnd;
    const inTitle = start >= titleStart && start < titleEnd;
    t.furniture = outside || inTitle || inline || linkDepth > 0 || headlineLike[paragraph] === 1;
    if (text === ']') linkDepth = Math.max(0, linkDepth - 1);
  }
}

/**
 * Lines of the page that sit inside the body without being its text ("Story continues below", "Advertisement",
 * "Image caption, …", "Read more: …"): their capitalised words are labels and captions, never sources.
 * The article's own verdict on each line of a paragraph, so layout and speakers never disagree. In text order,
 * as start and end pairs.
 */
function inlineFurnitureLines(article: Article): number[] {
  const out: number[] = [];
  const { lines, paragraphLines, kinds } = article;
  for (let k = 0; k < article.paragraphs.length; k++) {
    for (let i = paragraphLines[2 * k]; i <= paragraphLines[2 * k + 1]; i++) {
      const line = lines[i];
      if (line.contentStart !== line.contentEnd && kinds.inlineFurniture(i)) out.push(line.contentStart, line.contentEnd);
    }
  }
  return out;
}

/**
 * Sentence numbers: a new sentence at each paragraph and after . ! ? followed by a capital, a digit or an
 * opening quote, unless the stop ends an abbreviation or an initial. Stops inside a quote do not end the
 * reporting sentence; a quote that itself ends with a stop ends it when a capital follows.
 */
function markSentences(tokens: Token[], quotes: Quote[]): { first: number; end: number }[] {
  const sentences: { first: number; end: number }[] = [];
  let sentence = 0;
  let first = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (i > 0 && (t.paragraph !== tokens[i - 1].paragraph || endsSentence(tokens, quotes, i - 1))) {
      sentences.push({ first, end: i });
      sentence++;
      first = i;
    }
    t.sentence = sentence;
  }
  if (tokens.length > 0) sentences.push({ first, end: tokens.length });
  return sentences;
}

function endsSentence(tokens: Token[], quotes: Quote[], i: number): boolean {
  const t = tokens[i];
  const next = tokens[i + 1];
  if (!next || !startsSentence(next)) return false;
  if (t.quote >= 0) {
    // Only the quote's own last token can close a sentence, and only when the quote ends in a stop.
    const q = quotes[t.quote];
    if (t.end !== q.end || next.quote === t.quote) return false;
    return /[.!?…]["”»’']?$/u.test(q.text);
  }
  if (!SENTENCE_STOPS.has(t.text)) return false;
  if (t.text === '.' && i > 0) {
    const before = tokens[i - 1];
    const adjacent = before.end === t.start;
    // An initial ("J."), or the letter of an abbreviated place after a hyphen ("D-N.Y.", "R-S.C.").
    if (adjacent && before.kind === 'word' && (ABBREVIATIONS.has(before.lower) || /(^|-)\p{Lu}$/u.test(before.text))) {
      return false;
    }
  }
  return true;
}

/** The full stop at `i` closes an abbreviation or an initial ("Gov.", "J.", "D-N."), not a sentence. */
export function isAbbreviationStop(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const before = tokens[i - 1];
  if (!t || t.text !== '.' || !before || before.kind !== 'word' || before.end !== t.start) return false;
  return ABBREVIATIONS.has(before.lower) || /(^|-)\p{Lu}$/u.test(before.text);
}

function startsSentence(t: Token): boolean {
  return t.cap || t.kind === 'number' || SENTENCE_OPENING_MARKS.has(t.text);
}
