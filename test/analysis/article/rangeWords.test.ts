// Words found and looked up where they stand: the scan finds the spans the word pattern finds in the same slice
// (surrogate pairs cut by either end of the slice included), and the set answers as a set of lower-cased slices.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { LowerCaseSet, scanWords, WordSpans } from '../../../server/src/analysis/article/rangeWords';

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

function byRegex(text: string, from: number, to: number, limit: number): [number, number][] {
  return [...text.slice(from, to).matchAll(WORD)].slice(0, limit).map((m) => [from + m.index, from + m.index + m[0].length]);
}

function byScan(text: string, from: number, to: number, limit: number): [number, number][] {
  const words = scanWords(text, from, to, new WordSpans(), limit);
  return Array.from({ length: words.count }, (_, k) => [words.starts[k], words.ends[k]]);
}

const PIECES = [
  'a',
  'Z',
  'é',
  '\u0301',
  'ж',
  '1',
  '٣',
  '-',
  "'",
  '’',
  '.',
  ' ',
  '\n',
  '“',
  '🎉',
  '𝐀',
  '\ud835',
  '\udc00',
  'İ',
  '\u212a',
  'x',
];
const piecewise = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((a) => a.join(''));

describe('words where they stand', () => {
  it('scans the spans the word pattern finds, up to a limit', () => {
    const text = "He said: “Anne-Marie O'Neil’s 1,250 ’tis 𝐀𝐁 e\u0301te”";
    assert.deepEqual(byScan(text, 0, text.length, Infinity), byRegex(text, 0, text.length, Infinity));
    assert.deepEqual(byScan(text, 3, 20, 2), byRegex(text, 3, 20, 2));
    assert.deepEqual(byScan('𝐀𝐁', 1, 3, Infinity), byRegex('𝐀𝐁', 1, 3, Infinity), 'a pair cut by the start');
    assert.deepEqual(byScan('𝐀𝐁', 0, 3, Infinity), byRegex('𝐀𝐁', 0, 3, Infinity), 'a pair cut by the end');
  });

  it('agrees with the word pattern on any slice of any text', () => {
    fc.assert(
      fc.property(piecewise, fc.nat(), fc.nat(), fc.integer({ min: 0, max: 12 }), (text, a, b, limit) => {
        const from = text.length === 0 ? 0 : a % (text.length + 1);
        const to = from + (text.length === 0 ? 0 : b % (text.length - from + 1));
        assert.deepEqual(byScan(text, from, to, limit), byRegex(text, from, to, limit));
      }),
      { numRuns: 3000 },
    );
  });

  it('answers as a set of lower-cased slices would', () => {
    const words = ['said', 'told', 'ça', 'Said', 'i\u0307s', 'k', ''];
    const set = new LowerCaseSet(words);
    const reference = new Set(words);
    const text = 'SAID Told said\u00a0ÇA ça İs \u212a K saidx';
    for (let a = 0; a <= text.length; a++) {
      for (let b = a; b <= text.length; b++) {
        assert.equal(set.hasSpan(text, a, b), reference.has(text.slice(a, b).toLowerCase()), JSON.stringify(text.slice(a, b)));
      }
    }
    fc.assert(
      fc.property(piecewise, (text) => {
        assert.equal(set.hasSpan(text, 0, text.length), reference.has(text.toLowerCase()));
      }),
    );
  });
});
