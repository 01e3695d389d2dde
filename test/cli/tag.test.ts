// `seed-annotator tag add|list|remove` through the built CLI: ids, code-point offsets, re-anchoring, refusals.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { buildCli, runCli } from './builtCli';

const ARTICLE = '# Ceasefire talks 🕊️\n\nGENEVA — “Nobody wants a war,” the envoy said. Nobody wants a war, she repeated.\n';

describe('CLI: tag', function () {
  this.timeout(60000);
  let dir: string;

  before(async () => {
    await buildCli();
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'seed-tag-'));
    mkdirSync(join(dir, 'seeds'));
    writeFileSync(join(dir, 'seeds', 'a.txt'), ARTICLE);
    writeFileSync(join(dir, 'seeds', 'b.txt'), 'Nothing tagged here.\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const tag = (...args: string[]) => runCli(['tag', ...args], dir);
  const listJson = (...paths: string[]) => {
    const run = tag('list', ...paths, '--json');
    assert.equal(run.status, 0, run.stderr);
    return JSON.parse(run.stdout) as {
      file: string;
      id: string;
      tag: string;
      note: string;
      start: number;
      end: number;
      text: string;
      status: string;
    }[];
  };

  it('adds by --text (with --nth) and by offsets, prints ids, lists them in code points', () => {
    const first = tag('add', 'seeds/a.txt', '--text', 'Nobody wants a war', '--tag', 'claim', '--note', 'envoy');
    assert.equal(first.status, 0, first.stderr);
    const id1 = first.stdout.trim();
    assert.match(id1, /^[0-9a-f-]{36}$/);
    const second = tag('add', 'seeds/a.txt', '--text', 'Nobody wants a war', '--nth', '2', '--tag', 'repetition');
    assert.equal(second.status, 0, second.stderr);
    const third = tag('add', 'seeds/a.txt', '--start', '0', '--end', '1', '--tag', 'heading');
    assert.equal(third.status, 0, third.stderr);

    const rows = listJson('seeds');
    assert.deepEqual(
      rows.map((r) => [r.tag, r.text, r.status]),
      [
        ['heading', '#', 'anchored'],
        ['claim', 'Nobody wants a war', 'anchored'],
        ['repetition', 'Nobody wants a war', 'anchored'],
      ],
    );
    const cps = [...ARTICLE];
    const claim = rows[1];
    assert.equal(claim.id, id1);
    assert.equal(claim.note, 'envoy');
    assert.equal(claim.file, join('seeds', 'a.txt'));
    assert.equal(cps.slice(claim.start, claim.end).join(''), 'Nobody wants a war');
    // Code points, not UTF-16: the dove emoji and its variation selector are two code points, three UTF-16 units.
    assert.equal(claim.start, ARTICLE.indexOf('Nobody') - 1);
  });

  it('lists tags re-anchored against the current text, and the plain listing is readable', () => {
    assert.equal(tag('add', 'seeds/a.txt', '--text', 'the envoy said', '--tag', 'cue').status, 0);
    writeFileSync(join(dir, 'seeds', 'a.txt'), 'Breaking: ' + ARTICLE);
    const [row] = listJson('seeds/a.txt');
    assert.equal(row.status, 'moved');
    assert.equal([...('Breaking: ' + ARTICLE)].slice(row.start, row.end).join(''), 'the envoy said');
    const plain = tag('list', 'seeds/a.txt');
    assert.match(plain.stdout, /seeds\/a\.txt:\d+-\d+ {2}cue {2}"the envoy said" {2}moved/);
  });

  it('removes a tag by id, and says so when the id is unknown', () => {
    const id = tag('add', 'seeds/a.txt', '--text', 'GENEVA', '--tag', 'place').stdout.trim();
    const removed = tag('remove', 'seeds/a.txt', '--id', id);
    assert.equal(removed.status, 0, removed.stderr);
    assert.deepEqual(listJson('seeds/a.txt'), []);
    const again = tag('remove', 'seeds/a.txt', '--id', id);
    assert.equal(again.status, 1);
    assert.match(again.stderr, new RegExp(`seeds/a\\.txt: no tag with id ${id}`));
  });

  it('exits 1 naming the file, and leaves an invalid sidecar byte-for-byte untouched', () => {
    const broken = '{"version": 1,\n "tags": [}\n';
    writeFileSync(join(dir, 'seeds', 'a.txt.tags.json'), broken);
    const add = tag('add', 'seeds/a.txt', '--text', 'GENEVA', '--tag', 'place');
    assert.equal(add.status, 1);
    assert.match(add.stderr, /seeds\/a\.txt\.tags\.json: not valid JSON at line 2, column 11/);
    assert.equal(readFileSync(join(dir, 'seeds', 'a.txt.tags.json'), 'utf8'), broken);
    const list = tag('list', 'seeds');
    assert.equal(list.status, 1);
    assert.match(list.stderr, /a\.txt\.tags\.json/);
  });

  it('refuses a schema-invalid sidecar the same way', () => {
    const invalid = JSON.stringify({ version: 1, source: { file: 'a.txt', sha256: 'x', length: 1 }, tags: [], attributions: [] });
    writeFileSync(join(dir, 'seeds', 'a.txt.tags.json'), invalid);
    const run = tag('remove', 'seeds/a.txt', '--id', 'whatever');
    assert.equal(run.status, 1);
    assert.match(run.stderr, /does not match the tag sidecar schema: \/source\/sha256 must match pattern/);
    assert.equal(readFileSync(join(dir, 'seeds', 'a.txt.tags.json'), 'utf8'), invalid);
  });

  it('records the coder as the W3C creator (--coder, default the OS user name) and lists it', () => {
    assert.equal(tag('add', 'seeds/a.txt', '--text', 'GENEVA', '--tag', 'place', '--coder', 'Zoë').status, 0);
    assert.equal(tag('add', 'seeds/a.txt', '--text', 'the envoy', '--tag', 'speaker').status, 0);
    const sidecar = JSON.parse(readFileSync(join(dir, 'seeds', 'a.txt.tags.json'), 'utf8')) as {
      tags: { tag: string; creator?: unknown }[];
    };
    assert.deepEqual(sidecar.tags.find((t) => t.tag === 'place')!.creator, { type: 'Person', name: 'Zoë' });
    const osUser = userInfo().username;
    assert.deepEqual(sidecar.tags.find((t) => t.tag === 'speaker')!.creator, { type: 'Person', name: osUser });
    const rows = JSON.parse(tag('list', 'seeds', '--json').stdout) as { tag: string; creator: unknown }[];
    assert.deepEqual(rows.find((r) => r.tag === 'place')!.creator, { type: 'Person', name: 'Zoë' });
    assert.match(tag('list', 'seeds').stdout, /place .* by Zoë/);
    assert.equal(tag('add', 'seeds/a.txt', '--text', 'GENEVA', '--tag', 'x', '--coder', ' ').status, 2);
  });

  it('keeps loading sidecars written before coders were recorded (no creator)', () => {
    assert.equal(tag('add', 'seeds/a.txt', '--text', 'GENEVA', '--tag', 'place').status, 0);
    const path = join(dir, 'seeds', 'a.txt.tags.json');
    const old = JSON.parse(readFileSync(path, 'utf8')) as { tags: { creator?: unknown }[] };
    delete old.tags[0].creator;
    writeFileSync(path, JSON.stringify(old, null, 2) + '\n');
    const rows = listJson('seeds');
    assert.equal(rows.length, 1);
    assert.equal((rows[0] as { creator?: unknown }).creator, null);
    assert.equal(tag('add', 'seeds/a.txt', '--text', 'the envoy', '--tag', 'speaker', '--coder', 'ben').status, 0);
    const after = JSON.parse(readFileSync(path, 'utf8')) as { tags: { tag: string; creator?: unknown }[] };
    assert.equal(after.tags.find((t) => t.tag === 'place')!.creator, undefined, 'an old tag gets no invented coder');
  });

  it('reports bad usage with exit 2', () => {
    assert.equal(tag('add', 'seeds/a.txt', '--tag', 'x').status, 2);
    assert.equal(tag('add', 'seeds/a.txt', '--text', 'GENEVA', '--start', '1', '--end', '2', '--tag', 'x').status, 2);
    assert.equal(tag('add', 'seeds/a.txt', '--start', '1', '--end', 'two', '--tag', 'x').status, 2);
    assert.equal(tag('frobnicate').status, 2);
    const missing = tag('add', 'seeds/a.txt', '--text', 'not in the article', '--tag', 'x');
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /does not occur/);
  });
});
