// The tokenizer's forms table (tokens with the same characters share one form, looked up by the characters in the
// text) gives every token the text, lower case, kind and capital its characters give it, and the sets of
// mid-sentence capitals and lower-case words hold what a token-by-token reading finds, in the same order.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { readArticle } from '../../../server/src/analysis/layout/structure';
import { findQuotes } from '../../../server/src/analysis/quotes/quotes';
import { tokenize, type Token, type TokenizedText } from '../../../server/src/analysis/speakers/tokens';
import { scanTokens } from '../../../server/src/analysis/speakers/scanner';
import { randomArticle } from '../fuzzInputs';

function tokensOf(text: string): TokenizedText {
  const article = readArticle(text);
  return tokenize(text, article, findQuotes(text, article));
}

/**
 * What each token's characters say, read with a map from text to its first kind: a piece first met as a
 * possessive's stem stays a word wherever it stands alone later.
 */
function expectedForms(text: string): Pick<Token, 'start' | 'end' | 'text' | 'lower' | 'kind' | 'cap'>[] {
  const out: Pick<Token, 'start' | 'end' | 'text' | 'lower' | 'kind' | 'cap'>[] = [];
  const firstKind = new Map<string, Token['kind']>();
  const push = (start: number, end: number, asked: Token['kind'], forced: boolean) => {
    const piece = text.slice(start, end);
    const known = firstKind.get(piece);
    if (known === undefined) firstKind.set(piece, asked);
    const kind = known === undefined || forced ? asked : known;
    const lower = kind === 'punct' ? piece : piece.toLowerCase();
    const c = piece.charCodeAt(0);
    out.push({
      start,
      end,
      text: piece,
      lower,
      kind,
      cap: kind === 'word' && ((c >= 65 && c <= 90) || (c > 127 && piece[0] !== lower[0])),
    });
  };
  scanTokens(text, (start, end) => {
    const piece = text.slice(start, end);
    const kind: Token['kind'] = /^[A-Za-z]/.test(piece)
      ? 'word'
      : /^[0-9]/.test(piece)
        ? 'number'
        : piece.charCodeAt(0) < 128
          ? 'punct'
          : /\p{L}/u.test(piece)
            ? 'word'
            : /\p{N}/u.test(piece[0])
              ? 'number'
              : 'punct';
    if (kind === 'word' && piece.length > 2 && /['’]s$/.test(piece)) {
      push(start, end, kind, false);
      out.pop();
      push(start, end - 2, 'word', true);
      push(end - 2, end, 'punct', true);
    } else {
      push(start, end, kind, false);
    }
  });
  return out;
}

function checkTokens(text: string): void {
  const tt = tokensOf(text);
  const got = tt.tokens.map(({ start, end, text, lower, kind, cap }) => ({ start, end, text, lower, kind, cap }));
  assert.deepEqual(got, expectedForms(text));
  const caps: string[] = [];
  const lowers: string[] = [];
  tt.tokens.forEach((t, i) => {
    const before = tt.tokens[i - 1];
    if (i > 0 && t.cap && !t.furniture && before.sentence === t.sentence && before.kind !== 'punct' && !caps.includes(t.lower)) {
      caps.push(t.lower);
    }
    if (t.kind === 'word' && !t.cap && t.quote < 0 && !lowers.includes(t.lower)) lowers.push(t.lower);
  });
  assert.deepEqual([...tt.midSentenceCaps], caps);
  assert.deepEqual([...tt.lowerCaseWords], lowers);
}

describe('tokens', () => {
  it('splits possessives and shares one form between tokens with the same characters', () => {
    const text = "# Talks\n\nMoscow's envoy met Moscow officials. The envoy said Moscow’s view was clear.\n";
    checkTokens(text);
    const tokens = tokensOf(text).tokens;
    const moscows = tokens.filter((t) => t.lower === 'moscow');
    assert.equal(moscows.length, 3);
    assert.deepEqual(
      tokens.filter((t) => t.kind === 'punct' && t.lower.endsWith('s')).map((t) => t.text),
      ["'s", '’s'],
    );
  });

  it('keeps a piece first met as a possessive stem a word, and a mark-only token punctuation', () => {
    checkTokens("# T\n\nX \u0301\u0301's \u0301\u0301 said Ab's Ab. 𝟏𝟐 ٣ 12.5 É'é Ébc.\n");
  });

  it('matches a token-by-token reading on random articles', () => {
    fc.assert(
      fc.property(randomArticle, (text) => checkTokens(text)),
      { numRuns: 300 },
    );
  });
});
