// Fuzzing the analysis (issue 13): random and adversarial articles never make it throw, every result keeps the
// invariants (spans inside the text, sorted, equal to the slice they span in code points; quotes disjoint; every
// speakerId a speaker; ISO dates real). How the time grows when an adversarial input doubles is measured in
// `npm run bench` (hostile inputs), not asserted here: tests assert no timings.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyze } from '../../server/src/analysis/index';
import { ADVERSARIAL, checkInvariants, randomArticle } from './fuzzInputs';

const REGRESSIONS = path.join(__dirname, '..', 'fixtures', 'fuzz-regressions');
/** Random articles per run; raise with SEED_FUZZ_RUNS for a longer hunt. */
const RUNS = Number(process.env.SEED_FUZZ_RUNS ?? 400);

describe('analysis fuzzing', function () {
  this.timeout(120_000); // a hang guard for the whole suite, not a speed goal

  it(`keeps its invariants on ${RUNS} random articles`, () => {
    fc.assert(
      fc.property(randomArticle, (text) => checkInvariants(text, analyze(text))),
      { numRuns: RUNS },
    );
  });

  for (const [name, make] of Object.entries(ADVERSARIAL)) {
    it(`keeps its invariants on ${name}`, () => {
      const text = make(20_000);
      checkInvariants(text, analyze(text));
    });
  }

  it('replays every case in the regression corpus', () => {
    const files = readdirSync(REGRESSIONS).filter((f) => f.endsWith('.txt'));
    assert.ok(files.length >= 10, `regression corpus in ${REGRESSIONS}`);
    for (const file of files) {
      const text = readFileSync(path.join(REGRESSIONS, file), 'utf8');
      try {
        checkInvariants(text, analyze(text));
      } catch (err) {
        throw new Error(`${file}: ${(err as Error).message}`);
      }
    }
  });
});
