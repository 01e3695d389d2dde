// Fuzzing the language server over stdio (issue 13): random sequences of edits and requests — positions past the
// end, documents never opened, stale versions, hovers, tokens (full, delta, range) and symbols — against the real
// bundled server. It must stay alive and answer, and after each sequence (once the pause before the analysis is
// over) its full semantic tokens must equal those of a fresh analysis of the text the edits produced.
import { strict as assert } from 'node:assert';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import {
  LSPErrorCodes,
  ResponseError,
  type Position,
  type SemanticTokens,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument } from '../../server/src/documents/documentAnalyses';
import { computeTokens, decodeTokens } from '../../server/src/features/semanticTokens';
import { DEFAULT_SETTINGS } from '../../shared/protocol';
import { randomArticle } from '../analysis/fuzzInputs';
import { buildOnce, LspClient } from './lspClient';

/** Sequences per run; each opens its own document. */
const SEQUENCES = Number(process.env.SEED_LSP_FUZZ_RUNS ?? 1000);

/** A request an edit overtook is answered with ContentModified, as the LSP asks; any other error fails the test. */
function unlessOvertaken(request: Promise<unknown>): Promise<unknown> {
  return request.catch((error: unknown) => {
    if (error instanceof ResponseError && error.code === LSPErrorCodes.ContentModified) return null;
    throw error;
  });
}

const position: fc.Arbitrary<Position> = fc.record({ line: fc.nat({ max: 40 }), character: fc.nat({ max: 200 }) });

type Step =
  | { kind: 'edit'; start: Position; end: Position; text: string }
  | { kind: 'replaceAll'; text: string }
  | { kind: 'staleEdit'; text: string }
  | { kind: 'hover' | 'tokensRange'; at: Position; to: Position }
  | { kind: 'tokens' | 'tokensDelta' | 'symbols' | 'unknownDocument' };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      start: position,
      end: position,
      text: fc.oneof(
        fc.constantFrom('', '"', '“', '\n', '\r\n', ' said ', 'Smith', '😀', '\uD800'),
        randomArticle.map((t) => t.slice(0, 80)),
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replaceAll' as const), text: randomArticle }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('staleEdit' as const), text: fc.constantFrom('x', '"') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('hover' as const, 'tokensRange' as const), at: position, to: position }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom('tokens' as const, 'tokensDelta' as const, 'symbols' as const, 'unknownDocument' as const),
    }),
  },
);

describe('language server fuzzing over stdio', function () {
  this.timeout(180_000); // a hang guard; the run itself takes a few tens of seconds
  let client: LspClient;

  before(async () => {
    buildOnce();
    // A short pause before each analysis, so that analyses land between the edits and requests of a sequence.
    client = LspClient.start(DEFAULT_SETTINGS, { SEED_ANALYSIS_DELAY_MS: '2' });
    await client.initialize(null);
  });

  after(async () => {
    await client.stop();
  });

  it(`stays alive through ${SEQUENCES} random sequences, its tokens equal to a fresh analysis`, async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(randomArticle, fc.array(step, { maxLength: 8 }), async (initial, steps) => {
        const uri = `file:///fuzz/${n++}.txt`;
        let doc = TextDocument.create(uri, 'seed', 1, initial);
        let resultId: string | undefined;
        await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'seed', version: 1, text: initial } });
        const pending: Promise<unknown>[] = [];
        for (const s of steps) {
          const textDocument = { uri };
          if (s.kind === 'edit' || s.kind === 'replaceAll') {
            const changes: TextDocumentContentChangeEvent[] =
              s.kind === 'edit' ? [{ range: { start: s.start, end: s.end }, text: s.text }] : [{ text: s.text }];
            doc = TextDocument.update(doc, changes, doc.version + 1);
            await client.notify('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: changes });
          } else if (s.kind === 'staleEdit') {
            // An edit claiming an older version: the server applies edits in the order received, as editors send them.
            doc = TextDocument.update(
              doc,
              [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: s.text }],
              doc.version + 1,
            );
            await client.notify('textDocument/didChange', {
              textDocument: { uri, version: 1 },
              contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: s.text }],
            });
          } else if (s.kind === 'hover') {
            pending.push(unlessOvertaken(client.request('textDocument/hover', { textDocument, position: s.at })));
          } else if (s.kind === 'tokensRange') {
            pending.push(
              unlessOvertaken(client.request('textDocument/semanticTokens/range', { textDocument, range: { start: s.at, end: s.to } })),
            );
          } else if (s.kind === 'tokens') {
            const full = await client.request<SemanticTokens | null>('textDocument/semanticTokens/full', { textDocument });
            resultId = full?.resultId;
          } else if (s.kind === 'tokensDelta') {
            pending.push(
              unlessOvertaken(
                client.request('textDocument/semanticTokens/full/delta', { textDocument, previousResultId: resultId ?? 'unknown' }),
              ),
            );
          } else if (s.kind === 'symbols') {
            pending.push(unlessOvertaken(client.request('textDocument/documentSymbol', { textDocument })));
          } else {
            const unknown = { uri: `file:///fuzz/never-opened-${n}.txt` };
            pending.push(
              client.request('textDocument/hover', { textDocument: unknown, position: { line: 0, character: 0 } }).catch(() => null),
            );
            pending.push(client.request('textDocument/semanticTokens/full', { textDocument: unknown }).catch(() => null));
          }
        }
        await Promise.all(pending);
        // Right after an edit the tokens may be those carried through it; once the pause is over they are the analysis's.
        const fresh = computeTokens(analyzeDocument(doc, { maxFileSizeKb: DEFAULT_SETTINGS.maxFileSizeKb }));
        let served: SemanticTokens | undefined;
        await client
          .waitFor(
            'the tokens of the analysis of the last text',
            async () => {
              served = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
              return isDeepStrictEqual(decodeTokens(served.data), fresh) ? true : undefined;
            },
            5000,
          )
          .catch(() => undefined);
        assert.deepEqual(decodeTokens(served!.data), fresh, `tokens of ${JSON.stringify(doc.getText().slice(0, 300))}`);
        await client.notify('textDocument/didClose', { textDocument: { uri } });
      }),
      { numRuns: SEQUENCES },
    );
    assert.equal(client.process.exitCode, null, 'the server is still running');
  });
});
