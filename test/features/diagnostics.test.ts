import { strict as assert } from 'node:assert';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument } from '../../server/src/documents/documentAnalyses';
import { DiagnosticCodes, diagnostics } from '../../server/src/features/diagnostics';
import { DEFAULT_SETTINGS } from '../../shared/protocol';
import { AnalysisBuilder, ARTICLE, articleBuilder } from './fixture';

const all = DEFAULT_SETTINGS.diagnostics;
const none = () => [];

describe('diagnostics', () => {
  it('reports a quote with no speaker as information, on the quote', () => {
    const doc = articleBuilder().build();
    const found = diagnostics(doc, all, none);
    assert.equal(found.length, 1);
    assert.equal(found[0].code, DiagnosticCodes.unattributedQuote);
    assert.equal(found[0].severity, DiagnosticSeverity.Information);
    assert.equal(doc.document.getText(found[0].range), '"Nobody knows,"');
  });

  it('reports unbalanced quote marks where the quote analysis finds them', () => {
    const text = 'He said “this is open.\n\nNext paragraph.';
    const doc = new AnalysisBuilder(text).build();
    const found = diagnostics(doc, all, (t) => [{ start: t.indexOf('“'), end: t.indexOf('“') + 1 }]);
    const mark = found.find((d) => d.code === DiagnosticCodes.unbalancedQuoteMark);
    assert.ok(mark);
    assert.deepEqual(mark.range, { start: { line: 0, character: 8 }, end: { line: 0, character: 9 } });
    assert.match(String(mark.message), /“ has no matching closing mark/);
  });

  it('hints when no dateline is primary, on the title', () => {
    const doc = new AnalysisBuilder(ARTICLE).title('Talks on Karabakh 🕊️ go on').dateline('11.Jan.2026', '2026-01-11').build();
    const found = diagnostics(doc, all, none);
    assert.deepEqual(
      found.map((d) => [d.code, d.severity]),
      [[DiagnosticCodes.noPrimaryDateline, DiagnosticSeverity.Hint]],
    );
    assert.equal(found[0].range.start.line, 0);
  });

  it('switches each diagnostic off by setting', () => {
    const doc = new AnalysisBuilder('"x," nobody said. “open').quote('"x,"', null).build();
    const unbalanced = () => [{ start: 18, end: 19 }];
    assert.equal(diagnostics(doc, all, unbalanced).length, 3);
    assert.deepEqual(
      diagnostics(doc, { ...all, unattributedQuotes: false, missingPrimaryDateline: false }, unbalanced).map((d) => d.code),
      [DiagnosticCodes.unbalancedQuoteMark],
    );
    let asked = false;
    assert.deepEqual(
      diagnostics(doc, { unattributedQuotes: false, unbalancedQuotes: false, missingPrimaryDateline: false }, () => {
        asked = true;
        return [];
      }),
      [],
    );
    assert.equal(asked, false, 'the unbalanced-mark scan is skipped when off');
  });

  it('skips a document over the size limit with one information diagnostic', () => {
    const big = TextDocument.create('file:///big.txt', 'seed', 1, '"x," he said. '.repeat(200));
    const doc = analyzeDocument(big, { maxFileSizeKb: 1 });
    assert.ok(doc.skipped);
    assert.equal(doc.analysis.quotes.length, 0);
    const found = diagnostics(doc, all, none);
    assert.deepEqual(
      found.map((d) => [d.code, d.severity]),
      [[DiagnosticCodes.notAnalyzed, DiagnosticSeverity.Information]],
    );
    assert.match(String(found[0].message), /over the seedAnnotator\.maxFileSizeKb limit of 1 KB/);
  });
});
