// The index's worker job: a file's content hash is the same whether the warm pass only hashed its bytes or the
// cold pass analyzed its text (the cache is keyed by it), and a file it cannot read is skipped either way.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { indexFiles } from '../../server/src/workspace/indexJob';
import { contentHash } from '../../server/src/workspace/indexedFile';

describe('indexFiles', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'index-job-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives a file the hash of its text, hashed only or analyzed', () => {
    const text = '\uFEFFKowalska Talks 🇵🇱\r\n\r\n"We will wait," Zoë Beridze said.\r\n';
    const file = join(dir, 'one.txt');
    writeFileSync(file, text);
    const [hashed] = indexFiles({ files: [file], maxFileSizeKb: 100, hashOnly: true }).outcomes;
    const [analyzed] = indexFiles({ files: [file], maxFileSizeKb: 100, hashOnly: false }).outcomes;
    assert.equal(hashed.kind, 'hashed');
    assert.equal(analyzed.kind, 'analyzed');
    assert.ok(hashed.kind === 'hashed' && analyzed.kind === 'analyzed');
    assert.equal(hashed.hash, contentHash(text));
    assert.equal(analyzed.hash, contentHash(text));
  });

  it('skips a binary file and a missing one the same way in both passes', () => {
    const binary = join(dir, 'binary.txt');
    writeFileSync(binary, Buffer.from([0x41, 0x00, 0x42]));
    for (const hashOnly of [true, false]) {
      const [bad, gone] = indexFiles({ files: [binary, join(dir, 'gone.txt')], maxFileSizeKb: 100, hashOnly }).outcomes;
      assert.equal(bad.kind, 'skipped');
      assert.match(bad.kind === 'skipped' ? (bad.message ?? '') : '', /NUL byte at byte offset 1/);
      assert.deepEqual(gone.kind === 'skipped' && gone.message, null);
    }
  });
});
