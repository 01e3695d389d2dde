// Corpus statistics: quotes per speaker, period, tag and coder, co-occurrence, filters and the quotes behind a number.
import { strict as assert } from 'node:assert';
import { corpusSpeakers } from '../../server/src/corpus/speakers';
import { corpusStats, periodOf, selectQuotes } from '../../server/src/corpus/stats';
import { corpusFile } from './corpusFixture';

const files = [
  corpusFile(
    'a.txt',
    '2020-12-03',
    [
      { name: 'Sergei Lavrov', quotes: ['“A1.”', '“A2.”'] },
      { name: 'Kremlin', kind: 'organization', quotes: ['“A3.”'] },
    ],
    [
      { tag: 'claim', coder: 'ana', start: 0, end: 3 },
      { tag: 'claim', coder: null, start: 100, end: 101 },
    ],
  ),
  corpusFile(
    'b.txt',
    '2021-01-10',
    [
      { name: 'Sergei Lavrov', quotes: ['“B1.”'] },
      { name: 'Mevlüt Çavuşoğlu', quotes: ['“B2.”'] },
    ],
    [{ tag: 'threat', coder: 'ben', start: 6, end: 9 }],
  ),
  corpusFile('c.txt', null, [{ name: 'Mevlut Cavusoglu', quotes: ['“C1.”'] }]),
];
const speakers = corpusSpeakers(files);
const idOf = (name: string) => speakers.list.find((s) => s.name === name)?.id ?? '';

describe('corpus stats', () => {
  it('counts quotes per corpus speaker, per month (undated apart), per tag and coder, and co-occurrence', () => {
    const stats = corpusStats(files, speakers);
    assert.equal(stats.files, 3);
    assert.equal(stats.quotes, 6);
    assert.equal(stats.undated, 1);
    assert.deepEqual(
      stats.speakers.map((s) => [s.name, s.quotes, s.files]),
      [
        ['Sergei Lavrov', 3, 2],
        ['Mevlüt Çavuşoğlu', 2, 2],
        ['Kremlin', 1, 1],
      ],
    );
    assert.deepEqual(
      stats.periods.map((p) => [p.period, p.quotes]),
      [
        ['2020-12', 3],
        ['2021-01', 2],
      ],
    );
    assert.equal(stats.periods[0].speakers[idOf('Sergei Lavrov')], 2);
    assert.deepEqual(stats.tags, [
      { tag: 'claim', count: 2, coders: { ana: 1, '(no coder)': 1 } },
      { tag: 'threat', count: 1, coders: { ben: 1 } },
    ]);
    const pair = (a: string, b: string) =>
      stats.cooccurrence.find((p) => [p.a, p.b].sort().join() === [idOf(a), idOf(b)].sort().join())?.files;
    assert.equal(pair('Sergei Lavrov', 'Kremlin'), 1);
    assert.equal(pair('Sergei Lavrov', 'Mevlüt Çavuşoğlu'), 1);
    assert.equal(pair('Kremlin', 'Mevlüt Çavuşoğlu'), undefined);
  });

  it('filters by date range, speaker kind and tag', () => {
    assert.equal(corpusStats(files, speakers, { from: '2021-01-01' }).quotes, 2);
    assert.equal(corpusStats(files, speakers, { to: '2020-12-31' }).files, 1);
    assert.deepEqual(
      corpusStats(files, speakers, { kinds: ['organization'] }).speakers.map((s) => s.name),
      ['Kremlin'],
    );
    const tagged = corpusStats(files, speakers, { tag: 'threat' });
    assert.deepEqual(
      tagged.speakers.map((s) => s.name),
      ['Mevlüt Çavuşoğlu'],
    );
    assert.deepEqual(
      tagged.tags.map((t) => t.tag),
      ['threat'],
    );
  });

  it('restricts co-occurrence to the top speakers when asked', () => {
    const stats = corpusStats(files, speakers, {}, { top: 2 });
    assert.deepEqual(
      stats.cooccurrence.map((p) => p.files),
      [1],
    );
  });

  it('lists the quotes behind a bar, a period, a tag and a pair, oldest first', () => {
    assert.deepEqual(
      selectQuotes(files, speakers, {}, { speakerId: idOf('Mevlüt Çavuşoğlu') }).map((q) => [q.file, q.text, q.date]),
      [
        ['b.txt', '“B2.”', '2021-01-10'],
        ['c.txt', '“C1.”', null],
      ],
    );
    assert.deepEqual(
      selectQuotes(files, speakers, {}, { period: '2020-12' }).map((q) => q.text),
      ['“A1.”', '“A2.”', '“A3.”'],
    );
    assert.deepEqual(
      selectQuotes(files, speakers, {}, { tag: 'claim', coder: 'ana' }).map((q) => q.text),
      ['“A1.”'],
    );
    assert.deepEqual(
      selectQuotes(files, speakers, {}, { pair: [idOf('Kremlin'), idOf('Sergei Lavrov')] }).map((q) => q.text),
      ['“A1.”', '“A2.”', '“A3.”'],
    );
  });

  it('names ISO weeks across a year boundary', () => {
    assert.equal(periodOf('2021-01-03', 'week'), '2020-W53');
    assert.equal(periodOf('2021-01-04', 'week'), '2021-W01');
    assert.equal(periodOf('2020-12-07T12:16', 'month'), '2020-12');
  });
});
