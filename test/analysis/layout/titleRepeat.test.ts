// The one rule for the headline printed again over the story.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { titleRepeats } from '../../../server/src/analysis/layout/titleRepeat';
import { plainWords } from '../../../server/src/analysis/layout/furniture';

describe('title repeats', () => {
  const repeats = titleRepeats('Talks Resume in Oslo');

  it("matches the title's words whatever the case, markdown and punctuation", () => {
    assert.equal(repeats('talks resume in Oslo'), true);
    assert.equal(repeats('## **Talks resume in Oslo.**'), true);
    assert.equal(repeats('[Talks Resume in Oslo](https://example.org/talks)'), true);
  });

  it('does not match other words, or a long paragraph that starts with them', () => {
    assert.equal(repeats('Talks resume in Bergen'), false);
    assert.equal(repeats(`Talks Resume in Oslo ${'and more words '.repeat(10)}`), false);
  });

  it('matches nothing without a title', () => {
    assert.equal(titleRepeats(null)('Talks Resume in Oslo'), false);
  });
});

describe('title repeats, read as they are compared', () => {
  const sameWords = (line: string) =>
    plainWords(line)
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();

  it('answers as comparing the normalised words in full, for any title and line', () => {
    const pieces = fc.constantFrom(
      'Talks',
      'talks',
      'TALKS',
      ' ',
      '  ',
      '-',
      '.',
      '**',
      '#',
      'in',
      'Oslo',
      'Ósló',
      'ΣΑΣ',
      '1',
      '[',
      '](x)',
      'İ',
      '\u212a',
    );
    const line = fc.array(pieces, { maxLength: 8 }).map((a) => a.join(''));
    fc.assert(
      fc.property(line, line, (title, candidate) => {
        assert.equal(
          titleRepeats(title)(candidate),
          candidate.length <= 2 * title.length + 20 && sameWords(candidate) === sameWords(title),
        );
      }),
      { numRuns: 3000 },
    );
  });
});
