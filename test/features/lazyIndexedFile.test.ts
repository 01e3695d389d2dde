// Index entries decoded on first read (server/src/workspace/lazyIndexedFile.ts): they read as the summary they
// encode, give their bytes back untouched for the cache while undecoded, and one that does not decode is reported
// once and reads as a file with nothing in it.
import { strict as assert } from 'node:assert';
import { LazyIndexedFile } from '../../server/src/workspace/lazyIndexedFile';
import { encodeSummary } from '../../server/src/workspace/summaryCodec';
import type { FileSummary } from '../../server/src/workspace/workspaceIndex';

const HASH = 'cd'.repeat(32);
const SUMMARY: FileSummary = {
  hash: HASH,
  title: 'Talks resume',
  primaryDate: '2021-03-04',
  speakers: [
    {
      id: 's1',
      name: 'Nino Gelashvili',
      kind: 'person',
      role: null,
      aliases: [],
      mentions: 2,
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 15 } },
    },
  ],
  quotes: [
    {
      text: '"Soon,"',
      speaker: 'Nino Gelashvili',
      speakerId: 's1',
      confidence: 0.9,
      range: { start: { line: 2, character: 20 }, end: { line: 2, character: 27 } },
      start: 40,
      end: 47,
    },
  ],
};

describe('lazily decoded index entries', () => {
  it('read as the summary they encode, and give their bytes back untouched while undecoded', () => {
    const bytes = Buffer.from(encodeSummary(SUMMARY));
    const reports: string[] = [];
    const file = new LazyIndexedFile('file:///a.txt', HASH, bytes, (_, why) => reports.push(why));
    assert.equal(file.encoded(), bytes, 'the very bytes, not a copy');
    assert.equal(file.title, 'Talks resume');
    assert.deepEqual(
      { title: file.title, primaryDate: file.primaryDate, speakers: file.speakers, quotes: file.quotes },
      { title: SUMMARY.title, primaryDate: SUMMARY.primaryDate, speakers: SUMMARY.speakers, quotes: SUMMARY.quotes },
    );
    assert.equal(file.speakers, file.speakers, 'decoded once');
    assert.equal(file.encoded(), encodeSummary(SUMMARY), 'once decoded, encoded again for the cache');
    assert.deepEqual(Object.keys(file), ['uri', 'hash'], 'nothing else shows when the entry is iterated');
    assert.deepEqual(reports, []);
    assert.equal(file.broken, false);
  });

  it('report an entry that does not decode, or encodes another content, once, and read it as empty', () => {
    for (const [encoded, why] of [
      ['["' + HASH + '","cut', 'not a cache entry of this version'],
      [encodeSummary({ ...SUMMARY, hash: 'ef'.repeat(32) }), 'made for content efefefefefef…'],
    ]) {
      const reports: string[] = [];
      const file = new LazyIndexedFile('file:///a.txt', HASH, encoded, (f, reason) => reports.push(`${f.uri}: ${reason}`));
      assert.equal(file.broken, false, 'not known before it is read');
      assert.deepEqual([file.title, file.primaryDate, file.speakers, file.quotes], [null, null, [], []]);
      assert.deepEqual(reports, [`file:///a.txt: ${why}`]);
      assert.equal(file.broken, true);
      assert.equal(file.encoded(), null, 'never written back to the cache');
    }
  });
});
