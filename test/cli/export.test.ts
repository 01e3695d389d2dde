// `seed-annotator export` in all three formats: CSV quoting, one JSON object a line, W3C Web Annotation JSON-LD.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCli, runCli } from './builtCli';

const ARTICLE = [
  'Ministers meet as talks stall',
  '',
  '07.12.2020 12:16',
  '',
  'Foreign Minister Sergei Lavrov said on Monday that Moscow would not back down.',
  '',
  '“We will respond to any provocation, firmly and calmly,” Lavrov told reporters in Moscow.',
  '',
  'Officials in Brussels declined to comment.',
  '',
].join('\n');

/** Minimal RFC 4180 reader for the test: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

/** The fields of an exported Web Annotation this test reads. */
interface W3cAnnotation {
  '@context': string;
  type: string;
  id: string;
  creator: unknown;
  body: { type: string; purpose: string; value: string }[];
  target: { source: string; selector: { type: string; start?: number; end?: number; exact?: string; prefix?: string; suffix?: string }[] };
}
describe('CLI: export', function () {
  this.timeout(60000);
  let dir: string;
  let quoteId: string;

  before(async () => {
    await buildCli();
    dir = mkdtempSync(join(tmpdir(), 'seed-export-'));
    mkdirSync(join(dir, 'seeds'));
    writeFileSync(join(dir, 'seeds', 'lavrov.txt'), ARTICLE);
    writeFileSync(join(dir, 'seeds', 'untagged.txt'), 'No tags.\n');
    const add = (...args: string[]) => {
      const run = runCli(['tag', 'add', 'seeds/lavrov.txt', ...args], dir);
      assert.equal(run.status, 0, run.stderr);
      return run.stdout.trim();
    };
    quoteId = add('--text', 'firmly and calmly', '--tag', 'threat', '--note', 'tone: "firm", not hostile', '--coder', 'ana');
    add('--text', 'Officials in Brussels declined to comment.', '--tag', 'no comment');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const exportAs = (format: string, ...extra: string[]) => {
    const run = runCli(['export', 'seeds', '--format', format, ...extra], dir);
    assert.equal(run.status, 0, run.stderr);
    return run.stdout;
  };

  it('csv: a header, one properly quoted row per tag, the quote speaker and the primary dateline', () => {
    const rows = parseCsv(exportAs('csv'));
    assert.deepEqual(rows[0], ['file', 'tag', 'note', 'start', 'end', 'text', 'speaker', 'dateline', 'status', 'id', 'coder']);
    assert.equal(rows.length, 3);
    const threat = rows.find((r) => r[1] === 'threat')!;
    assert.equal(threat[0], join('seeds', 'lavrov.txt'));
    assert.equal(threat[2], 'tone: "firm", not hostile');
    assert.equal(threat[5], 'firmly and calmly');
    assert.equal(ARTICLE.slice(Number(threat[3]), Number(threat[4])), 'firmly and calmly');
    assert.equal(threat[6], 'Sergei Lavrov');
    assert.equal(threat[7], '2020-12-07T12:16');
    assert.equal(threat[8], 'anchored');
    assert.equal(threat[9], quoteId);
    assert.equal(threat[10], 'ana');
    const comment = rows.find((r) => r[1] === 'no comment')!;
    assert.equal(comment[6], '', 'no quote overlaps this tag');
  });

  it('jsonl: one JSON object per line', () => {
    const lines = exportAs('jsonl').split('\n').filter(Boolean);
    assert.equal(lines.length, 2);
    const objects = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(Object.keys(objects[0]).slice(0, 9), ['file', 'id', 'tag', 'note', 'start', 'end', 'text', 'speaker', 'dateline']);
    assert.deepEqual(
      objects.map((o) => o.tag),
      ['threat', 'no comment'],
    );
    assert.equal(objects[0].speaker, 'Sergei Lavrov');
    assert.equal(objects[0].coder, 'ana');
  });

  it('w3c: Web Annotation JSON-LD with tagging bodies and position + quote selectors', () => {
    const annotations = JSON.parse(exportAs('w3c')) as W3cAnnotation[];
    assert.equal(annotations.length, 2);
    const a = annotations.find((x) => x.body[0].value === 'threat')!;
    assert.equal(a['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(a.type, 'Annotation');
    assert.equal(a.id, `urn:uuid:${quoteId}`);
    assert.deepEqual(a.creator, { type: 'Person', name: 'ana' });
    assert.deepEqual(a.body, [
      { type: 'TextualBody', purpose: 'tagging', value: 'threat' },
      { type: 'TextualBody', purpose: 'commenting', value: 'tone: "firm", not hostile' },
    ]);
    assert.equal(a.target.source, pathToFileURL(resolve(dir, 'seeds', 'lavrov.txt')).href);
    const [position, quote] = a.target.selector;
    assert.equal(position.type, 'TextPositionSelector');
    assert.equal(ARTICLE.slice(position.start, position.end), 'firmly and calmly');
    assert.equal(quote.type, 'TextQuoteSelector');
    assert.equal(quote.exact, 'firmly and calmly');
    assert.ok(ARTICLE.includes(quote.prefix + quote.exact + quote.suffix));
  });

  it('--out writes the file instead of stdout; a bad format is a usage error', () => {
    const run = runCli(['export', 'seeds/lavrov.txt', '--format', 'csv', '--out', 'tags.csv'], dir);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.equal(parseCsv(readFileSync(join(dir, 'tags.csv'), 'utf8')).length, 3);
    assert.equal(runCli(['export', 'seeds', '--format', 'xml'], dir).status, 2);
  });

  it('exits 1 naming an invalid sidecar, still exporting the other files', () => {
    writeFileSync(join(dir, 'seeds', 'untagged.txt.tags.json'), '[]');
    const run = runCli(['export', 'seeds', '--format', 'jsonl'], dir);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /untagged\.txt\.tags\.json: does not match the tag sidecar schema/);
    assert.equal(run.stdout.split('\n').filter(Boolean).length, 2);
    rmSync(join(dir, 'seeds', 'untagged.txt.tags.json'));
  });
});
