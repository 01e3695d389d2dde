import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalyzedDocument, emptyAnalysis } from '../../server/src/documents/analyzedDocument';
import { computeTokens, decodeTokens, legend, SemanticTokensService, type SeedToken } from '../../server/src/features/semanticTokens';
import { SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES } from '../../shared/protocol';
import { applyEdits, ARTICLE, articleBuilder, spanOf } from './fixture';

/** The document text a token covers. */
function textOf(doc: AnalyzedDocument, t: SeedToken): string {
  return doc.document.getText({
    start: { line: t.line, character: t.character },
    end: { line: t.line, character: t.character + t.length },
  });
}

function assertDisjointAndSorted(tokens: SeedToken[]): void {
  for (let i = 1; i < tokens.length; i++) {
    const a = tokens[i - 1];
    const b = tokens[i];
    assert.ok(
      a.line < b.line || (a.line === b.line && a.character + a.length <= b.character),
      `tokens ${i - 1} and ${i} overlap or are unsorted`,
    );
  }
}

describe('semantic tokens', () => {
  it('exports the legend the shared protocol declares', () => {
    assert.deepEqual(legend.tokenTypes, ['dateline', 'speaker', 'quote', 'cue']);
    assert.deepEqual(legend.tokenModifiers, [...SEMANTIC_TOKEN_MODIFIERS]);
    assert.deepEqual(legend.tokenTypes, [...SEMANTIC_TOKEN_TYPES]);
  });

  it('marks speakers, datelines, quotes and cues with their modifiers, in UTF-16 columns after an emoji', () => {
    const doc = articleBuilder().build();
    const tokens = computeTokens(doc);
    const lavrov = tokens.find((t) => t.type === 'speaker' && textOf(doc, t) === 'Sergei Lavrov');
    assert.ok(lavrov, 'Sergei Lavrov is a token');
    // "🇷🇺 Russian …": two astral flags are four UTF-16 units, which is what LSP columns count.
    assert.equal(lavrov.character, ARTICLE.split('\n')[4].indexOf('Sergei Lavrov'));
    assert.deepEqual(lavrov.modifiers, ['person']);
    const cavusoglu = tokens.find((t) => t.type === 'speaker' && textOf(doc, t) === 'Mevlüt Çavuşoğlu');
    assert.ok(cavusoglu);
    assert.equal(cavusoglu.length, 'Mevlüt Çavuşoğlu'.length);
    const dateline = tokens.find((t) => t.type === 'dateline' && textOf(doc, t) === '07.12.2020 12:16');
    assert.deepEqual(dateline?.modifiers, ['primary']);
    assert.deepEqual(tokens.find((t) => textOf(doc, t) === '11.Jan.2026')?.modifiers, []);
    assert.equal(tokens.find((t) => textOf(doc, t) === 'He')?.type, 'speaker');
    assert.equal(tokens.find((t) => textOf(doc, t) === 'told reporters')?.type, 'cue');
    assert.deepEqual(tokens.find((t) => textOf(doc, t) === '"Nobody knows,"')?.modifiers, ['unattributed']);
    assert.deepEqual(tokens.find((t) => textOf(doc, t) === '"nothing is final"')?.modifiers, ['partial']);
  });

  it('splits a quote around a speaker mention inside it and encodes a multi-line quote one token per line', () => {
    const doc = articleBuilder().build();
    const tokens = computeTokens(doc);
    assertDisjointAndSorted(tokens);
    const onQuoteLines = tokens
      .filter((t) => t.line === 5 || t.line === 6)
      .filter((t) => t.type !== 'speaker' || textOf(doc, t) === 'Lavrov');
    const quoteParts = onQuoteLines.filter((t) => t.type === 'quote').map((t) => textOf(doc, t));
    assert.deepEqual(quoteParts, ['"This is', 'a good day for ', ' and me."']);
    assert.ok(onQuoteLines.some((t) => t.type === 'speaker' && t.line === 6 && textOf(doc, t) === 'Lavrov'));
  });

  it('never lets a token run over a line break, also with CRLF', () => {
    const crlf = ARTICLE.replace(/\n/g, '\r\n');
    const doc = articleBuilder(crlf).build();
    for (const t of computeTokens(doc)) assert.ok(!/[\r\n]/.test(textOf(doc, t)), `token "${textOf(doc, t)}" holds a line break`);
  });

  it('adds the tagged modifier only where a tag lies, splitting tokens at its edges', () => {
    const doc = articleBuilder().build();
    const tagged = spanOf(ARTICLE, 'agreed on');
    const tokens = computeTokens(doc, [tagged]);
    assertDisjointAndSorted(tokens);
    const taggedTokens = tokens.filter((t) => t.modifiers.includes('tagged'));
    assert.deepEqual(
      taggedTokens.map((t) => [t.type, textOf(doc, t)]),
      [['quote', 'agreed on']],
    );
  });

  it('encodes and decodes the same tokens', () => {
    const doc = articleBuilder().build();
    const service = new SemanticTokensService();
    assert.deepEqual(decodeTokens(service.full(doc).data), computeTokens(doc));
  });

  it('answers a range request with only the tokens inside it', () => {
    const doc = articleBuilder().build();
    const result = decodeTokens(
      new SemanticTokensService().range(doc, { start: { line: 5, character: 0 }, end: { line: 6, character: 100 } }).data,
    );
    assert.ok(result.length > 0);
    assert.ok(result.every((t) => t.line === 5 || t.line === 6));
  });

  it('gives a delta that turns the previous result into a fresh full result', () => {
    const service = new SemanticTokensService();
    const before = articleBuilder().build('file:///a.txt', 1);
    const first = service.full(before);
    assert.ok(first.resultId);
    const edited = ARTICLE.replace('went well', 'went very well');
    const after = articleBuilder(edited).build('file:///a.txt', 2);
    const delta = service.delta(after, first.resultId);
    const fresh = new SemanticTokensService().full(after);
    assert.ok('edits' in delta, 'a delta, not a full result');
    assert.deepEqual(applyEdits(first.data, delta), fresh.data);
    // A stale id gets a full result instead of edits against the wrong base.
    assert.ok('data' in service.delta(after, 'no-such-id'));
  });

  it('gives edits against an older result the editor still holds when its later requests were overtaken', () => {
    const service = new SemanticTokensService();
    const held = service.full(articleBuilder().build('file:///a.txt', 1));
    const heldId = held.resultId ?? assert.fail('a result id');
    // Every keystroke's delta names the result the editor holds; the answers never reach it.
    for (let version = 2; version < 10; version++) {
      const text = ARTICLE.replace('went well', `went ${'very '.repeat(version - 1)}well`);
      const last = articleBuilder(text).build('file:///a.txt', version);
      const delta = service.delta(last, heldId);
      assert.ok('edits' in delta, `keystroke ${version}: a delta, not a full result`);
      assert.deepEqual(applyEdits(held.data, delta), new SemanticTokensService().full(last).data);
    }
  });
});

describe('AnalyzedDocument positions', () => {
  it('maps code points to UTF-16 positions and back across astral characters', () => {
    const text = 'a😀b\n🇷🇺 Çavuşoğlu';
    const doc = new AnalyzedDocument(TextDocument.create('file:///x.txt', 'seed', 1, text), emptyAnalysis([...text].length));
    const c = spanOf(text, 'Çavuşoğlu');
    assert.deepEqual(doc.positionAt(c.start), { line: 1, character: 5 });
    assert.equal(doc.offsetAt({ line: 1, character: 5 }), c.start);
    assert.equal(doc.offsetAt({ line: 0, character: 3 }), 2);
  });
});
