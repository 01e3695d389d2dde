// `seed-annotator codebook rename` across 100 sidecars: killed (SIGKILL) at random points it leaves every sidecar
// wholly old or wholly new, the next start finishes the rename, and undo takes it back; deletes are refused while
// tags use the code unless they are moved.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { journalPath } from '../../server/src/coding/retag';
import { readSidecar } from '../../server/src/tags/sidecar';
import { TagStore } from '../../server/src/tags/tagStore';
import { CLI_BIN } from '../../scripts/cliBundle';
import { buildCli, runCli } from './builtCli';

const FILES = 100;
const ARTICLE = (i: number) =>
  `# Report ${i} 🌍\n\nOfficials in Zürich said the talks would resume. “We will respond,” the minister said.\n`;

type State = 'old' | 'new';

/** Each sidecar's state: 'old' when its three renamable tags say claim, 'new' when they say assertion; a mix fails. */
function states(dir: string): State[] {
  const found: State[] = [];
  for (const name of readdirSync(join(dir, 'seeds'))
    .filter((n) => n.endsWith('.tags.json'))
    .sort()) {
    const read = readSidecar(join(dir, 'seeds', name));
    assert.equal(read.kind, 'ok', `${name} must stay a valid sidecar`);
    if (read.kind !== 'ok') continue;
    const names = read.sidecar.tags.filter((t) => t.tag !== 'other').map((t) => t.tag);
    assert.equal(names.length, 3, `${name}: no tag lost`);
    assert.ok(
      names.every((n) => n === names[0]) && (names[0] === 'claim' || names[0] === 'assertion'),
      `${name} is a mix: ${names.join(', ')}`,
    );
    assert.equal(read.sidecar.tags.filter((t) => t.tag === 'other').length, 1, `${name}: the other tag untouched`);
    found.push(names[0] === 'claim' ? 'old' : 'new');
  }
  assert.equal(found.length, FILES);
  return found;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('CLI: codebook rename across 100 files', function () {
  this.timeout(180000);
  let template: string;
  const dirs: string[] = [];

  before(async () => {
    await buildCli();
    template = mkdtempSync(join(tmpdir(), 'seed-rename-'));
    dirs.push(template);
    mkdirSync(join(template, 'seeds'));
    const store = new TagStore();
    for (let i = 0; i < FILES; i++) {
      const path = join(template, 'seeds', `${String(i).padStart(3, '0')}.txt`);
      const text = ARTICLE(i);
      writeFileSync(path, text);
      store.open(path, text);
      store.add(path, 15, 24, 'claim', '', 'ana');
      store.add(path, 31, 40, 'claim', '', 'ben');
      store.add(path, 60, 75, 'claim', 'quote', 'ana');
      store.add(path, 0, 8, 'other', '', 'ana');
      store.close(path);
    }
    assert.equal(runCli(['codebook', 'add', 'claim', template, '--description', 'An assertion'], template).status, 0);
    assert.equal(runCli(['codebook', 'add', 'threat', template, '--parent', 'claim'], template).status, 0);
  });
  after(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  function fresh(): string {
    const dir = mkdtempSync(join(tmpdir(), 'seed-rename-run-'));
    dirs.push(dir);
    cpSync(template, dir, { recursive: true });
    return dir;
  }

  it('renames every tag and the codebook, reports the count, and undo restores them', () => {
    const dir = fresh();
    const run = runCli(['codebook', 'rename', 'claim', 'assertion', dir]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.trim(), `rename claim → assertion: ${3 * FILES} tags in ${FILES} files`);
    assert.ok(states(dir).every((s) => s === 'new'));
    const codebook = JSON.parse(runCli(['codebook', 'show', dir, '--json']).stdout) as { codes: { name: string; parent: string | null }[] };
    assert.deepEqual(
      codebook.codes.map((c) => [c.name, c.parent]),
      [
        ['assertion', null],
        ['threat', 'assertion'],
      ],
    );
    const undo = runCli(['codebook', 'undo', dir]);
    assert.equal(undo.status, 0, undo.stderr);
    assert.match(undo.stdout, /undo rename claim → assertion: 300 tags in 100 files/);
    assert.ok(states(dir).every((s) => s === 'old'));
    assert.deepEqual(
      (JSON.parse(runCli(['codebook', 'show', dir, '--json']).stdout) as { codes: { name: string }[] }).codes.map((c) => c.name),
      ['claim', 'threat'],
    );
  });

  it('killed at random points: each sidecar wholly old or new; the next start finishes; undo restores', async () => {
    let interrupted = 0;
    for (let trial = 0; trial < 6; trial++) {
      const dir = fresh();
      const child = spawn(process.execPath, [CLI_BIN, 'codebook', 'rename', 'claim', 'assertion', dir], { stdio: 'ignore' });
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      // Most trials wait for the journal (the rename has begun), then kill a random moment later; some kill blind.
      if (trial % 4 !== 3) {
        const giveUp = Date.now() + 30_000;
        while (!existsSync(journalPath(dir)) && child.exitCode === null && Date.now() < giveUp) await sleep(1);
        await sleep(Math.random() * 40);
      } else {
        await sleep(Math.random() * 400);
      }
      child.kill('SIGKILL');
      await exited;
      const pending = existsSync(journalPath(dir));
      if (pending) interrupted++;
      const after = states(dir); // asserts: valid, no mix within a file, nothing lost
      if (!pending)
        assert.ok(
          after.every((s) => s === after[0]),
          'no journal: the rename never began or finished whole',
        );
      const next = runCli(['codebook', 'show', dir, '--json']);
      assert.equal(next.status, 0, next.stderr);
      if (pending) assert.match(next.stderr, /finished an interrupted "rename claim → assertion" \(300 tags in 100 files\)/);
      assert.equal(existsSync(journalPath(dir)), false);
      const settled = states(dir);
      assert.ok(
        settled.every((s) => s === settled[0]),
        'after the next start every file is on the same side',
      );
      if (pending) assert.equal(settled[0], 'new', 'a begun rename is finished');
      if (settled[0] === 'new') {
        assert.equal(runCli(['codebook', 'undo', dir]).status, 0);
        assert.ok(
          states(dir).every((s) => s === 'old'),
          'undo after recovery restores every file',
        );
      }
    }
    assert.ok(interrupted > 0, 'at least one kill landed inside the rename');
  });

  it('refuses to delete a code in use unless its tags move to another code (undoable)', () => {
    const dir = fresh();
    const refused = runCli(['codebook', 'delete', 'claim', dir]);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /"claim" is still used by 300 tags; move them to another code/);
    assert.equal(runCli(['codebook', 'delete', 'claim', dir, '--move-to', 'nowhere']).status, 1);
    const moved = runCli(['codebook', 'delete', 'claim', dir, '--move-to', 'threat']);
    assert.equal(moved.status, 0, moved.stderr);
    assert.match(moved.stdout, /delete claim \(tags moved to threat\): 300 tags in 100 files/);
    const codes = (JSON.parse(runCli(['codebook', 'show', dir, '--json']).stdout) as { codes: { name: string; parent: string | null }[] })
      .codes;
    assert.deepEqual(
      codes.map((c) => [c.name, c.parent]),
      [['threat', null]],
    );
    assert.equal(runCli(['codebook', 'undo', dir]).status, 0);
    assert.ok(states(dir).every((s) => s === 'old'));
    assert.equal(runCli(['codebook', 'delete', 'threat', dir]).status, 0, 'a code no tag uses can go');
  });
});
