// `export` never clobbers its inputs, names the right file when it cannot write, marks orphaned tags instead of
// printing stale offsets, and neutralises CSV cells a spreadsheet would run as formulas (unless --raw).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvCell } from '../../server/src/export/csv';
import { buildCli, runCli } from './builtCli';

const ARTICLE = 'BERLIN — “We will win the war completely,” the general said on Monday.\n';

describe('CLI: export safety', function () {
  this.timeout(60000);
  let dir: string;

  before(async () => {
    await buildCli();
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'seed-export-safe-'));
    mkdirSync(join(dir, 'seeds'));
    writeFileSync(join(dir, 'seeds', 'a.txt'), ARTICLE);
    writeFileSync(join(dir, 'seeds', 'b.txt'), 'Untagged article.\n');
    const run = runCli(
      ['tag', 'add', 'seeds/a.txt', '--text', 'win the war', '--tag', '=HYPERLINK("http://x.invalid","x")', '--note', '@SUM(A1:A2)'],
      dir,
    );
    assert.equal(run.status, 0, run.stderr);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses --out onto a source, a sidecar, a workspace file, another tagged article or a folder (exit 2, nothing written)', () => {
    mkdirSync(join(dir, '.seed-annotator'));
    writeFileSync(join(dir, '.seed-annotator', 'codebook.json'), '{"version": 1, "codes": []}\n');
    const sidecar = readFileSync(join(dir, 'seeds', 'a.txt.tags.json'), 'utf8');
    const cases: [string, RegExp][] = [
      ['seeds/a.txt', /seeds\/a\.txt: is one of the files being exported/],
      ['./seeds/../seeds/a.txt', /is one of the files being exported/],
      ['seeds/a.txt.tags.json', /seeds\/a\.txt\.tags\.json: is a tag sidecar/],
      ['seeds/new.txt.tags.json', /is a tag sidecar/],
      ['.seed-annotator/codebook.json', /\.seed-annotator\/codebook\.json: is a Seed Annotator workspace file/],
      ['seeds/b.txt', /seeds\/b\.txt: is a source article/],
      ['seeds', /seeds: is a folder/],
    ];
    for (const [out, message] of cases) {
      const run = runCli(['export', 'seeds/a.txt', '--format', 'jsonl', '--out', out], dir);
      assert.equal(run.status, 2, `${out}: ${run.stderr}`);
      assert.match(run.stderr, message, out);
    }
    assert.equal(readFileSync(join(dir, 'seeds', 'a.txt'), 'utf8'), ARTICLE);
    assert.equal(readFileSync(join(dir, 'seeds', 'a.txt.tags.json'), 'utf8'), sidecar);
    assert.equal(readFileSync(join(dir, '.seed-annotator', 'codebook.json'), 'utf8'), '{"version": 1, "codes": []}\n');
    assert.equal(readFileSync(join(dir, 'seeds', 'b.txt'), 'utf8'), 'Untagged article.\n');
    assert.equal(existsSync(join(dir, 'seeds', 'new.txt.tags.json')), false);
  });

  it('--out into a missing folder names the target, not a temp file, and leaves nothing behind', () => {
    const run = runCli(['export', 'seeds', '--format', 'csv', '--out', join(dir, 'missing', 'x.csv')], dir);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /missing\/x\.csv: cannot write \(the folder .*missing does not exist\)/);
    assert.doesNotMatch(run.stderr, /\.tmp/);
  });

  it('--out replaces an existing export atomically: no temp file is left', () => {
    writeFileSync(join(dir, 'out.csv'), 'old export\n');
    const run = runCli(['export', 'seeds', '--format', 'csv', '--out', 'out.csv'], dir);
    assert.equal(run.status, 0, run.stderr);
    assert.match(readFileSync(join(dir, 'out.csv'), 'utf8'), /^file,tag,/);
    assert.deepEqual(
      readdirSync(dir).filter((n) => n.endsWith('.tmp')),
      [],
    );
  });

  it('neutralises formula cells with a leading quote; --raw keeps them verbatim', () => {
    const safe = runCli(['export', 'seeds', '--format', 'csv'], dir);
    assert.equal(safe.status, 0, safe.stderr);
    assert.match(safe.stdout, /,"'=HYPERLINK\(""http:\/\/x\.invalid"",""x""\)",'@SUM\(A1:A2\),/);
    const raw = runCli(['export', 'seeds', '--format', 'csv', '--raw'], dir);
    assert.match(raw.stdout, /,"=HYPERLINK\(""http:\/\/x\.invalid"",""x""\)",@SUM\(A1:A2\),/);
    for (const lead of ['=', '+', '-', '@', '\t', '\r']) assert.equal(csvCell(`${lead}1`), `'${lead}1`);
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell(42), 42);
    // JSON Lines is data, not a spreadsheet: it stays verbatim.
    const jsonl = JSON.parse(runCli(['export', 'seeds', '--format', 'jsonl'], dir).stdout) as { tag: string };
    assert.equal(jsonl.tag, '=HYPERLINK("http://x.invalid","x")');
  });

  it('an orphaned tag keeps its status and words but no stale position, in all three formats', () => {
    writeFileSync(join(dir, 'seeds', 'a.txt'), 'BERLIN — The general declined to comment completely on Monday.\n');
    const w3c = JSON.parse(runCli(['export', 'seeds', '--format', 'w3c'], dir).stdout) as {
      status: string;
      target: { selector: { type: string; exact?: string }[] };
    }[];
    assert.equal(w3c[0].status, 'orphaned');
    assert.deepEqual(
      w3c[0].target.selector.map((s) => s.type),
      ['TextQuoteSelector'],
    );
    assert.equal(w3c[0].target.selector[0].exact, 'win the war');
    const jsonl = JSON.parse(runCli(['export', 'seeds', '--format', 'jsonl'], dir).stdout) as Record<string, unknown>;
    assert.equal(jsonl.status, 'orphaned');
    assert.equal(jsonl.start, null);
    assert.equal(jsonl.end, null);
    const csv = runCli(['export', 'seeds', '--format', 'csv'], dir).stdout.split('\r\n')[1];
    assert.match(csv, /^seeds\/a\.txt,.*,,,win the war,,,orphaned,/);
  });

  it('an anchored tag keeps both selectors and its status in W3C', () => {
    const [a] = JSON.parse(runCli(['export', 'seeds', '--format', 'w3c'], dir).stdout) as {
      status: string;
      target: { selector: { type: string }[] };
    }[];
    assert.equal(a.status, 'anchored');
    assert.deepEqual(
      a.target.selector.map((s) => s.type),
      ['TextPositionSelector', 'TextQuoteSelector'],
    );
  });
});
