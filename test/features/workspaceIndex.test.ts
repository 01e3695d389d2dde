// The workspace index on its worker threads (loaded from the TypeScript sources through tsx): which files it takes,
// progress, superseded rebuilds, incremental refreshes with their change events, and the on-disk cache (warm
// reopen, changed content, corrupt entries discarded with a log line, an unwritable folder, other versions pruned).
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkDoneProgressReporter } from 'vscode-languageserver';
import { createJobRunner } from '../../server/src/workers/pool';
import { versionedCacheName } from '../../server/src/workspace/cacheVersion';
import {
  contentHash,
  SeedFileMatcher,
  WorkspaceIndex,
  type IndexChange,
  type IndexedFile,
  type IndexOptions,
  type RebuildStats,
} from '../../server/src/workspace/workspaceIndex';

const ARTICLE = (words: string) => `A headline\n\nOctober 1, 2020\n\n"${words}," Foreign Minister Zoë Beridze told reporters.\n`;

describe('workspace index', function () {
  this.timeout(30_000);
  let root: string;
  let cacheRoot: string;
  const indexes: WorkspaceIndex[] = [];
  const newIndex = () => {
    const index = new WorkspaceIndex(createJobRunner({ size: 2, threads: true }));
    indexes.push(index);
    return index;
  };
  /** The counts of a rebuild, without its timing. */
  const counts = (stats: RebuildStats | null) =>
    stats && { files: stats.files, fromCache: stats.fromCache, analyzed: stats.analyzed, cached: stats.cached };
  /** The cache's pack files, for this cache version. */
  const packs = () => {
    const dir = join(cacheRoot, versionedCacheName());
    return readdirSync(dir)
      .filter((name) => name.endsWith('.jsonl'))
      .sort()
      .map((name) => join(dir, name));
  };
  /** An entry's fields, read (entries from workers and the cache are decoded when first read). */
  const fields = (f: IndexedFile) => ({
    uri: f.uri,
    hash: f.hash,
    title: f.title,
    primaryDate: f.primaryDate,
    speakers: f.speakers,
    quotes: f.quotes,
  });
  const entries = (index: WorkspaceIndex) => [...index.all()].map(fields).sort((a, b) => a.uri.localeCompare(b.uri));
  const names = (index: WorkspaceIndex) => [...index.all()].map((f) => f.uri.slice(pathToFileURL(root).href.length)).sort();

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'seed-index-'));
    cacheRoot = join(root, '.seed-annotator', 'cache');
    mkdirSync(join(root, 'seeds'));
    mkdirSync(join(root, 'notes'));
    writeFileSync(join(root, 'seeds', 'one.txt'), `\uFEFF${ARTICLE('We are ready 🙂')}`);
    writeFileSync(join(root, 'notes', '123_0123456789abcdef.txt'), 'Title\n\nNo quotes here.\n');
    writeFileSync(join(root, 'notes', 'todo.txt'), 'not a seed');
    writeFileSync(join(root, 'notes', 'x.article'), 'Title\n\n"Quoted," she said.\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  after(async () => {
    await Promise.all(indexes.map((index) => index.dispose()));
  });

  it('indexes the files the seed patterns name on worker threads, reporting progress', async () => {
    const index = newIndex();
    const reports: string[] = [];
    const progress: WorkDoneProgressReporter = {
      begin: (title) => reports.push(`begin ${title}`),
      report: (p: number | string) => reports.push(`report ${String(p)}`),
      done: () => reports.push('done'),
    };
    const stats = await index.rebuild([root], { matcher: new SeedFileMatcher(), limits: { maxFileSizeKb: 100 }, progress });
    assert.deepEqual(counts(stats), { files: 2, fromCache: 0, analyzed: 2, cached: 0 });
    assert.deepEqual(names(index), ['/notes/123_0123456789abcdef.txt', '/seeds/one.txt']);
    assert.equal(reports[0], 'begin Indexing seed files');
    assert.equal(reports[reports.length - 1], 'done');

    const raw = readFileSync(join(root, 'seeds', 'one.txt'), 'utf8');
    const one = index.get(pathToFileURL(join(root, 'seeds', 'one.txt')).href)!;
    assert.equal(one.hash, contentHash(raw));
    assert.equal(one.primaryDate, '2020-10-01');
    const quote = one.quotes[0];
    assert.equal(quote.speaker, 'Zoë Beridze');
    assert.equal([...raw].slice(quote.start, quote.end).join(''), quote.text, 'code points count the BOM, as on disk');
    assert.deepEqual(quote.range.start, { line: 4, character: 0 }, 'ranges are on the text as an editor shows it');
  });

  it("adds the user's file patterns and stops an older rebuild superseded by a newer one", async () => {
    const index = newIndex();
    const options = { matcher: new SeedFileMatcher(['*.article']), limits: { maxFileSizeKb: 100 } };
    const [older, newer] = await Promise.all([index.rebuild([root], options), index.rebuild([root], options)]);
    assert.equal(older, null);
    assert.equal(newer?.files, 3);
    assert.equal(index.size, 3);
  });

  it("says in a full index's changes whether the walk saw each file's tag sidecar, and nothing on a refresh", async () => {
    writeFileSync(join(root, 'seeds', 'one.txt.tags.json'), '{}');
    const index = newIndex();
    const changes: IndexChange[] = [];
    index.onDidChange((c) => changes.push(c));
    const options = { matcher: new SeedFileMatcher(), limits: { maxFileSizeKb: 100 } };
    await index.rebuild([root], options);
    const sidecarOf = (c: IndexChange) => [c.path.split('/').pop(), c.kind === 'indexed' ? c.sidecar : 'removed'];
    assert.deepEqual(changes.map(sidecarOf).sort(), [
      ['123_0123456789abcdef.txt', false],
      ['one.txt', true],
    ]);
    changes.length = 0;
    writeFileSync(join(root, 'seeds', 'one.txt'), ARTICLE('Changed'));
    await index.refresh(join(root, 'seeds', 'one.txt'), true, options);
    assert.deepEqual(changes.map(sidecarOf), [['one.txt', undefined]], 'a refresh does not know: the listener looks');
  });

  it('starts on files while the walk of a large folder goes on, and knows every sidecar before it takes the file', async () => {
    // The walk yields every 500 entries; files sit on both sides of those turns, each second one with a sidecar.
    for (let i = 0; i < 520; i++) {
      const name = join(root, 'seeds', `bulk-${String(i).padStart(3, '0')}.txt`);
      writeFileSync(name, ARTICLE(`Number ${i}`));
      if (i % 2 === 0) writeFileSync(`${name}.tags.json`, '{}');
    }
    const index = newIndex();
    const changes: IndexChange[] = [];
    index.onDidChange((c) => changes.push(c));
    const stats = await index.rebuild([root], { matcher: new SeedFileMatcher(), limits: { maxFileSizeKb: 100 } });
    assert.equal(stats?.files, 522);
    const wrong = changes.filter((c) => {
      const match = /bulk-(\d+)\.txt$/.exec(c.path);
      return match && (c.kind !== 'indexed' || c.sidecar !== (Number(match[1]) % 2 === 0));
    });
    assert.deepEqual(wrong, []);
  });

  it('refreshes one changed file and drops deleted ones, reporting each change once', async () => {
    const index = newIndex();
    const changes: string[] = [];
    index.onDidChange((c: IndexChange) => changes.push(`${c.kind} ${(c.kind === 'indexed' ? c.file.uri : c.uri).split('/').pop()}`));
    const options = { matcher: new SeedFileMatcher(), limits: { maxFileSizeKb: 100 } };
    const path = join(root, 'seeds', 'one.txt');
    assert.equal(await index.refresh(path, true, options), true);
    assert.equal(await index.refresh(path, true, options), false, 'the same content again changes nothing');
    assert.equal(index.size, 1);
    writeFileSync(path, ARTICLE('Now we are not'));
    assert.equal(await index.refresh(path, true, options), true);
    assert.equal(await index.refresh(join(root, 'notes', 'todo.txt'), false, options), false, 'a file never indexed changes nothing');
    assert.equal(await index.refresh(join(root, 'seeds'), false, options), true, 'a deleted folder takes its files along');
    assert.equal(index.size, 0);
    assert.deepEqual(changes, ['indexed one.txt', 'indexed one.txt', 'removed one.txt']);
  });

  it('reopens warm from the cache, re-analyses only changed content, and reports only what changed', async () => {
    const options: IndexOptions = { matcher: new SeedFileMatcher(), limits: { maxFileSizeKb: 100 }, cacheRoot };
    const cold = newIndex();
    assert.deepEqual(counts(await cold.rebuild([root], options)), { files: 2, fromCache: 0, analyzed: 2, cached: 2 });
    assert.match(readFileSync(join(cacheRoot, '.gitignore'), 'utf8'), /^\*$/m, 'the cache stays out of git');

    const warm = newIndex();
    assert.deepEqual(counts(await warm.rebuild([root], options)), { files: 2, fromCache: 2, analyzed: 0, cached: 0 });
    assert.deepEqual(entries(warm), entries(cold), 'the cache gives back exactly what the analysis gave');

    writeFileSync(join(root, 'notes', '123_0123456789abcdef.txt'), ARTICLE('Something new'));
    const changes: IndexChange[] = [];
    warm.onDidChange((c) => changes.push(c));
    assert.deepEqual(counts(await warm.rebuild([root], options)), { files: 2, fromCache: 1, analyzed: 1, cached: 1 });
    assert.deepEqual(
      changes.map((c) => [c.kind, c.path]),
      [['indexed', join(root, 'notes', '123_0123456789abcdef.txt')]],
    );
  });

  it('without a cache, a second full index only hashes the files it holds unchanged and analyses the changed one', async () => {
    const options: IndexOptions = { matcher: new SeedFileMatcher(), limits: { maxFileSizeKb: 100 } };
    const index = newIndex();
    assert.deepEqual(counts(await index.rebuild([root], options)), { files: 2, fromCache: 0, analyzed: 2, cached: 0 });
    writeFileSync(join(root, 'seeds', 'one.txt'), ARTICLE('Changed since'));
    assert.deepEqual(counts(await index.rebuild([root], options)), { files: 2, fromCache: 1, analyzed: 1, cached: 0 });
    assert.equal(index.get(pathToFileURL(join(root, 'seeds', 'one.txt')).href)?.quotes[0].text, '"Changed since,"');
  });

  it('discards corrupt cache entries with a log line, analyses their files again and folds the packs without them', async () => {
    const log: string[] = [];
    const options: IndexOptions = { matcher: new SeedFileMatcher(), limits: { maxFileSizeKb: 100 }, cacheRoot, log: (m) => log.push(m) };
    await newIndex().rebuild([root], options);
    const [pack] = packs();
    const text = readFileSync(join(root, 'seeds', 'one.txt'), 'utf8');
    const otherHash = contentHash('Title\n\nNo quotes here.\n');
    const lines = readFileSync(pack, 'utf8').trimEnd().split('\n');
    assert.equal(lines.length, 2, 'one line per entry');
    const damaged = lines.map((line) => {
      if (line.startsWith(contentHash(text))) return line.slice(0, 100); // torn
      const [, ...stolen] = JSON.parse(line.slice(65)) as unknown[];
      return `${otherHash} ${JSON.stringify([contentHash(text), ...stolen])}`; // valid JSON, wrong content
    });
    writeFileSync(pack, `${damaged.join('\n')}\nnot an entry at all\n`);

    const index = newIndex();
    assert.deepEqual(counts(await index.rebuild([root], options)), { files: 2, fromCache: 0, analyzed: 2, cached: 2 });
    const discarded = log.filter((l) => l.startsWith(`Discarded a corrupt index cache entry ${pack} line `));
    assert.equal(discarded.length, 3, log.join('\n'));
    assert.ok(discarded.some((l) => /not valid JSON/.test(l)));
    assert.ok(discarded.some((l) => /made for content/.test(l)));
    assert.ok(discarded.some((l) => / line 3: not a cache entry line/.test(l)));
    assert.equal(index.get(pathToFileURL(join(root, 'seeds', 'one.txt')).href)?.quotes[0].speaker, 'Zoë Beridze');
    assert.equal(packs().length, 1, 'the damaged pack is replaced');
    assert.notEqual(packs()[0], pack);
    assert.deepEqual(
      counts(await newIndex().rebuild([root], options)),
      { files: 2, fromCache: 2, analyzed: 0, cached: 0 },
      'rewritten whole',
    );
  });

  it('keeps cache entries encoded until read; one damaged inside is discarded with a log line when read, and its file analyzed again', async () => {
    const log: string[] = [];
    const options: IndexOptions = { matcher: new SeedFileMatcher(), limits: { maxFileSizeKb: 100 }, cacheRoot, log: (m) => log.push(m) };
    await newIndex().rebuild([root], options);
    const [pack] = packs();
    const hash = contentHash(readFileSync(join(root, 'seeds', 'one.txt'), 'utf8'));
    // Whole, and filed under its own content: only decoding it finds that a speaker is not one.
    const damaged = readFileSync(pack, 'utf8').replace(new RegExp(`^(${hash} .*?)\\["s1",`, 'm'), '$1["s1",null,');
    assert.notEqual(damaged, readFileSync(pack, 'utf8'));
    writeFileSync(pack, damaged);

    const index = newIndex();
    const changes: IndexChange[] = [];
    index.onDidChange((c) => changes.push(c));
    assert.deepEqual(counts(await index.rebuild([root], options)), { files: 2, fromCache: 2, analyzed: 0, cached: 0 });
    assert.deepEqual(log, [], 'nothing read yet, nothing reported');
    const uri = pathToFileURL(join(root, 'seeds', 'one.txt')).href;
    assert.deepEqual(index.get(uri)?.quotes, [], 'a damaged entry reads as a file with nothing in it');
    assert.equal(log.length, 1, log.join('\n'));
    assert.match(log[0], new RegExp(`^Discarded a corrupt index cache entry ${pack} line \\d: not a cache entry of this version$`));
    for (let i = 0; i < 200 && index.get(uri)?.quotes.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(index.get(uri)?.quotes[0]?.speaker, 'Zoë Beridze', 'analyzed again');
    assert.deepEqual(
      changes.filter((c) => c.path.endsWith('one.txt')).map((c) => c.kind),
      ['indexed', 'indexed'],
      'listeners hear of the entry, then of the one that replaced it',
    );
    assert.equal(log.length, 1, 'reported once');
    assert.deepEqual(counts(await newIndex().rebuild([root], options)), { files: 2, fromCache: 2, analyzed: 0, cached: 0 });
    assert.equal(packs().length, 1, 'the next full index folds the packs without the damaged entry');
    assert.doesNotMatch(readFileSync(packs()[0], 'utf8'), /\["s1",null,/);
  });

  it('prunes other cache versions, and folds the packs when as many entries are stale as in use', async () => {
    const options: IndexOptions = { matcher: new SeedFileMatcher(), limits: { maxFileSizeKb: 100 }, cacheRoot };
    mkdirSync(join(cacheRoot, 'index-v0-oldanalysis', 'ab'), { recursive: true });
    writeFileSync(join(cacheRoot, 'index-v0-oldanalysis', 'ab', `${'ab'.repeat(32)}.json`), '{}');
    await newIndex().rebuild([root], options);
    rmSync(join(root, 'notes', '123_0123456789abcdef.txt'));
    await newIndex().rebuild([root], options);
    for (let i = 0; i < 50 && existsSync(join(cacheRoot, 'index-v0-oldanalysis')); i++) await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(readdirSync(cacheRoot).sort(), ['.gitignore', versionedCacheName()]);
    const entries = packs().flatMap((pack) =>
      readFileSync(pack, 'utf8')
        .trimEnd()
        .split('\n')
        .map((line) => line.slice(0, 64)),
    );
    assert.deepEqual(entries, [contentHash(readFileSync(join(root, 'seeds', 'one.txt'), 'utf8'))]);
  });

  it('writes a pack for each refreshed file and folds many packs into one at the next full index', async () => {
    const options: IndexOptions = { matcher: new SeedFileMatcher(), limits: { maxFileSizeKb: 100 }, cacheRoot };
    const index = newIndex();
    await index.rebuild([root], options);
    const path = join(root, 'seeds', 'one.txt');
    for (let i = 0; i < 8; i++) {
      writeFileSync(path, ARTICLE(`Version ${i} of what we said`));
      await index.refresh(path, true, options);
    }
    assert.equal(packs().length, 9);
    assert.deepEqual(counts(await newIndex().rebuild([root], options)), { files: 2, fromCache: 2, analyzed: 0, cached: 0 });
    assert.equal(packs().length, 1);
    assert.equal(readFileSync(packs()[0], 'utf8').trimEnd().split('\n').length, 2, 'only the entries in use are kept');
  });

  it('indexes without a cache when its folder cannot be made, saying so once', async () => {
    const log: string[] = [];
    writeFileSync(join(root, 'blocker'), 'a file where the cache folder should go');
    const options: IndexOptions = {
      matcher: new SeedFileMatcher(),
      limits: { maxFileSizeKb: 100 },
      cacheRoot: join(root, 'blocker', 'cache'),
      log: (m) => log.push(m),
    };
    const index = newIndex();
    assert.deepEqual(counts(await index.rebuild([root], options)), { files: 2, fromCache: 0, analyzed: 2, cached: 0 });
    await index.rebuild([root], options);
    assert.equal(log.filter((l) => /cache/.test(l)).length, 1, log.join('\n'));
  });

  it('gives the same entries in this thread as on worker threads', async () => {
    const options = { matcher: new SeedFileMatcher(['*.article']), limits: { maxFileSizeKb: 100 } };
    const threads = newIndex();
    const inline = new WorkspaceIndex(createJobRunner({ size: 1 }));
    indexes.push(inline);
    await threads.rebuild([root], options);
    await inline.rebuild([root], options);
    assert.deepEqual(entries(inline), entries(threads));
  });
});
