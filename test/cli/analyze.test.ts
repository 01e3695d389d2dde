// `seed-annotator analyze` end to end: the built CLI's JSON contract, offsets, file order, errors and exit codes.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli, ROOT, runCli } from './builtCli';

interface SpanJson {
  start: number;
  end: number;
  text: string;
}

/** Every span the analysis reports must slice the raw file (read as code points, BOM and CR kept) to its text. */
function assertSpansSliceRawText(file: Record<string, unknown>, raw: string): number {
  const codePoints = [...raw];
  let checked = 0;
  const check = (span: SpanJson | null, where: string) => {
    if (span === null) return;
    assert.equal(codePoints.slice(span.start, span.end).join(''), span.text, `${where} [${span.start}, ${span.end})`);
    checked++;
  };
  for (const d of file.datelines as SpanJson[]) check(d, 'dateline');
  for (const s of file.speakers as { mentions: SpanJson[] }[]) for (const m of s.mentions) check(m, 'mention');
  for (const q of file.quotes as (SpanJson & { cue: SpanJson | null; source?: SpanJson | null })[]) {
    check(q, 'quote');
    check(q.cue, 'cue');
    check(q.source ?? null, 'source');
  }
  return checked;
}

/** JSON Lines come in order of completion: sorted by file they compare with the ordered --json array. */
function byFile<T extends { file: string }>(results: T[]): T[] {
  return [...results].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

describe('seed-annotator analyze (built CLI)', function () {
  this.timeout(60_000);
  let dir: string;

  before(async () => {
    await buildCli();
    dir = mkdtempSync(join(tmpdir(), 'seed-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const write = (rel: string, content: string | Buffer) => {
    const path = join(dir, rel);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
    return path;
  };

  it('prints the docs/contracts.md JSON shape for each seed file, without the structure', () => {
    const run = runCli(['analyze', 'seeds', '--json']);
    assert.equal(run.status, 0, run.stderr);
    const out = JSON.parse(run.stdout) as Record<string, unknown>[];
    assert.deepEqual(
      out.map((f) => f.file),
      ['seeds/000_2ebd0813046cf1ef.txt', 'seeds/004_751050ed58a9faf9.txt'],
    );
    for (const file of out) {
      assert.deepEqual(Object.keys(file), ['file', 'title', 'datelines', 'speakers', 'quotes', 'tags']);
      assert.ok(file.title === null || typeof file.title === 'string');
      for (const d of file.datelines as Record<string, unknown>[]) {
        for (const key of ['start', 'end', 'text', 'iso', 'primary']) assert.ok(key in d, `dateline.${key}`);
        assert.match(d.iso as string, /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/);
      }
      for (const s of file.speakers as Record<string, unknown>[]) {
        for (const key of ['id', 'name', 'kind', 'role', 'aliases', 'mentions']) assert.ok(key in s, `speaker.${key}`);
        assert.ok(['person', 'organization', 'anonymous'].includes(s.kind as string));
        for (const m of s.mentions as Record<string, unknown>[]) assert.ok('form' in m, 'mention.form');
      }
      const ids = new Set((file.speakers as { id: string }[]).map((s) => s.id));
      for (const q of file.quotes as Record<string, unknown>[]) {
        for (const key of ['start', 'end', 'text', 'speakerId', 'cue', 'confidence']) assert.ok(key in q, `quote.${key}`);
        assert.ok(q.speakerId === null || ids.has(q.speakerId as string), 'quote.speakerId names a speaker');
        // design.md: a number in [0, 1] for an attributed quote, null for an unattributed one.
        if (q.speakerId === null) assert.equal(q.confidence, null);
        else assert.ok(typeof q.confidence === 'number' && q.confidence >= 0 && q.confidence <= 1, `confidence ${q.confidence}`);
      }
      assert.ok(Array.isArray(file.tags));
      assertSpansSliceRawText(file, readFileSync(join(ROOT, file.file as string), 'utf8'));
    }
    const primaries = out.map((f) => (f.datelines as { primary: boolean }[]).filter((d) => d.primary).length);
    for (const n of primaries) assert.ok(n <= 1, 'at most one primary dateline per file');
  });

  it('gives code-point offsets into the raw text with a BOM, CRLF, emoji and non-ASCII names', () => {
    const raw =
      '\uFEFF# Ankara talks 🇹🇷 end early\r\n\r\nNovember 3, 2021\r\n\r\n' +
      'Turkish Foreign Minister Mevlüt Çavuşoğlu 😀 spoke to reporters in Ankara on Wednesday.\r\n\r\n' +
      '“We will not accept ultimatums 🙅 from anyone,” Çavuşoğlu said.\r\n\r\n' +
      '"Dialogue is the only way," he told reporters.\r\n';
    const file = write('offsets/çavuşoğlu.txt', raw);
    const run = runCli(['analyze', file, '--json']);
    assert.equal(run.status, 0, run.stderr);
    const [result] = JSON.parse(run.stdout) as Record<string, unknown>[];
    assert.ok((result.quotes as unknown[]).length >= 1, 'the analysis finds the quotes');
    assert.ok((result.datelines as unknown[]).length >= 1, 'the analysis finds the dateline');
    assert.ok(assertSpansSliceRawText(result, raw) >= 2);
    // The BOM is one code point and an emoji is one code point, not two UTF-16 units.
    const quote = (result.quotes as SpanJson[]).find((q) => q.text.includes('ultimatums'));
    assert.ok(quote, 'the curly quote is found');
    assert.equal(quote.start, [...raw].indexOf('“'));
  });

  it('keeps argument order, expands directories sorted and lists a file only once', () => {
    write('tree/b.txt', 'Beta.\n');
    write('tree/a.txt', 'Alpha.\n');
    write('tree/sub/c.txt', 'Gamma.\n');
    write('tree/a.txt.tags.json', sidecarJson('a.txt', []));
    write('tree/.hidden.txt', 'Hidden.\n');
    write('tree/node_modules/dep.txt', 'Dependency.\n');
    write('tree/notes.md', 'Not a seed.\n');
    write('z.txt', 'Zed.\n');
    const run = runCli(['analyze', 'z.txt', 'tree/b.txt', 'tree', '--json'], dir);
    assert.equal(run.status, 0, run.stderr);
    const files = (JSON.parse(run.stdout) as { file: string }[]).map((f) => f.file);
    assert.deepEqual(files, ['z.txt', 'tree/b.txt', 'tree/a.txt', 'tree/sub/c.txt']);
  });

  it('exits 1 naming every unreadable path on stderr, and still prints the readable files', () => {
    write('errors/good.txt', 'A readable article.\n');
    mkdirSync(join(dir, 'errors/empty-dir'), { recursive: true });
    write('errors/binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]));
    write('errors/latin1.txt', Buffer.from('Mevl\u00fct \u00c7avu\u015fo\u011flu said "no".\n', 'latin1'));
    const run = runCli(
      ['analyze', 'errors/missing.txt', 'errors/empty-dir', 'errors/binary.txt', 'errors/latin1.txt', 'errors/good.txt', '--json'],
      dir,
    );
    assert.equal(run.status, 1);
    assert.deepEqual(
      (JSON.parse(run.stdout) as { file: string }[]).map((f) => f.file),
      ['errors/good.txt'],
    );
    const lines = run.stderr.trim().split('\n');
    assert.equal(lines.length, 4, run.stderr);
    assert.match(run.stderr, /errors\/missing\.txt: no such file/);
    assert.match(run.stderr, /errors\/empty-dir: no seed files/);
    assert.match(run.stderr, /errors\/binary\.txt: looks binary/);
    assert.match(run.stderr, /errors\/latin1\.txt: not valid UTF-8 .*line 1/);
  });

  it('exits 2 on bad usage with a message on stderr and nothing on stdout', () => {
    const cases: string[][] = [
      [],
      ['analyse', 'seeds'],
      ['analyze'],
      ['analyze', 'seeds', '--jsn'],
      ['analyze', 'seeds', '--json', '--jsonl'],
      ['analyze', 'seeds', '--shard', '0/2'],
      ['analyze', 'seeds', '--shard', '3/2'],
      ['analyze', 'seeds', '--shard', '1/0'],
      ['analyze', 'seeds', '--shard', 'half'],
      ['analyze', 'seeds', '--shard'],
      ['analyze', 'seeds', '--max-size', 'big'],
    ];
    for (const args of cases) {
      const run = runCli(args);
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.equal(run.stdout, '', args.join(' '));
      assert.match(run.stderr, /usage: seed-annotator/, args.join(' '));
    }
  });

  it('--jsonl prints one compact object per line, the same objects as --json (in order of completion)', () => {
    const json = JSON.parse(runCli(['analyze', 'seeds', '--json']).stdout) as { file: string }[];
    const run = runCli(['analyze', 'seeds', '--jsonl']);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.split('\n');
    assert.equal(lines.pop(), '', 'ends with a newline');
    assert.deepEqual(byFile(lines.map((line) => JSON.parse(line) as { file: string })), json);
  });

  it('--jobs N gives the same output as one job: --json in argument order, --jsonl the same lines', () => {
    for (let i = 0; i < 12; i++) {
      write(
        `jobs/article-${String(i).padStart(2, '0')}.txt`,
        `Headline ${i}\n\nOctober ${i + 1}, 2020\n\n"We will talk ${'again '.repeat(i * 40)}," Minister Zoë Müller-${i} said.\n`,
      );
    }
    const one = runCli(['analyze', 'jobs', '--json', '--jobs', '1'], dir);
    const three = runCli(['analyze', 'jobs', '--json', '--jobs', '3'], dir);
    assert.equal(one.status, 0, one.stderr);
    assert.equal(three.stdout, one.stdout);
    const lines = (args: string[]) =>
      runCli(['analyze', 'jobs', '--jsonl', ...args], dir)
        .stdout.trim()
        .split('\n')
        .sort();
    assert.deepEqual(lines(['--jobs', '3']), lines(['--jobs', '1']));
    assert.equal(
      runCli(['analyze', 'jobs', '--jobs', '2'], dir).stdout,
      runCli(['analyze', 'jobs', '--jobs', '1'], dir).stdout,
      'the readable summary too',
    );
  });

  it('--jobs N reports a file that fails and prints every other one', () => {
    write('mixed/a.txt', 'Title\n\n"Fine," she said.\n');
    write('mixed/b.txt', Buffer.from([0x54, 0x69, 0xff, 0xfe, 0x0a]));
    write('mixed/c.txt', 'Title\n\n"Also fine," he said.\n');
    const run = runCli(['analyze', 'mixed', '--jsonl', '--jobs', '2'], dir);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /b\.txt: not valid UTF-8/);
    assert.deepEqual(
      run.stdout
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { file: string }).file)
        .sort(),
      ['mixed/a.txt', 'mixed/c.txt'],
    );
  });

  it('--shard i/n splits the file list deterministically into disjoint slices that cover it', () => {
    for (let i = 0; i < 7; i++) write(`shards/article-${i}.txt`, `Article ${i}.\n`);
    const all = (JSON.parse(runCli(['analyze', 'shards', '--json'], dir).stdout) as { file: string }[]).map((f) => f.file);
    assert.equal(all.length, 7);
    const slices = [1, 2, 3].map((i) => {
      const run = runCli(['analyze', 'shards', '--jsonl', '--shard', `${i}/3`], dir);
      assert.equal(run.status, 0, run.stderr);
      return run.stdout
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { file: string }).file);
    });
    assert.deepEqual(slices.flat().sort(), [...all].sort(), 'union of the shards is every file, each once');
    for (const slice of slices) assert.ok(slice.length >= 2 && slice.length <= 3, 'shards are balanced');
    const again = runCli(['analyze', 'shards', '--jsonl', '--shard', '2/3'], dir)
      .stdout.trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { file: string }).file);
    assert.deepEqual(again.sort(), slices[1].sort());
  });

  it('prints a readable summary without --json', () => {
    const run = runCli(['analyze', 'seeds']);
    assert.equal(run.status, 0, run.stderr);
    assert.throws(() => JSON.parse(run.stdout));
    for (const label of [
      'seeds/000_2ebd0813046cf1ef.txt',
      'seeds/004_751050ed58a9faf9.txt',
      'Title',
      'Date',
      'Speakers',
      'Quotes',
      'Tags',
    ]) {
      assert.ok(run.stdout.includes(label), label);
    }
    assert.match(run.stdout, /^2 files: \d+ quotes \(\d+ attributed\)/m);
  });

  it('includes the sidecar tags as stored, and warns about a sidecar it cannot use', () => {
    const tag = {
      id: 't1',
      tag: 'claim',
      note: 'check this',
      created: '2026-11-25T10:00:00Z',
      target: {
        selector: [
          { type: 'TextPositionSelector', start: 0, end: 5 },
          { type: 'TextQuoteSelector', exact: 'Tagged', prefix: '', suffix: ' article' },
        ],
      },
      status: 'anchored',
    };
    write('sidecars/tagged.txt', 'Tagged article.\n');
    write('sidecars/tagged.txt.tags.json', sidecarJson('tagged.txt', [tag]));
    write('sidecars/broken.txt', 'Broken sidecar.\n');
    write('sidecars/broken.txt.tags.json', '{"version": 1, "tags": [');
    const run = runCli(['analyze', 'sidecars', '--json'], dir);
    assert.equal(run.status, 0, run.stderr);
    const out = JSON.parse(run.stdout) as { file: string; tags: unknown[] }[];
    assert.deepEqual(
      out.map((f) => [f.file, f.tags]),
      [
        ['sidecars/broken.txt', []],
        ['sidecars/tagged.txt', [tag]],
      ],
    );
    assert.match(run.stderr, /warning: sidecars\/broken\.txt\.tags\.json: not valid JSON/);
  });

  it("applies the sidecar's attribution corrections over the analyzer", () => {
    const text =
      'Mayor Maria Lopez visited the flooded town on Monday.\n\n' +
      'Interior Minister Juan Perez announced new funds.\n\n' +
      '“We will rebuild every house,” Perez said.\n';
    write('corrected/article.txt', text);
    write(
      'corrected/article.txt.tags.json',
      sidecarJson(
        'article.txt',
        [],
        [
          {
            quote: { type: 'TextQuoteSelector', exact: '“We will rebuild every house,”', prefix: '\n\n', suffix: ' Perez said.' },
            speaker: 'Maria Lopez',
          },
        ],
      ),
    );
    const run = runCli(['analyze', 'corrected/article.txt', '--json'], dir);
    assert.equal(run.status, 0, run.stderr);
    const [result] = JSON.parse(run.stdout) as {
      speakers: { id: string; name: string }[];
      quotes: { text: string; speakerId: string | null; confidence: number | null }[];
    }[];
    const quote = result.quotes.find((q) => q.text === '“We will rebuild every house,”');
    assert.ok(quote, 'the quote is found');
    assert.equal(result.speakers.find((s) => s.id === quote.speakerId)?.name, 'Maria Lopez');
    assert.equal(quote.confidence, 1, "the analyst's correction is certain");
  });

  it('leaves out a quote the sidecar marks as not a quote', () => {
    const text =
      '# Storm Hits Coast\n\nMayor Maria Lopez visited the shelters on Monday.\n\n' +
      '“We will rebuild every house,” Lopez said.\n\n“Stay indoors tonight,” she added.\n';
    write('rejected/article.txt', text);
    write(
      'rejected/article.txt.tags.json',
      sidecarJson(
        'article.txt',
        [],
        [{ quote: { type: 'TextQuoteSelector', exact: '“Stay indoors tonight,”', prefix: '\n\n', suffix: ' she added.' }, notQuote: true }],
      ),
    );
    const run = runCli(['analyze', 'rejected/article.txt', '--json'], dir);
    assert.equal(run.status, 0, run.stderr);
    const [result] = JSON.parse(run.stdout) as { quotes: { text: string }[] }[];
    assert.deepEqual(
      result.quotes.map((q) => q.text),
      ['“We will rebuild every house,”'],
    );
  });

  it('applies the same sidecar rules as tag add: schema-invalid tags are not printed, the warning names the real problem', () => {
    write('strict/a.txt', 'Strict article.\n');
    const bad = {
      id: 'b',
      tag: 'x',
      note: '',
      created: '2026-11-25T10:00:00Z',
      status: 'anchored',
      target: {
        selector: [
          { type: 'TextPositionSelector', start: -5, end: 2 },
          { type: 'TextQuoteSelector', exact: 'St' },
        ],
      },
    };
    write('strict/a.txt.tags.json', sidecarJson('a.txt', [bad, [1, 'x', null]]));
    const run = runCli(['analyze', 'strict/a.txt', '--json'], dir);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual((JSON.parse(run.stdout) as { tags: unknown[] }[])[0].tags, []);
    assert.match(
      run.stderr,
      /warning: strict\/a\.txt\.tags\.json: does not match the tag sidecar schema: \/tags\/0\/target\/selector\/0\/start must be >= 0/,
    );
    assert.match(run.stderr, /\/tags\/1 must be object/);
    assert.doesNotMatch(run.stderr, /expected \{"version": 1, "tags": \[\.\.\.\]\}/);
    // `tag add` refuses the same file with the same reason.
    const add = runCli(['tag', 'add', 'strict/a.txt', '--text', 'Strict', '--tag', 'y'], dir);
    assert.equal(add.status, 1);
    assert.match(add.stderr, /start must be >= 0/);
  });

  it('reports a malformed attribution instead of dropping it silently', () => {
    write('attr/a.txt', '“Yes,” she said.\n');
    write('attr/a.txt.tags.json', sidecarJson('a.txt', [], [{ quote: { type: 'TextQuoteSelector', exact: '' }, speaker: 7 }]));
    const run = runCli(['analyze', 'attr/a.txt', '--json'], dir);
    assert.equal(run.status, 0, run.stderr);
    assert.match(
      run.stderr,
      /warning: attr\/a\.txt\.tags\.json: does not match the tag sidecar schema: .*\/attributions\/0\/speaker must be string/,
    );
    assert.match(run.stderr, /attribution corrections are left out/);
  });
});

/** A sidecar in the stored shape (the checksum is not checked on read; offsets are re-anchored). */
function sidecarJson(file: string, tags: unknown[], attributions: unknown[] = []): string {
  return JSON.stringify({ version: 1, source: { file, sha256: '0'.repeat(64), length: 0 }, tags, attributions });
}
