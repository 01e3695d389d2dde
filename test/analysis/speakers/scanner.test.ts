// The hand-written token scanner finds exactly the spans of the regular expression it replaces, on any text:
// letters and marks of any script, digits, joiners, spaces of every kind, emoji and lone surrogates.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { scanTokens } from '../../../server/src/analysis/speakers/scanner';

const REFERENCE = /[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*|\p{N}+(?:[.,:]\p{N}+)*|\S/gu;

function byRegex(text: string): [number, number][] {
  return [...text.matchAll(REFERENCE)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
}

function byScanner(text: string): [number, number][] {
  const out: [number, number][] = [];
  scanTokens(text, (start, end) => out.push([start, end]));
  return out;
}

describe('token scanner', () => {
  it('splits words, joined words, possessives, numbers and punctuation', () => {
    const text = "Lavrov’s deputy, Anne-Marie O'Neil, said 1,250.5 troops left at 10:30 — “in full”.";
    assert.deepEqual(
      byScanner(text).map(([a, b]) => text.slice(a, b)),
      [
        'Lavrov’s',
        'deputy',
        ',',
        'Anne-Marie',
        "O'Neil",
        ',',
        'said',
        '1,250.5',
        'troops',
        'left',
        'at',
        '10:30',
        '—',
        '“',
        'in',
        'full',
        '”',
        '.',
      ],
    );
  });

  it('handles non-Latin scripts, combining marks, other spaces and characters beyond the BMP', () => {
    const text = 'Çavuşoğlu\u00a0said\u2009«нет» 🎉🎉 e\u0301te ٣٤ 𝐀𝐁 x-\ud800 done';
    assert.deepEqual(byScanner(text), byRegex(text));
  });

  it('agrees with the regular expression on any text', () => {
    const pieces = fc.constantFrom(
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
      ',',
      ':',
      ' ',
      '\u00a0',
      '\n',
      '\t',
      '“',
      '🎉',
      '\ud800',
      '𝐀',
      '_',
      '\u2028',
    );
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 40 }).map((a) => a.join('')),
        (text) => {
          assert.deepEqual(byScanner(text), byRegex(text));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
