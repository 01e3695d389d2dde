import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, SymbolKind, type WorkDoneProgressReporter } from 'vscode-languageserver';
import { workspaceSpeakers } from '../../server/src/features/workspaceSpeakers';
import { workspaceSymbols } from '../../server/src/features/workspaceSymbols';
import { indexedFileOf, SeedFileMatcher, WorkspaceIndex, type IndexedFile } from '../../server/src/workspaceIndex';
import { AnalysisBuilder, articleBuilder } from './fixture';

function files(): IndexedFile[] {
  const second = new AnalysisBuilder('Moscow\'s UN Ambassador Vasily Nebenzya said "the only option is to achieve a ceasefire regime."')
    .speaker('Vasily Nebenzya', 'person', "Moscow's UN Ambassador", [['Vasily Nebenzya', 'name']])
    .quote('"the only option is to achieve a ceasefire regime."', 'Vasily Nebenzya', ['said'])
    .build('file:///ws/seeds/b.txt');
  return [indexedFileOf(articleBuilder().build('file:///ws/seeds/a.txt')), indexedFileOf(second)];
}

describe('workspace symbols', () => {
  it('finds quotes by their words, with the speaker and file as container', () => {
    const found = workspaceSymbols(files(), 'ceasefire')!;
    assert.deepEqual(found.map((s) => [s.kind, s.name, s.containerName, s.location.uri]), [
      [SymbolKind.String, '"We agreed on a ceasefire,"', 'Sergei Lavrov — a.txt', 'file:///ws/seeds/a.txt'],
      [SymbolKind.String, '"the only option is to achieve a ceasefire regime."', 'Vasily Nebenzya — b.txt', 'file:///ws/seeds/b.txt'],
    ]);
  });

  it('finds speakers by name, surname-like abbreviation or role', () => {
    const byName = workspaceSymbols(files(), 'nebenzya')!.filter((s) => s.kind !== SymbolKind.String);
    assert.deepEqual(byName.map((s) => s.name), ['Vasily Nebenzya']);
    assert.ok(workspaceSymbols(files(), 'foreign minister')!.some((s) => s.name === 'Mevlüt Çavuşoğlu'));
    assert.deepEqual(workspaceSymbols(files(), 'çavuş')!.map((s) => s.name), ['Mevlüt Çavuşoğlu', '"This is a good day for Lavrov and me."', '"nothing is final"']);
  });

  it('keeps the match visible in a long quote and returns null once cancelled', () => {
    const long = `"${'word '.repeat(40)}the ceasefire holds ${'word '.repeat(40)}"`;
    const file = indexedFileOf(new AnalysisBuilder(long).quote(long, null).build('file:///ws/c.txt'));
    const [symbol] = workspaceSymbols([file], 'ceasefire')!;
    assert.ok(symbol.name.includes('ceasefire') && symbol.name.startsWith('…') && symbol.name.endsWith('…'), symbol.name);
    const cancelled = new CancellationTokenSource();
    cancelled.cancel();
    assert.equal(workspaceSymbols(files(), '', cancelled.token), null);
  });

  it('merges a speaker across files for the Speakers view', () => {
    const speakers = workspaceSpeakers([...files(), { ...files()[1], uri: 'file:///ws/seeds/c.txt' }])!;
    const nebenzya = speakers.find((s) => s.name === 'Vasily Nebenzya');
    assert.deepEqual(nebenzya?.files.map((f) => [f.uri, f.quotes.length]), [['file:///ws/seeds/b.txt', 1], ['file:///ws/seeds/c.txt', 1]]);
    assert.deepEqual(speakers.map((s) => s.name), ['Mevlüt Çavuşoğlu', 'Sergei Lavrov', 'Vasily Nebenzya']);
  });
});

describe('workspace index', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'seed-index-'));
    mkdirSync(join(root, 'seeds'));
    mkdirSync(join(root, 'notes'));
    writeFileSync(join(root, 'seeds', 'one.txt'), '\uFEFFTitle\n\n"We are ready," the minister said.\n');
    writeFileSync(join(root, 'notes', '123_0123456789abcdef.txt'), 'Title\n\nNo quotes here.\n');
    writeFileSync(join(root, 'notes', 'todo.txt'), 'not a seed');
    writeFileSync(join(root, 'notes', 'x.article'), 'Title\n\n"Quoted," she said.\n');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('indexes the files the seed patterns name, reporting progress', async () => {
    const index = new WorkspaceIndex();
    const reports: string[] = [];
    const progress: WorkDoneProgressReporter = {
      begin: (title) => reports.push(`begin ${title}`),
      report: (p: number | string) => reports.push(`report ${String(p)}`),
      done: () => reports.push('done'),
    };
    const ok = await index.rebuild([root], { matcher: new SeedFileMatcher(), limits: { maxFileSizeKb: 100 }, progress });
    assert.equal(ok, true);
    assert.deepEqual([...index.all()].map((f) => f.uri.slice(pathToFileURL(root).href.length)).sort(),
      ['/notes/123_0123456789abcdef.txt', '/seeds/one.txt']);
    assert.equal(reports[0], 'begin Indexing seed files');
    assert.equal(reports[reports.length - 1], 'done');
  });

  it('adds the user\'s file patterns and stops an older rebuild superseded by a newer one', async () => {
    const index = new WorkspaceIndex();
    const options = { matcher: new SeedFileMatcher(['*.article']), limits: { maxFileSizeKb: 100 } };
    const [older, newer] = await Promise.all([index.rebuild([root], options), index.rebuild([root], options)]);
    assert.deepEqual([older, newer], [false, true]);
    assert.equal(index.size, 3);
  });

  it('refreshes one changed file and drops deleted ones', () => {
    const index = new WorkspaceIndex();
    const options = { matcher: new SeedFileMatcher(), limits: { maxFileSizeKb: 100 } };
    const path = join(root, 'seeds', 'one.txt');
    assert.equal(index.refresh(path, true, options), true);
    assert.equal(index.size, 1);
    assert.equal(index.refresh(join(root, 'notes', 'todo.txt'), false, options), false, 'a file never indexed changes nothing');
    assert.equal(index.refresh(join(root, 'seeds'), false, options), true, 'a deleted folder takes its files along');
    assert.equal(index.size, 0);
  });
});
