// How `analyze` feeds files to its workers (server/src/cli/corpusRun.ts), against a runner whose jobs finish in a
// shuffled order: every file delivered once, in list order when asked, never more than two jobs per worker in
// flight, nothing started while the output is blocked, and a job that dies reported for its file only.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { FileBatch, FileOutcome } from '../../server/src/cli/analyzeFile';
import { filesPerJob, Lookahead, runCorpus } from '../../server/src/cli/corpusRun';
import type { JobKind, Jobs } from '../../server/src/workers/jobs';
import type { JobRunner } from '../../server/src/workers/pool';

/** Finishes each job after the delay `delayOf` gives its file; a file named `die*` fails as a dead worker would. */
class ShuffledRunner implements JobRunner {
  inFlight = 0;
  maxInFlight = 0;
  started: string[] = [];
  /** How many files each job held. */
  batches: number[] = [];

  constructor(
    readonly size: number,
    private readonly delayOf: (file: string) => number,
  ) {}

  run<K extends JobKind>(_kind: K, request: Jobs[K]['request']): Promise<Jobs[K]['response']> {
    const job = request as FileBatch;
    this.started.push(...job.files);
    this.batches.push(job.files.length);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    return new Promise((resolve, reject) => {
      setTimeout(
        () => {
          this.inFlight--;
          if (job.files.some((file) => file.startsWith('die'))) reject(new Error('an analysis worker stopped (exit code 1)'));
          else
            resolve(
              job.files.map((file): FileOutcome => ({
                ok: true,
                formatted: { text: file, counts: { quotes: 0, attributed: 0, speakers: 0, tags: 0 } },
                warnings: [],
              })) as Jobs[K]['response'],
            );
        },
        Math.max(...job.files.map(this.delayOf)),
      );
    });
  }

  warmUp(): void {}

  async close(): Promise<void> {}
}

const run = async (runner: JobRunner, files: Iterable<string>, ordered: boolean, writable = () => Promise.resolve()) => {
  const delivered: [string, FileOutcome][] = [];
  await runCorpus(runner, {
    files,
    output: 'jsonl',
    maxBytes: 1000,
    ordered,
    writable,
    deliver: (file, outcome) => delivered.push([file, outcome]),
  });
  return delivered;
};

describe('corpus run', () => {
  it('delivers every file once, in list order when ordered, with at most two jobs per worker in flight', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        async (delays, size, ordered) => {
          const files = delays.map((_, i) => `f${i}`);
          const runner = new ShuffledRunner(size, (file) => delays[Number(file.slice(1))]);
          const delivered = (await run(runner, files, ordered)).map(([file]) => file);
          assert.deepEqual([...delivered].sort(), [...files].sort());
          if (ordered) assert.deepEqual(delivered, files);
          assert.ok(runner.maxInFlight <= 2 * size, `${runner.maxInFlight} in flight for ${size} workers`);
          assert.deepEqual(runner.started, files, 'started in list order');
        },
      ),
      { numRuns: 40 },
    );
  });

  it('reports a job that died for its file only, and the rest go on', async () => {
    const runner = new ShuffledRunner(2, () => 1);
    const delivered = await run(runner, ['a', 'die-b', 'c'], true);
    assert.deepEqual(
      delivered.map(([file, outcome]) => [file, outcome.ok]),
      [
        ['a', true],
        ['die-b', false],
        ['c', true],
      ],
    );
    const failed = delivered[1][1];
    assert.ok(!failed.ok && /^die-b: internal error while analyzing.*exit code 1/.test(failed.error), JSON.stringify(failed));
  });

  it('gives a large run a few files per job, still delivering each once and in order, and a dead job fails only its files', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 3 }), fc.boolean(), async (count, size, ordered) => {
        const files = Array.from({ length: count }, (_, i) => (i === 100 ? 'die-100' : `f${i}`));
        const runner = new ShuffledRunner(size, (file) => file.length % 3);
        const delivered = await run(runner, files, ordered);
        assert.deepEqual(delivered.map(([file]) => file).sort(), [...files].sort());
        if (ordered)
          assert.deepEqual(
            delivered.map(([file]) => file),
            files,
          );
        const perJob = filesPerJob(count, size);
        assert.ok(runner.batches.every((n) => n <= perJob) && runner.batches.length === Math.ceil(count / perJob));
        assert.ok(runner.maxInFlight <= 2 * size);
        const failed = delivered.filter(([, outcome]) => !outcome.ok).map(([file]) => file);
        const dead = count > 100 ? files.slice(100 - (100 % perJob), 100 - (100 % perJob) + perJob) : [];
        assert.deepEqual(failed.sort(), dead.sort(), 'the files of the dead job, no others');
      }),
      { numRuns: 25 },
    );
    assert.equal(filesPerJob(5000, 2), 8);
    assert.equal(filesPerJob(40, 2), 1, 'a small run keeps one file per job');
  });

  it('starts nothing new while the output is blocked', async () => {
    const runner = new ShuffledRunner(1, () => 1);
    let open: () => void = () => undefined;
    let blocked: Promise<void> | null = new Promise((resolve) => {
      open = resolve;
    });
    const done = run(runner, ['a', 'b', 'c', 'd'], false, () => blocked ?? Promise.resolve());
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.deepEqual(runner.started, [], 'blocked from the start');
    blocked = null;
    open();
    assert.equal((await done).length, 4);
  });

  it('takes the files from their source as jobs start, never the whole source first', async () => {
    const count = 5000;
    let pulled = 0;
    let mostAhead = 0;
    const runner = new ShuffledRunner(2, () => 0);
    const source = (function* () {
      for (let i = 0; i < count; i++) {
        pulled++;
        mostAhead = Math.max(mostAhead, pulled - runner.started.length);
        yield `f${i}`;
      }
    })();
    const delivered = await run(runner, source, true);
    assert.deepEqual(
      delivered.map(([file]) => file),
      Array.from({ length: count }, (_, i) => `f${i}`),
    );
    // What it reads ahead to size the batches (two workers: 16 jobs each of 8 files), and one batch.
    assert.ok(mostAhead <= 2 * 16 * 8 + 8, `${mostAhead} files taken ahead of the jobs`);
  });

  it('counts a source only as far as asked', () => {
    const files = new Lookahead(['a', 'b', 'c', 'd', 'e']);
    assert.equal(files.count(2), 2);
    assert.equal(files.count(10), 5);
    assert.deepEqual(files.take(3), ['a', 'b', 'c']);
    assert.deepEqual(files.take(3), ['d', 'e']);
    assert.deepEqual(files.take(3), []);
  });
});
