// The server analyses a burst of edits once, and every feature reads that one analysis (issue 11).
import { strict as assert } from 'node:assert';
import { LSPErrorCodes, ResponseError, type Hover, type SemanticTokens, type SemanticTokensDelta } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument } from '../../server/src/documents/documentAnalyses';
import { computeTokens, decodeTokens } from '../../server/src/features/semanticTokens';
import { DEFAULT_SETTINGS } from '../../shared/protocol';
import { buildOnce, LspClient } from './lspClient';

const ARTICLE =
  'PARIS, March 3, 2021 — Talks resumed.\n\n"We will not give way," Émilie Durand said on Tuesday.\n\n' +
  'Durand added that "the talks 🌍 go on".\n';

/** How many analyses the server logged for each version of `uri` (SEED_TRACE_ANALYSES). */
function analysesPerVersion(client: LspClient, uri: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (const line of client.logs) {
    const match = /^analyzed (\S+) v(\d+) in /.exec(line);
    if (match && match[1] === uri) counts.set(Number(match[2]), (counts.get(Number(match[2])) ?? 0) + 1);
  }
  return counts;
}

const outcome = (request: Promise<unknown>) =>
  request.then(
    () => 'answered',
    (error: unknown) => (error instanceof ResponseError ? error.code : String(error)),
  );

describe('analysis scheduling over stdio', function () {
  this.timeout(60_000);
  let client: LspClient;

  before(async () => {
    buildOnce();
    client = LspClient.start(DEFAULT_SETTINGS, { SEED_TRACE_ANALYSES: '1', SEED_ANALYSIS_DELAY_MS: '150' });
    await client.initialize(null);
  });

  after(async () => {
    await client.stop();
  });

  it('runs one analysis per burst of keystrokes; tokens, hovers, symbols and diagnostics share it', async () => {
    const uri = 'file:///scheduling/burst.txt';
    let doc = TextDocument.create(uri, 'seed', 1, ARTICLE);
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'seed', version: 1, text: ARTICLE } });
    const full = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    await client.waitFor('diagnostics of version 1', () => (client.diagnostics.get(uri)?.version === 1 ? true : undefined));

    const duringBurst: Promise<unknown>[] = [];
    let resultId = full.resultId;
    const typed = 'Quite so. ';
    for (const [k, ch] of [...typed].entries()) {
      const at = { line: 2, character: k };
      const changes = [{ range: { start: at, end: at }, text: ch }];
      doc = TextDocument.update(doc, changes, doc.version + 1);
      await client.notify('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: changes });
      if (k < typed.length - 1) {
        duringBurst.push(
          outcome(
            client
              .request<SemanticTokensDelta | SemanticTokens>('textDocument/semanticTokens/full/delta', {
                textDocument: { uri },
                previousResultId: resultId,
              })
              .then((answer) => {
                resultId = answer.resultId;
              }),
          ),
        );
        duringBurst.push(outcome(client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 30 } })));
      }
    }
    const last = doc.version;
    const during = await Promise.all(duringBurst);
    const [delta, hover, symbols] = await Promise.all([
      client.request<SemanticTokensDelta | SemanticTokens>('textDocument/semanticTokens/full/delta', {
        textDocument: { uri },
        previousResultId: resultId,
      }),
      client.request<Hover | null>('textDocument/hover', {
        textDocument: { uri },
        position: doc.positionAt(doc.getText().indexOf('Durand said') + 2),
      }),
      client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } }),
    ]);
    assert.deepEqual(
      new Set(during),
      new Set(['answered']),
      'requests during the burst are answered from the analysis carried through each keystroke',
    );
    assert.ok('edits' in delta, 'a delta against the previous result');
    assert.ok(hover && JSON.stringify(hover.contents).includes('Durand'), 'the hover reads the new version');
    assert.ok(symbols.length > 0);
    await client.waitFor('diagnostics of the last version', () => (client.diagnostics.get(uri)?.version === last ? true : undefined));

    // The tokens the delta leads to are those of a fresh analysis of the final text.
    const again = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.deepEqual(decodeTokens(again.data), computeTokens(analyzeDocument(doc, { maxFileSizeKb: DEFAULT_SETTINGS.maxFileSizeKb })));
    assert.deepEqual(
      [...analysesPerVersion(client, uri)],
      [
        [1, 1],
        [last, 1],
      ],
      "the opened version and the burst's last version, each analyzed once; none in between",
    );
    await client.notify('textDocument/didClose', { textDocument: { uri } });
  });

  it('answers a request cancelled while it waits for the analysis with RequestCancelled', async () => {
    const uri = 'file:///scheduling/cancel.txt';
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'seed', version: 1, text: ARTICLE } });
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    // The whole text sent again: nothing of the old analysis carries over, so the request waits for the new one.
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `x${ARTICLE}` }] });
    const answer = await client.requestThenCancel('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.equal(answer.error?.code, LSPErrorCodes.RequestCancelled, JSON.stringify(answer));
    assert.ok(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), 'still serving');
    await client.notify('textDocument/didClose', { textDocument: { uri } });
  });
});
