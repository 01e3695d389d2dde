// Hostile and broken files on disk: sidecars with prototype keys, huge or deeply nested ones, wrong types and
// offsets outside the text, links pointing outside the workspace, a huge source. Each gets a clear message naming
// the file, nothing crashes, nothing is polluted, nothing is written.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { updateFileLocked, writeFileLocked, WriteRefusedError } from '../../server/src/files/lockedWrite';
import { readSeedFile } from '../../server/src/files/seedFile';
import { openUsable } from '../../server/src/tags/diskFile';
import { MAX_SIDECAR_BYTES, emptySidecar, readSidecar, serializeSidecar } from '../../server/src/tags/sidecar';
import { TagStore, TagStoreError } from '../../server/src/tags/tagStore';

const TEXT = 'PARIS — “Nothing is decided,” the minister said.\n';

describe('hostile files', function () {
  this.timeout(60_000);
  let dir: string;
  let source: string;
  let sidecar: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'seed-hostile-'));
    source = join(dir, 'a.txt');
    sidecar = `${source}.tags.json`;
    writeFileSync(source, TEXT);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Opens the source for tagging and expects a refusal naming the sidecar; the sidecar bytes stay as they were. */
  function expectRefused(pattern: RegExp): void {
    const before = readFileSync(sidecar);
    const store = new TagStore();
    const opened = openUsable(store, source);
    assert.equal(opened.ok, false);
    assert.ok(!opened.ok && opened.error.includes(sidecar), !opened.ok ? opened.error : '');
    assert.match(!opened.ok ? opened.error : '', pattern);
    assert.throws(() => store.add(source, 0, 5, 'x'), TagStoreError);
    assert.ok(readFileSync(sidecar).equals(before), 'the sidecar is untouched');
  }

  function validSidecar(): Record<string, unknown> {
    return JSON.parse(serializeSidecar(emptySidecar(source, TEXT))) as Record<string, unknown>;
  }

  it('a sidecar with __proto__ and constructor keys is refused and pollutes nothing', () => {
    const hostile = validSidecar();
    writeFileSync(
      sidecar,
      JSON.stringify(hostile).replace('{', '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}},'),
    );
    expectRefused(/unknown property "(__proto__|constructor)"/);
    // A tag whose own fields carry the keys.
    const tagged = validSidecar();
    tagged.tags = [
      JSON.parse(
        '{"__proto__": {"polluted": "yes"}, "id": "x", "tag": "t", "note": "", "created": "2026-01-01T00:00:00Z", "target": {"selector": [{"type": "TextPositionSelector", "start": 0, "end": 5}, {"type": "TextQuoteSelector", "exact": "PARIS", "prefix": "", "suffix": ""}]}, "status": "anchored"}',
      ),
    ];
    writeFileSync(sidecar, JSON.stringify(tagged));
    expectRefused(/unknown property "__proto__"/);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
  });

  it('a sidecar over the size limit is refused without being parsed', () => {
    // 100 MB of spaces inside a valid document: written in chunks, never held as one string by the test.
    const fd = openSync(sidecar, 'w');
    const json = JSON.stringify(validSidecar());
    writeSync(fd, json.slice(0, -1));
    const spaces = Buffer.alloc(4 * 1024 * 1024, 0x20);
    for (let written = 0; written < 100 * 1024 * 1024; written += spaces.length) writeSync(fd, spaces);
    writeSync(fd, '}');
    closeSync(fd);
    assert.ok(MAX_SIDECAR_BYTES < 100 * 1024 * 1024);
    const read = readSidecar(sidecar);
    assert.equal(read.kind, 'invalid');
    assert.match(read.kind === 'invalid' ? read.message : '', /a\.txt\.tags\.json: the tag sidecar is 100(\.0)? MB, over the 32 MB limit/);
    const store = new TagStore();
    assert.equal(openUsable(store, source).ok, false);
  });

  it('a sidecar nested 10,000 (and 200,000) levels deep is refused with a message, not a stack overflow', () => {
    for (const depth of [10_000, 200_000]) {
      writeFileSync(sidecar, '['.repeat(depth) + ']'.repeat(depth));
      expectRefused(/does not match the tag sidecar schema/);
      writeFileSync(sidecar, '{"version": 1, "tags": ' + '['.repeat(depth)); // unclosed: the syntax error is located
      expectRefused(/not valid JSON/);
    }
  });

  it('offsets outside the text, wrong types and start after end are refused; nothing is written', () => {
    const cases: [string, (s: Record<string, unknown>) => void, RegExp][] = [
      [
        'negative start',
        (s) => {
          s.tags = [tagAt(-5, 3)];
        },
        /start must be >= 0/,
      ],
      [
        'start after end',
        (s) => {
          s.tags = [tagAt(9, 3)];
        },
        /start is after end/,
      ],
      [
        'tags not an array',
        (s) => {
          s.tags = { 0: 'x' };
        },
        /\/tags must be array/,
      ],
      [
        'a tag that is an array',
        (s) => {
          s.tags = [[1, 'x', null]];
        },
        /\/tags\/0 must be object/,
      ],
      [
        'a string offset',
        (s) => {
          s.tags = [
            {
              ...tagAt(0, 5),
              target: {
                selector: [
                  { type: 'TextPositionSelector', start: '0', end: 5 },
                  { type: 'TextQuoteSelector', exact: 'PARIS' },
                ],
              },
            },
          ];
        },
        /must be integer/,
      ],
      [
        'version 2',
        (s) => {
          s.version = 2;
        },
        /\/version must be 1/,
      ],
      [
        'null',
        (s) => {
          for (const k of Object.keys(s)) delete s[k];
        },
        /must have required property/,
      ],
    ];
    for (const [name, change, message] of cases) {
      const s = validSidecar();
      change(s);
      writeFileSync(sidecar, JSON.stringify(s));
      try {
        expectRefused(message);
      } catch (err) {
        throw new Error(`${name}: ${(err as Error).message}`);
      }
    }
  });

  it('offsets past the end of the text are kept and shown as orphaned, never dropped or clamped on disk', () => {
    const s = validSidecar();
    s.tags = [
      {
        ...tagAt(5_000, 5_010),
        target: {
          selector: [
            { type: 'TextPositionSelector', start: 5_000, end: 5_010 },
            { type: 'TextQuoteSelector', exact: 'gone words', prefix: '', suffix: '' },
          ],
        },
      },
    ];
    writeFileSync(sidecar, JSON.stringify(s));
    const store = new TagStore();
    assert.equal(openUsable(store, source).ok, true);
    const [tag] = store.list(source);
    assert.equal(tag.status, 'orphaned');
    assert.equal(tag.text, 'gone words');
  });

  it('a sidecar that is a symlink pointing outside the workspace is read but never written through', () => {
    const outside = mkdtempSync(join(tmpdir(), 'seed-outside-'));
    try {
      const target = join(outside, 'elsewhere.json');
      const original = serializeSidecar(emptySidecar(source, TEXT));
      writeFileSync(target, original);
      symlinkSync(target, sidecar);
      const store = new TagStore();
      assert.equal(openUsable(store, source).ok, true);
      assert.throws(
        () => store.add(source, 0, 5, 'place'),
        (err: unknown) => err instanceof TagStoreError && err.message.includes(sidecar) && /symbolic link/.test(err.message),
      );
      assert.equal(readFileSync(target, 'utf8'), original, 'the file outside was not written');
      assert.deepEqual(store.list(source), [], 'refused means undone');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('a sidecar that is a named pipe or a link to /dev/zero is refused without being opened (no hang)', () => {
    execFileSync('mkfifo', [sidecar]);
    const store = new TagStore();
    const opened = openUsable(store, source);
    assert.equal(opened.ok, false);
    assert.match(!opened.ok ? opened.error : '', /a\.txt\.tags\.json: is not a regular file/);
    rmSync(sidecar);
    symlinkSync('/dev/zero', sidecar);
    assert.match(
      !openUsable(new TagStore(), source).ok ? (readSidecar(sidecar) as { message: string }).message : '',
      /is not a regular file/,
    );
  });

  it('a workspace file that is a symlink is never written through either', () => {
    mkdirSync(join(dir, '.seed-annotator'));
    const target = join(dir, 'real-codebook.json');
    writeFileSync(target, '{"version": 1, "codes": []}\n');
    const link = join(dir, '.seed-annotator', 'codebook.json');
    symlinkSync(target, link);
    assert.throws(
      () => writeFileLocked(link, '{}'),
      (err: unknown) => err instanceof WriteRefusedError && err.message.startsWith(`${link}: is a symbolic link`),
    );
    assert.equal(readFileSync(target, 'utf8'), '{"version": 1, "codes": []}\n');
  });

  it('a locked update that refuses leaves the file and releases the lock', () => {
    const file = join(dir, 'speakers.json');
    writeFileSync(file, 'old');
    assert.throws(
      () =>
        updateFileLocked(file, () => {
          throw new Error('the file on disk is invalid');
        }),
      /invalid/,
    );
    assert.equal(readFileSync(file, 'utf8'), 'old');
    assert.equal(
      updateFileLocked(file, (current) => `${current}+new`),
      true,
    );
    assert.equal(readFileSync(file, 'utf8'), 'old+new');
    assert.equal(
      updateFileLocked(file, (current) => current),
      false,
      'an unchanged result is not written',
    );
    const pipe = join(dir, 'pipe.json');
    execFileSync('mkfifo', [pipe]);
    assert.throws(
      () => writeFileLocked(pipe, '{}'),
      (err: unknown) => err instanceof WriteRefusedError && /pipe\.json: is not a regular file/.test((err as Error).message),
    );
  });

  it('a 50 MB source is refused with a message naming it, before it is read', () => {
    const big = join(dir, 'big.txt');
    const fd = openSync(big, 'w');
    const line = Buffer.from('Officials said the talks would resume. '.repeat(1_000) + '\n');
    for (let written = 0; written < 50 * 1024 * 1024; written += line.length) writeSync(fd, line);
    closeSync(fd);
    const read = readSeedFile(big);
    assert.equal(read.ok, false);
    assert.match(!read.ok ? read.error : '', /big\.txt: file is 50(\.\d)? MB, over the 10 MB limit/);
    const store = new TagStore();
    const opened = openUsable(store, big);
    assert.equal(opened.ok, false);
    assert.equal(store.isOpen(big), false);
  });
});

function tagAt(start: number, end: number): Record<string, unknown> {
  return {
    id: `t${start}`,
    tag: 'x',
    note: '',
    created: '2026-01-01T00:00:00Z',
    status: 'anchored',
    target: {
      selector: [
        { type: 'TextPositionSelector', start, end },
        { type: 'TextQuoteSelector', exact: 'PARIS', prefix: '', suffix: '' },
      ],
    },
  };
}
