// The worker bundle's loader (server/src/workers/workerLoader.ts): a bundle runs the same with or without its V8
// code cache, the cache is taken once written, a changed bundle never reads the old one (which is removed when the
// new one is written), and a damaged cache is not used and the bundle still runs. Each load runs in a fresh Node
// process, as each worker thread starts a fresh V8 isolate (one isolate reuses what it compiled and never asks).
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const LOADER = join(__dirname, '..', '..', 'server', 'src', 'workers', 'workerLoader.ts');

const bundle = (answer: number) =>
  `const words = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `w${i}`))};\n` +
  `function count(text) { return text.split(' ').filter((w) => words.includes(w)).length; }\n` +
  `module.exports = { answer: ${answer}, counted: count('w1 w2 x w3'), dir: __dirname, req: typeof require('node:path').join };\n`;

interface Load {
  exports: { answer: number; counted: number; dir: string; req: string };
  fromCache: boolean;
  cacheFile: string;
  wrote: boolean | null;
}

/** Loads `file` in a new process, writing its cache afterwards when asked. */
function load(file: string, write: boolean): Load {
  const code =
    `const { loadWithCodeCache } = require(${JSON.stringify(LOADER)});` +
    `const l = loadWithCodeCache(${JSON.stringify(file)});` +
    `process.stdout.write(JSON.stringify({ exports: l.exports, fromCache: l.fromCache, cacheFile: l.cacheFile, wrote: ${write} ? l.writeCache() : null }));`;
  return JSON.parse(execFileSync(process.execPath, ['--require', require.resolve('tsx/cjs'), '-e', code], { encoding: 'utf8' })) as Load;
}

describe('worker bundle loader (V8 code cache)', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'seed-loader-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the bundle, writes its cache and takes it on the next start', () => {
    const file = join(dir, 'worker.js');
    writeFileSync(file, bundle(1));
    const first = load(file, true);
    assert.deepEqual(first.exports, { answer: 1, counted: 3, dir, req: 'function' });
    assert.equal(first.fromCache, false);
    assert.equal(first.wrote, true);
    assert.ok(existsSync(first.cacheFile));
    const second = load(file, false);
    assert.equal(second.fromCache, true);
    assert.deepEqual(second.exports, first.exports);
  });

  it('never reads the cache of another build, and drops it when the new one is written', () => {
    const file = join(dir, 'worker.js');
    writeFileSync(file, bundle(1));
    const old = load(file, true);
    writeFileSync(file, bundle(2)); // same length, other code: V8 alone would not tell them apart
    const rebuilt = load(file, true);
    assert.notEqual(rebuilt.cacheFile, old.cacheFile);
    assert.equal(rebuilt.fromCache, false);
    assert.equal(rebuilt.exports.answer, 2);
    assert.deepEqual(readdirSync(dir).sort(), ['worker.js', basename(rebuilt.cacheFile)].sort());
  });

  it('does not use a damaged cache, and runs the bundle', () => {
    const file = join(dir, 'worker.js');
    writeFileSync(file, bundle(3));
    const { cacheFile } = load(file, true);
    const bytes = readFileSync(cacheFile);
    bytes[bytes.length - 5] ^= 0xff; // one flipped byte: V8 alone would take it
    writeFileSync(cacheFile, bytes);
    const damaged = load(file, false);
    assert.equal(damaged.fromCache, false);
    assert.equal(damaged.exports.answer, 3);
    writeFileSync(cacheFile, 'not a cache');
    assert.equal(load(file, false).fromCache, false);
  });
});
