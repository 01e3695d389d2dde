// Coder agreement through the real server: the same figures as the CLI computes, and each disagreement as a UTF-16
// range in the document (an emoji before it makes code points and UTF-16 differ).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodingRequests, TagRequests, type AgreementDto, type TagDto } from '../../shared/protocol';
import { runCli } from '../cli/builtCli';
import { buildOnce, LspClient } from './lspClient';

const TEXT = '# Talks 🕊️ in Zürich\n\nGENEVA — “Nobody wants a war,” the envoy said. “We will respond firmly,” she added.\n';

describe('agreement over LSP', function () {
  this.timeout(60000);
  let dir: string;
  let client: LspClient;

  before(async () => {
    buildOnce();
    dir = mkdtempSync(join(tmpdir(), 'lsp-agreement-'));
    mkdirSync(join(dir, 'seeds'));
    writeFileSync(join(dir, 'seeds', 'a.txt'), TEXT);
    client = LspClient.start();
    const folders = [{ uri: pathToFileURL(dir).href, name: 'w' }];
    client.connection.onRequest('workspace/workspaceFolders', () => folders);
    await client.initialize(folders);
    const uri = pathToFileURL(join(dir, 'seeds', 'a.txt')).href;
    const line = TEXT.split('\n')[2];
    const range = (words: string) => ({
      start: { line: 2, character: line.indexOf(words) },
      end: { line: 2, character: line.indexOf(words) + words.length },
    });
    await client.request<TagDto>(TagRequests.add, { uri, range: range('Nobody wants a war'), tag: 'claim', coder: 'ana' });
    await client.request<TagDto>(TagRequests.add, { uri, range: range('Nobody wants a war,” the envoy said'), tag: 'claim', coder: 'ben' });
  });
  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("gives the CLI's figures and the disagreement as an openable range", async () => {
    const report = await client.request<AgreementDto>(CodingRequests.agreement, {});
    const cli = JSON.parse(runCli(['agreement', 'seeds', '--json'], dir).stdout) as { tags: unknown[]; overall: unknown };
    assert.deepEqual(report.tags, cli.tags);
    assert.deepEqual(report.overall, cli.overall);
    assert.equal(report.tags[0].alpha!.toFixed(3), '0.574');
    const [d] = report.disagreements;
    assert.deepEqual([d.file, d.start, d.end, d.text, d.markedBy], ['seeds/a.txt', 50, 67, ',” the envoy said', ['ben']]);
    const line = TEXT.split('\n')[2];
    assert.deepEqual(d.range, {
      start: { line: 2, character: line.indexOf(',” the envoy') },
      end: { line: 2, character: line.indexOf(' “We') - 1 },
    });
  });
});
