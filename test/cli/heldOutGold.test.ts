// Held-out rounds 2 to 8 (test/fixtures/holdout2 … holdout8): a format check only. Their articles are never quoted here,
// so this test reads the files and checks the gold's shape and spans without looking at what the articles say.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadGold, type Gold } from '../../scripts/eval/gold';

/** The genres of the rounds written in the genres of issue 14 (2 to 5). */
const ARTICLE_GENRES = ['wire', 'feature', 'liveblog', 'roundup', 'leak', 'transcript', 'tweets', 'advice'];
/** Round 6 is political news, in the forms the product is judged on. */
const POLITICAL_GENRES = ['campaign', 'hearing', 'briefing', 'interview', 'analysis', 'court', 'statements', 'investigative'];
const ROUNDS: [string, string[]][] = [
  ['holdout2', ARTICLE_GENRES],
  ['holdout3', ARTICLE_GENRES],
  ['holdout4', ARTICLE_GENRES],
  ['holdout5', ARTICLE_GENRES],
  ['holdout6', POLITICAL_GENRES],
  ['holdout7', ARTICLE_GENRES],
  ['holdout8', ARTICLE_GENRES],
];

function occurrences(text: string, part: string): number {
  let count = 0;
  for (let at = text.indexOf(part); at !== -1; at = text.indexOf(part, at + 1)) count++;
  return count;
}

for (const [round, GENRES] of ROUNDS) {
  const DIR = join(__dirname, '../fixtures', round);

  describe(`held-out ${round} gold files`, () => {
    const articles = readdirSync(DIR)
      .filter((n) => n.endsWith('.txt'))
      .sort();
    const golds = new Map<string, Gold>();

    before(() => {
      for (const name of articles) {
        const result = loadGold(join(DIR, `${basename(name, '.txt')}.gold.json`));
        assert.ok(result.ok, result.ok ? '' : result.error);
        golds.set(name, result.gold);
      }
    });

    it('has a well-formed gold file next to every article, and no gold file without an article', () => {
      const goldFiles = readdirSync(DIR).filter((n) => n.endsWith('.gold.json'));
      assert.deepEqual(
        goldFiles.map((n) => basename(n, '.gold.json')).sort(),
        articles.map((n) => basename(n, '.txt')),
      );
      assert.equal(golds.size, articles.length);
    });

    it('holds at least three articles of each genre, each with a primary date and 5 to 24 quotes (transcripts and long features have many)', () => {
      assert.ok(articles.length >= 24, `${articles.length} articles`);
      for (const genre of GENRES) {
        const count = [...golds.values()].filter((g) => g.genre === genre).length;
        assert.ok(count >= 3, `${genre}: ${count} articles`);
      }
      for (const [name, gold] of golds) {
        assert.ok(gold.genre !== undefined && GENRES.includes(gold.genre), `${name}: genre ${gold.genre}`);
        assert.notEqual(gold.primary, null, `${name}: no primary date`);
        assert.ok(gold.quotes.length >= 5 && gold.quotes.length <= 24, `${name}: ${gold.quotes.length} quotes`);
      }
    });

    it('gives each quote a span that occurs exactly once in its article, within one paragraph', () => {
      for (const [name, gold] of golds) {
        const text = readFileSync(join(DIR, name), 'utf8');
        for (const quote of gold.quotes) {
          assert.equal(
            occurrences(text, quote.text),
            1,
            `${name}: quote ${gold.quotes.indexOf(quote)} occurs ${occurrences(text, quote.text)} times`,
          );
          assert.ok(!/[\r\n]/.test(quote.text), `${name}: quote ${gold.quotes.indexOf(quote)} spans a line break`);
        }
      }
    });

    // A listed speaker may have no quote: the gold format also lists sources reported only indirectly.
    it('names every speaker as it is written in the article, and gives every quote a listed speaker', () => {
      for (const [name, gold] of golds) {
        const text = readFileSync(join(DIR, name), 'utf8').toLowerCase();
        const listed = new Set(gold.speakers.map((s) => s.name));
        for (const speaker of gold.speakers) {
          // The fullest form may join what the text gives apart ("the memo from her office … Ana Ruiz"): every word is there.
          const words = speaker.name.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
          assert.ok(
            text.includes(speaker.name.toLowerCase()) || (words.length > 0 && words.every((w) => text.includes(w))),
            `${name}: speaker ${gold.speakers.indexOf(speaker)} not in the text`,
          );
        }
        for (const quote of gold.quotes) {
          assert.ok(
            quote.speaker === null || listed.has(quote.speaker),
            `${name}: quote ${gold.quotes.indexOf(quote)} has an unlisted speaker`,
          );
        }
      }
    });
  });
}
