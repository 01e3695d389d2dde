// The line splitter breaks at LF, CRLF and CR alike, whichever the text uses or mixes, after a leading BOM.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { splitLines } from '../../../server/src/analysis/article/lines';

/** The lines as the regular expression of line breaks finds them: [start, end) of each. */
function byRegex(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = text.startsWith('\uFEFF') ? 1 : 0;
  const breaks = /\r\n|\n|\r/g;
  breaks.lastIndex = start;
  for (let m = breaks.exec(text); m !== null; m = breaks.exec(text)) {
    out.push([start, m.index]);
    start = m.index + m[0].length;
  }
  out.push([start, text.length]);
  return out;
}

describe('line splitter', () => {
  it('breaks at LF, CRLF and CR', () => {
    const text = '\uFEFFTitle\r\n\r\nOne  \nTwo\rThree\n';
    assert.deepEqual(
      splitLines(text).map((l) => l.text),
      ['Title', '', 'One', 'Two', 'Three', ''],
    );
  });

  it('finds the same lines as the regular expression of line breaks, on any mix of breaks', () => {
    const piece = fc.constantFrom('a', ' ', '\n', '\r', '\r\n', '\uFEFF', '\u2028', 'é', '\t');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        assert.deepEqual(
          splitLines(text).map((l) => [l.start, l.end]),
          byRegex(text),
        );
      }),
      { numRuns: 500 },
    );
  });
});
