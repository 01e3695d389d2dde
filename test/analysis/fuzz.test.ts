// Fuzzing the analysis (issue 13): random and adversarial articles never make it throw, every result keeps the
// invariants (spans inside the text, sorted, equal to the slice they span in code points; quotes disjoint; every
// speakerId a speaker; ISO dates real), and doubling an adversarial input roughly doubles the work. Timing (CPU time) is
// only compared as a ratio with a wide margin; absolute figures are in `npm run bench`.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyze } from '../../server/src/analysis/index';
import { ADVERSARIAL, checkInvariants, randomArticle } from './fuzzInputs';

const REGRESSIONS = path.join(__dirname, '..', 'fixtures', 'fuzz-regressions');
/** Random articles per run; raise with SEED_FUZZ_RUNS for a longer hunt. */
const RUNS = Number(process.env.SEED_FUZZ_RUNS ?? 400);

/** CPU time of `fn` in ms: unlike wall time, it barely moves when other processes load a shared machine. */
function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Fastest CPU times of analyzing `make(n)` and `make(2n)`, measured in turn so that anything that slows one run
 * (a major GC, a cache flushed by another process) has the same chance to hit both. */
function doublingTimes(make: (size: number) => string, n: number): { t1: number; t2: number } {
  const small = make(n);
  const large = make(2 * n);
  analyze(small); // warm-up
  let t1 = Infinity;
  let t2 = Infinity;
  for (let run = 0; run < 3; run++) {
    t1 = Math.min(
      t1,
      cpuMs(() => analyze(small)),
    );
    t2 = Math.min(
      t2,
      cpuMs(() => analyze(large)),
    );
  }
  return { t1, t2 };
}

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

  it('takes time linear in the size of each adversarial input (doubling it at most ~doubles the time)', () => {
    const slow: string[] = [];
    for (const [name, make] of Object.entries(ADVERSARIAL)) {
      // Linear work gives ~2x; 3.5x allows for GC and a loaded machine, a few ms of slack keeps tiny timings out,
      // and a case must be slow on three tries running to count (a quadratic one always is).
      let verdict = '';
      for (let attempt = 0; attempt < 3; attempt++) {
        const { t1, t2 } = doublingTimes(make, 40_000);
        if (t2 <= 3.5 * t1 + 5) {
          verdict = '';
          break;
        }
        verdict = `${name}: ${t1.toFixed(1)} ms -> ${t2.toFixed(1)} ms (${(t2 / t1).toFixed(1)}x)`;
      }
      if (verdict !== '') slow.push(verdict);
    }
    assert.deepEqual(slow, []);
  });
});
