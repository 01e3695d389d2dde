// A file over seedAnnotator.maxFileSizeKb: no full analysis, but range tokens for the lines on screen (issue 11).
import { strict as assert } from 'node:assert';
import { LSPErrorCodes, ResponseError, type SemanticTokens, type SemanticTokensDelta } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { decodeTokens } from '../../server/src/features/semanticTokens';
import { DEFAULT_SETTINGS } from '../../shared/protocol';
import { buildOnce, CLIENT_CAPABILITIES, LspClient } from './lspClient';

const NAMES = ['Zoë Ångström', 'Kwame Mensah', 'Ana Lúcia Ferreira'];
const paragraph = (n: number) =>
  `"Round ${n} 🌍 is not over," ${NAMES[n % NAMES.length]} said on Tuesday.\nThe talks resumed after a pause of ${n % 17} days.\n`;

describe('an oversized file over stdio', function () {
  this.timeout(120_000);
  let client: LspClient;
  const uri = 'file:///oversized/two-megabytes.txt';
  const text = `Long record of talks\n\n${Array.from({ length: 21_000 }, (_, n) => paragraph(n)).join('\n')}`;
  const doc = TextDocument.create(uri, 'seed', 1, text);

  before(async () => {
    buildOnce();
    client = LspClient.start(DEFAULT_SETTINGS);
    await client.initialize(null);
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'seed', version: 1, text } });
  });

  after(async () => {
    await client.stop();
  });

  it('keeps full and delta tokens empty, with the information diagnostic', async () => {
    assert.ok(Buffer.byteLength(text) > 2 * 1024 * 1024, `${Buffer.byteLength(text)} bytes`);
    const diagnostics = await client.waitFor('the size note', () => client.diagnostics.get(uri)?.diagnostics);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['not-analyzed'],
    );
    assert.match(String(diagnostics[0].message), /over the seedAnnotator\.maxFileSizeKb limit of 1024 KB.*paragraphs on screen/);
    const full = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.deepEqual(full.data, []);
    const delta = await client.request<SemanticTokensDelta | SemanticTokens>('textDocument/semanticTokens/full/delta', {
      textDocument: { uri },
      previousResultId: full.resultId,
    });
    assert.ok('edits' in delta ? delta.edits.every((e) => (e.data ?? []).length === 0) : delta.data.length === 0, JSON.stringify(delta));
  });

  it('answers a range request with the tokens of the visible paragraphs, at their places in the file', async () => {
    for (const firstLine of [1, 30_001, doc.lineCount - 40]) {
      const range = { start: { line: firstLine, character: 0 }, end: { line: firstLine + 40, character: 0 } };
      const result = await client.request<SemanticTokens>('textDocument/semanticTokens/range', { textDocument: { uri }, range });
      const tokens = decodeTokens(result.data);
      const speakers = tokens.filter((t) => t.type === 'speaker');
      assert.ok(
        speakers.length >= 10 && tokens.some((t) => t.type === 'quote'),
        `lines ${firstLine}+: ${JSON.stringify(tokens.slice(0, 6))}`,
      );
      for (const t of tokens) {
        assert.ok(t.line >= firstLine && t.line <= firstLine + 40, `token on line ${t.line} outside the range`);
        const at = doc.getText({
          start: { line: t.line, character: t.character },
          end: { line: t.line, character: t.character + t.length },
        });
        if (t.type === 'speaker') assert.ok(NAMES.includes(at), `a speaker token on ${JSON.stringify(at)} (line ${t.line})`);
        if (t.type === 'quote') assert.match(at, /^"Round \d+ 🌍 is not over,"$/);
      }
    }
  });

  it('tells a client that allows server cancellation to ask for ranges, instead of an empty whole-document answer', async () => {
    const other = LspClient.start(DEFAULT_SETTINGS);
    try {
      const semanticTokens = { ...CLIENT_CAPABILITIES.textDocument!.semanticTokens!, serverCancelSupport: true };
      await other.initialize(null, undefined, {
        ...CLIENT_CAPABILITIES,
        textDocument: { ...CLIENT_CAPABILITIES.textDocument, semanticTokens },
      });
      await other.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'seed', version: 1, text } });
      // An empty answer would mark the document's tokens complete in VS Code, which then never asks for a range.
      await assert.rejects(
        other.request('textDocument/semanticTokens/full', { textDocument: { uri } }),
        (error: unknown) =>
          error instanceof ResponseError &&
          error.code === LSPErrorCodes.ServerCancelled &&
          (error.data as { retriggerRequest?: boolean }).retriggerRequest === false,
      );
      const range = { start: { line: 100, character: 0 }, end: { line: 120, character: 0 } };
      const ranged = await other.request<SemanticTokens>('textDocument/semanticTokens/range', { textDocument: { uri }, range });
      assert.ok(decodeTokens(ranged.data).some((t) => t.type === 'speaker'));
    } finally {
      await other.stop();
    }
  });
});
