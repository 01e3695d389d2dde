// Spawns the real bundled server (`node dist/server.js --stdio`) and drives it over JSON-RPC as an editor does.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  DocumentSymbol,
  FoldingRange,
  Hover,
  InitializeResult,
  Location,
  MarkupContent,
  Position,
  Range,
  SemanticTokens,
  SemanticTokensDelta,
  SymbolInformation,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import { LSPErrorCodes } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { decodeTokens, type SeedToken } from '../../server/src/features/semanticTokens';
import {
  DEFAULT_SETTINGS,
  ReviewRequests,
  SEMANTIC_TOKEN_MODIFIERS,
  SEMANTIC_TOKEN_TYPES,
  SpeakerRequests,
  type ReviewQuote,
  type WorkspaceSpeaker,
} from '../../shared/protocol';
import { applyEdits } from '../features/fixture';
import { buildOnce, LspClient, ROOT } from './lspClient';

const SEEDS = join(ROOT, 'seeds');
const NEBENZYA_FILE = join(SEEDS, '000_2ebd0813046cf1ef.txt');
const LAVROV_FILE = join(SEEDS, '004_751050ed58a9faf9.txt');

/** The client's copy of an open document, kept in step with the edits sent, to compute positions. */
class OpenDocument {
  document: TextDocument;
  constructor(
    readonly uri: string,
    text: string,
  ) {
    this.document = TextDocument.create(uri, 'seed', 1, text);
  }
  /** Position of the n-th occurrence of `needle`, `into` UTF-16 units into it. */
  at(needle: string, nth = 0, into = 0): Position {
    let i = -1;
    for (let k = 0; k <= nth; k++) {
      i = this.document.getText().indexOf(needle, i + 1);
      if (i < 0) throw new Error(`"${needle}" #${nth} not in ${this.uri}`);
    }
    return this.document.positionAt(i + into);
  }
  rangeOf(needle: string, nth = 0): Range {
    const start = this.at(needle, nth);
    return { start, end: { line: start.line, character: start.character + needle.length } };
  }
  text(range: Range): string {
    return this.document.getText(range);
  }
  tokenText(t: SeedToken): string {
    return this.text({ start: { line: t.line, character: t.character }, end: { line: t.line, character: t.character + t.length } });
  }
}

async function open(client: LspClient, uri: string, text: string): Promise<OpenDocument> {
  await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'seed', version: 1, text } });
  return new OpenDocument(uri, text);
}

async function change(client: LspClient, doc: OpenDocument, changes: TextDocumentContentChangeEvent[]): Promise<void> {
  const version = doc.document.version + 1;
  doc.document = TextDocument.update(doc.document, changes, version);
  await client.notify('textDocument/didChange', { textDocument: { uri: doc.uri, version }, contentChanges: changes });
}

async function tokensOf(client: LspClient, doc: OpenDocument): Promise<SeedToken[]> {
  const result = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: doc.uri } });
  return decodeTokens(result.data);
}

function hoverText(h: Hover | null): string {
  assert.ok(h, 'a hover');
  return (h.contents as MarkupContent).value;
}

describe('language server over stdio', function () {
  this.timeout(60000);
  let client: LspClient;
  let init: InitializeResult;
  let nebenzya: OpenDocument;
  let lavrov: OpenDocument;

  before(async () => {
    buildOnce();
    client = LspClient.start();
    init = await client.initialize([{ uri: pathToFileURL(SEEDS).href, name: 'seeds' }]);
    nebenzya = await open(client, pathToFileURL(NEBENZYA_FILE).href, readFileSync(NEBENZYA_FILE, 'utf8'));
    lavrov = await open(client, pathToFileURL(LAVROV_FILE).href, readFileSync(LAVROV_FILE, 'utf8'));
  });

  after(async () => {
    if (client && client.process.exitCode === null) client.process.kill();
  });

  it('announces its capabilities, with the shared token legend and incremental sync', () => {
    const caps = init.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.deepEqual(caps.semanticTokensProvider?.legend, {
      tokenTypes: [...SEMANTIC_TOKEN_TYPES],
      tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS],
    });
    assert.deepEqual(caps.semanticTokensProvider && { full: caps.semanticTokensProvider.full, range: caps.semanticTokensProvider.range }, {
      full: { delta: true },
      range: true,
    });
    for (const p of [
      'hoverProvider',
      'definitionProvider',
      'referencesProvider',
      'documentHighlightProvider',
      'documentSymbolProvider',
      'foldingRangeProvider',
      'workspaceSymbolProvider',
    ] as const) {
      assert.ok(caps[p], p);
    }
  });

  it('colours speakers, pronouns, the primary dateline and quotes in the seeds', async () => {
    const tokens = await tokensOf(client, nebenzya);
    const has = (doc: OpenDocument, list: SeedToken[], text: string, type: string, modifier?: string) =>
      list.some((t) => doc.tokenText(t) === text && t.type === type && (!modifier || t.modifiers.includes(modifier as never)));
    assert.ok(has(nebenzya, tokens, 'Vasily Nebenzya', 'speaker', 'person'), 'Vasily Nebenzya is a person speaker');
    const he = nebenzya.at('he said');
    assert.ok(
      tokens.some((t) => t.line === he.line && t.character === he.character && t.length === 2 && t.type === 'speaker'),
      '"he" before said is a speaker',
    );
    assert.ok(
      tokens.some((t) => t.type === 'quote' && nebenzya.tokenText(t).startsWith('"We know that Turkey')),
      'a quote token',
    );
    const other = await tokensOf(client, lavrov);
    assert.ok(has(lavrov, other, '07.12.2020 12:16', 'dateline', 'primary'), 'the dateline is primary');
    for (const list of [tokens, other]) {
      for (let i = 1; i < list.length; i++) {
        const a = list[i - 1];
        const b = list[i];
        assert.ok(a.line < b.line || a.character + a.length <= b.character, 'tokens never overlap');
      }
    }
  });

  it('after incremental edits, a delta applied to the previous result equals a fresh full result', async () => {
    const first = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: nebenzya.uri } });
    const refreshes = client.tokenRefreshes;
    await change(client, nebenzya, [
      { range: nebenzya.rangeOf('at a briefing Thursday'), text: 'at a long briefing on Thursday' },
      { range: { start: nebenzya.at('He stressed'), end: nebenzya.at('He stressed') }, text: '"We are ready," he said.\n\n' },
    ]);
    // Until then the tokens are the previous ones carried through the edits, which know nothing of the new quote.
    await client.waitFor('the server to ask for tokens of the new analysis', () => (client.tokenRefreshes > refreshes ? true : undefined));
    const delta = await client.request<SemanticTokens | SemanticTokensDelta>('textDocument/semanticTokens/full/delta', {
      textDocument: { uri: nebenzya.uri },
      previousResultId: first.resultId,
    });
    assert.ok('edits' in delta, 'the server answers with edits');
    const fresh = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: nebenzya.uri } });
    assert.deepEqual(applyEdits(first.data, delta), fresh.data);
    assert.ok(
      decodeTokens(fresh.data).some((t) => nebenzya.tokenText(t) === '"We are ready,"'),
      'the new quote is coloured',
    );
  });

  it('answers a range request with the tokens of that range only', async () => {
    const line = nebenzya.at('Vasily Nebenzya').line;
    const result = await client.request<SemanticTokens>('textDocument/semanticTokens/range', {
      textDocument: { uri: nebenzya.uri },
      range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } },
    });
    const tokens = decodeTokens(result.data);
    assert.ok(tokens.length > 0 && tokens.every((t) => t.line === line));
  });

  it('hovers a surname with the full name and role', async () => {
    const h = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: lavrov.uri },
      position: lavrov.at('Lavrov recalled', 0, 2),
    });
    const md = hoverText(h);
    assert.match(md, /Sergei Lavrov/);
    assert.match(md, /Russian Foreign Minister/);
  });

  it('finds the references of Nebenzya, including the pronouns and his quotes, and goes to his full name', async () => {
    const at = nebenzya.at('he said', 0, 1);
    const refs = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: nebenzya.uri },
      position: at,
      context: { includeDeclaration: true },
    });
    const texts = refs.map((r) => nebenzya.text(r.range));
    assert.ok(texts.includes('Vasily Nebenzya'), texts.join(' | '));
    assert.ok(texts.includes('he'));
    assert.ok(texts.some((t) => t.startsWith('"We know that Turkey')));
    const def = await client.request<Location>('textDocument/definition', { textDocument: { uri: nebenzya.uri }, position: at });
    assert.equal(nebenzya.text(def.range), 'Vasily Nebenzya');
    const highlights = await client.request<{ range: Range }[]>('textDocument/documentHighlight', {
      textDocument: { uri: nebenzya.uri },
      position: at,
    });
    assert.equal(highlights.length, refs.length);
  });

  it('gives the outline, folding ranges and diagnostics', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: lavrov.uri } });
    assert.ok(
      symbols.some((s) => s.name === 'Sergei Lavrov' && (s.children ?? []).length > 0),
      symbols.map((s) => s.name).join(', '),
    );
    assert.ok(symbols.some((s) => s.name === '2020-12-07T12:16'));
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: lavrov.uri } });
    assert.ok(folds.some((f) => f.collapsedText === 'boilerplate' && f.startLine === lavrov.at('Latest news').line));
    const published = await client.waitFor('diagnostics', () => client.diagnostics.get(nebenzya.uri));
    assert.ok(
      published.diagnostics.every((d) => d.severity === 3 || d.severity === 4),
      'information and hints only',
    );
  });

  it('indexes the workspace in the background with progress, and finds who said "ceasefire"', async () => {
    // Files enter the index as they are analyzed; the progress ends when all of them are in.
    await client.waitFor('the end of indexing', () =>
      client.progress.some((p) => (p as { value: { kind: string } }).value.kind === 'end') ? true : undefined,
    );
    const symbols = await client.waitFor('the workspace index', async () => {
      const found = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'ceasefire' });
      return found.some((s) => s.location.uri === nebenzya.uri) ? found : undefined;
    });
    const quote = symbols.find((s) => s.name.includes('ceasefire regime'));
    assert.ok(quote, symbols.map((s) => s.name).join(' | '));
    assert.match(quote.containerName ?? '', /Nebenzya/);
    assert.ok(
      client.progress.some((p) => (p as { value: { kind: string } }).value.kind === 'end'),
      'work-done progress ended',
    );
    const speakers = await client.request<WorkspaceSpeaker[]>(SpeakerRequests.workspace, {});
    assert.ok(
      speakers.some((s) => s.name === 'Sergei Lavrov' && s.files.length === 2),
      'Lavrov speaks in both seeds',
    );
  });

  it('lists the quotes to review for one document: unattributed first, each with its speakers offered', async () => {
    const text =
      '# Mayor Opens Bridge\n\nMayor Ana Ruiz opened the bridge on Monday. “It took ten years,” Ruiz said.\n\n' +
      'Engineer Ben Okoro watched from the bank.\n\n“Nobody believed it would stand,” a voice shouted from the crowd below.\n';
    const doc = await open(client, 'untitled:review-seed', text);
    const queue = await client.request<ReviewQuote[]>(ReviewRequests.quotes, { uri: doc.uri });
    assert.ok(!queue.some((q) => q.text === '“It took ten years,”'), 'a named speaker at the cue is not sent to review');
    assert.ok(
      queue.some((q) => q.text.startsWith('“Nobody believed')),
      queue.map((q) => q.text).join(' | '),
    );
    for (const q of queue) {
      assert.equal(doc.text(q.range), q.text);
      assert.ok(q.confidence === null || q.confidence < 0.8, `${q.text} ${q.confidence}`);
      assert.ok(q.candidates.includes('Ana Ruiz'), q.candidates.join(', '));
    }
    const confidences = queue.map((q) => (q.confidence === null ? -1 : q.confidence));
    assert.deepEqual(
      confidences,
      [...confidences].sort((x, y) => x - y),
      'lowest confidence first',
    );
  });

  it('keeps UTF-16 positions right after emoji and non-ASCII names', async () => {
    const text = '# Talks 🕊️ resume\n\n🇹🇷🇷🇺 Turkish Foreign Minister Mevlüt Çavuşoğlu said: "We are ready to help 🙂."\n';
    const doc = await open(client, 'untitled:emoji-seed', text);
    const tokens = await tokensOf(client, doc);
    const quote = tokens.find((t) => t.type === 'quote');
    assert.ok(quote, 'the quote has a token');
    assert.equal(doc.tokenText(quote), '"We are ready to help 🙂."');
    const speaker = tokens.find((t) => t.type === 'speaker');
    assert.ok(speaker, 'the speaker has a token');
    assert.equal(doc.tokenText(speaker), 'Mevlüt Çavuşoğlu');
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri: doc.uri }, position: doc.at('Çavuşoğlu', 0, 3) });
    assert.match(hoverText(h), /Mevlüt Çavuşoğlu/);
    assert.deepEqual(h.range, doc.rangeOf('Mevlüt Çavuşoğlu'));
  });

  it('follows settings: a diagnostic switched off disappears, a file over the size limit is skipped with a note', async () => {
    const text = 'A title\n\n"Nobody knows what comes next," officials were heard to whisper.\n';
    const doc = await open(client, 'untitled:settings-seed', text);
    const codes = () => (client.diagnostics.get(doc.uri)?.diagnostics ?? []).map((d) => d.code);
    await client.waitFor('the first diagnostics', () => (codes().includes('no-primary-dateline') ? true : undefined));
    client.settings = { ...client.settings, diagnostics: { ...client.settings.diagnostics, missingPrimaryDateline: false } };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor('diagnostics without the dateline hint', () => (codes().includes('no-primary-dateline') ? undefined : true));
    client.settings = { ...client.settings, maxFileSizeKb: 0.01 };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor('the not-analyzed note', () => (codes().join() === 'not-analyzed' ? true : undefined));
    assert.deepEqual(await tokensOf(client, doc), [], 'a skipped file has no tokens');
    client.settings = DEFAULT_SETTINGS;
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor('analysis again', () => (codes().includes('not-analyzed') ? undefined : true));
    await client.notify('textDocument/didClose', { textDocument: { uri: doc.uri } });
    await client.waitFor('diagnostics cleared on close', () => (codes().length === 0 ? true : undefined));
  });

  it('answers a cancelled request with RequestCancelled, and keeps serving', async () => {
    const params = { textDocument: { uri: lavrov.uri }, position: lavrov.at('Lavrov recalled', 0, 2) };
    for (const [method, p] of [
      ['textDocument/hover', params],
      ['workspace/symbol', { query: '' }],
      ['textDocument/semanticTokens/full', { textDocument: params.textDocument }],
    ] as const) {
      const answer = await client.requestThenCancel(method, p);
      assert.equal(answer.error?.code, LSPErrorCodes.RequestCancelled, `${method}: ${JSON.stringify(answer)}`);
    }
    assert.ok(await client.request<Hover>('textDocument/hover', params));
  });

  it('shuts down and exits cleanly', async () => {
    assert.equal(await client.stop(), 0);
  });
});
