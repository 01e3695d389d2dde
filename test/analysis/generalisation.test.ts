// Attribution patterns common in unseen news articles: appositives after a name, documents that speak for
// their issuer, long anonymous descriptions, and the everyday variants of cues (dashes, present tense,
// "quoted by … as saying", "wrote on X"). Each test uses its own invented sentences, through analyze().
import { strict as assert } from 'node:assert';
import { analyze, type Analysis, type Quote } from '../../server/src/analysis/index';

function run(...paragraphs: string[]): Analysis {
  const closing = 'The next round of talks is planned for the spring, after the elections in several of the countries involved.';
  return analyze(['# Headline For The Test Article', '', ...paragraphs.flatMap((p) => [p, '']), closing, '', 'Original url:', '', '<https://example.com/a>'].join('\n'));
}

function quote(a: Analysis, start: string): Quote {
  const q = a.quotes.find((x) => x.text.replace(/^["“«]\s?/u, '').startsWith(start));
  assert.ok(q, `quote ${JSON.stringify(start)} in ${JSON.stringify(a.quotes.map((x) => x.text))}`);
  return q;
}

function who(a: Analysis, start: string): string | null {
  const q = quote(a, start);
  return a.speakers.find((s) => s.id === q.speakerId)?.name ?? null;
}

describe('generalisation: appositives after a name', () => {
  it('gives a later pronoun quote to the person, not to the description in the appositive', () => {
    const cases: [string, string, string][] = [
      ['Sen. Jane Roe, a Colorado Democrat, said she was disappointed. “We expected better from the committee,” she told reporters.', 'We expected', 'Jane Roe'],
      ['Gov. Hal Brenner, a Texas Republican, vetoed the measure. “It costs too much,” he said.', 'It costs', 'Hal Brenner'],
      ['Dr. Amira Haddad, an Oxford Epidemiologist, warned of a new wave. “The numbers are rising fast,” she said.', 'The numbers', 'Amira Haddad'],
      ['Lt. Gen. Samuel Okoro, the army chief, said the troops would stay. “We are not leaving,” he said.', 'We are not', 'Samuel Okoro'],
    ];
    for (const [paragraph, start, name] of cases) {
      const a = run(paragraph);
      assert.equal(who(a, start), name, paragraph);
      assert.equal(a.speakers.length, 1, JSON.stringify(a.speakers.map((s) => s.name)));
    }
  });

  it('keeps an abbreviated title with its full stop inside the sentence and the name', () => {
    const a = run('Prof. Lena Brandt said the data was clear. “Nobody can deny it any longer,” she said.');
    assert.equal(who(a, 'Nobody'), 'Lena Brandt');
    assert.deepEqual(a.speakers.map((s) => s.name), ['Lena Brandt']);
  });
});
