// Small defects with big consequences: tags over half a character, empty or huge arguments, named pipes, a
// 10,000-character title, and the language server started by hand without a transport.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { characterProblem } from '../../server/src/tags/characters';
import { buildCli, ROOT, runCli } from './builtCli';

const FLAG_TEXT = '\uFEFFKYIV 🇺🇦 said:\r\n“Yes.”\r\n';

describe('CLI: edge cases', function () {
  this.timeout(60000);
  let dir: string;

  before(async () => {
    await buildCli();
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'seed-edges-'));
    writeFileSync(join(dir, 'a.txt'), FLAG_TEXT);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a tag over half a flag emoji, only the \\n of a CRLF, or only the BOM, naming the character', () => {
    const cp = [...FLAG_TEXT];
    const flag = cp.indexOf('🇺'); // a flag is two regional-indicator code points
    const lf = cp.indexOf('\n');
    const cases: [number, number, RegExp][] = [
      [flag, flag + 1, /end \(code point \d+\) falls inside the character "🇺🇦" \(U\+1F1FA U\+1F1E6\)/],
      [flag + 1, flag + 3, /start .* falls inside the character "🇺🇦"/],
      [lf, lf + 1, /falls inside the character CRLF/],
      [0, 1, /covers only the byte order mark/],
    ];
    for (const [start, end, message] of cases) {
      const run = runCli(['tag', 'add', 'a.txt', '--start', String(start), '--end', String(end), '--tag', 'x'], dir);
      assert.equal(run.status, 1, `[${start}, ${end})`);
      assert.match(run.stderr, /a\.txt: cannot tag \[/);
      assert.match(run.stderr, message);
    }
    // The whole flag, the whole CRLF, and BOM plus the first word are fine.
    for (const [start, end] of [
      [flag, flag + 2],
      [lf - 1, lf + 1],
      [0, 5],
    ]) {
      const run = runCli(['tag', 'add', 'a.txt', '--start', String(start), '--end', String(end), '--tag', 'x'], dir);
      assert.equal(run.status, 0, run.stderr);
    }
    assert.match(
      characterProblem('e\u0301!', 1, 3) ?? '',
      /start \(code point 1\) falls inside the character "e\u0301" \(U\+0065 U\+0301\)/,
    );
  });

  it('--text "" is a usage error (exit 2); a huge --start says so plainly', () => {
    const empty = runCli(['tag', 'add', 'a.txt', '--text', '', '--tag', 'x'], dir);
    assert.equal(empty.status, 2);
    assert.match(empty.stderr, /--text needs the words to tag/);
    const huge = runCli(['tag', 'add', 'a.txt', '--start', '1000000000000000000000', '--end', '1000000000000000000001', '--tag', 'x'], dir);
    assert.equal(huge.status, 2);
    assert.match(huge.stderr, /--start 1000000000000000000000 is too large/);
    assert.doesNotMatch(huge.stderr, /e\+/);
  });

  it('a named pipe is named and skipped, given directly or found in a folder, without hanging', () => {
    mkdirSync(join(dir, 'corpus'));
    writeFileSync(join(dir, 'corpus', 'real.txt'), 'A real article.\n');
    execFileSync('mkfifo', [join(dir, 'fifo.txt'), join(dir, 'corpus', 'pipe.txt')]);
    const direct = spawnSync(process.execPath, [join(ROOT, 'bin', 'seed-annotator.js'), 'analyze', 'fifo.txt', '--json'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 10_000,
    });
    assert.equal(direct.signal, null, 'analyze hung on the FIFO');
    assert.equal(direct.status, 1);
    assert.match(direct.stderr, /fifo\.txt: is a named pipe \(FIFO\), not a regular file; skipped/);
    const folder = spawnSync(process.execPath, [join(ROOT, 'bin', 'seed-annotator.js'), 'analyze', 'corpus', '--json'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 10_000,
    });
    assert.equal(folder.signal, null);
    assert.match(folder.stderr, /corpus\/pipe\.txt: is a named pipe \(FIFO\)/);
    assert.deepEqual(
      (JSON.parse(folder.stdout) as { file: string }[]).map((f) => f.file),
      ['corpus/real.txt'],
    );
  });

  it('the summary cuts a 10,000-character title to one line', () => {
    writeFileSync(join(dir, 'long.txt'), `# ${'Headline '.repeat(1_112)}\n\nBody text.\n`);
    const run = runCli(['analyze', 'long.txt'], dir);
    assert.equal(run.status, 0, run.stderr);
    const title = run.stdout.split('\n').find((l) => l.startsWith('  Title'))!;
    assert.ok([...title].length < 140, `title line is ${title.length} characters`);
    assert.match(title, /…$/);
  });

  it('seed-annotator-ls without a transport prints its usage, not a stack trace', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'seed-annotator-ls.js')], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^usage: seed-annotator-ls --stdio/);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
    assert.ok(readFileSync(join(ROOT, 'bin', 'seed-annotator-ls.js'), 'utf8').includes("require('../dist/server.js')"));
  });
});
