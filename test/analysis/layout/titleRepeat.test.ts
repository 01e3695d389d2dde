// The one rule for the headline printed again over the story.
import { strict as assert } from 'node:assert';
import { titleRepeats } from '../../../server/src/analysis/layout/titleRepeat';

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
