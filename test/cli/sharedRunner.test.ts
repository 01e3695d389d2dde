// The CLI's job runner with this thread sharing the work (createJobRunner with shareThisThread): jobs run here
// whenever this thread has none, the rest on the workers, and both give the same results.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileOutcome } from '../../server/src/cli/analyzeFile';
import { createJobRunner } from '../../server/src/workers/pool';
import { textOf } from '../../server/src/workers/transfer';

const article = (i: number) =>
  `TBILISI, May ${i + 1}, 2022 — Talks went on.\n\n"We are ready to talk, step by step," Nino Beridze said on Monday.\n`;

describe('shared job runner', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'seed-shared-'));
    for (let i = 0; i < 8; i++) writeFileSync(join(dir, `a${i}.txt`), article(i));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('runs jobs in this thread and on a worker, with the results of a run in this thread alone', async () => {
    const files = Array.from({ length: 8 }, (_, i) => join(dir, `a${i}.txt`));
    const request = (file: string) => ({ files: [file], maxBytes: 1 << 20, output: 'jsonl' as const });
    const texts = (outcomes: FileOutcome[]) => outcomes.map((o) => (o.ok ? textOf(o.formatted.text) : o.error));

    const alone = createJobRunner({ size: 1 });
    const expected = await Promise.all(files.map((file) => alone.run('analyze', request(file)).then(texts)));
    await alone.close();

    const shared = createJobRunner({ size: 2, shareThisThread: true });
    assert.equal(shared.size, 2);
    try {
      const outcomes = await Promise.all(files.map((file) => shared.run('analyze', request(file))));
      assert.deepEqual(outcomes.map(texts), expected);
      // A worker's printed text arrives as bytes, this thread's as a string: both kinds were there.
      const kinds = new Set(outcomes.map(([o]) => (o.ok ? typeof o.formatted.text : 'failed')));
      assert.deepEqual([...kinds].sort(), ['object', 'string']);
    } finally {
      await shared.close();
    }
  });
});
