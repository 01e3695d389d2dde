import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentAnalyses } from '../../server/src/documents/documentAnalyses';
import { normalizeSettings } from '../../server/src/lsp/settings';
import { DEFAULT_SETTINGS } from '../../shared/protocol';

describe('document analyses cache', () => {
  const text = 'Title\n\n"We will win," the minister said on Friday.\n';

  it('analyses a version once and again only after it changes', () => {
    const analyses = new DocumentAnalyses(() => ({ maxFileSizeKb: 100 }));
    const document = TextDocument.create('file:///a.txt', 'seed', 1, text);
    const first = analyses.get(document);
    assert.equal(analyses.get(document), first, 'same version: the cached analysis');
    TextDocument.update(
      document,
      [{ text: 'A new title\n', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }],
      2,
    );
    assert.equal(analyses.peek(document), undefined, 'a stale analysis is not served');
    const second = analyses.get(document);
    assert.notEqual(second, first);
    assert.equal(second.version, 2);
    // The earlier result keeps its own text, so its positions still match its analysis.
    assert.equal(first.document.getText(), text);
  });

  it("re-analyses an edit sent with a version number already used, instead of serving the old text's analysis", () => {
    const analyses = new DocumentAnalyses(() => ({ maxFileSizeKb: 100 }));
    const document = TextDocument.create('file:///stale.txt', 'seed', 1, '2020-10-01\n');
    assert.equal(analyses.get(document).analysis.datelines.length, 1);
    TextDocument.update(document, [{ text: 'x', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }], 1);
    assert.equal(analyses.peek(document), undefined);
    assert.equal(analyses.get(document).document.getText(), 'x2020-10-01\n');
    assert.deepEqual(analyses.get(document).analysis.datelines, [], 'the fresh analysis of "x2020-10-01"');
  });

  it('re-analyses when attribution corrections arrive, and passes them to the analysis', () => {
    const seen: string[] = [];
    const analyses = new DocumentAnalyses(() => ({ maxFileSizeKb: 100 }));
    const document = TextDocument.create('file:///b.txt', 'seed', 1, text);
    const before = analyses.get(document);
    analyses.setAttributionSource({
      attributionsFor: (uri) => {
        seen.push(uri);
        return [];
      },
    });
    assert.notEqual(analyses.get(document), before);
    assert.deepEqual(seen, ['file:///b.txt']);
  });

  it('serves an empty analysis with a reason when the analyzer throws', () => {
    const errors: string[] = [];
    const analyses = new DocumentAnalyses(
      () => {
        throw new Error('boom');
      },
      (uri) => errors.push(uri),
    );
    const doc = analyses.get(TextDocument.create('file:///c.txt', 'seed', 1, text));
    assert.match(doc.skipped ?? '', /analyzer failed.*boom/);
    assert.deepEqual(errors, ['file:///c.txt']);
  });
});

describe('settings', () => {
  it('fills in defaults and ignores values of the wrong type', () => {
    assert.deepEqual(normalizeSettings(undefined), DEFAULT_SETTINGS);
    assert.deepEqual(
      normalizeSettings({
        filePatterns: ['**/articles/*.txt', 3, ''],
        maxFileSizeKb: -5,
        diagnostics: { unattributedQuotes: false, unbalancedQuotes: 'no' },
        tags: 'claim',
      }),
      {
        ...DEFAULT_SETTINGS,
        filePatterns: ['**/articles/*.txt'],
        diagnostics: { ...DEFAULT_SETTINGS.diagnostics, unattributedQuotes: false },
      },
    );
  });
});
