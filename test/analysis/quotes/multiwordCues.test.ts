// The one-pass search for multiword cues ("according to", "in a statement") answers as lower-casing the text and
// asking for each cue's last occurrence in list order did, capitals, İ and the Kelvin sign included.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { lastMultiwordCue } from '../../../server/src/analysis/quotes/speech';
import { MULTIWORD_CUES } from '../../../server/src/analysis/lexicon/cueVerbs';

function reference(source: string): number {
  const lower = source.toLowerCase();
  for (const cue of MULTIWORD_CUES) {
    const at = lower.lastIndexOf(cue);
    if (at !== -1) return at;
  }
  return -1;
}

describe('multiword cues', () => {
  it('finds the first listed cue at its last place, whatever the case', () => {
    const text = 'He spoke of it, ACCORDING TO aides, and according To others, in a statement';
    assert.equal(lastMultiwordCue(text), reference(text));
    assert.equal(lastMultiwordCue(text), text.toLowerCase().lastIndexOf('according to'));
    assert.equal(lastMultiwordCue('within a statement'), 4);
    assert.equal(lastMultiwordCue('nothing here'), -1);
    assert.equal(lastMultiwordCue(''), -1);
    assert.equal(lastMultiwordCue('İn a statement, İ said'), reference('İn a statement, İ said'));
    assert.equal(lastMultiwordCue('TOLD REPORTERS \u212a'), reference('TOLD REPORTERS \u212a'));
  });

  it('agrees with lower-casing and searching on random text', () => {
    const pieces = fc.constantFrom(...MULTIWORD_CUES, 'IN A ', 'Told', ' ', 'x', 'İ', '\u212a', 'é', '𝐀', 'a', 'o');
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 12 }).map((a) => a.join('')),
        (text) => assert.equal(lastMultiwordCue(text), reference(text)),
      ),
      { numRuns: 3000 },
    );
  });
});
