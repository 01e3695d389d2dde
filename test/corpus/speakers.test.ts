// Corpus speakers: one speaker across files without case or accents, short forms joined, kinds apart, decisions.
import { strict as assert } from 'node:assert';
import { nameKey } from '../../server/src/corpus/fold';
import { corpusSpeakers } from '../../server/src/corpus/speakers';
import { corpusFile } from './corpusFixture';

const byName = (list: { name: string }[], name: string) => list.find((s) => s.name === name);

describe('corpus speakers', () => {
  it('folds case, accents and letters NFKD keeps (ı, ł, ø)', () => {
    assert.equal(nameKey('Mevlüt Çavuşoğlu'), nameKey('MEVLUT CAVUSOGLU'));
    assert.equal(nameKey('Łukasz Błaszczyk'), 'lukasz blaszczyk');
    assert.equal(nameKey('Søren Østergaard'), 'soren ostergaard');
    assert.equal(nameKey('Kılıçdaroğlu'), 'kilicdaroglu');
    assert.notEqual(nameKey('Ahmed Ali'), nameKey('Ali Ahmed'));
  });

  it('joins a name written with and without accents into one speaker, the accented spelling kept as an alias', () => {
    const { list } = corpusSpeakers([
      corpusFile('a.txt', '2020-12-03', [
        { name: 'Mevlüt Çavuşoğlu', role: 'Turkish Foreign Minister', aliases: ['Çavuşoğlu'], quotes: ['“One.”', '“Two.”'] },
      ]),
      corpusFile('b.txt', '2020-12-05', [
        { name: 'Mevlut Cavusoglu', role: "Turkey's top diplomat", aliases: ['Cavusoglu'], quotes: ['“Three.”'] },
      ]),
    ]);
    assert.equal(list.length, 1);
    const [s] = list;
    assert.equal(s.files, 2);
    assert.equal(s.quotes, 3);
    assert.deepEqual(s.roles, ['Turkish Foreign Minister', "Turkey's top diplomat"]);
    assert.deepEqual(s.occurrences, [
      { file: 'a.txt', speakerId: 's1' },
      { file: 'b.txt', speakerId: 's1' },
    ]);
    assert.ok([...s.aliases, s.name].includes('Mevlüt Çavuşoğlu') && [...s.aliases, s.name].includes('Mevlut Cavusoglu'));
    assert.equal(s.id, `person:${nameKey(s.name).replace(/ /g, '-')}`);
  });

  it('prefers the spelling most files use, and never one in capitals', () => {
    const { list } = corpusSpeakers([
      corpusFile('a.txt', null, [{ name: 'SERGEI LAVROV' }]),
      corpusFile('b.txt', null, [{ name: 'Sergei Lavrov' }]),
      corpusFile('c.txt', null, [{ name: 'Sergei Lavrov' }]),
      corpusFile('d.txt', null, [{ name: 'Sérgei Lavrov' }]),
    ]);
    assert.equal(list.length, 1);
    assert.equal(list[0].name, 'Sergei Lavrov');
  });

  it('joins a surname-only or "Mr X" speaker to the one full name that owns the form, not to two', () => {
    const files = [
      corpusFile('full.txt', null, [{ name: 'Sergei Lavrov', aliases: ['Lavrov'] }]),
      corpusFile('short.txt', null, [{ name: 'Lavrov', quotes: ['“Yes.”'] }]),
      corpusFile('mr.txt', null, [{ name: 'Mr Lavrov' }]),
      corpusFile('ali1.txt', null, [{ name: 'Ahmed Ali' }]),
      corpusFile('ali2.txt', null, [{ name: 'Omar Ali' }]),
      corpusFile('ali3.txt', null, [{ name: 'Ali' }]),
    ];
    const { list, of } = corpusSpeakers(files);
    assert.equal(of('short.txt', 's1'), of('full.txt', 's1'));
    assert.equal(of('mr.txt', 's1'), of('full.txt', 's1'));
    assert.equal(of('full.txt', 's1')?.name, 'Sergei Lavrov');
    assert.equal(of('full.txt', 's1')?.quotes, 1);
    // "Ali" could be either man: it stays on its own.
    assert.ok(byName(list, 'Ali'));
    assert.notEqual(of('ali1.txt', 's1'), of('ali2.txt', 's1'));
  });

  it('keeps kinds apart and never joins anonymous sources across files', () => {
    const { list } = corpusSpeakers([
      corpusFile('a.txt', null, [
        { name: 'Gazprom', kind: 'organization' },
        { name: 'a diplomatic source', kind: 'anonymous' },
      ]),
      corpusFile('b.txt', null, [
        { name: 'Gazprom', kind: 'person' },
        { name: 'a diplomatic source', kind: 'anonymous' },
      ]),
    ]);
    assert.equal(list.filter((s) => s.name === 'Gazprom').length, 2);
    assert.equal(list.filter((s) => s.name === 'a diplomatic source').length, 2);
  });

  it("applies the analyst's merges (any spelling) and splits (a wall even a merge does not cross)", () => {
    const files = [
      corpusFile('a.txt', null, [{ name: 'Sergei Lavrov', quotes: ['“A.”'] }]),
      corpusFile('b.txt', null, [{ name: 'Sergey Lavrov', quotes: ['“B.”'] }]),
      corpusFile('c.txt', null, [{ name: 'Ahmed Ali', quotes: ['“C.”'] }]),
      corpusFile('d.txt', null, [{ name: 'Ahmed Ali', quotes: ['“D.”'] }]),
      corpusFile('e.txt', null, [{ name: 'Ahmed Aly', quotes: ['“E.”'] }]),
    ];
    const merged = corpusSpeakers(files, {
      merge: [
        ['sergei lavrov', 'Sergey Lavrov'],
        ['Ahmed Ali', 'Ahmed Aly'],
      ],
      split: [],
    });
    assert.equal(merged.of('a.txt', 's1'), merged.of('b.txt', 's1'));
    assert.equal(merged.of('c.txt', 's1'), merged.of('e.txt', 's1'));
    assert.equal(merged.of('c.txt', 's1')?.quotes, 3);

    const split = corpusSpeakers(files, { merge: [['Ahmed Ali', 'Ahmed Aly']], split: [{ name: 'Ahmed Ali', files: ['d.txt'] }] });
    assert.equal(split.of('c.txt', 's1'), split.of('e.txt', 's1'));
    assert.notEqual(split.of('c.txt', 's1'), split.of('d.txt', 's1'));
    const ids = split.list.filter((s) => s.name === 'Ahmed Ali').map((s) => s.id);
    assert.equal(new Set(ids).size, 2, 'namesakes get distinct ids');
  });

  it('lists the most quoted first', () => {
    const { list } = corpusSpeakers([
      corpusFile('a.txt', null, [{ name: 'Quiet Person' }, { name: 'Loud Person', quotes: ['“1.”', '“2.”'] }]),
    ]);
    assert.deepEqual(
      list.map((s) => s.name),
      ['Loud Person', 'Quiet Person'],
    );
  });
  it('gives anonymous sources of many files, never joined, distinct ids in list order, also beside a name ending in a number', () => {
    const files = Array.from({ length: 50 }, (_, i) =>
      corpusFile(`f${String(i).padStart(2, '0')}.txt`, null, [{ name: 'A source', kind: 'anonymous' }]),
    );
    files.push(corpusFile('z.txt', null, [{ name: 'A Source 3', kind: 'anonymous', quotes: ['“First in the list.”'] }]));
    const { list } = corpusSpeakers(files);
    assert.equal(list.length, 51);
    const ids = list.map((s) => s.id);
    assert.equal(new Set(ids).size, 51);
    // "A Source 3" is quoted, so it comes first and takes its own id; the unquoted ones count up around it.
    assert.deepEqual(ids.slice(0, 5), [
      'anonymous:a-source-3',
      'anonymous:a-source',
      'anonymous:a-source-2',
      'anonymous:a-source-4',
      'anonymous:a-source-5',
    ]);
    assert.equal(ids[50], 'anonymous:a-source-51');
  });
});
