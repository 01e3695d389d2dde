// The article model: lines from the one splitter, paragraphs with their line ranges, dates found once, the last
// prose paragraph, and line kinds computed once per line.
import { strict as assert } from 'node:assert';
import { paragraphHeadlineLike, paragraphLinesOf } from '../../../server/src/analysis/article/article';
import { articleOf, findStructure, readArticle } from '../../../server/src/analysis/layout/structure';

const TEXT = [
  '# Ministers Meet in Oslo',
  '',
  'By Jane Roe',
  'October 1, 2020',
  '',
  'The ministers met on Thursday and agreed to talk again, officials said after the meeting ended.',
  'Related article: Talks Resume in Bergen',
  '',
  'A second paragraph that runs on in lower case',
  'across a hard wrap, as scrapers keep it.',
  '',
  'Latest news',
  'Other Headline About Something Else Entirely',
].join('\n');

describe('article model', () => {
  const article = readArticle(TEXT);

  it('carries the layout the analysis reports', () => {
    assert.deepEqual(
      { title: article.title, body: article.body, paragraphs: article.paragraphs, boilerplateStart: article.boilerplateStart },
      findStructure(TEXT),
    );
  });

  it('keeps every line, blank ones included, and the line range of each paragraph', () => {
    assert.equal(article.lines.length, TEXT.split('\n').length);
    const wrapped = article.paragraphs.findIndex((p) => TEXT.slice(p.start, p.end).startsWith('A second paragraph'));
    assert.deepEqual(
      [...paragraphLinesOf(article, wrapped)].map(([i]) => i),
      [8, 9],
    );
    article.paragraphs.forEach((p, k) => {
      const lines = [...paragraphLinesOf(article, k)].map(([, line]) => line);
      assert.equal(lines[0]!.contentStart, p.start);
      assert.equal(lines[lines.length - 1]!.contentEnd, p.end);
    });
  });

  it('holds the absolute dates of the whole text, found once', () => {
    assert.deepEqual(
      article.dates.map((d) => d.text),
      ['October 1, 2020'],
    );
  });

  it("knows the body's last prose paragraph", () => {
    const p = article.paragraphs[article.lastProse]!;
    assert.ok(TEXT.slice(p.start, p.end).startsWith('A second paragraph'));
  });

  it('gives each line its kinds: inline furniture, headline-like, the title printed again', () => {
    const line = (start: string) => article.lines.findIndex((l) => l.text.startsWith(start));
    assert.equal(article.kinds.inlineFurniture(line('Related article:')), true);
    assert.equal(article.kinds.inlineFurniture(line('The ministers')), false);
    assert.equal(article.kinds.headlineLike(line('Other Headline')), true);
    assert.equal(article.kinds.headlineLike(line('The ministers')), false);
    // Asked twice, answered the same (the second answer comes from the stored verdict).
    assert.equal(article.kinds.headlineLike(line('Other Headline')), true);
    const repeated = readArticle('Ministers Meet in Oslo\n\n**Ministers meet in Oslo**\n\nThe ministers met on Thursday, officials said.');
    assert.equal(repeated.kinds.titleRepeat(2), true);
    assert.equal(repeated.kinds.titleRepeat(4), false);
  });

  it('judges a paragraph headline-like by its line, or by its whole text when it spans lines', () => {
    const k = article.paragraphs.findIndex((p) => TEXT.slice(p.start, p.end).startsWith('Other Headline'));
    assert.equal(paragraphHeadlineLike(article, k), true);
    assert.equal(paragraphHeadlineLike(article, 0), true);
  });

  it("is the layout itself when asked again for the same text, and is built over a caller's own layout", () => {
    assert.equal(articleOf(TEXT, article), article);
    const own = { title: null, body: { start: 0, end: TEXT.length }, paragraphs: [{ start: 0, end: TEXT.length }], boilerplateStart: null };
    const over = articleOf(TEXT, own);
    assert.deepEqual(over.paragraphs, own.paragraphs);
    assert.deepEqual([over.paragraphLines[0], over.paragraphLines[1]], [0, article.lines.length - 1]);
  });
});
