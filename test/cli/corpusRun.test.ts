// How `analyze` feeds files to its workers (server/src/cli/corpusRun.ts), against a runner whose jobs finish in a
// shuffled order: every file delivered once, in list order when asked, never more than two jobs per worker in
// flight, nothing started while the output is blocked, and a job that dies reported for its file only.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { FileJob, FileOutcome } from '../../server/src/cli/analyzeFile';
import { runCorpus } from '../../server/src/cli/corpusRun';
import type { JobKind, Jobs } from '../../server/src/workers/jobs';
import type { JobRunner } from '../../server/src/workers/pool';

/** Finishes each job after the delay `delayOf` gives its file; a file named `die*` fails as a dead worker would. */
class ShuffledRunner implements JobRunner {
  inFlight = 0;
  maxInFlight = 0;
  started: string[] = [];

  constructor(readonly size: number, private readonly delayOf: (file: string) => number) {}

  run<K extends JobKind>(_kind: K, request: Jobs[K]['request']): Promise<Jobs[K]['response']> {
    const job = request as FileJob;
    this.started.push(job.file);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    return new Promise((resolve, reject) => {
      setTimeout(() => {
        this.inFlight--;
        if (job.file.startsWith('die')) reject(new Error('an analysis worker stopped (exit code 1)'));
        else resolve({ ok: true, formatted: { text: job.file, counts: { quotes: 0, attributed: 0, speakers: 0, tags: 0 } }, warnings: [] } as FileOutcome as Jobs[K]['response']);
      }, this.delayOf(job.file));
    });
  }

  warmUp(): void {}

  async close(): Promise<void> {}
}

const run = async (runner: JobRunner, files: string[], ordered: boolean, writable = () => Promise.resolve()) => {
  const delivered: [string, FileOutcome][] = [];
  await runCorpus(runner, { files, output: 'jsonl', maxBytes: 1000, ordered, writable, deliver: (file, outcome) => delivered.push([file, outcome]) });
  return delivered;
};

describe('corpus run', () => {
  it('delivers every file once, in list order when ordered, with at most two jobs per worker in flight', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 40 }),
      fc.integer({ min: 1, max: 4 }), fc.boolean(), async (delays, size, ordered) => {
        const files = delays.map((_, i) => `f${i}`);
        const runner = new ShuffledRunner(size, (file) => delays[Number(file.slice(1))]);
        const delivered = (await run(runner, files, ordered)).map(([file]) => file);
        assert.deepEqual([...delivered].sort(), [...files].sort());
        if (ordered) assert.deepEqual(delivered, files);
        assert.ok(runner.maxInFlight <= 2 * size, `${runner.maxInFlight} in flight for ${size} workers`);
        assert.deepEqual(runner.started, files, 'started in list order');
      }), { numRuns: 40 });
  });

  it('reports a job that died for its file only, and the rest go on', async () => {
    const runner = new ShuffledRunner(2, () => 1);
    const delivered = await run(runner, ['a', 'die-b', 'c'], true);
    assert.deepEqual(delivered.map(([file, outcome]) => [file, outcome.ok]), [['a', true], ['die-b', false], ['c', true]]);
    const failed = delivered[1][1];
    assert.ok(!failed.ok && /^die-b: internal error while analysing.*exit code 1/.test(failed.error), JSON.stringify(failed));
  });

  it('starts nothing new while the output is blocked', async () => {
    const runner = new ShuffledRunner(1, () => 1);
    let open: () => void = () => undefined;
    let blocked: Promise<void> | null = new Promise((resolve) => { open = resolve; });
    const done = run(runner, ['a', 'b', 'c', 'd'], false, () => blocked ?? Promise.resolve());
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.deepEqual(runner.started, [], 'blocked from the start');
    blocked = null;
    open();
    assert.equal((await done).length, 4);
  });
});
