// Corpus-wide work in slices: the same results as run at once (even interleaved with other sliced work), the new
// state's result after a change mid-computation, and the event loop turning between slices.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { CorpusFile } from '../../server/src/corpus/corpusFile';
import { CorpusIndex } from '../../server/src/corpus/corpusIndex';
import { quoteProvenance, quoteProvenanceSliced, type Provenance } from '../../server/src/corpus/provenance';
import { runSliced, runToEnd, sortSliced, type Sliced } from '../../server/src/corpus/slices';
import { corpusSpeakers, corpusSpeakersSliced, type CorpusSpeakers } from '../../server/src/corpus/speakers';
import { corpusStats, corpusStatsSliced, selectQuotes, selectQuotesSliced } from '../../server/src/corpus/stats';
import { corpusFile } from './corpusFixture';
import { largeCorpus, randomCorpus, randomDecisions } from './slicedCorpus';

/** Runs sliced work yielding at every chance (a zero budget), so every resume point is taken. */
async function inSlices<T>(work: Sliced<T>): Promise<T> {
  const run = await runSliced(work, { budgetMs: 0 });
  assert.ok(run.value !== undefined);
  return run.value;
}

/** Everything a result says, its lookups (`of`) through every file's speakers and quotes. */
function speakersView(files: readonly CorpusFile[], speakers: CorpusSpeakers): string {
  const lookups = files.flatMap((f) => f.speakers.map((s) => speakers.of(f.file, s.id)?.id ?? null));
  return JSON.stringify([speakers.list, lookups]);
}
function provenanceView(files: readonly CorpusFile[], provenance: Provenance): string {
  const index = new Map(provenance.groups.map((g, i) => [g, i]));
  const lookups = files.flatMap((f) => f.quotes.map((q) => index.get(provenance.of(f.file, q.start)!) ?? -1));
  return JSON.stringify([provenance.groups, lookups]);
}

/** Counts turns of the event loop (setImmediate callbacks) until stopped. */
function turnCounter(): { turns: () => number; stop: () => void } {
  let turns = 0;
  let running = true;
  const tick = () => {
    turns++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  return { turns: () => turns, stop: () => (running = false) };
}

describe('corpus work in slices', () => {
  it('sorts as Array.prototype.sort does, stably', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.nat()), { maxLength: 2500, size: 'max' }), (items) => {
        const compare = (a: [number, number], b: [number, number]) => a[0] - b[0];
        assert.deepEqual(runToEnd(sortSliced([...items], compare)), [...items].sort(compare));
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same speakers, provenance, stats and quotes in slices as at once, two computations interleaved', async () => {
    await fc.assert(
      fc.asyncProperty(randomCorpus, randomCorpus, randomDecisions, async (files, others, decisions) => {
        const speakers = corpusSpeakers(files, decisions);
        const [sliced, otherSliced] = await Promise.all([
          inSlices(corpusSpeakersSliced(files, decisions)),
          inSlices(corpusSpeakersSliced(others)),
        ]);
        assert.equal(speakersView(files, sliced), speakersView(files, speakers));
        assert.equal(speakersView(others, otherSliced), speakersView(others, corpusSpeakers(others)));

        const [provenance, otherProvenance] = await Promise.all([
          inSlices(quoteProvenanceSliced(files, speakers)),
          inSlices(quoteProvenanceSliced(others)),
        ]);
        assert.equal(provenanceView(files, provenance), provenanceView(files, quoteProvenance(files, speakers)));
        assert.equal(provenanceView(others, otherProvenance), provenanceView(others, quoteProvenance(others)));

        const filter = { from: '2021-01-01', kinds: ['person' as const] };
        assert.deepEqual(
          await inSlices(corpusStatsSliced(files, speakers, filter, { top: 2 })),
          corpusStats(files, speakers, filter, { top: 2 }),
        );
        assert.deepEqual(
          await inSlices(corpusStatsSliced(files, speakers, {}, { period: 'week' })),
          corpusStats(files, speakers, {}, { period: 'week' }),
        );
        const id = speakers.list[0]?.id ?? '';
        for (const selection of [{ speakerId: id }, { tag: 'economy', coder: 'ana' }, { period: '2021-01' }]) {
          assert.deepEqual(
            await inSlices(selectQuotesSliced(files, speakers, {}, selection)),
            selectQuotes(files, speakers, {}, selection),
          );
        }
      }),
      { numRuns: 150 },
    );
  });

  it('lets the event loop turn between slices of a large corpus, and gives what the synchronous accessors give', async () => {
    const files = largeCorpus(1500);
    const index = new CorpusIndex();
    for (const file of files) index.setFile(file);
    const counter = turnCounter();
    const [speakers, provenance] = await Promise.all([index.speakersAsync(), index.provenanceAsync()]);
    counter.stop();
    // Thousands of files' work in one stretch would let the counter turn at most once or twice.
    assert.ok(counter.turns() > 5, `the loop turned ${counter.turns()} times`);
    assert.equal(await index.speakersAsync(), speakers, 'kept until a change');
    assert.equal(index.speakers(), speakers, 'the synchronous accessor shares the result');
    assert.equal(speakersView(files, speakers), speakersView(files, corpusSpeakers(files)));
    assert.equal(provenanceView(files, provenance), provenanceView(files, quoteProvenance(files, corpusSpeakers(files))));
  });

  it('shares one computation among callers, and answers for the new state when a change comes mid-computation', async () => {
    const files = largeCorpus(1000);
    const index = new CorpusIndex();
    for (const file of files) index.setFile(file);
    // The change comes before the callers' promises settle: while the work is under way in slices, or (on a machine
    // fast enough to finish it in the first slice) before its result is taken. Either way the answer is the new state's.
    const first = index.speakersAsync();
    const second = index.provenanceAsync();
    const added = corpusFile('file:///big/zz-late.txt', '2021-03-01', [{ name: 'Quentin Latecomer', quotes: ['“I came late.”'] }]);
    index.setFile(added);
    const [speakers, provenance] = await Promise.all([first, second]);
    const now = [...files, added];
    assert.equal(await index.speakersAsync(), speakers);
    assert.ok(speakers.list.some((s) => s.name === 'Quentin Latecomer'));
    assert.equal(speakersView(now, speakers), speakersView(now, corpusSpeakers(now)));
    assert.equal(provenanceView(now, provenance), provenanceView(now, quoteProvenance(now, corpusSpeakers(now))));
  });

  it('keeps its corpus speakers through a change that leaves who speaks as it was, and recomputes provenance', async () => {
    const index = new CorpusIndex();
    index.setFile(corpusFile('a.txt', null, [{ name: 'Ilse Varga', quotes: ['“The harbour will reopen soon, said the port.”'] }]));
    index.setFile(corpusFile('b.txt', null, [{ name: 'Varga', quotes: ['“The harbour will reopen soon, said the port.”'] }]));
    const speakers = await index.speakersAsync();
    const provenance = await index.provenanceAsync();
    index.setTags('a.txt', [{ tag: 'trade', coder: null, start: 0, end: 3 }]);
    assert.equal(await index.speakersAsync(), speakers);
    const again = await index.provenanceAsync();
    assert.notEqual(again, provenance);
    assert.equal(again.groups[0].occurrences.length, 2);
  });
});
