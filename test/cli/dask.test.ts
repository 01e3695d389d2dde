// The Dask example (examples/dask/analyze_corpus.py) on a real local cluster: a scheduler and two workers on
// 127.0.0.1 (Debian's python3-distributed), a generated corpus, and the merged JSON Lines compared with the
// single-machine run, sorted by file. Bounded in time; every process it starts is stopped afterwards.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSyntheticCorpus } from '../../scripts/bench/syntheticCorpus';
import { CLI_BIN } from '../../scripts/cliBundle';
import { buildCli, ROOT, runCli } from './builtCli';

/** A Python that has `distributed`: $SEED_PYTHON, Debian's, or the first on PATH (which may be another install). */
function pythonWithDask(): string | null {
  for (const python of [process.env.SEED_PYTHON, '/usr/bin/python3', 'python3']) {
    if (python && spawnSync(python, ['-c', 'import distributed'], { stdio: 'ignore' }).status === 0) return python;
  }
  return null;
}

/** The address in the scheduler file, or undefined while the file is missing or only partly written. */
function schedulerAddress(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { address?: unknown };
    return typeof parsed.address === 'string' ? parsed.address : undefined;
  } catch {
    return undefined;
  }
}

const sortedLines = (jsonl: string) =>
  jsonl
    .split('\n')
    .filter((l) => l !== '')
    .map((line) => ({ file: (JSON.parse(line) as { file: string }).file, line }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .map((entry) => entry.line);

describe('Dask example (examples/dask)', function () {
  this.timeout(120_000);
  const python = pythonWithDask();
  let dir: string;
  const processes: ChildProcess[] = [];
  const logs: string[] = [];

  const start = (args: string[]) => {
    const child = spawn(python!, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d: Buffer) => logs.push(d.toString()));
    child.stderr!.on('data', (d: Buffer) => logs.push(d.toString()));
    processes.push(child);
    return child;
  };

  before(async function () {
    if (!python) {
      // CI installs it (.ci/run); say why the test did not run rather than pass silently.
      console.warn('    python3-distributed is not installed: apt-get install python3-distributed');
      this.skip();
    }
    await buildCli();
    dir = mkdtempSync(join(tmpdir(), 'seed-dask-'));
  });

  after(async () => {
    for (const child of processes) if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.all(
      processes.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const timer = setTimeout(() => {
              child.kill('SIGKILL');
              resolve();
            }, 5000);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
          }),
      ),
    );
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('analyses a corpus on a scheduler and two workers, and merges exactly what one machine prints', async () => {
    const corpus = writeSyntheticCorpus(dir, { files: 60, meanBytes: 1500, folder: 'corpus' });
    const schedulerFile = join(dir, 'scheduler.json');
    start([
      '-m',
      'distributed.cli.dask_scheduler',
      '--host',
      '127.0.0.1',
      '--port',
      '0',
      '--no-dashboard',
      '--scheduler-file',
      schedulerFile,
    ]);
    // The scheduler creates its file before it writes the address: wait until the file parses.
    let address: string | undefined;
    for (let i = 0; i < 300 && address === undefined; i++) {
      address = schedulerAddress(schedulerFile);
      if (address === undefined) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(address !== undefined, `the scheduler did not start:\n${logs.join('')}`);
    assert.match(address, /^tcp:\/\/127\.0\.0\.1:\d+$/);
    for (const name of ['w1', 'w2']) {
      start([
        '-m',
        'distributed.cli.dask_worker',
        address,
        '--host',
        '127.0.0.1',
        '--nthreads',
        '1',
        '--no-nanny',
        '--no-dashboard',
        '--name',
        name,
        '--local-directory',
        join(dir, name),
      ]);
    }

    const driver = spawnSync(
      python!,
      [
        join(ROOT, 'examples', 'dask', 'analyze_corpus.py'),
        corpus.dir,
        '--scheduler',
        address,
        '--shards',
        '4',
        '--wait-for-workers',
        '2',
        '--jobs',
        '1',
        '--cli',
        `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI_BIN)}`,
      ],
      { cwd: dir, encoding: 'utf8', timeout: 100_000, maxBuffer: 1 << 28 },
    );
    assert.equal(driver.status, 0, `${driver.stderr}\n${logs.join('')}`);
    assert.match(driver.stderr, /4 shards on 2 workers/);

    const single = runCli(['analyze', corpus.dir, '--jsonl']);
    assert.equal(single.status, 0, single.stderr);
    const merged = sortedLines(driver.stdout);
    assert.equal(merged.length, 60);
    assert.deepEqual(merged, sortedLines(single.stdout));
  });
});
