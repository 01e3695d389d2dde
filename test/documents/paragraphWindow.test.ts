import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument } from '../../server/src/documents/documentAnalyses';
import { windowLines, analyzeWindow } from '../../server/src/documents/paragraphWindow';
import { computeTokens, decodeTokens, SemanticTokensService } from '../../server/src/features/semanticTokens';

// Paragraphs of two lines each, separated by a blank line; the emoji shifts UTF-16 columns from code points.
const paragraph = (n: number) => `"We are ready 🌍 for round ${n}," Zoë Ångström said on Tuesday.\nShe added that talks ${n} went on.\n`;
const article = (count: number) => Array.from({ length: count }, (_, n) => paragraph(n)).join('\n');
const lineOf = (doc: TextDocument, line: number) => doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });

describe('paragraph windows of an oversized document', () => {
  const doc = TextDocument.create('file:///big.txt', 'seed', 1, article(400));

  it('grows the requested lines to the blank lines around them', () => {
    // Lines 30..31 are paragraph 10; a range on its second line takes the whole paragraph.
    assert.deepEqual(windowLines(doc, { start: { line: 31, character: 4 }, end: { line: 31, character: 9 } }), { start: 30, end: 32 });
    assert.deepEqual(windowLines(doc, { start: { line: 31, character: 0 }, end: { line: 36, character: 3 } }), { start: 30, end: 38 });
  });

  it('stays within the budget, keeping the start of a range larger than it', () => {
    const lines = windowLines(doc, { start: { line: 3, character: 0 }, end: { line: 1000, character: 0 } }, 1000);
    assert.equal(lines.start, 3);
    const size = doc.offsetAt({ line: lines.end, character: 0 }) - doc.offsetAt({ line: lines.start, character: 0 });
    assert.ok(size <= 1000 && size > 800, `${size} UTF-16 units`);
    const oneLine = TextDocument.create('file:///line.txt', 'seed', 1, `${'🌍'.repeat(600)}\n`);
    const cut = analyzeWindow(
      oneLine,
      windowLines(oneLine, { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, 1001),
      1001,
    );
    assert.equal(cut.part.document.getText(), '🌍'.repeat(500), 'a line over the budget is cut, never inside a surrogate pair');
  });

  it("serves range tokens at the document's own positions, equal to analyzing the paragraph alone", () => {
    const oversized = analyzeDocument(doc, { maxFileSizeKb: 1 });
    assert.ok(oversized.oversized && oversized.skipped);
    const service = new SemanticTokensService();
    assert.deepEqual(service.full(oversized).data, [], 'the whole document still gets no tokens');
    const range = { start: { line: 300, character: 0 }, end: { line: 301, character: 10 } };
    const served = decodeTokens(service.range(oversized, range).data);
    // Analyzed alone, below a heading (its first line would otherwise read as a title).
    const alone = computeTokens(
      analyzeDocument(TextDocument.create('file:///p.txt', 'seed', 1, `Excerpt\n\n${paragraph(100)}`), { maxFileSizeKb: 100 }),
    );
    assert.ok(served.some((t) => t.type === 'quote') && served.some((t) => t.type === 'speaker'), JSON.stringify(served));
    assert.deepEqual(
      served,
      alone.map((t) => ({ ...t, line: t.line - 2 + 300 })),
    );
    const speakers = served.filter((t) => t.type === 'speaker').map((t) => lineOf(doc, t.line).slice(t.character, t.character + t.length));
    assert.deepEqual(speakers, ['Zoë Ångström', 'She'], 'the name and the pronoun, at their UTF-16 columns');
    assert.equal(service.range(oversized, range).data.join(), service.range(oversized, range).data.join(), 'a repeated request is stable');
  });
});
