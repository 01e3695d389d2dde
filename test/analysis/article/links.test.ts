import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isLinkOnly, linksIn, withLinkText } from '../../../server/src/analysis/article/links';

// The regexes the scanner replaced, kept as the reference on short lines (on long ones they are quadratic).
const LINK_OR_URL = /!?\[([^\]\n]*)\]\(([^)\n]*)\)|<https?:\/\/[^>\s]*>|https?:\/\/\S+/gu;
const MARKDOWN_LINK = /!?\[([^\]]*)\]\([^)]*\)/g;

const linkyLine = fc
  .array(fc.constantFrom('[', ']', '(', ')', '!', '<', '>', 'http://', 'https://', 'x', ' ', '"', 'é', '\t'), { maxLength: 40 })
  .map((parts) => parts.join(''));

describe('article links', () => {
  it('finds markdown links, images, autolinks and bare URLs where the reference regex does', () => {
    fc.assert(
      fc.property(linkyLine, (line) => {
        const expected = [...line.matchAll(LINK_OR_URL)].map((m) => [m.index, m.index + m[0].length]);
        assert.deepEqual(
          linksIn(line, { urls: true }).map((l) => [l.start, l.end]),
          expected,
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('reads markdown links as their text as the reference regex does', () => {
    fc.assert(
      fc.property(linkyLine, (line) => {
        assert.equal(withLinkText(line), line.replace(MARKDOWN_LINK, '$1'));
      }),
      { numRuns: 3000 },
    );
  });

  it("takes a line for one link alone where the furniture rules' old regex did", () => {
    const LINK_ONLY = /^!?\[[^\]]*\]\([^)]*\)$/;
    fc.assert(
      fc.property(linkyLine, (line) => {
        assert.equal(isLinkOnly(line), LINK_ONLY.test(line.trim()));
        assert.equal(isLinkOnly(` ${line}\n`), LINK_ONLY.test(line.trim()));
      }),
      { numRuns: 3000 },
    );
    assert.equal(isLinkOnly('  [Other headline](https://example.org/a) '), true);
    assert.equal(isLinkOnly('Read: [Other headline](https://example.org/a)'), false);
  });

  it('spans the text and the target of a link', () => {
    const line = 'See ![a photo](x.jpg) and [the report](https://example.org/r) at https://example.org/s.';
    assert.deepEqual(
      linksIn(line, { urls: true }).map((l) => line.slice(l.start, l.end)),
      ['![a photo](x.jpg)', '[the report](https://example.org/r)', 'https://example.org/s.'],
    );
    assert.equal(withLinkText(line), 'See a photo and the report at https://example.org/s.');
  });

  it('scans a line of unclosed links in one pass', function () {
    this.timeout(10_000); // a hang guard: the regex it replaces took minutes on this line
    const line = '[x]('.repeat(300_000);
    assert.deepEqual(linksIn(line, { urls: true }), []);
    assert.equal(withLinkText('['.repeat(100_000) + '][]()'), '['.repeat(100_000) + ']');
  });
});
