// Weekday references found from the weekday back to its modifier read as the one pattern
// /\b(?:(on|earlier|early|late|later|last|next|this|coming)\s+)?(Monday|…|Sunday)\b/g did, on any text.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { findWeekdayReferences } from '../../../server/src/analysis/dates/weekdays';

const REFERENCE =
  /\b(?:(on|earlier|early|late|later|last|next|this|coming)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g;
const anchor = { year: 2020, month: 10, day: 1 };

describe('weekday references', () => {
  it('takes the modifier with the weekday, and only a whole modifier word', () => {
    const text = 'They met on Monday, upon Tuesday, later  Friday, last\tSunday and Thursday_ Saturday; _on Monday';
    const found = findWeekdayReferences(text, anchor, []).map((r) => r.text);
    assert.deepEqual(found, ['on Monday', 'Tuesday', 'later  Friday', 'last\tSunday', 'Saturday', 'Monday']);
  });

  it('finds the spans the pattern finds, outside blocked spans', () => {
    const pieces = fc.constantFrom(
      'on ',
      'earlier ',
      'later ',
      'upon ',
      'next\n',
      'this  ',
      'Monday',
      'Friday',
      'Sunday',
      ' ',
      ',',
      'x',
      '_',
      '9',
    );
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 14 }).map((a) => a.join('')),
        (text) => {
          const spans = findWeekdayReferences(text, anchor, []).map((r) => [r.start, r.end]);
          const expected = [...text.matchAll(REFERENCE)]
            .filter(
              (m) =>
                m[1] !== undefined ||
                !/\b(?:good|black|cyber|super|ash|holy|maundy|bloody|palm|easter|whit|shrove|low|giving|fat|blue|mad|casual)\s+$/i.test(
                  text.slice(Math.max(0, m.index - 12), m.index),
                ),
            )
            .map((m) => [m.index, m.index + m[0].length]);
          assert.deepEqual(spans, expected);
          const blocked = expected.length > 0 ? [{ start: expected[0][0], end: expected[0][1] }] : [];
          assert.deepEqual(
            findWeekdayReferences(text, anchor, blocked).map((r) => [r.start, r.end]),
            expected.slice(1),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});
