// The corpus index keeps its corpus speakers through changes that leave who speaks as it was (typing moves quotes),
// and works them out again when a name, a kind, a role, an alias or a speaker's quote count changes.
import { strict as assert } from 'node:assert';
import { CorpusIndex } from '../../server/src/corpus/corpusIndex';
import type { CorpusFile } from '../../server/src/corpus/corpusFile';
import { corpusFile } from './corpusFixture';

/** The same file with every quote moved `by` code points, as after typing above them. */
function shifted(file: CorpusFile, by: number): CorpusFile {
  return { ...file, quotes: file.quotes.map((q) => ({ ...q, start: q.start + by, end: q.end + by })) };
}

describe('corpus index', () => {
  const lavrov = () => corpusFile('a.txt', null, [{ name: 'Sergei Lavrov', role: 'foreign minister', quotes: ['“Ja.”', '“Nein.”'] }]);
  const other = corpusFile('b.txt', null, [{ name: 'Zoë Müller 🙂', kind: 'person', quotes: ['“Oui.”'] }]);

  function indexed(): CorpusIndex {
    const index = new CorpusIndex();
    index.setFile(lavrov());
    index.setFile(other);
    return index;
  }

  it('keeps corpus speakers when an open document only moved its quotes, and still serves its new offsets', () => {
    const index = indexed();
    const speakers = index.speakers();
    const provenance = index.provenance();
    index.setOpen(shifted(lavrov(), 7), 2);
    assert.equal(index.speakers(), speakers);
    assert.notEqual(index.provenance(), provenance);
    assert.equal(index.get('a.txt')?.quotes[0].start, 7);
    assert.equal(index.speakers().of('a.txt', 's1')?.quotes, 2);
  });

  it('keeps corpus speakers when only tags change, or the disk copy of an open file', () => {
    const index = indexed();
    index.setOpen(lavrov(), 2);
    const speakers = index.speakers();
    index.setTags('b.txt', [{ tag: 'economy', coder: null, start: 0, end: 1 }]);
    index.setFile(corpusFile('a.txt', null, [{ name: 'Someone Else' }]));
    assert.equal(index.speakers(), speakers);
  });

  for (const [what, edit] of [
    ['a renamed speaker', corpusFile('a.txt', null, [{ name: 'Sergey Lavrov', role: 'foreign minister', quotes: ['“Ja.”', '“Nein.”'] }])],
    ['a new role', corpusFile('a.txt', null, [{ name: 'Sergei Lavrov', role: 'minister', quotes: ['“Ja.”', '“Nein.”'] }])],
    ['a quote fewer', corpusFile('a.txt', null, [{ name: 'Sergei Lavrov', role: 'foreign minister', quotes: ['“Ja.”'] }])],
    [
      'a new kind',
      corpusFile('a.txt', null, [{ name: 'Sergei Lavrov', kind: 'organization', role: 'foreign minister', quotes: ['“Ja.”', '“Nein.”'] }]),
    ],
  ] as const) {
    it(`works corpus speakers out again after ${what}`, () => {
      const index = indexed();
      const speakers = index.speakers();
      index.setOpen(edit, 2);
      assert.notEqual(index.speakers(), speakers);
    });
  }

  it('works them out again when a file is removed or an open one closes onto a different disk copy', () => {
    const index = indexed();
    let speakers = index.speakers();
    index.removeFile('b.txt');
    assert.notEqual(index.speakers(), speakers);
    assert.equal(index.speakers().list.length, 1);
    index.setOpen(corpusFile('a.txt', null, [{ name: 'Anna Kowalska', quotes: ['“Tak.”'] }]), 3);
    speakers = index.speakers();
    index.closeOpen('a.txt');
    assert.notEqual(index.speakers(), speakers);
    assert.equal(index.speakers().list[0].name, 'Sergei Lavrov');
  });

  it('says how long its latest corpus-wide computation took, which paces its change notices', () => {
    const index = indexed();
    assert.equal(index.lastComputeMs, 0);
    index.provenance();
    assert.ok(index.lastComputeMs > 0);
  });
});
