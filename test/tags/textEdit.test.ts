// The change between two texts found from the edit an editor reported equals the one found by comparing the texts
// whole; the code-point index carried through an edit equals one built from the new text.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CodePointIndex } from '../../server/src/analysis/offsets';
import { changeBetween } from '../../server/src/tags/textEdit';

/** Texts of a few units, lone surrogate halves and astral characters among them. */
const unit = fc.constantFrom('a', 'b', ' ', '\n', '"', '\uD83C', '\uDDFA', '🇺', 'é');
const text = fc.array(unit, { maxLength: 30 }).map((units) => units.join(''));
const edit = fc.record({ text, at: fc.nat(), remove: fc.nat({ max: 8 }), insert: text });

function apply(e: { text: string; at: number; remove: number; insert: string }) {
  const start = e.at % (e.text.length + 1);
  const oldEnd = Math.min(start + e.remove, e.text.length);
  const after = e.text.slice(0, start) + e.insert + e.text.slice(oldEnd);
  return { after, known: { start, oldEnd, newEnd: start + e.insert.length } };
}

const sameIndex = (a: CodePointIndex, b: CodePointIndex, length: number) => {
  assert.equal(a.length, b.length);
  assert.equal(a.sameUnits, b.sameUnits);
  for (let i = 0; i <= length; i++) assert.equal(a.toCodePoint(i), b.toCodePoint(i), `UTF-16 ${i}`);
};

describe('textEdit', () => {
  it('finds the same change from the reported edit as from the whole texts (property)', () => {
    fc.assert(
      fc.property(edit, (e) => {
        const { after, known } = apply(e);
        const before = new CodePointIndex(e.text);
        const index = new CodePointIndex(after);
        assert.deepEqual(changeBetween(e.text, after, before, index, known), changeBetween(e.text, after, before, index));
      }),
      { numRuns: 2000 },
    );
  });

  it('carries a code-point index through an edit as a fresh one reads the new text (property)', () => {
    fc.assert(
      fc.property(edit, (e) => {
        const { after, known } = apply(e);
        sameIndex(CodePointIndex.edited(new CodePointIndex(e.text), known, after), new CodePointIndex(after), after.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the identity index of a text without astral characters through a plain keystroke', () => {
    const before = new CodePointIndex('Talks resume on Friday.');
    const edited = CodePointIndex.edited(before, { start: 5, oldEnd: 5, newEnd: 6 }, 'Talks! resume on Friday.');
    assert.equal(edited.sameUnits, true);
    assert.equal(edited.length, 24);
  });
});
