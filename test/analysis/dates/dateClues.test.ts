// The clues that let a date pattern be skipped are necessary conditions: wherever the piece of a date pattern a
// clue stands for matches, the clue is found, so skipping a pattern never loses a date.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { dateClues, type DateClues } from '../../../server/src/analysis/dates/dateClues';
import { findAbsoluteDates } from '../../../server/src/analysis/dates/absolute';
import { MONTH_PATTERN } from '../../../server/src/analysis/dates/calendar';

/** The piece of the date patterns each clue stands for. */
const PIECES: Record<keyof DateClues, RegExp> = {
  numberThenDash: /\d(?:st|nd|rd|th)?[ \t]*[-–—]/i,
  dashThenNumber: /[-–—][ \t]*\d/,
  monthThenNumber: new RegExp(`${MONTH_PATTERN}\\.?\\s+\\d`, 'i'),
  numberThenMonth: new RegExp(`\\d(?:st|nd|rd|th)?(?:\\s+of)?(?:\\s+|[.-])${MONTH_PATTERN}`, 'i'),
};

describe('date clues', () => {
  it('finds each clue in a date that needs it', () => {
    assert.deepEqual(dateClues('Oct. 1 – 3rd'), {
      numberThenDash: true,
      dashThenNumber: true,
      monthThenNumber: true,
      numberThenMonth: false,
    });
    assert.deepEqual(dateClues('the 3rd of\u00a0MAY'), {
      numberThenDash: false,
      dashThenNumber: false,
      monthThenNumber: false,
      numberThenMonth: true,
    });
    assert.deepEqual(dateClues('no number here — Monday'), {
      numberThenDash: false,
      dashThenNumber: false,
      monthThenNumber: false,
      numberThenMonth: false,
    });
  });

  it('finds a clue wherever its piece of a date pattern matches', () => {
    const pieces = fc.constantFrom(
      'Jan',
      'january',
      'SEPT',
      'may',
      'Xmay',
      'of',
      'st',
      'rd',
      'th',
      '1',
      '30',
      '2020',
      ' ',
      '\t',
      '\n',
      '\u00a0',
      '.',
      ',',
      '-',
      '–',
      '—',
      'x',
    );
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 12 }).map((a) => a.join('')),
        (text) => {
          const clues = dateClues(text);
          for (const [clue, piece] of Object.entries(PIECES)) {
            if (piece.test(text)) assert.ok(clues[clue as keyof DateClues], `${clue} in ${JSON.stringify(text)}`);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('leaves the dates of a text with every kind of date as they were', () => {
    const text =
      'Oct. 1-3, 2020 · 1–3 October 2020 · Sept. 30-Oct. 2, 2020 · 30 September – 2 October 2020 · Nov. 3, 2021 · the 3rd of May, 2021 · 2020-10-01';
    assert.deepEqual(
      findAbsoluteDates(text).map((d) => d.text),
      [
        'Oct. 1-3, 2020',
        '1–3 October 2020',
        'Sept. 30-Oct. 2, 2020',
        '30 September – 2 October 2020',
        'Nov. 3, 2021',
        '3rd of May, 2021',
        '2020-10-01',
      ],
    );
  });
});
