// Exports name a tag's speaker as the corpus does: the same minister spelled without accents in one article is
// exported under the corpus name, and the analyst's merges in .seed-annotator/speakers.json apply too.
import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli, ROOT, runCli } from './builtCli';

interface Row {
  file: string;
  speaker: string | null;
}

describe('export with corpus speaker names (built CLI)', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => buildCli());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'seed-corpus-export-'));
    cpSync(join(ROOT, 'test/fixtures/corpus'), join(dir, 'articles'), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const tagQuote = (file: string) => {
    const run = runCli(['tag', 'add', join(dir, 'articles', file), '--text', 'We will not allow anyone', '--tag', 'claim']);
    assert.equal(run.status, 0, run.stderr);
  };
  const exported = (): Row[] => {
    const run = runCli(['export', join(dir, 'articles'), '--format', 'jsonl']);
    assert.equal(run.status, 0, run.stderr);
    return run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Row);
  };

  it('exports the accent-less spelling under the corpus name of the one minister', () => {
    tagQuote('102_b2c3d4e5f6071829.txt'); // "Mevlut Cavusoglu" there, "Mevlüt Çavuşoğlu" elsewhere
    const [row] = exported();
    assert.equal(row.speaker, 'Mevlüt Çavuşoğlu');
  });

  it("applies the analyst's merge from .seed-annotator/speakers.json: the merged speaker's name is exported", () => {
    const run = runCli([
      'tag',
      'add',
      join(dir, 'articles', '102_b2c3d4e5f6071829.txt'),
      '--text',
      'Dialogue is the only way forward',
      '--tag',
      'claim',
    ]);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(
      exported().map((r) => r.speaker),
      ['Sergei Lavrov'],
    );
    mkdirSync(join(dir, '.seed-annotator'));
    writeFileSync(
      join(dir, '.seed-annotator', 'speakers.json'),
      JSON.stringify({ version: 1, merge: [['Mevlüt Çavuşoğlu', 'Sergei Lavrov']], split: [] }),
    );
    const speakers = JSON.parse(runCli(['speakers', join(dir, 'articles'), '--json']).stdout) as { name: string; aliases: string[] }[];
    const merged = speakers.find((s) => s.aliases.includes('Sergei Lavrov'));
    assert.ok(merged, 'the merge joined Lavrov to the minister');
    assert.deepEqual(
      exported().map((r) => r.speaker),
      [merged.name],
    );
  });
});
