// server/src/lsp/languageServer.ts: capabilities from what the client supports, the edit listeners can follow,
// hover sections, and every feature reading the one analysis of a version (run on a worker when there is one).
import { strict as assert } from 'node:assert';
import type { Hover, SemanticTokens, SemanticTokensDelta } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument } from '../../server/src/documents/analyzeDocument';
import { computeTokens, decodeTokens } from '../../server/src/features/semanticTokens';
import { DEFAULT_SETTINGS } from '../../shared/protocol';
import { CLIENT_CAPABILITIES } from '../lsp/lspClient';
import { eventually, startInProcess, type InProcess } from './inProcess';

const URI = 'file:///unit/article.txt';
const ARTICLE =
  'PARIS, March 3, 2021 — Talks resumed.\n\n"We will not give way," Émilie Durand said on Tuesday.\n\n' +
  'Durand added that "the talks go on".\n';

const open = (lsp: InProcess, text = ARTICLE) =>
  lsp.client.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'seed', version: 1, text } });

describe('languageServer (in process)', function () {
  this.timeout(60_000);
  let lsp: InProcess | undefined;
  afterEach(async () => {
    await lsp?.dispose();
    lsp = undefined;
  });

  it('offers semantic tokens only to a client that asks for them, and merges the capabilities features contribute', async () => {
    lsp = startInProcess({ SEED_ANALYSIS_WORKERS: '0' }, (server) =>
      server.addCapabilities(() => ({ workspace: { fileOperations: { didRename: { filters: [] } } }, codeActionProvider: true })),
    );
    const { capabilities } = await lsp.initialize();
    assert.ok(capabilities.semanticTokensProvider, 'tokens for a client with semanticTokens');
    assert.deepEqual(capabilities.semanticTokensProvider.full, { delta: true });
    assert.equal(capabilities.codeActionProvider, true);
    assert.ok(capabilities.workspace?.workspaceFolders?.supported, 'the server’s own workspace entry is kept');
    assert.ok(capabilities.workspace?.fileOperations, 'and the contributed one merged into it');
    await lsp.dispose();
    lsp = startInProcess({ SEED_ANALYSIS_WORKERS: '0' });
    const plain = await lsp.initialize({
      ...CLIENT_CAPABILITIES,
      textDocument: { ...CLIENT_CAPABILITIES.textDocument, semanticTokens: undefined },
    });
    assert.equal(plain.capabilities.semanticTokensProvider, undefined);
  });

  it('tells listeners of an edit what it changed, and nothing once the whole text is replaced', async () => {
    lsp = startInProcess({ SEED_ANALYSIS_WORKERS: '0', SEED_ANALYSIS_DELAY_MS: '600000' });
    await lsp.initialize();
    const seen: (string | null)[] = [];
    const server = lsp.server;
    server.documents.onDidChangeContent((e) => {
      const change = server.changeOf(e.document);
      seen.push(
        change &&
          `${change.start}-${change.oldEnd}-${change.newEnd} ${String(change.before) === ARTICLE ? 'from the opened text' : ''}`.trim(),
      );
    });
    await open(lsp);
    const at = { line: 0, character: 5 };
    await lsp.client.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: at, end: at }, text: 'xy' }],
    });
    await lsp.client.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 3 },
      contentChanges: [{ text: 'Other\n' }],
    });
    await eventually('three changes', () => (seen.length === 3 ? true : undefined));
    assert.deepEqual(seen, [null, '5-5-7 from the opened text', null]);
    const document = server.documents.get(URI)!;
    assert.equal(server.changeOf(document), null);
  });

  it('adds the hover sections features register after the analysis’s own hover, once they are ready', async () => {
    lsp = startInProcess({ SEED_ANALYSIS_WORKERS: '0' }, (server) =>
      server.addHoverSection(async (doc, position) => {
        // A section that waits (as the corpus's, for work done in slices) keeps its place after the analysis's own.
        await new Promise((resolve) => setImmediate(resolve));
        return `section at ${position.line}:${position.character} of v${doc.version}`;
      }),
    );
    await lsp.initialize();
    await open(lsp);
    const position = TextDocument.create(URI, 'seed', 1, ARTICLE).positionAt(ARTICLE.indexOf('Durand said') + 2);
    const hover = await lsp.client.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: URI }, position });
    const value = JSON.stringify(hover?.contents);
    assert.ok(value.includes('Émilie Durand'), value);
    assert.ok(value.indexOf('Émilie Durand') < value.indexOf(`section at ${position.line}:${position.character} of v1`), value);
  });

  it('answers tokens, hovers, symbols and diagnostics of a version from one analysis, run on a worker', async () => {
    lsp = startInProcess({ SEED_ANALYSIS_DELAY_MS: '20' });
    await lsp.initialize();
    await open(lsp);
    const tokens = await lsp.client.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: URI } });
    await lsp.client.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 2, character: 30 } });
    await lsp.client.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } });
    await eventually('diagnostics', () => (lsp!.diagnostics.some((d) => d.version === 1) ? true : undefined));
    assert.deepEqual(lsp.analyses, [{ uri: URI, version: 1, where: 'worker' }]);
    const document = TextDocument.create(URI, 'seed', 1, ARTICLE);
    assert.deepEqual(
      decodeTokens(tokens.data),
      computeTokens(analyzeDocument(document, { maxFileSizeKb: DEFAULT_SETTINGS.maxFileSizeKb })),
    );
  });

  it('answers a keystroke from the carried analysis, then refreshes tokens with the new analysis', async () => {
    lsp = startInProcess({ SEED_ANALYSIS_DELAY_MS: '30' });
    await lsp.initialize();
    await open(lsp);
    const full = await lsp.client.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: URI } });
    const at = { line: 2, character: 0 };
    await lsp.client.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: at, end: at }, text: 'Yes. ' }],
    });
    const delta = await lsp.client.sendRequest<SemanticTokensDelta>('textDocument/semanticTokens/full/delta', {
      textDocument: { uri: URI },
      previousResultId: full.resultId,
    });
    assert.ok('edits' in delta && delta.edits.length === 1, 'one splice of the data the editor holds');
    await eventually('a token refresh', () => (lsp!.refreshes() > 0 ? true : undefined));
    assert.deepEqual(
      lsp.analyses.map((a) => a.version),
      [1, 2],
    );
  });

  it('re-analyzes a document on refresh (its tags or corrections changed) and asks for its tokens again', async () => {
    lsp = startInProcess({ SEED_ANALYSIS_WORKERS: '0' });
    await lsp.initialize();
    await open(lsp);
    await lsp.client.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } });
    lsp.server.refresh(URI);
    await eventually('a second analysis', () => (lsp!.analyses.length === 2 ? true : undefined));
    await eventually('a token refresh', () => (lsp!.refreshes() > 0 ? true : undefined));
    assert.deepEqual(
      lsp.analyses.map((a) => [a.version, a.where]),
      [
        [1, 'thread'],
        [1, 'thread'],
      ],
    );
  });
});
