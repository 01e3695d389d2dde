// Edits carried lazily (carryAll, damageOf) give what shiftAnalysis gives applied edit by edit: the same analysis,
// the same damage of each edit, and the same spans near a region.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyze } from '../../server/src/analysis';
import { carryAll, damageOf, shiftAnalysis, type Edit } from '../../server/src/documents/shiftedAnalysis';
import { randomArticle } from '../analysis/fuzzInputs';

const ARTICLE =
  'PARIS, March 3, 2021 — Talks resumed.\n\n"We will not give way," Émilie Durand said on Tuesday.\n\n' +
  'Durand added that "the talks go on," a diplomat told reporters.\n';

/** An edit as fractions of the text's length, and what it inserts. */
const edit = fc.record({
  from: fc.double({ min: 0, max: 1, noNaN: true }),
  to: fc.double({ min: 0, max: 1, noNaN: true }),
  text: fc.constantFrom('', 'a', ' ', '"', '\n\n', ' said ', 'Smith'),
});

describe('edits carried lazily', () => {
  it('copies the analysis through all edits at once as shiftAnalysis does edit by edit, with the same damage (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(ARTICLE), randomArticle), fc.array(edit, { minLength: 1, maxLength: 8 }), (initial, raw) => {
        // ASCII-free of astral characters is not needed here: offsets are those of the text, edits in the same unit.
        let text = initial;
        const base = analyze(initial);
        let stepwise = base;
        const edits: Edit[] = [];
        for (const { from, to, text: inserted } of raw) {
          const [a, b] = [Math.floor(from * text.length), Math.floor(to * text.length)].sort((x, y) => x - y);
          const e = { start: a, oldEnd: b, newEnd: a + inserted.length };
          text = text.slice(0, a) + inserted + text.slice(b);
          const after = text;
          const textOf = (s: number, end: number) => after.slice(s, end);
          const step = shiftAnalysis(stepwise, e, textOf);
          edits.push(e);
          assert.deepEqual(damageOf(base, edits), step.damaged, 'the damage of the last edit');
          stepwise = step.analysis;
          assert.deepEqual(carryAll(base, edits, textOf), stepwise, 'the analysis after every edit so far');
          const region = { start: Math.floor(from * text.length), end: Math.floor(from * text.length) + 40 };
          const near = carryAll(base, edits, textOf, region);
          const overlaps = (s: { start: number; end: number }) => s.start < region.end && s.end > region.start;
          assert.deepEqual(
            near.speakers.flatMap((s) => s.mentions),
            stepwise.speakers.flatMap((s) => s.mentions.filter(overlaps)),
          );
          assert.deepEqual(near.datelines, stepwise.datelines.filter(overlaps));
          assert.deepEqual(
            near.quotes,
            stepwise.quotes.filter((q) => overlaps(q) || (q.cue !== null && overlaps(q.cue))),
          );
          for (const speaker of base.speakers) {
            const theirs = carryAll(base, edits, textOf, undefined, speaker.id);
            assert.deepEqual(
              theirs.quotes,
              stepwise.quotes.filter((q) => q.speakerId === speaker.id),
              `the quotes of ${speaker.id}`,
            );
            assert.deepEqual([theirs.speakers, theirs.datelines], [[], []], 'nothing else copied');
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
