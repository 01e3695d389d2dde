// Sidecar files: stable round trip, refusal to touch invalid files, atomic replacement.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stageWrite, writeFileAtomic } from '../../server/src/tags/atomicWrite';
import { emptySidecar, parseSidecar, readSidecar, serializeSidecar, sidecarPathFor } from '../../server/src/tags/sidecar';
import type { Sidecar } from '../../server/src/tags/sidecarTypes';
import { TagStore, TagStoreError } from '../../server/src/tags/tagStore';

const TEXT = 'ANKARA — “We will not accept this,” the minister said. Talks resume on Friday.\n';

function sampleSidecar(): Sidecar {
  const sidecar = emptySidecar('/x/article.txt', TEXT);
  sidecar.tags.push(
    {
      id: 'b',
      tag: 'claim',
      note: '',
      created: '2026-11-25T10:00:00.000Z',
      target: {
        selector: [
          { type: 'TextPositionSelector', start: 55, end: 77 },
          { type: 'TextQuoteSelector', exact: 'Talks resume on Friday', prefix: 'said. ', suffix: '.\n' },
        ],
      },
      status: 'anchored',
    },
    {
      id: 'a',
      tag: 'denial',
      note: 'firm tone',
      created: '2026-11-25T09:00:00.000Z',
      modified: '2026-11-25T11:00:00.000Z',
      target: {
        selector: [
          { type: 'TextPositionSelector', start: 9, end: 35 },
          { type: 'TextQuoteSelector', exact: '“We will not accept this,”', prefix: 'ANKARA — ', suffix: ' the minister' },
        ],
      },
      status: 'moved',
    },
  );
  sidecar.attributions.push({
    quote: { type: 'TextQuoteSelector', exact: '“We will not accept this,”', prefix: 'ANKARA — ', suffix: '' },
    speaker: 'Mevlüt Çavuşoğlu',
  });
  return sidecar;
}

describe('sidecar', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sidecar-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips: serialize, parse, serialize gives the same bytes, sorted by position, 2-space indent, final newline', () => {
    const raw = serializeSidecar(sampleSidecar());
    const read = parseSidecar(raw, 'x.tags.json');
    assert.equal(read.kind, 'ok');
    if (read.kind !== 'ok') return;
    assert.equal(serializeSidecar(read.sidecar), raw);
    assert.deepEqual(
      read.sidecar.tags.map((t) => t.id),
      ['a', 'b'],
    );
    assert.ok(raw.endsWith('}\n'));
    assert.match(raw, /^\{\n {2}"version": 1,\n {2}"source": \{\n {4}"file": "article.txt",/);
    // Fixed key order inside a tag.
    const tag = JSON.parse(raw).tags[0];
    assert.deepEqual(Object.keys(tag), ['id', 'tag', 'note', 'created', 'modified', 'target', 'status']);
  });

  it('round-trips a "not a quote" correction, and the schema wants a speaker or notQuote, never both', () => {
    const sidecar = sampleSidecar();
    sidecar.attributions.push({
      quote: { type: 'TextQuoteSelector', exact: 'Talks resume', prefix: 'said. ', suffix: ' on' },
      speaker: '',
      notQuote: true,
    });
    const raw = serializeSidecar(sidecar);
    const read = parseSidecar(raw, 'x.tags.json');
    assert.equal(read.kind, 'ok', read.kind === 'invalid' ? read.message : '');
    if (read.kind !== 'ok') return;
    assert.equal(serializeSidecar(read.sidecar), raw);
    assert.deepEqual(
      read.sidecar.attributions.map((a) => a.notQuote ?? false),
      [true, false],
    );
    const data = JSON.parse(raw) as { attributions: Record<string, unknown>[] };
    const both = structuredClone(data);
    both.attributions[0].speaker = 'Somebody';
    assert.equal(parseSidecar(JSON.stringify(both), 'x.tags.json').kind, 'invalid');
    const neither = structuredClone(data);
    delete neither.attributions[0].notQuote;
    assert.equal(parseSidecar(JSON.stringify(neither), 'x.tags.json').kind, 'invalid');
  });

  it('reports invalid JSON with the file, line and column', () => {
    const path = join(dir, 'a.txt.tags.json');
    writeFileSync(path, '{\n  "version": 1,\n  "tags": [,]\n}\n');
    const read = readSidecar(path);
    assert.equal(read.kind, 'invalid');
    if (read.kind === 'invalid') {
      assert.ok(read.message.startsWith(path + ': not valid JSON at line 3, column 12'), read.message);
    }
  });

  it('reports schema errors with the JSON path and schema path', () => {
    const bad = JSON.parse(serializeSidecar(sampleSidecar()));
    bad.tags[1].status = 'lost';
    bad.extra = true;
    const read = parseSidecar(JSON.stringify(bad), 'b.tags.json');
    assert.equal(read.kind, 'invalid');
    if (read.kind === 'invalid') {
      assert.match(read.message, /^b\.tags\.json: does not match the tag sidecar schema/);
      assert.match(read.message, /\/tags\/1\/status must be one of "anchored", "moved", "orphaned" \(schema #\/properties\/status\/enum\)/);
      assert.match(read.message, /unknown property "extra"/);
    }
  });

  it('rejects duplicate ids', () => {
    const bad = sampleSidecar();
    bad.tags[1].id = 'b';
    const read = parseSidecar(serializeSidecar(bad), 'c.tags.json');
    assert.equal(read.kind, 'invalid');
    if (read.kind === 'invalid') assert.match(read.message, /"b" is used by more than one tag/);
  });

  for (const [name, content] of [
    ['invalid JSON', '{"version": 1, "source": {'],
    ['schema-invalid JSON', '{"version": 2, "source": {"file": "a.txt", "sha256": "0", "length": 1}, "tags": [], "attributions": []}\n'],
  ] as const) {
    it(`never overwrites ${name}: the bytes stay, tagging is refused with a message naming the file`, () => {
      const source = join(dir, 'a.txt');
      writeFileSync(source, TEXT);
      writeFileSync(sidecarPathFor(source), content);
      const store = new TagStore();
      store.open(source, TEXT);
      assert.ok(store.problem(source)?.startsWith(sidecarPathFor(source) + ':'));
      assert.throws(
        () => store.add(source, 0, 6, 'place'),
        (err: unknown) => err instanceof TagStoreError && err.code === 'invalid-sidecar' && err.message.includes(sidecarPathFor(source)),
      );
      assert.equal(readFileSync(sidecarPathFor(source), 'utf8'), content);
    });
  }

  it('does not overwrite a sidecar that was broken on disk after it was loaded', () => {
    const source = join(dir, 'a.txt');
    writeFileSync(source, TEXT);
    const store = new TagStore();
    store.open(source, TEXT);
    store.add(source, 0, 6, 'place');
    writeFileSync(sidecarPathFor(source), '{ broken');
    assert.throws(() => store.add(source, 9, 35, 'quote'), TagStoreError);
    assert.equal(readFileSync(sidecarPathFor(source), 'utf8'), '{ broken');
    // Once fixed, the tags held in memory are merged back, not lost.
    writeFileSync(sidecarPathFor(source), serializeSidecar(emptySidecar(source, TEXT)));
    store.reload(source);
    assert.equal(store.problem(source), null);
    assert.deepEqual(
      store.list(source).map((t) => t.tag),
      ['place'],
    );
    assert.equal(JSON.parse(readFileSync(sidecarPathFor(source), 'utf8')).tags.length, 1);
  });

  it('writes atomically: a crash after the temp write but before the rename leaves the old file valid', () => {
    const path = join(dir, 'a.txt.tags.json');
    const old = serializeSidecar(sampleSidecar());
    writeFileAtomic(path, old);
    const staged = stageWrite(path, '{"half": "written"');
    // The "crash": the process stops here, never renaming. The stray temp file is next to the sidecar.
    assert.ok(existsSync(staged.tempPath));
    assert.equal(readFileSync(path, 'utf8'), old);
    assert.equal(readSidecar(path).kind, 'ok');
    // The stray file is not mistaken for a sidecar, and the next write still succeeds.
    assert.ok(!staged.tempPath.endsWith('.tags.json'));
    const next = serializeSidecar(emptySidecar('/x/article.txt', TEXT));
    writeFileAtomic(path, next);
    assert.equal(readFileSync(path, 'utf8'), next);
    staged.abort();
    assert.deepEqual(readdirSync(dir), ['a.txt.tags.json']);
  });

  it('a writer killed before the rename leaves the old file valid (separate process)', async () => {
    const { spawnSync } = await import('node:child_process');
    const path = join(dir, 'a.txt.tags.json');
    const old = serializeSidecar(sampleSidecar());
    writeFileAtomic(path, old);
    const script = `require('tsx/cjs'); const { stageWrite } = require(${JSON.stringify(require.resolve('../../server/src/tags/atomicWrite'))});
      stageWrite(${JSON.stringify(path)}, '{"new": true}\\n'); process.kill(process.pid, 'SIGKILL');`;
    const result = spawnSync(process.execPath, ['-e', script], { cwd: process.cwd() });
    assert.equal(result.signal, 'SIGKILL');
    assert.equal(readFileSync(path, 'utf8'), old);
    assert.equal(readSidecar(path).kind, 'ok');
    // The dead writer's temp file is left behind; the next write clears it away, since its process is gone.
    assert.equal(readdirSync(dir).filter((n) => n.endsWith('.tmp')).length, 1);
    writeFileAtomic(path, old);
    assert.deepEqual(readdirSync(dir), ['a.txt.tags.json']);
  });
});
