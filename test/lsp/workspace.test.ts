// The workspace index through the real server: built with progress, following files on disk and folder changes.
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SymbolInformation } from 'vscode-languageserver/node';
import { buildOnce, LspClient } from './lspClient';

const ARTICLE = (words: string) => `A headline\n\nOctober 1, 2020\n\n"${words}," Foreign Minister Sergei Lavrov told reporters.\n`;

describe('workspace index over LSP', function () {
  this.timeout(60000);
  let root: string;
  let other: string;
  let client: LspClient;

  const find = async (query: string) =>
    (await client.request<SymbolInformation[]>('workspace/symbol', { query })).map((s) =>
      s.location.uri.slice(s.location.uri.lastIndexOf('/') + 1),
    );

  before(async () => {
    buildOnce();
    root = mkdtempSync(join(tmpdir(), 'seed-ws-'));
    other = mkdtempSync(join(tmpdir(), 'seed-ws2-'));
    mkdirSync(join(root, 'seeds'));
    writeFileSync(join(root, 'seeds', 'first.txt'), ARTICLE('The ceasefire must hold'));
    writeFileSync(join(root, 'readme.txt'), ARTICLE('The ceasefire in a file that is not a seed'));
    writeFileSync(join(other, '123_0123456789abcdef.txt'), ARTICLE('A truce elsewhere'));
    client = LspClient.start();
    await client.initialize([{ uri: pathToFileURL(root).href, name: 'root' }]);
    await client.waitFor('the first index', () =>
      client.progress.some((p) => (p as { value: { kind: string } }).value.kind === 'end') ? true : undefined,
    );
  });

  after(async () => {
    if (client.process.exitCode === null) await client.stop();
    rmSync(root, { recursive: true, force: true });
    rmSync(other, { recursive: true, force: true });
  });

  it('indexes only the seed files, without opening them', async () => {
    assert.deepEqual(await find('ceasefire'), ['first.txt']);
  });

  it('follows files created and deleted on disk', async () => {
    const path = join(root, 'seeds', 'second.txt');
    writeFileSync(path, ARTICLE('No ceasefire yet'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path).href, type: 1 }] });
    await client.waitFor('the new file', async () => ((await find('ceasefire')).includes('second.txt') ? true : undefined));
    unlinkSync(path);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path).href, type: 3 }] });
    await client.waitFor('the file gone', async () => ((await find('ceasefire')).includes('second.txt') ? undefined : true));
  });

  it('indexes a workspace folder added later', async () => {
    await client.notify('workspace/didChangeWorkspaceFolders', {
      event: { added: [{ uri: pathToFileURL(other).href, name: 'other' }], removed: [] },
    });
    await client.waitFor('the added folder', async () => ((await find('truce')).includes('123_0123456789abcdef.txt') ? true : undefined));
    await client.notify('workspace/didChangeWorkspaceFolders', {
      event: { added: [], removed: [{ uri: pathToFileURL(other).href, name: 'other' }] },
    });
    await client.waitFor('the removed folder', async () => ((await find('truce')).length === 0 ? true : undefined));
  });

  it('reopens warm from the cache in the storage folder the client gives, and keeps it in the workspace otherwise', async () => {
    const storage = mkdtempSync(join(tmpdir(), 'seed-ws-storage-'));
    const folder = mkdtempSync(join(tmpdir(), 'seed-ws-cache-'));
    try {
      mkdirSync(join(folder, 'seeds'));
      for (let i = 0; i < 5; i++) writeFileSync(join(folder, 'seeds', `a${i}.txt`), ARTICLE(`Ceasefire number ${i}`));
      const indexed = async (options: unknown) => {
        const server = LspClient.start();
        try {
          await server.initialize([{ uri: pathToFileURL(folder).href, name: 'cache' }], options);
          return await server.waitFor('the index log line', () => server.logs.find((l) => l.startsWith('Indexed ')), 30000);
        } finally {
          await server.stop();
        }
      };
      assert.match(await indexed({ storagePath: storage }), /^Indexed 5 seed files in \d+ ms \(0 from the cache, 5 analyzed/);
      assert.match(await indexed({ storagePath: storage }), /^Indexed 5 seed files in \d+ ms \(5 from the cache, 0 analyzed/);
      assert.ok(existsSync(join(storage, 'index-cache', '.gitignore')));
      assert.match(await indexed(null), /\(0 from the cache, 5 analyzed/, 'no storage folder: a cache of its own');
      assert.ok(readdirSync(join(folder, '.seed-annotator', 'cache')).some((name) => name.startsWith('index-v')));
    } finally {
      rmSync(storage, { recursive: true, force: true });
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
