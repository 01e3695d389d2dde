// The codebook requests through the real server: seeded from the old tags setting, edited, a rename that reaches
// the tags of an open document and of files on disk, a refused delete and undo.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodebookRequests,
  TagRequests,
  type CodebookChangeResult,
  type CodebookDto,
  type DocumentTags,
  type QdpxExportResult,
  type TagDto,
} from '../../shared/protocol';
import { readQdpx } from '../../server/src/refi/qdpx';
import { buildOnce, LspClient } from './lspClient';

const TEXT = '# Zürich talks 🌍\n\n“We will respond,” the minister said. Officials declined to comment.\n';

describe('codebook over LSP', function () {
  this.timeout(60000);
  let dir: string;
  let client: LspClient;
  let openUri: string;
  let closedUri: string;
  const seed = ['claim', 'denial'];

  before(async () => {
    buildOnce();
    dir = mkdtempSync(join(tmpdir(), 'lsp-codebook-'));
    mkdirSync(join(dir, 'seeds'));
    const open = join(dir, 'seeds', 'open.txt');
    const closed = join(dir, 'seeds', 'closed.txt');
    writeFileSync(open, TEXT);
    writeFileSync(closed, TEXT);
    openUri = pathToFileURL(open).href;
    closedUri = pathToFileURL(closed).href;
    client = LspClient.start();
    const folders = [{ uri: pathToFileURL(dir).href, name: 'w' }];
    client.connection.onRequest('workspace/workspaceFolders', () => folders);
    await client.initialize(folders);
    await client.notify('textDocument/didOpen', { textDocument: { uri: openUri, languageId: 'seed', version: 1, text: TEXT } });
    const range = { start: { line: 2, character: 0 }, end: { line: 2, character: 18 } };
    await client.request<TagDto>(TagRequests.add, { uri: openUri, range, tag: 'claim', coder: 'ana' });
    await client.request<TagDto>(TagRequests.add, { uri: closedUri, range, tag: 'claim', coder: 'ben' });
    await client.request<TagDto>(TagRequests.add, { uri: closedUri, range, tag: 'freeform', coder: 'ben' });
  });
  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const tagNames = async (uri: string) =>
    (await client.request<DocumentTags[]>(TagRequests.list, { uri }))[0].tags.map((t) => t.tag).sort();

  it('is the seed until the first change, counts uses, and lists tags whose code is not in the codebook', async () => {
    const cb = await client.request<CodebookDto>(CodebookRequests.get, { seed });
    assert.equal(cb.exists, false);
    assert.deepEqual(
      cb.codes.map((c) => [c.name, c.uses]),
      [
        ['claim', 2],
        ['denial', 0],
      ],
    );
    assert.deepEqual(cb.notInCodebook, [{ name: 'freeform', uses: 1 }]);
    const added = await client.request<CodebookDto>(CodebookRequests.add, {
      seed,
      name: 'threat',
      parent: 'claim',
      description: 'A warning',
    });
    assert.equal(added.exists, true);
    assert.deepEqual(
      added.codes.map((c) => [c.name, c.parent, c.description]),
      [
        ['claim', null, ''],
        ['denial', null, ''],
        ['threat', 'claim', 'A warning'],
      ],
    );
    const moved = await client.request<CodebookDto>(CodebookRequests.move, { name: 'threat', parent: null });
    assert.equal(moved.codes[2].parent, null);
    const recoloured = await client.request<CodebookDto>(CodebookRequests.recolour, { name: 'threat', color: '#123456' });
    assert.equal(recoloured.codes[2].color, '#123456');
    const described = await client.request<CodebookDto>(CodebookRequests.describe, { name: 'denial', description: 'Rejects a claim' });
    assert.equal(described.codes[1].description, 'Rejects a claim');
  });

  it('renames a code in every sidecar (open or not), reports the count, and undoes it', async () => {
    const renamed = await client.request<CodebookChangeResult>(CodebookRequests.rename, { from: 'claim', to: 'assertion' });
    assert.deepEqual([renamed.label, renamed.tags, renamed.files], ['rename claim → assertion', 2, 2]);
    assert.equal(renamed.codebook.undo, 'rename claim → assertion');
    assert.deepEqual(await tagNames(openUri), ['assertion']);
    assert.deepEqual(await tagNames(closedUri), ['assertion', 'freeform']);
    const undone = await client.request<CodebookChangeResult>(CodebookRequests.undo, {});
    assert.equal(undone.tags, 2);
    assert.deepEqual(await tagNames(openUri), ['claim']);
    assert.deepEqual(
      undone.codebook.codes.map((c) => c.name),
      ['claim', 'denial', 'threat'],
    );
  });

  it('refuses to delete a code in use, and moves its tags when asked', async () => {
    await assert.rejects(client.request(CodebookRequests.delete, { name: 'claim' }), /"claim" is still used by 2 tags/);
    const deleted = await client.request<CodebookChangeResult>(CodebookRequests.delete, { name: 'claim', moveTo: 'denial' });
    assert.equal(deleted.tags, 2);
    assert.deepEqual(
      deleted.codebook.codes.map((c) => c.name),
      ['denial', 'threat'],
    );
    assert.deepEqual(await tagNames(openUri), ['denial']);
    await assert.rejects(client.request(CodebookRequests.add, { name: 'denial' }), /already has a code "denial"/);
  });

  it('exports the folder as a REFI-QDA project for the editor to save', async () => {
    const result = await client.request<QdpxExportResult>(TagRequests.exportQdpx, {});
    assert.deepEqual([result.count, result.sources, result.coders], [3, 2, 2]);
    const project = await readQdpx(Buffer.from(result.content, 'base64'));
    assert.deepEqual(project.sources.map((s) => s.name).sort(), ['seeds/closed.txt', 'seeds/open.txt']);
    assert.deepEqual(project.codes.map((c) => c.name).sort(), ['denial', 'freeform', 'threat']);
  });
});
