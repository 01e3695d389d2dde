// The character-class table answers exactly what the regular expressions it stands for answer, for BMP units,
// lone surrogates and astral code points alike.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { charClass, isSpaceCode, unitClass, LETTER, LOWER, MARK, NUMBER, SPACE, UPPER } from '../../../server/src/analysis/article/chars';

function byRegex(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return (
    (/\p{L}/u.test(ch) ? LETTER : 0) |
    (/\p{M}/u.test(ch) ? MARK : 0) |
    (/\p{N}/u.test(ch) ? NUMBER : 0) |
    (/\p{Lu}/u.test(ch) ? UPPER : 0) |
    (/\p{Ll}/u.test(ch) ? LOWER : 0) |
    (/\s/u.test(ch) ? SPACE : 0)
  );
}

describe('character classes', () => {
  it('classifies letters, marks, digits, capitals and spaces of several scripts', () => {
    assert.equal(charClass('A'.charCodeAt(0)), LETTER | UPPER);
    assert.equal(charClass('ž'.charCodeAt(0)), LETTER | LOWER);
    assert.equal(charClass(0x0301), MARK);
    assert.equal(charClass('٣'.charCodeAt(0)), NUMBER);
    assert.equal(charClass(0x00a0), SPACE);
    assert.equal(charClass(0xfeff), SPACE);
    assert.equal(charClass(0x200b), 0);
    assert.equal(charClass(0xd835), 0, 'a lone surrogate is in no class');
    assert.equal(charClass('𝐀'.codePointAt(0)!), LETTER | UPPER);
    assert.equal(unitClass('𝐀', 0), 0, 'one unit of a pair is a lone surrogate');
    assert.equal(unitClass('a', 1), 0, 'past the end');
  });

  it('agrees with the regular expressions on every BMP unit', () => {
    for (let cp = 0; cp < 0x10000; cp++) {
      if (charClass(cp) !== byRegex(cp)) assert.fail(`U+${cp.toString(16)}`);
      if (isSpaceCode(cp) !== /\s/u.test(String.fromCharCode(cp))) assert.fail(`space U+${cp.toString(16)}`);
    }
  });

  it('agrees with the regular expressions on astral code points, asked twice', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0x10000, max: 0x10ffff }), (cp) => {
        assert.equal(charClass(cp), byRegex(cp));
        assert.equal(charClass(cp), byRegex(cp));
      }),
      { numRuns: 3000 },
    );
  });
});
