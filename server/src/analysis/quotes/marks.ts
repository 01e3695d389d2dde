// Pairs quotation marks inside one paragraph: double-mark families (curly, low-high, guillemets, straight)
// and, separately and more cautiously, single marks. Reports the marks that found no partner.
// Works on a [start, end) slice of the text in UTF-16 indices; every quote mark is a single UTF-16 unit.

/** Which kind of mark opened a quote; decides which mark may close it. */
export type MarkFamily = 'curly' | 'low' | 'guillemet' | 'reversedGuillemet' | 'rightOnly' | 'straight' | 'single';

/** A matched pair: `open` and `close` are the indices of the two marks themselves. */
export interface MarkPair {
  open: number;
  close: number;
  family: MarkFamily;
}

/** The result of pairing double marks in one paragraph. */
export interface ParagraphMarks {
  pairs: MarkPair[];
  /** An opening mark still open at the end of the paragraph (a multi-paragraph quote, or a missing close). */
  unclosed: { open: number; family: MarkFamily } | null;
  /** Marks that can be neither opened nor closed: stray closers and openers replaced by a later opener. */
  stray: number[];
}

const CLOSERS: Readonly<Record<MarkFamily, string>> = {
  curly: '\u201D',
  low: '\u201C\u201D',
  guillemet: '\u00BB',
  reversedGuillemet: '\u00AB',
  rightOnly: '\u201D',
  straight: '"',
  single: "\u2019'",
};

/** Characters that can play a role in a double-quote pair. */
const DOUBLE_MARKS = '\u201C\u201D\u201E\u201F\u00AB\u00BB"';
/** The same sets as patterns: jumping from mark to mark with a regular expression is much faster than a char loop. */
const DOUBLE_MARK_SCAN = /[\u201C\u201D\u201E\u201F\u00AB\u00BB"]/gu;
const MIXED_STYLE_SCAN = /[\u201C\u201D"]/gu;
const SINGLE_MARK_SCAN = /[\u2018\u2019']/gu;

/**
 * Indices of the marks `scanner` finds in text[start, end). The search runs over the paragraph alone (a slice,
 * which V8 shares rather than copies): searching the whole text from `start` ran on to the next mark past `end`,
 * which made a long text of mark-free paragraphs quadratic.
 */
function markPositions(text: string, start: number, end: number, scanner: RegExp): number[] {
  const paragraph = text.slice(start, end);
  const out: number[] = [];
  scanner.lastIndex = 0;
  for (let m = scanner.exec(paragraph); m !== null; m = scanner.exec(paragraph)) out.push(start + m.index);
  return out;
}

const isSpace = (c: string | undefined): boolean => c === undefined || /\s/u.test(c);
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
/** Characters after which a mark starts something: line start, space, opening bracket, dash, slash. */
const opensAfter = (c: string | undefined): boolean => isSpace(c) || (c !== undefined && /[([{\u2014\u2013\-/]/u.test(c));

/** True when the character at `i` is a double quote mark that pairing should look at (not an inch sign). */
export function isDoubleMark(text: string, i: number): boolean {
  const c = text[i];
  if (!DOUBLE_MARKS.includes(c)) return false;
  // 15" screen, 6'2": a straight mark right after a digit measures, it does not quote.
  return !(c === '"' && /\p{N}/u.test(text[i - 1] ?? ''));
}

/**
 * Pairs double marks in text[start, end). `skip(i)` hides marks (e.g. inside link texts). Double quotes do
 * not nest in news prose, so marks of another family inside an open quote are nested material and ignored.
 */
export function pairDoubleMarks(text: string, start: number, end: number, skip: (i: number) => boolean): ParagraphMarks {
  const pairs: MarkPair[] = [];
  const stray: number[] = [];
  let open: { open: number; family: MarkFamily } | null = null;
  const mixed = new MixedStyle(text, start, end);
  for (const i of markPositions(text, start, end, DOUBLE_MARK_SCAN)) {
    if (!isDoubleMark(text, i) || skip(i)) continue;
    if (open === null) {
      const family = openingFamily(text, i, end);
      if (family === null) stray.push(i);
      else open = { open: i, family };
      continue;
    }
    if (closes(text, i, open.family) || mixed.closes(i, open.family)) {
      pairs.push({ open: open.open, close: i, family: open.family });
      open = null;
    } else if (reopens(text, i, open.family)) {
      // A second opener of the same family before any closer: the first one was never closed.
      stray.push(open.open);
      open = { open: i, family: open.family };
    }
  }
  return { pairs, unclosed: open, stray };
}

/** The family a mark at `i` would open, or null when it cannot open a quote here (a stray closer). */
function openingFamily(text: string, i: number, end: number): MarkFamily | null {
  const c = text[i];
  const prev = text[i - 1];
  const next = text[i + 1];
  switch (c) {
    case '\u201C':
    case '\u201F':
      return 'curly';
    case '\u201E':
      return 'low';
    case '\u00AB':
      return 'guillemet';
    case '\u00BB': {
      // »…« (Danish, German print) only when it looks like an opener and a « follows in the paragraph.
      const later = text.indexOf('\u00AB', i + 1);
      return opensAfter(prev) && !isSpace(next) && later !== -1 && later < end ? 'reversedGuillemet' : null;
    }
    case '\u201D':
      // ”…” (Swedish, Finnish, some careless typing): a right mark that stands where an opener would.
      return opensAfter(prev) && isWordChar(next) ? 'rightOnly' : null;
    case '"':
      return isSpace(next) ? null : 'straight';
    default:
      return null;
  }
}

function closes(text: string, i: number, family: MarkFamily): boolean {
  // Careless typing closes “…“ with a second left mark; it is a closer when it ends a word and no word follows.
  if (family === 'curly' && text[i] === '\u201C') return !isSpace(text[i - 1]) && !isWordChar(text[i + 1]);
  if (!CLOSERS[family].includes(text[i])) return false;
  if (family === 'straight' || family === 'rightOnly') {
    // A mark with space before and a word after opens rather than closes: the earlier one was left open.
    return !(isSpace(text[i - 1]) && isWordChar(text[i + 1]));
  }
  return true;
}

/**
 * Scraped text mixes styles: “…" and "…”. A mark of the other style closes an open quote when no mark of the
 * quote's own style will close it first, and when it is the last closer-shaped mark of its kind before the next
 * quote opens; so “He called it "nonsense" today," she said. closes at the last mark, not after "nonsense".
 * Positions are collected once per paragraph and searched by bisection, so pairing stays near linear.
 */
class MixedStyle {
  private readonly curly: number[] = [];
  private readonly straightOpeners: number[] = [];
  private readonly straightClosers: number[] = [];
  private readonly rightClosers: number[] = [];

  constructor(
    private readonly text: string,
    start: number,
    end: number,
  ) {
    for (const i of markPositions(text, start, end, MIXED_STYLE_SCAN)) {
      const c = text[i];
      if (c === '\u201C' || c === '\u201D') {
        this.curly.push(i);
        if (c === '\u201D' && closerShaped(text, i)) this.rightClosers.push(i);
      } else if (c === '"' && isDoubleMark(text, i)) {
        (closerShaped(text, i) ? this.straightClosers : this.straightOpeners).push(i);
      }
    }
  }

  closes(i: number, family: MarkFamily): boolean {
    const c = this.text[i];
    if (!closerShaped(this.text, i)) return false;
    if (c === '"' && (family === 'curly' || family === 'low')) {
      const own = nextAfter(this.curly, i);
      if (own !== -1 && (family === 'low' || this.text[own] === '\u201D')) return false;
      const later = nextAfter(this.straightClosers, i);
      return later === -1 || (own !== -1 && later > own);
    }
    if (c === '\u201D' && family === 'straight') {
      const ownCloser = nextAfter(this.straightClosers, i);
      const ownOpener = nextAfter(this.straightOpeners, i);
      if (ownCloser !== -1 && (ownOpener === -1 || ownCloser < ownOpener)) return false;
      const later = nextAfter(this.rightClosers, i);
      return later === -1 || (ownOpener !== -1 && later > ownOpener);
    }
    return false;
  }
}

const closerShaped = (text: string, i: number): boolean => !isSpace(text[i - 1]) && !isWordChar(text[i + 1]);

/** The first value in the sorted `list` greater than `i`, or -1. */
function nextAfter(list: number[], i: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] <= i) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length ? list[lo] : -1;
}

function reopens(text: string, i: number, family: MarkFamily): boolean {
  const c = text[i];
  if (family === 'curly') return c === '\u201C' || c === '\u201F';
  if (family === 'low') return c === '\u201E';
  if (family === 'guillemet') return c === '\u00AB';
  if (family === 'straight' || family === 'rightOnly') return CLOSERS[family].includes(c); // reached only when not closing
  return false;
}

/**
 * Pairs single marks (‘…’, '…') in text[start, end). Because ’ and ' are mostly apostrophes (Russia’s,
 * don't, the '90s), an opener must stand at a word start and a closer at a word end, and unmatched marks are
 * simply not quotes: they are never reported and never left open.
 */
export function pairSingleMarks(text: string, start: number, end: number, skip: (i: number) => boolean): MarkPair[] {
  const pairs: MarkPair[] = [];
  let open = -1;
  for (const i of markPositions(text, start, end, SINGLE_MARK_SCAN)) {
    const c = text[i];
    if (skip(i)) continue;
    const prev = text[i - 1];
    const next = text[i + 1];
    const canOpen = (c === '\u2018' && !isWordChar(prev)) || (c === "'" && (opensAfter(prev) || isDoubleOpener(prev)) && isWordChar(next));
    // "the oligarchs' lawyers": after an s and before a lower-case word, the mark is a plural possessive.
    const possessive = (prev === 's' || prev === 'S') && /^\s\p{Ll}/u.test(text.slice(i + 1, i + 3));
    const canClose = c !== '\u2018' && !isSpace(prev) && !isWordChar(next) && !possessive;
    if (open !== -1 && canClose) {
      pairs.push({ open, close: i, family: 'single' });
      open = -1;
    } else if (canOpen) {
      open = i;
    }
  }
  return pairs;
}

const isDoubleOpener = (c: string | undefined): boolean => c !== undefined && '\u201C\u201E\u00AB"'.includes(c);
