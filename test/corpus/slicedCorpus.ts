// Corpora for the sliced-computation tests: random small ones (fast-check) whose speakers and quotes collide often
// (shared names, short forms, accents, shared runs of words), and a large deterministic one.
import fc from 'fast-check';
import type { SpeakerKind } from '../../server/src/analysis/types';
import type { CorpusFile } from '../../server/src/corpus/corpusFile';
import type { SpeakerDecisions } from '../../server/src/corpus/decisions';
import { corpusFile, type SpeakerSpec } from './corpusFixture';

const NAMES = ['Ilse Varga', 'ILSE VARGA', 'Ilsé Várga', 'Varga', 'Mr Varga', 'Tobin Achebe', 'Achebe', 'Dr Achebe', 'a source'];
const KINDS: SpeakerKind[] = ['person', 'person', 'organization', 'anonymous'];
const WORDS = ['the', 'harbour', 'will', 'reopen', 'soon', 'grain', 'prices', 'never'];
const DATES = [null, '2021-01-04', '2021-01-04T10:00:00Z', '2021-02-28', '2020-12-31'];
const TAGS = ['economy', 'trade'];

const speaker: fc.Arbitrary<SpeakerSpec> = fc.record({
  name: fc.constantFrom(...NAMES),
  kind: fc.constantFrom(...KINDS),
  aliases: fc.array(fc.constantFrom(...NAMES), { maxLength: 2 }),
  quotes: fc.array(
    fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 12 }).map((w) => `“${w.join(' ')}.”`),
    { maxLength: 3 },
  ),
});

export const randomCorpus: fc.Arbitrary<CorpusFile[]> = fc
  .array(fc.tuple(fc.constantFrom(...DATES), fc.array(speaker, { maxLength: 4 }), fc.subarray(TAGS)), { maxLength: 12 })
  .map((files) =>
    files.map(([date, speakers, tags], i) =>
      corpusFile(
        `file:///c/${String(i).padStart(2, '0')}.txt`,
        date,
        speakers,
        tags.map((tag, t) => ({ tag, coder: t === 0 ? 'ana' : null, start: 0, end: 40 })),
      ),
    ),
  );

export const randomDecisions: fc.Arbitrary<SpeakerDecisions> = fc.record({
  merge: fc.array(fc.array(fc.constantFrom(...NAMES), { minLength: 2, maxLength: 2 }), { maxLength: 1 }),
  split: fc.array(
    fc.record({
      name: fc.constantFrom(...NAMES),
      files: fc.array(fc.constantFrom('file:///c/00.txt', 'file:///c/01.txt'), { maxLength: 2 }),
    }),
    { maxLength: 1 },
  ),
});

/** `count` files of a few speakers each, names and sentences repeating across files (deterministic). */
export function largeCorpus(count: number): CorpusFile[] {
  const first = ['Ilse', 'Tobin', 'Mara', 'Oskar', 'Lena', 'Pavel', 'Rhea'];
  const last = ['Varga', 'Achebe', 'Lund', 'Moretti', 'Sato', 'Brandt'];
  const files: CorpusFile[] = [];
  for (let i = 0; i < count; i++) {
    const speakers: SpeakerSpec[] = [0, 1, 2].map((k) => ({
      name: `${first[(i + k) % first.length]} ${last[(i * 3 + k) % last.length]}`,
      aliases: [last[(i * 3 + k) % last.length]],
      quotes: [0, 1, 2].map((q) => `"Sentence ${(i * 7 + k * 3 + q) % 500} of the harbour talks will not end before the ${q} vote."`),
    }));
    speakers.push({ name: 'a diplomatic source', kind: 'anonymous', quotes: [`"Nothing is agreed in round ${i}."`] });
    files.push(corpusFile(`file:///big/${String(i).padStart(5, '0')}.txt`, `2021-0${1 + (i % 9)}-1${i % 10}`, speakers));
  }
  return files;
}
