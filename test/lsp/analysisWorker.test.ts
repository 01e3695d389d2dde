// The server analyses open documents on a worker thread (issue 11): typing never waits for an analysis, a result for
// a version an edit overtook is never published, and after bursts of edits the tokens are those of a fresh analysis
// of the final text, as they are when the analysis runs on the server's own thread (SEED_ANALYSIS_WORKERS=0).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SemanticTokens } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument } from '../../server/src/documents/analyzeDocument';
import { computeTokens, decodeTokens } from '../../server/src/features/semanticTokens';
import { DEFAULT_SETTINGS } from '../../shared/protocol';
import { buildOnce, LspClient, ROOT } from './lspClient';

/** A long article (the seeds, repeated), so that an analysis takes long enough for edits to overtake it. */
const ARTICLE = Array.from({ length: 6 }, () =>
  ['seeds/000_2ebd0813046cf1ef.txt', 'seeds/004_751050ed58a9faf9.txt'].map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n\n'),
).join('\n\n');

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function burstsThenTokens(
  env: Record<string, string>,
): Promise<{ client: LspClient; versions: number[]; where: string[]; edits: number }> {
  const client = LspClient.start(DEFAULT_SETTINGS, { SEED_TRACE_ANALYSES: '1', SEED_ANALYSIS_DELAY_MS: '0', ...env });
  await client.initialize(null);
  const uri = 'file:///worker/bursts.txt';
  let doc = TextDocument.create(uri, 'seed', 1, ARTICLE);
  const versions: number[] = [];
  client.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => {
    if (p.uri === uri && p.version !== undefined) versions.push(p.version);
  });
  await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'seed', version: 1, text: ARTICLE } });
  await client.request('textDocument/semanticTokens/full', { textDocument: { uri } });
  // Keystrokes a few milliseconds apart, each starting an analysis (no pause before it) that the next overtakes;
  // a quote mark and a name among them, so that the final analysis differs from the first.
  for (const [b, typed] of ['"Yes," Ms Smith said. ', 'x\n\n', '“Never”'].entries()) {
    const line = 2 + b * 7;
    for (const [k, ch] of [...typed].entries()) {
      const at = { line, character: k };
      const changes = [{ range: { start: at, end: at }, text: ch }];
      doc = TextDocument.update(doc, changes, doc.version + 1);
      await client.notify('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: changes });
      await pause(k % 3 === 0 ? 15 : 2);
    }
  }
  const last = doc.version;
  await client.waitFor('the diagnostics of the last version', () => (versions.includes(last) ? true : undefined), 60_000);
  const served = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
  const fresh = computeTokens(analyzeDocument(doc, { maxFileSizeKb: DEFAULT_SETTINGS.maxFileSizeKb }));
  assert.deepEqual(decodeTokens(served.data), fresh, 'the tokens of a fresh analysis of the final text');
  const where = client.logs.filter((l) => l.startsWith(`analyzed ${uri} `)).map((l) => /\((.*)\)$/.exec(l)?.[1] ?? '');
  return { client, versions, where, edits: last - 1 };
}

describe('analysis on a worker thread over stdio', function () {
  this.timeout(120_000);
  before(() => buildOnce());

  it('publishes only results of versions no edit had overtaken, and ends with the tokens of a fresh analysis', async () => {
    const { client, versions, where, edits } = await burstsThenTokens({});
    try {
      assert.ok(where.length > 0 && where.every((w) => w === 'on a worker'), where.join(', '));
      assert.deepEqual(
        versions,
        [...versions].sort((a, b) => a - b),
        'never the diagnostics of an older version after a newer one',
      );
      assert.equal(new Set(versions).size, versions.length, 'each version published once');
      // Most keystrokes come 2 ms after the last, too soon for its analysis to finish: far fewer versions than edits
      // are published. How many exactly depends on the machine's speed, so the bound is loose.
      assert.ok(
        versions.length <= edits / 2,
        `overtaken analyses were dropped or stopped: versions ${versions.join(', ')} published of ${edits} edits`,
      );
    } finally {
      await client.stop();
    }
  });

  it('serves the same tokens when the analysis runs on the server thread (no workers)', async () => {
    const { client, where } = await burstsThenTokens({ SEED_ANALYSIS_WORKERS: '0' });
    try {
      assert.ok(where.length > 0 && where.every((w) => w === 'in the server thread'), where.join(', '));
    } finally {
      await client.stop();
    }
  });
});
