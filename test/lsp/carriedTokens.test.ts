// After a keystroke the server answers at once from its previous analysis carried through the edit, then analyses
// the new text after the pause and asks the editor for tokens again (issue 11).
import { strict as assert } from 'node:assert';
import type { Hover, MarkupContent, SemanticTokens, SemanticTokensDelta } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument } from '../../server/src/documents/documentAnalyses';
import { computeTokens, decodeTokens, type SeedToken } from '../../server/src/features/semanticTokens';
import { hover as hoverOf } from '../../server/src/features/hover';
import { DEFAULT_SETTINGS } from '../../shared/protocol';
import { buildOnce, CLIENT_CAPABILITIES, LspClient } from './lspClient';

const ARTICLE =
  'PARIS, March 3, 2021 — Talks resumed.\n\n"We will not give way," Émilie Durand said on Tuesday.\n\n' +
  'Durand added that "the talks 🌍 go on".\n';

/** The token data a delta leads to from the data it was made against. */
function applyDelta(data: readonly number[], delta: SemanticTokensDelta): number[] {
  const result = [...data];
  for (const edit of [...delta.edits].sort((a, b) => b.start - a.start)) result.splice(edit.start, edit.deleteCount, ...(edit.data ?? []));
  return result;
}

const analyzedVersions = (client: LspClient, uri: string) =>
  client.logs
    .map((l) => /^analyzed (\S+) v(\d+) /.exec(l))
    .filter((m) => m?.[1] === uri)
    .map((m) => Number(m![2]));

const insertAtStart = (text: string) => [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text }];

/** Runs `body` against a server of its own (started with `env`), stopped afterwards whatever happens. */
async function withServer(
  env: Record<string, string>,
  body: (client: LspClient) => Promise<void>,
  capabilities = CLIENT_CAPABILITIES,
): Promise<void> {
  const client = LspClient.start(DEFAULT_SETTINGS, env);
  try {
    await client.initialize(null, undefined, capabilities);
    await body(client);
  } finally {
    await client.stop();
  }
}

/** Opens ARTICLE as `uri` and answers its first full tokens. */
async function openArticle(client: LspClient, uri: string): Promise<SemanticTokens> {
  await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'seed', version: 1, text: ARTICLE } });
  return client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
}

describe('tokens carried through keystrokes over stdio', function () {
  this.timeout(60_000);
  before(() => buildOnce());

  it('answers the delta after a keystroke from the previous tokens, shifted, without analyzing the new text', async () => {
    // An analysis that never comes during the test: every answer after the edit is the carried one.
    await withServer({ SEED_TRACE_ANALYSES: '1', SEED_ANALYSIS_DELAY_MS: '600000' }, async (client) => {
      const uri = 'file:///carried/keystroke.txt';
      const full = await openArticle(client, uri);
      const before = decodeTokens(full.data);
      assert.ok(before.some((t) => t.type === 'speaker') && before.some((t) => t.line === 0));

      await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: insertAtStart('Breaking: ') });
      const delta = await client.request<SemanticTokensDelta>('textDocument/semanticTokens/full/delta', {
        textDocument: { uri },
        previousResultId: full.resultId,
      });
      assert.ok('edits' in delta, 'a delta against the previous result');
      const shifted: SeedToken[] = before.map((t) => (t.line === 0 ? { ...t, character: t.character + 'Breaking: '.length } : t));
      assert.deepEqual(decodeTokens(applyDelta(full.data, delta)), shifted, 'the same tokens, those of the edited line moved');

      const doc = TextDocument.create(uri, 'seed', 2, `Breaking: ${ARTICLE}`);
      const hover = await client.request<Hover | null>('textDocument/hover', {
        textDocument: { uri },
        position: doc.positionAt(doc.getText().indexOf('Durand said') + 2),
      });
      assert.ok(hover && JSON.stringify(hover.contents).includes('Émilie Durand'), 'hovers read the carried analysis too');
      assert.deepEqual(analyzedVersions(client, uri), [1], 'no analysis of the new text yet');
      assert.equal(client.tokenRefreshes, 0);
    });
  });

  it('drops the tokens a keystroke touched', async () => {
    await withServer({ SEED_ANALYSIS_DELAY_MS: '600000' }, async (client) => {
      const uri = 'file:///carried/touched.txt';
      const full = await openArticle(client, uri);
      const before = decodeTokens(full.data);
      const doc = TextDocument.create(uri, 'seed', 1, ARTICLE);
      const inName = doc.positionAt(ARTICLE.indexOf('Durand said') + 3);
      const touched = before.filter(
        (t) => t.line === inName.line && t.character < inName.character && inName.character < t.character + t.length,
      );
      assert.deepEqual(
        touched.map((t) => t.type),
        ['speaker'],
      );
      await client.notify('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: inName, end: inName }, text: 'x' }],
      });
      const delta = await client.request<SemanticTokensDelta>('textDocument/semanticTokens/full/delta', {
        textDocument: { uri },
        previousResultId: full.resultId,
      });
      const after = decodeTokens(applyDelta(full.data, delta));
      assert.ok(
        !after.some(
          (t) =>
            t.line === inName.line && t.type === 'speaker' && t.character <= inName.character && inName.character <= t.character + t.length,
        ),
        'no speaker token over the edited name',
      );
      assert.ok(
        after.some((t) => t.type === 'speaker' && t.line === 4),
        "the speaker's other mentions keep theirs",
      );
    });
  });

  it('asks the editor for tokens again once the new text is analyzed, and then serves that analysis', async () => {
    await withServer({ SEED_ANALYSIS_DELAY_MS: '50' }, async (client) => {
      const uri = 'file:///carried/refresh.txt';
      const full = await openArticle(client, uri);
      // A keystroke that turns a plain word into a name the analysis will see.
      const edited = ARTICLE.replace('Talks resumed.', 'Talks resumed, Lavrov said.');
      const at = TextDocument.create(uri, 'seed', 1, ARTICLE).positionAt(ARTICLE.indexOf('.'));
      await client.notify('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: ', Lavrov said.' }],
      });
      await client.request('textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId: full.resultId });
      await client.waitFor('a semantic tokens refresh', () => (client.tokenRefreshes > 0 ? true : undefined));
      const again = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
      const fresh = computeTokens(
        analyzeDocument(TextDocument.create(uri, 'seed', 2, edited), { maxFileSizeKb: DEFAULT_SETTINGS.maxFileSizeKb }),
      );
      assert.deepEqual(decodeTokens(again.data), fresh);
    });
  });

  it('never answers tokens from a carried analysis to an editor that cannot be asked to refresh them', async () => {
    await withServer(
      { SEED_TRACE_ANALYSES: '1', SEED_ANALYSIS_DELAY_MS: '50' },
      async (client) => {
        const uri = 'file:///carried/no-refresh.txt';
        await openArticle(client, uri);
        await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: insertAtStart('Breaking: ') });
        const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
        assert.deepEqual(analyzedVersions(client, uri), [1, 2], 'the tokens waited for the analysis of the new text');
        const fresh = computeTokens(
          analyzeDocument(TextDocument.create(uri, 'seed', 2, `Breaking: ${ARTICLE}`), { maxFileSizeKb: DEFAULT_SETTINGS.maxFileSizeKb }),
        );
        assert.deepEqual(decodeTokens(tokens.data), fresh);
        assert.equal(client.tokenRefreshes, 0);
      },
      { ...CLIENT_CAPABILITIES, workspace: { ...CLIENT_CAPABILITIES.workspace, semanticTokens: { refreshSupport: false } } },
    );
  });

  it('answers hovers while typing from the analysis carried through the keystrokes, as the analysis of the new text does', async () => {
    await withServer({ SEED_TRACE_ANALYSES: '1', SEED_ANALYSIS_DELAY_MS: '600000' }, async (client) => {
      const uri = 'file:///carried/hover.txt';
      await openArticle(client, uri);
      let doc = TextDocument.create(uri, 'seed', 1, ARTICLE);
      // Keystrokes in the first line, a line break among them: every span after it moves, lines included.
      for (const [k, typed] of ['N', 'e', 'w', '\n', 'Up'].entries()) {
        const at = doc.positionAt(ARTICLE.indexOf('resumed') + doc.getText().length - ARTICLE.length);
        const changes = [{ range: { start: at, end: at }, text: typed }];
        doc = TextDocument.update(doc, changes, k + 2);
        await client.notify('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: changes });
      }
      const fresh = analyzeDocument(doc, { maxFileSizeKb: 1000 });
      for (const [label, at] of [
        ['a surname', doc.getText().indexOf('Durand added') + 2],
        ['a quote', doc.getText().indexOf('the talks') + 2],
        ['a dateline', doc.getText().indexOf('March') + 2],
      ] as const) {
        const position = doc.positionAt(at);
        const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
        assert.ok(hover, `a hover on ${label}`);
        // The analysis's own section (the corpus may add one after a rule).
        const own = { ...hover, contents: { kind: 'markdown', value: (hover.contents as MarkupContent).value.split('\n\n---\n\n')[0] } };
        assert.deepEqual(own, hoverOf(fresh, position), `the hover on ${label}: the one the new text's analysis gives`);
      }
      assert.ok(JSON.stringify(fresh.analysis.quotes).includes('talks'));
      assert.deepEqual(analyzedVersions(client, uri), [1], 'answered without analyzing the new text');
    });
  });
});
