// `seed-annotator speakers | provenance | stats` on the seeds plus articles of our own: one minister spelled with
// and without accents, one quote reused by several outlets on different dates.
import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli, ROOT, runCli } from './builtCli';

interface SpeakerJson {
  id: string;
  name: string;
  kind: string;
  roles: string[];
  aliases: string[];
  files: number;
  quotes: number;
  occurrences: { file: string; speakerId: string }[];
}
interface GroupJson {
  text: string;
  occurrences: { file: string; start: number; end: number; speaker: string | null; date: string | null }[];
}

const CORPUS = 'test/fixtures/corpus';

describe('corpus commands (built CLI)', function () {
  this.timeout(60_000);
  before(() => buildCli());

  it('speakers: the minister spelled with and without accents is one corpus speaker', () => {
    const run = runCli(['speakers', 'seeds', CORPUS, '--json']);
    assert.equal(run.status, 0, run.stderr);
    const list = JSON.parse(run.stdout) as SpeakerJson[];
    const ministers = list.filter((s) => [s.name, ...s.aliases].some((n) => /cavusoglu|çavuşoğlu/i.test(n)));
    assert.equal(ministers.length, 1);
    const [m] = ministers;
    assert.deepEqual(Object.keys(m), ['id', 'name', 'kind', 'roles', 'aliases', 'files', 'quotes', 'occurrences']);
    assert.ok(m.aliases.includes('Mevlüt Çavuşoğlu') || m.name === 'Mevlüt Çavuşoğlu');
    assert.ok(m.files >= 4, `in the seed and four articles of ours, got ${m.files}`);
    assert.ok(m.roles.includes('Turkish Foreign Minister'));
    const lavrov = list.find((s) => s.name === 'Sergei Lavrov');
    assert.ok(lavrov && lavrov.files === 3, 'Lavrov: both seeds and one article');
    for (let i = 1; i < list.length; i++) assert.ok(list[i - 1].quotes >= list[i].quotes, 'most quoted first');
  });

  it('provenance: one group, oldest primary date first, the undated copy last, offsets in code points', () => {
    const run = runCli(['provenance', 'seeds', CORPUS, '--json']);
    assert.equal(run.status, 0, run.stderr);
    const groups = JSON.parse(run.stdout) as GroupJson[];
    assert.equal(groups.length, 1);
    const { occurrences } = groups[0];
    assert.deepEqual(
      occurrences.map((o) => o.date),
      ['2020-12-03', '2020-12-04', '2020-12-05', null],
    );
    assert.ok(occurrences[0].file.endsWith('101_a1b2c3d4e5f60718.txt'));
    assert.equal(new Set(occurrences.map((o) => o.speaker)).size, 1);
    for (const o of occurrences) {
      const text = [...readFileSync(join(ROOT, o.file), 'utf8')].slice(o.start, o.end).join('');
      assert.match(text, /decide the future of the region/);
    }
    assert.ok(groups[0].text.includes('We will not allow anyone'));
  });

  it('stats: quotes per speaker, per month and co-occurrence', () => {
    const run = runCli(['stats', 'seeds', CORPUS, '--json', '--top', '5']);
    assert.equal(run.status, 0, run.stderr);
    const stats = JSON.parse(run.stdout) as {
      files: number;
      undated: number;
      speakers: { name: string; quotes: number }[];
      periods: { period: string }[];
      cooccurrence: unknown[];
    };
    assert.equal(stats.files, 6);
    assert.equal(stats.undated, 1);
    assert.deepEqual(
      stats.periods.map((p) => p.period),
      ['2020-10', '2020-12'],
    );
    assert.ok(stats.speakers[0].quotes >= stats.speakers[1].quotes);
    assert.ok(stats.cooccurrence.length > 0);
    assert.equal(runCli(['stats', CORPUS, '--kind', 'robot']).status, 2);
  });

  describe("with the analyst's decisions", () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'seed-corpus-'));
      cpSync(join(ROOT, CORPUS), join(dir, 'articles'), { recursive: true });
      mkdirSync(join(dir, '.seed-annotator'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('applies merges and splits from .seed-annotator/speakers.json', () => {
      writeFileSync(
        join(dir, '.seed-annotator', 'speakers.json'),
        JSON.stringify({
          version: 1,
          merge: [['Sergei Lavrov', 'Mevlut Cavusoglu']],
          split: [{ name: 'Cavusoglu', files: ['articles/104_d4e5f60718293a4b.txt'] }],
        }),
      );
      const run = runCli(['speakers', 'articles', '--json'], dir);
      assert.equal(run.status, 0, run.stderr);
      const list = JSON.parse(run.stdout) as SpeakerJson[];
      const merged = list.find((s) => s.occurrences.some((o) => o.file.endsWith('102_b2c3d4e5f6071829.txt') && o.speakerId === 's2'));
      assert.ok(merged && merged.occurrences.some((o) => o.file.endsWith('101_a1b2c3d4e5f60718.txt')), 'Lavrov merged with the minister');
      const alone = list.find((s) => s.occurrences.some((o) => o.file.endsWith('104_d4e5f60718293a4b.txt')));
      assert.equal(alone?.occurrences.length, 1, 'the split file is a speaker of its own');
    });

    it('names a broken speakers file, exits 1 and still prints', () => {
      const path = join(dir, '.seed-annotator', 'speakers.json');
      writeFileSync(path, '{"version": 1, "merge": [["a"]');
      const run = runCli(['speakers', 'articles', '--json'], dir);
      assert.equal(run.status, 1);
      assert.match(run.stderr, /speakers\.json: not valid JSON at line 1/);
      assert.ok((JSON.parse(run.stdout) as unknown[]).length > 0);
      assert.equal(readFileSync(path, 'utf8'), '{"version": 1, "merge": [["a"]');
    });
  });
});
