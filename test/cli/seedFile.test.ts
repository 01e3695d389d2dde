// readSeedFile and expandSeedPaths: what the CLI, the tag store and the workspace index accept from disk, and why not.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { expandSeedPaths, firstInvalidUtf8, readSeedFile } from '../../server/src/files/seedFile';

describe('readSeedFile', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'seed-file-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it('returns the text exactly as stored, BOM and CR included', () => {
    const text = '\uFEFF# Çavuşoğlu 🇹🇷\r\n\r\n“Quote,” he said.\r\n';
    assert.deepEqual(readSeedFile(write('bom.txt', text)), { ok: true, text });
  });

  it('accepts an empty file and text with tabs, form feeds and escape characters', () => {
    assert.deepEqual(readSeedFile(write('empty.txt', '')), { ok: true, text: '' });
    const text = 'Col\tumn\fpage\x1b[0m\n';
    assert.deepEqual(readSeedFile(write('controls.txt', text)), { ok: true, text });
  });

  it('names a missing file and a directory', () => {
    const missing = readSeedFile(join(dir, 'nope.txt'));
    assert.ok(!missing.ok);
    assert.equal(missing.problem, 'missing');
    assert.match(missing.error, /nope\.txt: no such file/);
    const folder = readSeedFile(dir);
    assert.ok(!folder.ok);
    assert.equal(folder.problem, 'directory');
    assert.ok(folder.error.startsWith(dir));
  });

  it('refuses binary files: NUL bytes, UTF-16, mostly control characters', () => {
    const cases: [string, Buffer, RegExp][] = [
      ['nul.txt', Buffer.from('text\0more'), /NUL byte at byte offset 4/],
      ['utf16.txt', Buffer.from('\uFEFFhello', 'utf16le'), /UTF-16/],
      ['controls.txt', Buffer.from([1, 2, 3, 4, 5, 6, 0x41, 0x42]), /control characters/],
    ];
    for (const [name, bytes, reason] of cases) {
      const result = readSeedFile(write(name, bytes));
      assert.ok(!result.ok, name);
      assert.equal(result.problem, 'binary', name);
      assert.match(result.error, reason);
      assert.ok(result.error.includes(name));
    }
  });

  it('refuses invalid UTF-8, saying where it breaks', () => {
    const latin1 = Buffer.from('Line one\nMevl\u00fct said\n', 'latin1');
    const result = readSeedFile(write('latin1.txt', latin1));
    assert.ok(!result.ok);
    assert.equal(result.problem, 'encoding');
    assert.match(result.error, /latin1\.txt: not valid UTF-8 \(byte 0xFC at byte offset 13, line 2\)/);
  });

  it('refuses a file over the size limit before reading it, and the limit can be raised', () => {
    const path = write('big.txt', 'x'.repeat(2048));
    const small = readSeedFile(path, { maxBytes: 1024 });
    assert.ok(!small.ok);
    assert.equal(small.problem, 'too-large');
    assert.match(small.error, /big\.txt: file is 2 KB, over the 1 KB limit/);
    assert.equal(readSeedFile(path, { maxBytes: 4096 }).ok, true);
  });
});

describe('firstInvalidUtf8', () => {
  it('flags overlongs, surrogates, out-of-range and truncated sequences at their first byte', () => {
    const cases: [number[], number][] = [
      [[0x41, 0xc0, 0x80], 1], // overlong NUL
      [[0xe0, 0x80, 0x80], 0], // overlong 3-byte
      [[0x41, 0x42, 0xed, 0xa0, 0x80], 2], // UTF-16 surrogate
      [[0xf4, 0x90, 0x80, 0x80], 0], // above U+10FFFF
      [[0x41, 0xf0, 0x9f, 0x98], 1], // emoji cut short at the end
      [[0x80], 0], // stray continuation
      [[0xf0, 0x9f, 0x98, 0x80, 0xc3, 0xa7], -1], // 😀ç
    ];
    for (const [bytes, expected] of cases) assert.equal(firstInvalidUtf8(Uint8Array.from(bytes)), expected);
  });

  it('agrees with TextDecoder on arbitrary bytes', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const valid = (bytes: Uint8Array) => {
      try {
        decoder.decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    // Bias towards the bytes that make UTF-8 interesting so most samples exercise multi-byte paths.
    const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0x80, max: 0xf5 }));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 12 }), (arr) => {
        const bytes = Uint8Array.from(arr);
        return (firstInvalidUtf8(bytes) === -1) === valid(bytes);
      }),
      { numRuns: 1500 },
    );
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => firstInvalidUtf8(Buffer.from(s, 'utf8')) === -1));
  });
});

describe('expandSeedPaths', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'seed-paths-'));
    for (const rel of [
      'corpus/b.txt',
      'corpus/a.txt',
      'corpus/2020/z.txt',
      'corpus/a.txt.tags.json',
      'corpus/.draft.txt',
      'corpus/.git/x.txt',
      'corpus/node_modules/pkg/readme.txt',
      'corpus/image.png',
      'loose.md',
    ]) {
      mkdirSync(join(dir, rel, '..'), { recursive: true });
      writeFileSync(join(dir, rel), 'text\n');
    }
    mkdirSync(join(dir, 'nothing/deeper'), { recursive: true });
    writeFileSync(join(dir, 'nothing/deeper/notes.md'), 'not a seed\n');
    symlinkSync(join(dir, 'corpus'), join(dir, 'corpus/2020/loop'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('takes named files as given and expands directories to sorted *.txt, skipping hidden, deps and sidecars', () => {
    const { files, errors } = expandSeedPaths([join(dir, 'loose.md'), join(dir, 'corpus')]);
    assert.deepEqual(errors, []);
    assert.deepEqual(
      files,
      ['loose.md', 'corpus/2020/z.txt', 'corpus/a.txt', 'corpus/b.txt'].map((f) => join(dir, f)),
    );
  });

  it('lists a file once even when named twice, directly and through its directory', () => {
    const { files } = expandSeedPaths([join(dir, 'corpus/b.txt'), join(dir, 'corpus'), join(dir, 'corpus/b.txt')]);
    assert.deepEqual(
      files,
      ['corpus/b.txt', 'corpus/2020/z.txt', 'corpus/a.txt'].map((f) => join(dir, f)),
    );
  });

  it('follows links to files and folders inside a folder, taking each real file once', () => {
    const linked = mkdtempSync(join(tmpdir(), 'seed-links-'));
    try {
      mkdirSync(join(linked, 'real'));
      writeFileSync(join(linked, 'real', 'one.txt'), 'text\n');
      mkdirSync(join(linked, 'more'));
      writeFileSync(join(linked, 'more', 'two.txt'), 'text\n');
      symlinkSync(join(linked, 'real', 'one.txt'), join(linked, 'real', 'again.txt')); // the same file twice
      symlinkSync(join(linked, 'more'), join(linked, 'real', 'elsewhere')); // a linked folder
      symlinkSync(join(linked, 'gone.txt'), join(linked, 'real', 'dangling.txt'));
      const { files, errors } = expandSeedPaths([join(linked, 'real')]);
      assert.deepEqual(errors, []);
      assert.deepEqual(
        files,
        ['real/again.txt', 'real/elsewhere/two.txt'].map((f) => join(linked, f)),
      );
    } finally {
      rmSync(linked, { recursive: true, force: true });
    }
  });

  it('reports a missing path and a directory without seed files, naming each, and keeps the rest', () => {
    const { files, errors } = expandSeedPaths([join(dir, 'gone'), join(dir, 'nothing'), join(dir, 'corpus/a.txt')]);
    assert.deepEqual(files, [join(dir, 'corpus/a.txt')]);
    assert.deepEqual(errors, [
      `${join(dir, 'gone')}: no such file or directory`,
      `${join(dir, 'nothing')}: no seed files (*.txt) in this directory`,
    ]);
  });
});
