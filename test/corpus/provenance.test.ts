// Quote provenance: runs of 8 words, short quotes standing whole inside longer ones, transitivity, order by date.
import { strict as assert } from 'node:assert';
import { quoteProvenance } from '../../server/src/corpus/provenance';
import { corpusSpeakers } from '../../server/src/corpus/speakers';
import { corpusFile } from './corpusFixture';

const one = (file: string, date: string | null, quote: string, name = 'Jane Doe') => corpusFile(file, date, [{ name, quotes: [quote] }]);

describe('quote provenance', () => {
  it('joins quotes sharing 8 consecutive words, whatever their case, accents, punctuation and quote marks', () => {
    const { groups } = quoteProvenance([
      one('b.txt', '2021-03-02', '“The Élysée will not accept these terms, under any circumstances,” she said'),
      one('a.txt', '2021-03-01', '"the elysee will NOT accept these terms under any circumstances"'),
      one('c.txt', '2021-03-03', '«Nous refusons», the Élysée will not accept these terms under pressure'),
    ]);
    assert.equal(groups.length, 1);
    assert.deepEqual(
      groups[0].occurrences.map((o) => o.file),
      ['a.txt', 'b.txt', 'c.txt'],
    );
    assert.equal(groups[0].text, '"the elysee will NOT accept these terms under any circumstances"');
  });

  it('does not join quotes that share only 7 consecutive words', () => {
    const { groups } = quoteProvenance([
      one('a.txt', null, '“one two three four five six seven and then something else”'),
      one('b.txt', null, '“entirely different start one two three four five six seven”'),
    ]);
    assert.equal(groups.length, 0);
  });

  it('joins a quote of 5 to 7 words standing whole inside another, but not one of 4', () => {
    const five = quoteProvenance([
      one('a.txt', null, '“We reject this ultimatum outright.”'),
      one('b.txt', null, '“Our answer is clear: we reject this ultimatum outright, and we will say so.”'),
    ]);
    assert.equal(five.groups.length, 1);
    const four = quoteProvenance([
      one('a.txt', null, '“We reject this ultimatum.”'),
      one('b.txt', null, '“Our answer is clear: we reject this ultimatum, and we will say so.”'),
    ]);
    assert.equal(four.groups.length, 0);
  });

  it('is transitive: A~B and B~C put A and C in one group though they share nothing', () => {
    const { groups } = quoteProvenance([
      one('a.txt', '2020-01-01', 'alpha beta gamma delta epsilon zeta eta theta'),
      one('b.txt', '2020-01-02', 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi'),
      one('c.txt', '2020-01-03', 'iota kappa lambda mu nu xi omicron pi'),
    ]);
    assert.equal(groups.length, 1);
    assert.equal(groups[0].occurrences.length, 3);
  });

  it('orders occurrences oldest first, undated last, then by file name; names the corpus speaker', () => {
    const quote = '“There will be no ceasefire until every soldier has gone home”';
    const files = [
      one('z.txt', null, quote, 'Mevlut Cavusoglu'),
      one('y.txt', '2020-12-05', quote, 'Mevlut Cavusoglu'),
      one('x.txt', '2020-12-03T09:00', quote, 'Mevlüt Çavuşoğlu'),
      one('w.txt', '2020-12-05', quote, 'Mevlut Cavusoglu'),
      one('v.txt', null, quote, 'Mevlut Cavusoglu'),
    ];
    const speakers = corpusSpeakers(files);
    const { groups, of } = quoteProvenance(files, speakers);
    assert.deepEqual(
      groups[0].occurrences.map((o) => o.file),
      ['x.txt', 'w.txt', 'y.txt', 'v.txt', 'z.txt'],
    );
    assert.deepEqual(
      groups[0].occurrences.map((o) => o.date),
      ['2020-12-03T09:00', '2020-12-05', '2020-12-05', null, null],
    );
    assert.ok(groups[0].occurrences.every((o) => o.speaker === speakers.list[0].name));
    assert.equal(of('y.txt', 0), groups[0]);
  });

  it('reports only utterances found in more than one file', () => {
    const { groups } = quoteProvenance([
      corpusFile('a.txt', null, [
        { name: 'Jane Doe', quotes: ['“We will not be moved by threats of any kind”', '“We will not be moved by threats of any kind”'] },
      ]),
    ]);
    assert.equal(groups.length, 0);
  });
});
