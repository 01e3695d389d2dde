// "Not a quote" corrections: a quote is matched by its words, whatever marks and closing punctuation surround it.
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';
import { bareQuoteText, withoutRejectedQuotes } from '../../server/src/analysis/corrections/notQuotes';

describe('not-a-quote corrections', () => {
  it('compares quotes by their words, without marks, spaces or closing punctuation', () => {
    assert.equal(bareQuoteText('“We will not accept this,”'), 'We will not accept this');
    assert.equal(bareQuoteText(' «Nie wieder.» '), 'Nie wieder');
    assert.equal(bareQuoteText('"Ça va?!"'), 'Ça va');
    assert.equal(bareQuoteText('“”'), '');
    assert.equal(bareQuoteText('“a 😀 b”'), 'a 😀 b');
  });

  it('stays linear on a long run of closing punctuation', () => {
    const text = `“x${'.'.repeat(200_000)}y`;
    assert.equal(bareQuoteText(text), text.slice(1));
  });

  it('drops only the quotes a correction names', () => {
    const text = 'Talks end in Oslo\n\nOSLO — “The talks are over,” the minister said. “We go home,” she added.\n';
    const analysis = analyze(text);
    assert.equal(analysis.quotes.length, 2);
    const kept = withoutRejectedQuotes(analysis, [{ exact: '“The talks are over,”', speaker: '', notQuote: true }]);
    assert.deepEqual(
      kept.quotes.map((q) => q.text),
      ['“We go home,”'],
    );
  });
});
