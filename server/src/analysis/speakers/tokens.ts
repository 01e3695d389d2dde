// Splits the article into word and punctuation tokens that know their paragraph, sentence and whether they
// lie inside a quote or in page furniture. One linear pass; every later step walks this array by index
// instead of re-scanning the text. UTF-16 indices.
import type { Quote } from '../types';
import { scanTokens } from './scanner';
import { ABBREVIATIONS } from '../lexicon/abbreviations';
import { SENTENCE_OPENING_MARKS } from '../lexicon/quoteMarks';
import { paragraphHeadlineLike, paragraphLinesOf, type Article } from '../article/article';

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
  const tokens: Token[] = [];
  const forms = new WordForms();
  let para = 0;
  let q = 0;
  scanTokens(text, (start, end) => {
    while (para < paragraphs.length - 1 && start >= paragraphs[para].end) para++;
    while (q < quotes.length && quotes[q].end <= start) q++;
    const inQuote = q < quotes.length && quotes[q].start <= start ? q : -1;
    const word = text.slice(start, end);
    const form = forms.of(word);
    if (form.kind === 'word' && word.length > 2 && (word.endsWith("'s") || word.endsWith('’s'))) {
      // "Moscow's" -> "Moscow" + "'s": the possessive marks a role's owner, not part of the name.
      tokens.push(makeToken(forms.of(word.slice(0, -2), 'word'), start, inQuote, para));
      tokens.push(makeToken(forms.of(word.slice(-2), 'punct'), start + word.length - 2, inQuote, para));
    } else {
      tokens.push(makeToken(form, start, inQuote, para));
    }
  });
  markFurniture(structure, tokens);
  const sentences = markSentences(tokens, quotes);
  const midSentenceCaps = new Set<string>();
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    const before = tokens[i - 1];
    if (t.cap && !t.furniture && before.sentence === t.sentence && before.kind !== 'punct') midSentenceCaps.add(t.lower);
  }
  const lowerCaseWords = new Set<string>();
  for (const t of tokens) if (t.kind === 'word' && !t.cap && t.quote < 0) lowerCaseWords.add(t.lower);
  return { tokens, sentences, paragraphs, midSentenceCaps, lowerCaseWords };
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
  text: string;
  lower: string;
  kind: Token['kind'];
  cap: boolean;
}

/**
 * Each distinct piece of text read once: its kind, lower case and capital are worked out the first time it is
 * met, and every token with that text shares the one form (and so the one copy of its strings).
 */
class WordForms {
  private readonly forms = new Map<string, WordForm>();

  /** The form of `piece`, of the kind its characters give it or of the kind the caller assigns. */
  of(piece: string, kind?: Token['kind']): WordForm {
    const known = this.forms.get(piece);
    if (known !== undefined && (kind === undefined || known.kind === kind)) return known;
    const form = formOf(piece, kind ?? kindOf(piece));
    if (known === undefined) this.forms.set(piece, form);
    return form;
  }
}

function formOf(piece: string, kind: Token['kind']): WordForm {
  const c = piece.charCodeAt(0);
  const lower = kind === 'punct' ? piece : piece.toLowerCase();
  const cap = kind === 'word' && ((c >= 65 && c <= 90) || (c > 127 && piece[0] !== lower[0]));
  return { text: piece, lower, kind, cap };
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
    private readonly form: WordForm,
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

function makeToken(form: WordForm, start: number, quote: number, paragraph: number): Token {
  return new FormToken(start, form, quote, paragraph);
}

/**
 * Tokens outside the body, in the title, in markdown link text or on a headline-like line (most words
 * capitalised, as in a list of other articles) are furniture: names there are not sources.
 */
function markFurniture(structure: Article, tokens: Token[]): void {
  const bodyEnd = Math.min(structure.body.end, structure.boilerplateStart ?? Infinity);
  const title = structure.title;
  const headlineLike = structure.paragraphs.map((_, k) => paragraphHeadlineLike(structure, k));
  const inlineLines = inlineFurnitureLines(structure);
  let line = 0;
  let linkDepth = 0;
  let paragraph = -1;
  for (const t of tokens) {
    // A "[" left open never reaches past its paragraph.
    if (t.paragraph !== paragraph) {
      paragraph = t.paragraph;
      linkDepth = 0;
    }
    if (t.text === '[') linkDepth++;
    while (line < inlineLines.length && inlineLines[line].end <= t.start) line++;
    const inline = line < inlineLines.length && inlineLines[line].start <= t.start;
    const outside = t.start < structure.body.start || t.start >= bodyEnd;
    const inTitle = title !== null && t.start >= title.start && t.start < title.end;
    t.furniture = outside || inTitle || inline || linkDepth > 0 || headlineLike[t.paragraph];
    if (t.text === ']') linkDepth = Math.max(0, linkDepth - 1);
  }
}

/**
 * Lines of the page that sit inside the body without being its text ("Story continues below", "Advertisement",
 * "Image caption, …", "Read more: …"): their capitalised words are labels and captions, never sources.
 * The article's own verdict on each line of a paragraph, so layout and speakers never disagree. In text order.
 */
function inlineFurnitureLines(article: Article): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let k = 0; k < article.paragraphs.length; k++) {
    for (const [i, line] of paragraphLinesOf(article, k)) {
      if (article.kinds.inlineFurniture(i)) out.push({ start: line.contentStart, end: line.contentEnd });
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
