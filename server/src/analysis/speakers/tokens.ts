// Splits the article into word and punctuation tokens that know their paragraph, sentence and whether they
// lie inside a quote or in page furniture. One linear pass; every later step walks this array by index
// instead of re-scanning the text. UTF-16 indices.
//
// Built column by column: the token spans, their forms (what the characters say, shared by every token with the
// same text), quotes, paragraphs, furniture and sentences go into typed arrays first, and each token object is
// made once at the end with its final values. Passes over typed arrays touch no object, and an object that is
// never written again after it is made costs the garbage collector least.
import type { Quote } from '../types';
import { SpanScanner } from './scanner';
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

const WORD = 0;
const NUMBER = 1;
const PUNCT = 2;
const KINDS: readonly Token['kind'][] = ['word', 'number', 'punct'];

/** What a form's characters say that the passes below ask per token, as bits. */
const CAP = 1;
/** Opens a sentence after a stop: a capital, a number, or an opening mark (lexicon/quoteMarks.ts). */
const OPENS_SENTENCE = 2;
/** . ! ? … */
const STOP = 4;
const FULL_STOP = 8;
/** A word a full stop right after it abbreviates: an abbreviation, an initial ("J.") or "D-N.". */
const ABBREVIATED = 16;
const OPEN_BRACKET = 32;
const CLOSE_BRACKET = 64;
/** Reads the same in upper case ("PHOENIX", ")", "2020"): a wire dateline's place and what precedes its dash. */
const UPPER = 128;

export function tokenize(text: string, structure: Article, quotes: Quote[]): TokenizedText {
  // A text with no paragraph (nothing but blanks) is one.
  const paragraphs = structure.paragraphs.length > 0 ? structure.paragraphs : [{ start: 0, end: text.length }];
  const columns = readTokens(text, paragraphs, quotes);
  const { count, forms } = columns;
  const furniture = markFurniture(structure, columns);
  const { sentence, sentences } = markSentences(columns, quotes);

  // The columns every token reads its quote, paragraph, sentence and furniture from, through its form.
  const store: TokenStore = { start: columns.start, quote: columns.quote, paragraph: columns.paragraph, sentence, furniture };
  for (const form of forms.list) form.store = store;
  const tokens = new Array<Token>(count);
  for (let i = 0; i < count; i++) tokens[i] = new FormToken(forms.list[columns.form[i]], i);

  // Each set gets a form's lower case at the form's first qualifying token: the order of first insertion is the
  // order of the tokens, as when every token was added.
  const midSentenceCaps = new Set<string>();
  const lowerCaseWords = new Set<string>();
  // What each form has already given: 1 its lower case to midSentenceCaps, 2 to lowerCaseWords.
  const given = new Uint8Array(forms.list.length);
  for (let i = 0; i < count; i++) {
    const id = columns.form[i];
    const had = given[id];
    if (had === 3) continue;
    const form = forms.list[id];
    let gives = had;
    if (!(had & 1) && form.flags & CAP && i > 0 && furniture[i] === 0) {
      if (sentence[i - 1] === sentence[i] && forms.list[columns.form[i - 1]].kindCode !== PUNCT) {
        midSentenceCaps.add(form.lower);
        gives |= 1;
      }
    }
    if (!(had & 2) && form.kindCode === WORD && !(form.flags & CAP) && columns.quote[i] < 0) {
      lowerCaseWords.add(form.lower);
      gives |= 2;
    }
    given[id] = gives;
  }
  return { tokens, sentences, paragraphs, midSentenceCaps, lowerCaseWords };
}

/** The tokens as columns: token i starts at start[i], has form form[i], lies in quote[i] (or -1) and paragraph[i]. */
interface TokenColumns {
  count: number;
  start: Int32Array;
  form: Int32Array;
  quote: Int32Array;
  paragraph: Int32Array;
  forms: WordForms;
}

/** The tokens of the scanner's spans, a possessive split off its word ("Moscow's" -> "Moscow" + "'s"). */
function readTokens(text: string, paragraphs: readonly { start: number; end: number }[], quotes: Quote[]): TokenColumns {
  const spans = new SpanScanner(text);
  // Most articles have about one token per five characters; the columns grow when a text has more. Pages of a
  // column that are never written cost no memory.
  let capacity = Math.max(16, text.length >> 2);
  let start: Int32Array = new Int32Array(capacity);
  let form: Int32Array = new Int32Array(capacity);
  let quote: Int32Array = new Int32Array(capacity);
  let paragraph: Int32Array = new Int32Array(capacity);
  const forms = new WordForms(text);
  let n = 0;
  let para = 0;
  let paraEnd = paragraphs.length > 1 ? paragraphs[0].end : Infinity;
  let q = 0;
  let quoteStart = quotes.length > 0 ? quotes[0].start : Infinity;
  let quoteEnd = quotes.length > 0 ? quotes[0].end : Infinity;
  while (spans.next()) {
    const a = spans.start;
    const b = spans.end;
    while (a >= paraEnd) {
      para++;
      paraEnd = para < paragraphs.length - 1 ? paragraphs[para].end : Infinity;
    }
    while (quoteEnd <= a) {
      q++;
      quoteStart = q < quotes.length ? quotes[q].start : Infinity;
      quoteEnd = q < quotes.length ? quotes[q].end : Infinity;
    }
    const inQuote = quoteStart <= a ? q : -1;
    if (n + 2 > capacity) {
      capacity *= 2;
      start = grown(start, capacity);
      form = grown(form, capacity);
      quote = grown(quote, capacity);
      paragraph = grown(paragraph, capacity);
    }
    const whole = forms.of(a, b);
    if (forms.list[whole].kindCode === WORD && b - a > 2 && isPossessiveEnding(text, b)) {
      // "Moscow's" -> "Moscow" + "'s": the possessive marks a role's owner, not part of the name.
      start[n] = a;
      form[n] = forms.of(a, b - 2, WORD);
      quote[n] = inQuote;
      paragraph[n++] = para;
      start[n] = b - 2;
      form[n] = forms.of(b - 2, b, PUNCT);
      quote[n] = inQuote;
      paragraph[n++] = para;
    } else {
      start[n] = a;
      form[n] = whole;
      quote[n] = inQuote;
      paragraph[n++] = para;
    }
  }
  return { count: n, start, form, quote, paragraph, forms };
}

/** One past the last character of token i. */
function endOf(columns: TokenColumns, i: number): number {
  return columns.start[i] + columns.forms.list[columns.form[i]].text.length;
}

function grown(a: Int32Array, length: number): Int32Array {
  const b = new Int32Array(length);
  b.set(a);
  return b;
}

/** The text ends at `end` on "'s" or "’s". */
function isPossessiveEnding(text: string, end: number): boolean {
  const mark = text.charCodeAt(end - 2);
  return text.charCodeAt(end - 1) === 115 && (mark === 39 || mark === 0x2019);
}

function kindOf(word: string): number {
  const c = word.charCodeAt(0);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return WORD;
  if (c >= 48 && c <= 57) return NUMBER;
  if (c < 128) return PUNCT;
  return LETTER.test(word) ? WORD : DIGIT.test(word[0]) ? NUMBER : PUNCT;
}

/** The per-token columns a token object reads (by its index) instead of holding the values itself. */
interface TokenStore {
  start: Int32Array;
  quote: Int32Array;
  paragraph: Int32Array;
  sentence: Int32Array;
  furniture: Uint8Array;
}

const NO_STORE: TokenStore = {
  start: new Int32Array(0),
  quote: new Int32Array(0),
  paragraph: new Int32Array(0),
  sentence: new Int32Array(0),
  furniture: new Uint8Array(0),
};

/** What a piece of text says as a token of one kind: its lower case, kind, capital and flag bits. */
class Lexeme {
  readonly lower: string;
  readonly kind: Token['kind'];
  readonly cap: boolean;
  readonly flags: number;

  constructor(text: string, kindCode: number) {
    const c = text.charCodeAt(0);
    this.lower = kindCode === PUNCT ? text : text.toLowerCase();
    this.kind = KINDS[kindCode];
    this.cap = kindCode === WORD && ((c >= 65 && c <= 90) || (c > 127 && text[0] !== this.lower[0]));
    let flags = this.cap ? CAP : 0;
    if (this.cap || kindCode === NUMBER || SENTENCE_OPENING_MARKS.has(text)) flags |= OPENS_SENTENCE;
    if (text === '.' || text === '!' || text === '?' || text === '…') flags |= STOP;
    if (text === '.') flags |= FULL_STOP;
    if (kindCode === WORD && (ABBREVIATIONS.has(this.lower) || /(^|-)\p{Lu}$/u.test(text))) flags |= ABBREVIATED;
    if (text === '[') flags |= OPEN_BRACKET;
    if (text === ']') flags |= CLOSE_BRACKET;
    if (text === text.toUpperCase()) flags |= UPPER;
    this.flags = flags;
  }
}

/**
 * The lexeme of each piece of text in the kind its characters give it, shared by every tokenization: an article
 * of a corpus meets mostly words that earlier articles had, and reading one again (lower case, look-ups, a
 * regular expression) costs more than finding it. Bounded, so a long-running server does not keep every word.
 */
const LEXEMES = new Map<string, Lexeme>();
const LEXEME_LIMIT = 1 << 16;

function lexemeOf(text: string, kindCode: number): Lexeme {
  const known = LEXEMES.get(text);
  if (known !== undefined && KINDS[kindCode] === known.kind) return known;
  const lexeme = new Lexeme(text, kindCode);
  // A piece is kept in the kind its characters give it; another kind (a split-off "'s") is made each time.
  if (known === undefined && kindOf(text) === kindCode) {
    if (LEXEMES.size >= LEXEME_LIMIT) LEXEMES.clear();
    LEXEMES.set(text, lexeme);
  }
  return lexeme;
}

/**
 * What a token's characters alone say about it: shared by every token with the same text. The forms of one
 * tokenization also carry its token columns (`store`), so a token needs no field of its own to reach them.
 */
class WordForm {
  store: TokenStore = NO_STORE;
  readonly lower: string;
  readonly kind: Token['kind'];
  readonly cap: boolean;
  readonly flags: number;

  constructor(
    readonly text: string,
    readonly kindCode: number,
  ) {
    const lexeme = lexemeOf(text, kindCode);
    this.lower = lexeme.lower;
    this.kind = lexeme.kind;
    this.cap = lexeme.cap;
    this.flags = lexeme.flags;
  }
}

/**
 * Each distinct piece of text read once: its kind, lower case and capital are worked out the first time it is
 * met, and every token with that text shares the one form (and so the one copy of its strings). Pieces are
 * looked up by their text in a Map: the short-lived slice of a piece met before is cheaper to make and collect
 * than hashing and comparing its characters by hand (measured). Forms are numbered in `list`.
 */
class WordForms {
  readonly list: WordForm[] = [];
  /** The number of the first form made for each piece of text. */
  private readonly byText = new Map<string, number>();

  constructor(private readonly text: string) {}

  /**
   * The number of the form of text[start, end): the one first made for these characters when that one has the
   * kind asked for (or no kind is asked), else a form of the kind the caller assigns, which is not kept for
   * lookup.
   */
  of(start: number, end: number, kind?: number): number {
    const piece = this.text.slice(start, end);
    const known = this.byText.get(piece);
    if (known !== undefined && (kind === undefined || this.list[known].kindCode === kind)) return known;
    const id = this.list.length;
    this.list.push(new WordForm(known === undefined ? piece : this.list[known].text, kind ?? kindOf(piece)));
    if (known === undefined) this.byText.set(piece, id);
    return id;
  }
}

/**
 * A token: its form and its index. What its characters say is read through the shared form, and its position,
 * quote, paragraph, sentence and furniture from the tokenization's columns, so each of a long article's million
 * tokens holds two fields (each field is eight bytes without pointer compression, on a 24-byte object header).
 */
class FormToken implements Token {
  constructor(
    private readonly form: WordForm,
    private readonly index: number,
  ) {}

  get start(): number {
    return this.form.store.start[this.index];
  }

  get end(): number {
    return this.form.store.start[this.index] + this.form.text.length;
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

  get quote(): number {
    return this.form.store.quote[this.index];
  }

  get paragraph(): number {
    return this.form.store.paragraph[this.index];
  }

  get sentence(): number {
    return this.form.store.sentence[this.index];
  }

  get furniture(): boolean {
    return this.form.store.furniture[this.index] === 1;
  }
}

/**
 * Tokens outside the body, in the title, in markdown link text or on a headline-like line (most words
 * capitalised, as in a list of other articles) are furniture: names there are not sources. One byte per token.
 */
function markFurniture(structure: Article, columns: TokenColumns): Uint8Array {
  const { count, start: starts, paragraph: paragraphs, form: formOf, forms } = columns;
  const furniture = new Uint8Array(count);
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
  for (let k = 0; k < count; k++) {
    const start = starts[k];
    const flags = forms.list[formOf[k]].flags;
    // A "[" left open never reaches past its paragraph.
    if (paragraphs[k] !== paragraph) {
      paragraph = paragraphs[k];
      linkDepth = 0;
    }
    if (flags & OPEN_BRACKET) linkDepth++;
    while (line < inlineLines.length && inlineLines[line + 1] <= start) line += 2;
    const inline = line < inlineLines.length && inlineLines[line] <= start;
    const outside = start < bodyStart || start >= bodyEnd;
    const inTitle = start >= titleStart && start < titleEnd;
    // headlineLike is read by the token's paragraph, which is 0 for every token of a text without paragraphs.
    if (outside || inTitle || inline || linkDepth > 0 || headlineLike[paragraph] === 1) furniture[k] = 1;
    if (flags & CLOSE_BRACKET) linkDepth = Math.max(0, linkDepth - 1);
  }
  return furniture;
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
function markSentences(columns: TokenColumns, quotes: Quote[]): { sentence: Int32Array; sentences: { first: number; end: number }[] } {
  const { count, paragraph } = columns;
  const sentence = new Int32Array(count);
  const sentences: { first: number; end: number }[] = [];
  // Whether each quote ends in a stop (with a closing mark after it), asked at most once per quote: 1 no, 2 yes.
  const endsInStop = new Uint8Array(quotes.length);
  let current = 0;
  let first = 0;
  // Where the first sentence of the current paragraph starts after a dateline or time stamp, or -1.
  let leadIn = count > 0 ? leadInEnd(columns, 0) : -1;
  for (let i = 1; i < count; i++) {
    const opensParagraph = paragraph[i] !== paragraph[i - 1];
    if (opensParagraph) leadIn = leadInEnd(columns, i);
    if (opensParagraph || i === leadIn || endsSentence(columns, quotes, endsInStop, i - 1)) {
      sentences.push({ first, end: i });
      current++;
      first = i;
    }
    sentence[i] = current;
  }
  if (count > 0) sentences.push({ first, end: count });
  return { sentence, sentences };
}

const DATELINE_DASHES = new Set(['-', '—', '–']);

/** Where a paragraph's first sentence starts after a wire dateline or a live blog's time stamp; -1 when neither opens it. */
function leadInEnd(columns: TokenColumns, first: number): number {
  const stamp = timeStampEnd(columns, first);
  return stamp >= 0 ? stamp : wireDatelineEnd(columns, first);
}

const STAMP_OPENERS = new Set(['*', '[', '(', '_']);
const STAMP_CLOSERS = new Set(['*', ']', ')', '_']);
const STAMP_SEPARATORS = new Set([...DATELINE_DASHES, ':', '|']);
const STAMP_WORDS = new Set([
  'a',
  'p',
  'm',
  'am',
  'pm',
  'et',
  'est',
  'edt',
  'ct',
  'pt',
  'gmt',
  'bst',
  'cet',
  'cest',
  'utc',
  'local',
  'time',
]);

/**
 * "**10:02 a.m.** — Senate leaders …", "10:15 ET: Banks spoke", "[11:05] Protesters gathered": a live blog entry's
 * time stamp opening a paragraph is no part of its first sentence. The token after the stamp, or -1.
 */
function timeStampEnd(columns: TokenColumns, first: number): number {
  const { count, form, forms, paragraph } = columns;
  const list = forms.list;
  const para = paragraph[first];
  // Most paragraphs open on a word: no stamp, and nothing to look up.
  const opener = list[form[first]];
  if (opener.kindCode !== NUMBER && !STAMP_OPENERS.has(opener.text)) return -1;
  // The paragraph's tokens end at `last` (exclusive); every test below stays inside it.
  let last = first + 1;
  while (last < count && paragraph[last] === para) last++;
  let k = first;
  while (k < last && k < first + 3 && STAMP_OPENERS.has(list[form[k]].text)) k++;
  if (k >= last || list[form[k]].kindCode !== NUMBER || !/^\d{1,2}[:.]\d{2}$/.test(list[form[k]].text)) return -1;
  k++;
  while (k < last && (STAMP_WORDS.has(list[form[k]].lower) || list[form[k]].text === '.')) k++;
  let closed = false;
  while (k < last && STAMP_CLOSERS.has(list[form[k]].text)) {
    closed = true;
    k++;
  }
  if (k < last && STAMP_SEPARATORS.has(list[form[k]].text)) k++;
  else if (!closed) return -1;
  return k < last ? k : -1;
}

/**
 * "PHOENIX, Aug 19 (Reuters) - The group sued …", "DORSET COUNTY, Iowa — Every morning …": a wire dateline opening
 * a paragraph is no part of the first sentence, which starts after its dash. The place is written in capitals; the
 * dash follows the agency's bracket or a word in capitals. The token after the dash, or -1.
 */
function wireDatelineEnd(columns: TokenColumns, first: number): number {
  const { count, form, forms, quote, paragraph } = columns;
  const place = forms.list[form[first]];
  if (place.kindCode !== WORD || place.text.length < 2 || !(place.flags & UPPER)) return -1;
  let afterComma = false;
  for (let p = first + 1; p < Math.min(count - 1, first + 12) && paragraph[p] === paragraph[first]; p++) {
    if (quote[p] >= 0) return -1;
    const t = forms.list[form[p]];
    if (t.kindCode === PUNCT && DATELINE_DASHES.has(t.text)) {
      // Right after the place in capitals, or after a comma that follows it ("DORSET COUNTY, Iowa —").
      // ")" reads the same in upper case.
      const placed = (forms.list[form[p - 1]].flags & UPPER) !== 0 || afterComma;
      return placed && paragraph[p + 1] === paragraph[first] ? p + 1 : -1;
    }
    if (t.text === ',') afterComma = true;
  }
  return -1;
}

function endsSentence(columns: TokenColumns, quotes: Quote[], endsInStop: Uint8Array, i: number): boolean {
  const { form, forms, quote } = columns;
  if (!(forms.list[form[i + 1]].flags & OPENS_SENTENCE)) return false;
  const q = quote[i];
  if (q >= 0) {
    // Only the quote's own last token can close a sentence, and only when the quote ends in a stop.
    if (endOf(columns, i) !== quotes[q].end || quote[i + 1] === q) return false;
    if (endsInStop[q] === 0) endsInStop[q] = /[.!?…]["”»’']?$/u.test(quotes[q].text) ? 2 : 1;
    return endsInStop[q] === 2;
  }
  const flags = forms.list[form[i]].flags;
  if (!(flags & STOP)) return false;
  // An initial ("J."), or the letter of an abbreviated place after a hyphen ("D-N.Y.", "R-S.C.").
  if (flags & FULL_STOP && i > 0 && endOf(columns, i - 1) === columns.start[i] && forms.list[form[i - 1]].flags & ABBREVIATED) {
    return false;
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
