// Many writers on one sidecar at once, and writers killed mid-save: every acknowledged tag stays, the sidecar is
// always valid, and what a killed writer leaves behind (its lock, its temp file) never blocks or confuses the next.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { CLI_BIN, ROOT } from '../../scripts/cliBundle';
import { expandSeedPaths } from '../../server/src/files/seedFile';
import { readSidecar } from '../../server/src/tags/sidecar';
import { buildCli } from './builtCli';

const ARTICLE = 'MOSCOW — Russia said on Monday that Russia would respond. Russia “will not wait”, Russia added. 🇷🇺 Ende.\n';
const KILLS = 200;
const LANES = 4;

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function finished(child: ChildProcess): Promise<Exit> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
  });
}

function cli(args: string[], cwd: string): Promise<Exit> {
  return finished(spawn(process.execPath, [CLI_BIN, ...args], { cwd }));
}

/** Resolves once the child has printed `line` (or rejects when it exits first). */
function printed(child: ChildProcess, line: RegExp): Promise<void> {
  return new Promise((done, fail) => {
    let seen = '';
    const onData = (d: Buffer) => {
      seen += d.toString();
      if (line.test(seen)) {
        child.stdout?.off('data', onData);
        done();
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', () => fail(new Error(`child exited before printing ${line}: ${seen}`)));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('concurrent and killed writers', function () {
  this.timeout(300_000); // generous: 250 process starts on a busy 2-core machine took 92 s; this only catches hangs
  let dir: string;
  let children: string;

  before(async () => {
    await buildCli();
    // Bundled once, so each of the hundreds of children starts in milliseconds rather than compiling TypeScript.
    children = mkdtempSync(join(tmpdir(), 'seed-children-'));
    await build({
      entryPoints: [join(ROOT, 'test/cli/children/tagWriter.ts'), join(ROOT, 'test/cli/children/lockHolder.ts')],
      outdir: children,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'warning',
      mainFields: ['module', 'main'],
    });
  });
  after(() => rmSync(children, { recursive: true, force: true }));
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'seed-writers-'));
    writeFileSync(join(dir, 'a.txt'), ARTICLE);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const sidecarTags = () => {
    const read = readSidecar(join(dir, 'a.txt.tags.json'));
    assert.equal(read.kind, 'ok', read.kind === 'invalid' ? read.message : 'missing sidecar');
    return read.kind === 'ok' ? read.sidecar.tags : [];
  };
  const leftovers = () => readdirSync(dir).filter((n) => n !== 'a.txt' && n !== 'a.txt.tags.json');

  it('50 CLI writers at once: all 50 tags are kept and no lock or temp file is left', async () => {
    const runs = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        cli(['tag', 'add', 'a.txt', '--text', 'Russia', '--nth', String((i % 4) + 1), '--tag', `w${i}`], dir),
      ),
    );
    runs.forEach((r, i) => assert.equal(r.code, 0, `writer ${i}: ${r.stderr}`));
    const tags = sidecarTags();
    assert.equal(tags.length, 50);
    assert.deepEqual(new Set(tags.map((t) => t.tag)), new Set(Array.from({ length: 50 }, (_, i) => `w${i}`)));
    assert.deepEqual(new Set(tags.map((t) => t.id)), new Set(runs.map((r) => r.stdout.trim())), 'every printed id is stored');
    assert.deepEqual(leftovers(), []);
  });

  it('a writer killed while holding the lock does not block the next one for more than a few seconds', async () => {
    const holder = spawn(process.execPath, [join(children, 'lockHolder.js'), join(dir, 'a.txt.tags.json')]);
    const exit = finished(holder);
    await printed(holder, /locked/);
    holder.kill('SIGKILL');
    await exit;
    assert.ok(
      readdirSync(dir).some((n) => n.endsWith('.lock')),
      'the killed holder left its lock behind',
    );
    const started = Date.now();
    const run = await cli(['tag', 'add', 'a.txt', '--text', 'Monday', '--tag', 'after-kill'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`);
    assert.deepEqual(
      sidecarTags().map((t) => t.tag),
      ['after-kill'],
    );
    assert.deepEqual(leftovers(), []);
  });

  it(`${KILLS} SIGKILLs during saves (${LANES} writers at a time): the sidecar is always valid and no acknowledged tag is lost`, async () => {
    const acknowledged = new Set<string>();
    let kills = 0;
    const lane = async (name: string) => {
      while (kills < KILLS) {
        kills++;
        const child = spawn(process.execPath, [join(children, 'tagWriter.js'), join(dir, 'a.txt'), name]);
        let buffered = '';
        child.stdout.on('data', (d: Buffer) => {
          buffered += d.toString();
          const lines = buffered.split('\n');
          buffered = lines.pop() ?? '';
          for (const l of lines) if (l.startsWith('ack ')) acknowledged.add(l.slice(4));
        });
        const exit = finished(child);
        await printed(child, /ack /); // from here on it does nothing but save: every kill lands in a save
        await sleep(Math.random() * 30);
        child.kill('SIGKILL');
        const result = await exit;
        assert.equal(result.signal, 'SIGKILL', `the writer ended by itself: ${result.stderr}`);
        // Whatever moment the kill hit, the sidecar on disk is a whole, valid version.
        const read = readSidecar(join(dir, 'a.txt.tags.json'));
        assert.equal(read.kind, 'ok', read.kind === 'invalid' ? read.message : 'missing');
      }
    };
    await Promise.all(Array.from({ length: LANES }, (_, i) => lane(`lane${i}`)));
    assert.ok(kills >= KILLS);
    const stored = new Set(sidecarTags().map((t) => t.id));
    const lost = [...acknowledged].filter((id) => !stored.has(id));
    assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.size} acknowledged tags lost`);
    // The next writer cleans up after the dead ones, and the scan sees only the article.
    const run = await cli(['tag', 'add', 'a.txt', '--text', 'Ende', '--tag', 'last'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(expandSeedPaths([dir]).files, [join(dir, 'a.txt')]);
    assert.deepEqual(leftovers(), [], 'no temp or lock file outlives the next write');
  });
});
