// The lock next to a file: real processes contend for it, a dead holder's lock is broken, a live one is waited for.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LockTimeoutError, acquireSync, lockPathOf, withFileLockSync } from '../../server/src/files/fileLock';

const LOCK_MODULE = resolve(__dirname, '../../server/src/files/fileLock.ts');

/** A child process that increments the counter in `file` `times` times under the lock, reading and writing slowly. */
function incrementer(file: string, times: number): Promise<number> {
  const script = `
    const { withFileLockSync } = require(${JSON.stringify(LOCK_MODULE)});
    const fs = require('node:fs');
    for (let i = 0; i < ${times}; i++) {
      withFileLockSync(${JSON.stringify(file)}, () => {
        const n = Number(fs.readFileSync(${JSON.stringify(file)}, 'utf8'));
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
        fs.writeFileSync(${JSON.stringify(file)}, String(n + 1));
      });
    }`;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', '-e', script], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', fail);
    child.on('exit', (code) => done(code ?? -1));
  });
}

describe('file lock', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'seed-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('serialises read-modify-write across processes: no increment is lost', async function () {
    this.timeout(60_000);
    const file = join(dir, 'counter');
    writeFileSync(file, '0');
    const codes = await Promise.all(Array.from({ length: 6 }, () => incrementer(file, 20)));
    assert.deepEqual(codes, [0, 0, 0, 0, 0, 0]);
    assert.equal(readFileSync(file, 'utf8'), '120');
    assert.equal(existsSync(lockPathOf(file)), false, 'the lock is released at the end');
  });

  it('breaks a lock whose holder died and takes it at once', () => {
    const file = join(dir, 'a.txt.tags.json');
    // A pid that cannot exist on Linux (above pid_max), as a writer killed while holding the lock leaves it.
    writeFileSync(lockPathOf(file), JSON.stringify({ pid: 2 ** 22 + 7, host: hostname(), nonce: 'dead' }));
    const started = Date.now();
    assert.equal(
      withFileLockSync(file, () => 'ran', { timeoutMs: 5_000 }),
      'ran',
    );
    assert.ok(Date.now() - started < 5_000);
    assert.equal(existsSync(lockPathOf(file)), false);
  });

  it('breaks an empty lock file left by a writer killed while creating it, after a moment', () => {
    const file = join(dir, 'b.json');
    writeFileSync(lockPathOf(file), '');
    assert.equal(
      withFileLockSync(file, () => 1, { timeoutMs: 5_000 }),
      1,
    );
  });

  it('waits for a live holder, then gives up with a message naming the file and the holder', () => {
    const file = join(dir, 'c.json');
    const release = acquireSync(file);
    try {
      assert.throws(
        () => withFileLockSync(file, () => 1, { timeoutMs: 150 }),
        (err: unknown) => err instanceof LockTimeoutError && err.message.includes(file) && err.message.includes(`pid ${process.pid}`),
      );
    } finally {
      release();
    }
    assert.equal(
      withFileLockSync(file, () => 2),
      2,
      'free again once released',
    );
  });

  it('releases the lock when the guarded work throws', () => {
    const file = join(dir, 'd.json');
    assert.throws(
      () =>
        withFileLockSync(file, () => {
          throw new Error('boom');
        }),
      /boom/,
    );
    assert.equal(existsSync(lockPathOf(file)), false);
  });

  it('never breaks the lock of a live holder, however long it waits', () => {
    const file = join(dir, 'e.json');
    const release = acquireSync(file); // a live holder: ourselves
    const before = readFileSync(lockPathOf(file), 'utf8');
    assert.throws(() => withFileLockSync(file, () => 1, { timeoutMs: 50, staleMs: 60_000 }), LockTimeoutError);
    assert.equal(readFileSync(lockPathOf(file), 'utf8'), before);
    release();
  });
});
