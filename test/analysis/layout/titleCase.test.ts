// The headline test reads words by code point; it must count them as the regular expression it replaces does.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { isTitleCase } from '../../../server/src/analysis/layout/furniture';

function byRegex(line: string): boolean {
  const words = (line.match(/\p{L}[\p{L}'’-]*/gu) ?? []).filter((w) => w.length > 3);
  if (words.length < 3) return false;
  return words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length >= 0.7;
}

describe('title case', () => {
  it('takes a headline and leaves a sentence', () => {
    assert.equal(isTitleCase('Iran on the Brink of Talks With Europe'), true);
    assert.equal(isTitleCase('The ministers met in Brussels on Monday to discuss the budget'), false);
  });

  it('agrees with the regular expression on any line', () => {
    const piece = fc.constantFrom(
      'Word',
      'word',
      'Über',
      'élan',
      "O'Neil",
      '-',
      "'",
      '’',
      ' ',
      'ab',
      'Ab',
      '𝐀bcd',
      '\uD835',
      '12',
      'ǅemal',
      'İstanbul',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
        const line = pieces.join('');
        assert.equal(isTitleCase(line), byRegex(line), line);
      }),
      { numRuns: 2000 },
    );
  });
});
