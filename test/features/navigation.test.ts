import { strict as assert } from 'node:assert';
import { DocumentHighlightKind, type Position, type Range } from 'vscode-languageserver';
import type { AnalyzedDocument } from '../../server/src/documents/analyzedDocument';
import { definition } from '../../server/src/features/definition';
import { documentHighlights } from '../../server/src/features/documentHighlight';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { foldingRanges } from '../../server/src/features/folding';
import { references } from '../../server/src/features/references';
import { articleBuilder } from './fixture';

function at(doc: AnalyzedDocument, needle: string, nth = 0, into = 1): Position {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = doc.document.getText().indexOf(needle, i + 1);
  return doc.document.positionAt(i + into);
}

function textAt(doc: AnalyzedDocument, range: Range): string {
  return doc.document.getText(range);
}

describe('document symbols', () => {
  it('lists the title, the primary dateline and speakers with their quotes as children, in text order', () => {
    const doc = articleBuilder().build();
    const symbols = documentSymbols(doc);
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['Talks on Karabakh 🕊️ go on', '2020-12-07T12:16', 'Sergei Lavrov', 'Mevlüt Çavuşoğlu', 'Quotes with no speaker'],
    );
    const cavusoglu = symbols[3];
    assert.equal(cavusoglu.detail, 'Turkish Foreign Minister');
    assert.deepEqual(
      cavusoglu.children?.map((c) => c.name),
      ['"This is a good day for Lavrov and me."', '"nothing is final"'],
    );
    assert.equal(textAt(doc, cavusoglu.selectionRange), 'Mevlüt Çavuşoğlu');
    for (const s of symbols) {
      for (const child of s.children ?? []) {
        const inside = (p: Position) =>
          (p.line > s.range.start.line || (p.line === s.range.start.line && p.character >= s.range.start.character)) &&
          (p.line < s.range.end.line || (p.line === s.range.end.line && p.character <= s.range.end.character));
        assert.ok(inside(child.range.start) && inside(child.range.end), `${child.name} lies inside ${s.name}`);
      }
    }
  });
});

describe('definition, references and highlights', () => {
  const doc = articleBuilder().build();

  it('goes from a surname, a pronoun or a quote to the fullest mention', () => {
    assert.equal(textAt(doc, definition(doc, at(doc, 'Lavrov said'))!.range), 'Sergei Lavrov');
    assert.equal(textAt(doc, definition(doc, at(doc, 'He added'))!.range), 'Mevlüt Çavuşoğlu');
    assert.equal(textAt(doc, definition(doc, at(doc, 'nothing is'))!.range), 'Mevlüt Çavuşoğlu');
    assert.equal(definition(doc, at(doc, 'talks went')), null);
    assert.equal(definition(doc, at(doc, 'Nobody')), null);
  });

  it('finds every mention and quote of the speaker, with or without the declaration', () => {
    const all = references(doc, at(doc, 'He added'), true).map((l) => textAt(doc, l.range));
    assert.deepEqual(all, ['Mevlüt Çavuşoğlu', '"This is\na good day for Lavrov and me."', 'He', '"nothing is final"']);
    const withoutDeclaration = references(doc, at(doc, 'He added'), false).map((l) => textAt(doc, l.range));
    assert.deepEqual(withoutDeclaration, ['"This is\na good day for Lavrov and me."', 'He', '"nothing is final"']);
    assert.ok(references(doc, at(doc, 'Lavrov', 1), true).every((l) => l.uri === doc.uri));
  });

  it('accepts a cursor right after a name', () => {
    const end = at(doc, 'Sergei Lavrov', 0, 'Sergei Lavrov'.length);
    assert.equal(textAt(doc, definition(doc, end)!.range), 'Sergei Lavrov');
  });

  it('highlights mentions as text and quotes as read', () => {
    const highlights = documentHighlights(doc, at(doc, 'Lavrov said'));
    assert.deepEqual(
      highlights.map((h) => [textAt(doc, h.range), h.kind]),
      [
        ['Sergei Lavrov', DocumentHighlightKind.Text],
        ['Lavrov', DocumentHighlightKind.Text],
        ['Lavrov', DocumentHighlightKind.Text],
        ['"We agreed on a ceasefire,"', DocumentHighlightKind.Read],
      ],
    );
  });
});

describe('folding ranges', () => {
  it('folds a quote over several lines and the trailing boilerplate up to its last line with text', () => {
    const ranges = foldingRanges(articleBuilder().build());
    assert.deepEqual(
      ranges.map((r) => [r.startLine, r.endLine, r.collapsedText]),
      [
        [5, 6, 'quote'],
        [10, 12, 'boilerplate'],
      ],
    );
  });
});
