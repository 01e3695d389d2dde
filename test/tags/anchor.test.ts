// Re-anchoring: where a stored tag lands after the text around it, or in it, changes.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CodePointIndex } from '../../server/src/analysis/offsets';
import { describeSpan, reanchor } from '../../server/src/tags/anchor';

const ARTICLE =
  'MOSCOW, Dec 7 (AFP) - Russia will respond firmly to any new sanctions, Foreign Minister Sergei Lavrov said on Monday. ' +
  'The remarks came after talks in Ankara. Officials in Brussels said the measures were under review.';

/** A tag on the first occurrence of `words` in `text`, described as the store would save it. */
function tagOn(text: string, words: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(words, at + 1);
  assert.notEqual(at, -1, `fixture lacks "${words}"`);
  const index = new CodePointIndex(text);
  return describeSpan(text, index.toCodePoint(at), index.toCodePoint(at + words.length), index);
}

function wordsAt(text: string, p: { start: number; end: number }): string {
  const index = new CodePointIndex(text);
  return text.slice(index.toUtf16(p.start), index.toUtf16(p.end));
}

describe('reanchor', () => {
  it('keeps a tag whose text is unchanged as anchored, at the same offsets', () => {
    const tag = tagOn(ARTICLE, 'Russia will respond firmly');
    assert.deepEqual(reanchor(ARTICLE, tag), { status: 'anchored', start: tag.start, end: tag.end });
  });

  it('follows the words when text is inserted before the tag', () => {
    const tag = tagOn(ARTICLE, 'The remarks came after talks in Ankara.');
    const edited = 'UPDATED: ' + ARTICLE;
    const placed = reanchor(edited, tag);
    assert.equal(placed.status, 'moved');
    assert.equal(placed.start, tag.start + 9);
    assert.equal(wordsAt(edited, placed), 'The remarks came after talks in Ankara.');
  });

  it('finds the tag by fuzzy match when a word inside it was edited', () => {
    const tag = tagOn(ARTICLE, 'Russia will respond firmly to any new sanctions');
    const edited = ARTICLE.replace('respond firmly', 'respond decisively');
    const placed = reanchor(edited, tag);
    assert.equal(placed.status, 'moved');
    const words = wordsAt(edited, placed);
    assert.match(words, /^Russia will respond decisively to any new sanction/);
  });

  it('grows a fuzzy match to whole words when an edit changed the first word', () => {
    const tag = tagOn(ARTICLE, 'Russia will respond firmly to any new sanctions');
    const edited = ARTICLE.replace('Russia will', 'The Kremlin will');
    const placed = reanchor(edited, tag);
    assert.equal(placed.status, 'moved');
    assert.equal(wordsAt(edited, placed), 'Kremlin will respond firmly to any new sanctions');
    // A tag the analyst deliberately ended inside a word is not grown.
    const partial = tagOn(ARTICLE, 'Russia will respond firmly to any new sanc');
    assert.equal(wordsAt(edited, reanchor(edited, partial)), 'Kremlin will respond firmly to any new sanc');
  });

  it('follows the tagged sentence when it is moved elsewhere in the article', () => {
    const sentence = 'Officials in Brussels said the measures were under review.';
    const tag = tagOn(ARTICLE, sentence);
    const edited = sentence + ' ' + ARTICLE.replace(' ' + sentence, '');
    const placed = reanchor(edited, tag);
    assert.equal(placed.status, 'moved');
    assert.deepEqual([placed.start, placed.end], [0, [...sentence].length]);
  });

  it('picks the occurrence with matching context when the tagged words are duplicated elsewhere', () => {
    const tag = tagOn(ARTICLE, 'said on Monday');
    // The same words now appear earlier, in a different context, and the original moved by the insertion.
    const edited = 'Lavrov said on Monday he was tired. ' + ARTICLE;
    const placed = reanchor(edited, tag);
    assert.equal(placed.status, 'moved');
    assert.equal(placed.start, tag.start + 'Lavrov said on Monday he was tired. '.length);
  });

  it('prefers the occurrence nearest the old place when contexts tie', () => {
    const text = 'alpha beta. alpha beta. alpha beta.';
    const tag = { start: 12, end: 22, exact: 'alpha beta', prefix: '', suffix: '' };
    const shifted = 'x' + text;
    assert.equal(reanchor(shifted, tag).start, 13);
  });

  it('orphans (but reports) a tag whose passage was deleted', () => {
    const sentence = 'The remarks came after talks in Ankara.';
    const tag = tagOn(ARTICLE, sentence);
    const edited = ARTICLE.replace(sentence + ' ', '');
    const placed = reanchor(edited, tag);
    assert.equal(placed.status, 'orphaned');
    assert.ok(placed.start <= [...edited].length && placed.end <= [...edited].length);
  });

  it('works in code points with CRLF line ends and emoji before the tag', () => {
    const text = '# Headline 🌍🔥\r\n\r\nKYIV — «Ми відповімо», said the mayor 👋.\r\n';
    const tag = tagOn(text, '«Ми відповімо»');
    // Two astral characters before the tag: UTF-16 index is 2 more than the code point offset.
    assert.equal(tag.start, text.indexOf('«') - 2);
    const edited = text.replace('🌍', '🌍🌍');
    const placed = reanchor(edited, tag);
    assert.equal(placed.start, tag.start + 1);
    assert.equal(wordsAt(edited, placed), '«Ми відповімо»');
  });

  it('never loses a tag to random edits elsewhere in the text (property)', () => {
    const sentence = 'Russia will respond firmly to any new sanctions';
    const tagged = ARTICLE.indexOf(sentence);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            before: fc.boolean(),
            at: fc.nat(),
            remove: fc.nat({ max: 12 }),
            insert: fc.string({ unit: fc.constantFrom('a', 'b', ' ', '.', 'é', '😀', '\r\n', 'R'), maxLength: 12 }),
          }),
          { maxLength: 8 },
        ),
        (edits) => {
          let before = ARTICLE.slice(0, tagged);
          let after = ARTICLE.slice(tagged + sentence.length);
          for (const e of edits) {
            const side = e.before ? before : after;
            const at = side.length === 0 ? 0 : e.at % side.length;
            const next = side.slice(0, at) + e.insert + side.slice(at + e.remove);
            if (e.before) before = next;
            else after = next;
          }
          // Keep the edits from gluing letters onto the tagged words: a separator either side.
          const edited = before + ' ' + sentence + ' ' + after;
          const tag = tagOn(ARTICLE, sentence);
          const placed = reanchor(edited, tag);
          assert.notEqual(placed.status, 'orphaned');
          assert.equal(wordsAt(edited, placed), sentence);
        },
      ),
      { numRuns: 300 },
    );
  });
});
