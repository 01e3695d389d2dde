// The text and span of a run of tokens, as every speaker stage reports them: tokens joined by one space where
// the source had any gap, none where they touch ("U.S.", "Moscow's"). UTF-16 indices.
import type { Span } from '../types';
import { isAbbreviationStop, type Token } from './tokens';

/** The words of tokens [a, b) as written, single-spaced. */
export function textOf(tokens: readonly Token[], a: number, b: number): string {
  if (b - a === 1) return tokens[a].text;
  let s = '';
  for (let m = a; m < b; m++) s += (m > a && tokens[m].start > tokens[m - 1].end ? ' ' : '') + tokens[m].text;
  return s;
}

/** The span of tokens [a, b). */
export function spanOf(tokens: readonly Token[], a: number, b: number): Span {
  return { start: tokens[a].start, end: tokens[b - 1].end, text: textOf(tokens, a, b) };
}

/** The span of one token. */
export function tokenSpan(t: Token): Span {
  return { start: t.start, end: t.end, text: t.text };
}

/** Punctuation at `i` that ends a noun phrase: any but a hyphen, a possessive or an abbreviation's full stop ("U.S."). */
export function isPhraseBreak(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  return t.kind === 'punct' && t.text !== '-' && !isPossessive(t) && !isAbbreviationStop(tokens as Token[], i);
}

/** The possessive ending the tokenizer splits off a word ("Moscow" + "’s"), either apostrophe. */
export function isPossessive(t: Token | undefined): boolean {
  return t !== undefined && (t.text === '’s' || t.text === "'s");
}
