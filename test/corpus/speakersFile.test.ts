// `.seed-annotator/speakers.json`: schema-checked reads with messages naming the file, locked atomic updates that
// two processes can make at once without losing either's decisions, and a broken file never overwritten.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  readSpeakerDecisions,
  SpeakersFileError,
  speakersFileOf,
  updateSpeakerDecisions,
  withMerge,
  withSplit,
} from '../../server/src/corpus/speakersFile';

const MODULE = resolve(__dirname, '../../server/src/corpus/speakersFile.ts');

/** A separate process that adds `times` merges, each its own pair of names. */
function writer(root: string, label: string, times: number): Promise<number> {
  const script = `
    const { updateSpeakerDecisions, withMerge } = require(${JSON.stringify(MODULE)});
    for (let i = 0; i < ${times}; i++) {
      updateSpeakerDecisions(${JSON.stringify(root)}, (d) => withMerge(d, ['${label} ' + i, '${label} ' + i + ' bis']));
    }`;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', '-e', script], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', fail);
    child.on('exit', (code) => done(code ?? -1));
  });
}

describe('speakers file', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'seed-speakers-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reads no decisions when the file is absent, and writes a versioned, stable file', () => {
    assert.deepEqual(readSpeakerDecisions(root), { ok: true, decisions: { merge: [], split: [] }, exists: false });
    updateSpeakerDecisions(root, (d) =>
      withSplit(withMerge(d, ['Sergei Lavrov', 'Sergey Lavrov']), { name: 'Ahmed Ali', files: ['seeds/b.txt'] }),
    );
    const text = readFileSync(speakersFileOf(root), 'utf8');
    assert.deepEqual(JSON.parse(text), {
      version: 1,
      merge: [['Sergei Lavrov', 'Sergey Lavrov']],
      split: [{ name: 'Ahmed Ali', files: ['seeds/b.txt'] }],
    });
    assert.ok(text.endsWith('\n') && text.includes('\n  "merge"'));
    assert.deepEqual(readdirSync(join(root, '.seed-annotator')).sort(), ['speakers.json'], 'no temp or lock file left');
  });

  it('combines merges that share a name (without case or accents); a later split takes its files from an earlier one', () => {
    let d = withMerge({ merge: [], split: [] }, ['Mevlüt Çavuşoğlu', 'M. Cavusoglu']);
    d = withMerge(d, ['mevlut cavusoglu', 'Mevlut Çavuşoğlu']);
    assert.deepEqual(d.merge, [['mevlut cavusoglu', 'Mevlut Çavuşoğlu', 'Mevlüt Çavuşoğlu', 'M. Cavusoglu']]);
    d = withSplit(d, { name: 'Ali', files: ['a.txt', 'b.txt'] });
    d = withSplit(d, { name: 'ALI', files: ['b.txt'] });
    assert.deepEqual(d.split, [
      { name: 'Ali', files: ['a.txt'] },
      { name: 'ALI', files: ['b.txt'] },
    ]);
  });

  it('names the file and the place of a JSON error, and never overwrites it', () => {
    mkdirSync(join(root, '.seed-annotator'));
    const broken = '{\n  "version": 1,\n  "merge": [["a", "b"]\n}';
    writeFileSync(speakersFileOf(root), broken);
    const read = readSpeakerDecisions(root);
    assert.ok(!read.ok);
    assert.match(read.error, /speakers\.json: not valid JSON at line 4, column 1/);
    assert.throws(
      () => updateSpeakerDecisions(root, (d) => withMerge(d, ['x', 'y'])),
      (e: Error) => e instanceof SpeakersFileError && e.message.includes(speakersFileOf(root)),
    );
    assert.equal(readFileSync(speakersFileOf(root), 'utf8'), broken);
  });

  it('names the schema problem (a path and what is wrong) and leaves the file as it is', () => {
    mkdirSync(join(root, '.seed-annotator'));
    const wrong = JSON.stringify({ version: 1, merge: [['only one']], split: [{ name: 'X' }] });
    writeFileSync(speakersFileOf(root), wrong);
    const read = readSpeakerDecisions(root);
    assert.ok(!read.ok);
    assert.match(read.error, /\/merge\/0 must NOT have fewer than 2 items/);
    assert.match(read.error, /\/split\/0 must have required property 'files'/);
    assert.throws(() => updateSpeakerDecisions(root, (d) => d), SpeakersFileError);
    assert.equal(readFileSync(speakersFileOf(root), 'utf8'), wrong);
  });

  it('keeps every decision of two processes writing at the same time', async function () {
    this.timeout(60_000);
    const times = 15;
    const codes = await Promise.all([writer(root, 'left', times), writer(root, 'right', times)]);
    assert.deepEqual(codes, [0, 0]);
    const read = readSpeakerDecisions(root);
    assert.ok(read.ok);
    assert.equal(read.decisions.merge.length, 2 * times);
    for (const label of ['left', 'right']) {
      for (let i = 0; i < times; i++)
        assert.ok(
          read.decisions.merge.some((m) => m[0] === `${label} ${i}`),
          `${label} ${i}`,
        );
    }
  });
});
