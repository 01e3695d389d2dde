import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { Hover, MarkupContent, Position } from 'vscode-languageserver';
import type { AnalyzedDocument } from '../../server/src/documents/analyzedDocument';
import { confidenceLine, hover, weekdayOf } from '../../server/src/features/hover';
import { escapeMarkdown } from '../../server/src/features/markdown';
import { AnalysisBuilder, ARTICLE, articleBuilder } from './fixture';

function at(doc: AnalyzedDocument, needle: string, nth = 0, into = 1): Position {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = doc.document.getText().indexOf(needle, i + 1);
  return doc.document.positionAt(i + into);
}

function markdown(h: Hover | null): string {
  assert.ok(h, 'a hover');
  return (h.contents as MarkupContent).value;
}

/** Every ASCII punctuation character of the output is escaped by a backslash (counting escaped backslashes). */
function allPunctuationEscaped(md: string): boolean {
  for (let i = 0; i < md.length; i++) {
    if (md[i] === '\\') {
      i++;
      continue;
    }
    if (/[!-/:-@[-`{-~]/.test(md[i])) return false;
  }
  return true;
}

describe('escapeMarkdown', () => {
  it('disarms links, commands, images, HTML and code spans', () => {
    assert.equal(
      escapeMarkdown('[x](command:workbench.action.terminal.new)'),
      '\\[x\\]\\(command\\:workbench\\.action\\.terminal\\.new\\)',
    );
    assert.equal(escapeMarkdown('<img src=x>'), '\\<img src\\=x\\>');
    assert.equal(escapeMarkdown('`rm -rf`'), '\\`rm \\-rf\\`');
    assert.equal(escapeMarkdown('https://evil.example &amp; www.x.com'), 'https\\:\\/\\/evil\\.example \\&amp\\; www\\.x\\.com');
  });

  it('flattens line breaks so text cannot open a heading, list or block', () => {
    assert.equal(escapeMarkdown('a\n# b\n\n- c'), 'a \\# b \\- c');
  });

  it('escapes every ASCII punctuation character of any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => allPunctuationEscaped(escapeMarkdown(s))));
  });
});

describe('hover', () => {
  const doc = articleBuilder().build();

  it('on a full name: name, kind, role, aliases, quote count and quotes with line numbers', () => {
    const md = markdown(hover(doc, at(doc, 'Sergei Lavrov')));
    assert.match(md, /\*\*Sergei Lavrov\*\* \(person\)/);
    assert.match(md, /Russian Foreign Minister/);
    assert.match(md, /Also: Lavrov/);
    assert.match(md, /1 quote/);
    assert.match(md, /line 5: \\"We agreed on a ceasefire\\,\\"/);
  });

  it('on a surname and on a pronoun that resolve to the speaker', () => {
    assert.match(markdown(hover(doc, at(doc, 'Lavrov said'))), /\*\*Sergei Lavrov\*\*/);
    const he = markdown(hover(doc, at(doc, 'He added')));
    assert.match(he, /\*\*Mevlüt Çavuşoğlu\*\*/);
    assert.match(he, /2 quotes/);
    assert.match(he, /line 6: /);
  });

  it("on a speaker inside someone else's quote it is about the speaker mentioned", () => {
    assert.match(markdown(hover(doc, at(doc, 'Lavrov and me'))), /\*\*Sergei Lavrov\*\*/);
  });

  it('on a quote: its speaker and cue; an unattributed quote says so', () => {
    const md = markdown(hover(doc, at(doc, 'This is', 0, 2)));
    assert.match(md, /Quote by \*\*Mevlüt Çavuşoğlu\*\* \(Turkish Foreign Minister\)/);
    assert.match(md, /Cue: told reporters/);
    assert.match(markdown(hover(doc, at(doc, 'Nobody'))), /no speaker found/);
  });

  it('on a quote: the confidence of its attribution, and a nudge to check it when it is low', () => {
    assert.match(markdown(hover(doc, at(doc, 'This is', 0, 2))), /Confidence 0\.90$/m);
    assert.doesNotMatch(markdown(hover(doc, at(doc, 'Nobody'))), /Confidence/);
    assert.equal(confidenceLine(0.62), 'Confidence 0.62 (worth checking)');
  });

  it('on a dateline: ISO date, weekday and whether it is primary', () => {
    const primary = markdown(hover(doc, at(doc, '07.12.2020')));
    assert.match(primary, /2020\\-12\\-07T12\\:16, Monday/);
    assert.match(primary, /primary/);
    assert.match(markdown(hover(doc, at(doc, '11.Jan.2026'))), /Not the article/);
  });

  it('gives nothing on plain text, and its range is the hovered span in UTF-16', () => {
    assert.equal(hover(doc, at(doc, 'talks went')), null);
    const h = hover(doc, at(doc, 'Sergei Lavrov'));
    const line = ARTICLE.split('\n')[4];
    assert.deepEqual(h?.range, {
      start: { line: 4, character: line.indexOf('Sergei') },
      end: { line: 4, character: line.indexOf('Sergei') + 13 },
    });
  });

  it('never lets document text become markdown', () => {
    const hostile = 'Said [x](command:workbench.action.terminal.new) <img src=x> `code` *bold*: "ok," he said.';
    const d = new AnalysisBuilder(hostile)
      .speaker(
        '[x](command:workbench.action.terminal.new)',
        'organization',
        '<img src=x>',
        [
          ['[x](command:workbench.action.terminal.new)', 'name'],
          ['he', 'pronoun'],
        ],
        ['`code`'],
      )
      .quote('"ok,"', '[x](command:workbench.action.terminal.new)', ['said'])
      .build();
    const md = markdown(hover(d, at(d, 'he said')));
    assert.ok(!md.includes('](command:'), md);
    assert.ok(!/(^|[^\\])<img/.test(md), md);
    assert.ok(!/(^|[^\\])`/.test(md), md);
    assert.match(md, /\\\[x\\\]\\\(command\\:workbench/);
  });

  it('computes weekdays in UTC', () => {
    assert.equal(weekdayOf('2020-10-01'), 'Thursday');
    assert.equal(weekdayOf('2026-01-11T08:00'), 'Sunday');
    assert.equal(weekdayOf('not a date'), null);
  });
});
