// Corpus insight through the real server: corpus speakers, provenance (request and hover), the index following an
// edited document, merges and splits saved to .seed-annotator/speakers.json, the dashboard's numbers.
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover, MarkupContent } from 'vscode-languageserver/node';
import {
  CorpusRequests,
  SpeakerRequests,
  TagRequests,
  type CorpusQuoteDto,
  type CorpusSpeakerDto,
  type DashboardResult,
  type ProvenanceResult,
  type TagsExportResult,
  type WorkspaceSpeaker,
} from '../../shared/protocol';
import { describeSpan } from '../../server/src/tags/anchor';
import { emptySidecar, serializeSidecar } from '../../server/src/tags/sidecar';
import { buildOnce, LspClient, ROOT } from './lspClient';

const FIRST = '101_a1b2c3d4e5f60718.txt';
const SECOND = '102_b2c3d4e5f6071829.txt';
const THIRD = '103_c3d4e5f60718293a.txt';
const UNDATED = '104_d4e5f60718293a4b.txt';
const REUSED = 'We will not allow anyone';

describe('corpus over LSP', function () {
  this.timeout(60000);
  let root: string;
  let client: LspClient;
  const uriOf = (name: string) => pathToFileURL(join(root, 'seeds', name)).href;
  const textOf = (name: string) => readFileSync(join(root, 'seeds', name), 'utf8');
  /** The LSP position of the first occurrence of `needle` (these files are ASCII-free only in names, not before quotes). */
  const positionOf = (name: string, needle: string) => {
    const before = textOf(name).slice(0, textOf(name).indexOf(needle)).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
  };
  const open = (name: string) =>
    client.notify('textDocument/didOpen', { textDocument: { uri: uriOf(name), languageId: 'seed', version: 1, text: textOf(name) } });
  const hover = async (name: string, needle: string) => {
    const h = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: uriOf(name) },
      position: positionOf(name, needle),
    });
    return h ? (h.contents as MarkupContent).value : '';
  };
  const speakers = () => client.request<CorpusSpeakerDto[]>(CorpusRequests.speakers, {});
  /** Writes a sidecar holding one tag on the first occurrence of `needle`. */
  const writeTag = (name: string, tag: string, needle: string) => {
    const path = join(root, 'seeds', name);
    const text = readFileSync(path, 'utf8');
    const start = [...text.slice(0, text.indexOf(needle))].length;
    const target = describeSpan(text, start, start + [...needle].length);
    const sidecar = emptySidecar(path, text);
    sidecar.tags.push({
      id: `tag-${tag}`,
      tag,
      note: '',
      created: '2026-01-01T00:00:00.000Z',
      status: 'anchored',
      target: {
        selector: [
          { type: 'TextPositionSelector', start: target.start, end: target.end },
          { type: 'TextQuoteSelector', exact: target.exact, prefix: target.prefix, suffix: target.suffix },
        ],
      },
    });
    writeFileSync(`${path}.tags.json`, serializeSidecar(sidecar));
  };
  const minister = (list: CorpusSpeakerDto[]) => list.filter((s) => [s.name, ...s.aliases].some((n) => /cavusoglu|çavuşoğlu/i.test(n)));

  before(async () => {
    buildOnce();
    root = mkdtempSync(join(tmpdir(), 'seed-corpus-lsp-'));
    mkdirSync(join(root, 'seeds'));
    cpSync(join(ROOT, 'test', 'fixtures', 'corpus'), join(root, 'seeds'), { recursive: true });
    cpSync(join(ROOT, 'seeds'), join(root, 'seeds'), { recursive: true });
    writeTag(THIRD, 'background', 'the');
    client = LspClient.start();
    await client.initialize([{ uri: pathToFileURL(root).href, name: 'root' }]);
    await client.waitFor('the first index', () =>
      client.progress.some((p) => (p as { value: { kind: string } }).value.kind === 'end') ? true : undefined,
    );
  });

  after(async () => {
    if (client.process.exitCode === null) await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('lists one corpus speaker for the minister spelled with and without accents', async () => {
    const found = minister(await speakers());
    assert.equal(found.length, 1);
    assert.equal(found[0].files, 5);
    const view = await client.request<WorkspaceSpeaker[]>(SpeakerRequests.workspace, {});
    const rows = view.filter((s) => s.id === found[0].id);
    assert.equal(rows.length, 1, 'the Speakers view shows the corpus speaker once');
    assert.equal(rows[0].files.length, 5);
  });

  it('answers provenance oldest first and says so in the hover, with links, naming the first article', async () => {
    await open(SECOND);
    const result = await client.request<ProvenanceResult | null>(CorpusRequests.provenance, {
      uri: uriOf(SECOND),
      position: positionOf(SECOND, REUSED),
    });
    assert.ok(result);
    assert.deepEqual(
      result.occurrences.map((o) => o.uri.slice(o.uri.lastIndexOf('/') + 1)),
      [FIRST, THIRD, SECOND, UNDATED],
    );
    assert.deepEqual(
      result.occurrences.map((o) => o.date),
      ['2020-12-03', '2020-12-04', '2020-12-05', null],
    );
    assert.ok(result.occurrences.every((o) => o.range && o.speaker && o.text.includes(REUSED)));
    const text = await hover(SECOND, REUSED);
    assert.match(
      text,
      /Also in 3 other articles — first on 2020\\-12\\-03 in \[101\\_a1b2c3d4e5f60718\\\.txt\]\(file:\/\/\/[^)\s]+101_a1b2c3d4e5f60718\.txt#L9\)/,
    );
    assert.equal(
      await client.request(CorpusRequests.provenance, { uri: uriOf(SECOND), position: positionOf(SECOND, 'Dialogue is') }),
      null,
    );
  });

  it('says in how many articles a speaker is quoted', async () => {
    assert.match(await hover(SECOND, 'Lavrov said on'), /Across the corpus: in 3 articles, 4 quotes/);
  });

  it('follows an edited document without re-reading the workspace', async () => {
    const edited = textOf(SECOND).replace(/We will not allow anyone[^"]*/, 'Talks are welcome');
    await client.notify('textDocument/didChange', { textDocument: { uri: uriOf(SECOND), version: 2 }, contentChanges: [{ text: edited }] });
    await open(FIRST);
    await client.waitFor('the group without the edited copy', async () =>
      /Also in 2 other articles/.test(await hover(FIRST, REUSED)) ? true : undefined,
    );
    await client.notify('textDocument/didChange', {
      textDocument: { uri: uriOf(SECOND), version: 3 },
      contentChanges: [{ text: textOf(SECOND) }],
    });
    await client.waitFor('the copy back', async () => (/Also in 3 other articles/.test(await hover(FIRST, REUSED)) ? true : undefined));
  });

  it('merges and splits corpus speakers, saved to .seed-annotator/speakers.json and applied everywhere', async () => {
    const before = await speakers();
    const lavrov = before.find((s) => s.name === 'Sergei Lavrov');
    const [cavusoglu] = minister(before);
    assert.ok(lavrov && cavusoglu);
    const merged = await client.request<CorpusSpeakerDto[]>(CorpusRequests.merge, { ids: [cavusoglu.id, lavrov.id] });
    assert.equal(minister(merged).length, 1);
    assert.ok(minister(merged)[0].occurrences.some((o) => o.name === 'Sergei Lavrov'));
    const file = join(root, '.seed-annotator', 'speakers.json');
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')).merge, [[cavusoglu.name, 'Sergei Lavrov']]);
    assert.match(await hover(SECOND, 'Lavrov said on'), /in 6 articles/);
    // Exports name the speaker as the corpus does: Lavrov's quote under the merged speaker's name.
    const quoteStart = positionOf(SECOND, 'Dialogue is the only way');
    const range = {
      start: quoteStart,
      end: { line: quoteStart.line, character: quoteStart.character + 'Dialogue is the only way'.length },
    };
    await client.request(TagRequests.add, { uri: uriOf(SECOND), range, tag: 'claim' });
    const exported = await client.request<TagsExportResult>(TagRequests.export, { uris: [uriOf(SECOND)], format: 'jsonl' });
    assert.deepEqual(
      exported.content
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { speaker: string }).speaker),
      [minister(merged)[0].name],
    );

    // Undo the merge by hand, as an analyst editing the file would; the watcher tells the server.
    writeFileSync(file, JSON.stringify({ version: 1, merge: [], split: [] }));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 2 }] });
    await client.waitFor('the merge undone', async () =>
      minister(await speakers()).length === 1 && (await speakers()).some((s) => s.name === 'Sergei Lavrov') ? true : undefined,
    );

    const split = await client.request<CorpusSpeakerDto[]>(CorpusRequests.split, {
      id: minister(await speakers())[0].id,
      uris: [uriOf(UNDATED)],
    });
    const parts = minister(split);
    assert.equal(parts.length, 2);
    assert.deepEqual(parts.map((p) => p.files).sort(), [1, 4]);
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')).split, [{ name: 'Cavusoglu', files: [`seeds/${UNDATED}`] }]);
    const result = await client.request<ProvenanceResult>(CorpusRequests.provenance, {
      uri: uriOf(SECOND),
      position: positionOf(SECOND, REUSED),
    });
    assert.equal(new Set(result.occurrences.map((o) => o.speaker)).size, 2, 'provenance names the split speaker apart');
  });

  it('refuses to write over a broken speakers file, naming it', async () => {
    const file = join(root, '.seed-annotator', 'speakers.json');
    writeFileSync(file, '{"version": 1, "merge": [');
    const list = await speakers();
    await assert.rejects(
      client.request(CorpusRequests.merge, { ids: [list[0].id, list[1].id] }),
      (e: Error) => e.message.includes(file) && /not valid JSON/.test(e.message),
    );
    assert.equal(readFileSync(file, 'utf8'), '{"version": 1, "merge": [');
    rmSync(join(root, '.seed-annotator'), { recursive: true });
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 3 }] });
    assert.ok(!existsSync(file));
  });

  it("returns the dashboard's numbers in one request, and the quotes behind Lavrov's bar", async () => {
    const result = await client.request<DashboardResult>(CorpusRequests.dashboard, { filter: {}, period: 'month' });
    assert.equal(result.stats.files, 6);
    assert.deepEqual(result.tags, ['background'], 'the tags of a sidecar found by the first index');
    const lavrov = result.stats.speakers.find((s) => s.name === 'Sergei Lavrov');
    assert.ok(lavrov);
    assert.equal(result.firstDate, '2020-10-01');
    assert.deepEqual(
      result.stats.periods.map((p) => p.period),
      ['2020-10', '2020-12'],
    );
    const quotes = await client.request<CorpusQuoteDto[]>(CorpusRequests.dashboardQuotes, {
      filter: {},
      period: 'month',
      selection: { speakerId: lavrov.id },
    });
    assert.equal(quotes.length, lavrov.quotes);
    assert.ok(quotes.every((q) => q.speaker === 'Sergei Lavrov' && q.range));
    const folder = await client.request<DashboardResult>(CorpusRequests.dashboard, {
      folder: pathToFileURL(join(root, 'elsewhere')).href,
      filter: {},
      period: 'week',
    });
    assert.equal(folder.stats.files, 0);
  });
});
