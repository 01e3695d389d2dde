// Quote provenance: the same utterance across articles. After case, accents, punctuation and quote marks are
// ignored, two quotes are the same when they share a run of 8 consecutive words, or when one of at least 5 words
// stands whole inside the other; the relation is transitive. Runs are found by hashing word shingles, so the work
// grows with the number of words in the corpus, not with the number of quote pairs.
import type { LspRange } from '../../../shared/protocol';
import type { CorpusFile } from './corpusFile';
import { foldedWords } from './fold';
import { pacer, runToEnd, sortSliced, type Sliced } from './slices';
import type { CorpusSpeakers } from './speakers';
import { UnionFind } from './unionFind';

/** Words in a shared run that make two quotes one utterance. */
export const SHARED_RUN = 8;
/** Words a short quote needs to count when it stands whole inside a longer one. */
export const CONTAINED_MIN = 5;

export interface ProvenanceOccurrence {
  file: string;
  start: number;
  end: number;
  /** The corpus speaker's name (after the analyst's merges), or null when the quote has no speaker. */
  speaker: string | null;
  /** The file's primary date, or null when undated. */
  date: string | null;
  range?: LspRange;
}

export interface ProvenanceGroup {
  /** The text of the oldest occurrence. */
  text: string;
  /** Oldest primary date first; undated last; then by file name and position. */
  occurrences: ProvenanceOccurrence[];
}

export interface Provenance {
  /** Utterances found in more than one file; the most widely reused first. */
  groups: ProvenanceGroup[];
  /** The group of the quote starting at `start` in `file`, if it is reused elsewhere. */
  of(file: string, start: number): ProvenanceGroup | undefined;
}

interface Entry {
  fileIndex: number;
  quoteIndex: number;
  words: Int32Array;
}

export function quoteProvenance(files: readonly CorpusFile[], speakers?: CorpusSpeakers): Provenance {
  return runToEnd(quoteProvenanceSliced(files, speakers));
}

/** `quoteProvenance` as resumable work (slices.ts), for the language server's thread. */
export function* quoteProvenanceSliced(files: readonly CorpusFile[], speakers?: CorpusSpeakers): Sliced<Provenance> {
  const pace = pacer();
  const entries = yield* wordEntries(files);
  const sets = new UnionFind(entries.length);
  yield* joinSharedRuns(entries, sets);
  yield* joinContained(entries, sets);

  const groups: ProvenanceGroup[] = [];
  const byQuote = new Map<string, ProvenanceGroup>();
  for (const members of (yield* sets.groups()).values()) {
    if (pace()) yield;
    if (members.length < 2) continue;
    const group = yield* groupOf(members, entries, files, speakers);
    if (!group) continue;
    groups.push(group);
    for (const o of group.occurrences) {
      byQuote.set(quoteKey(o.file, o.start), group);
      if (pace()) yield;
    }
  }
  // Counted once per group: counting inside the comparison made the sort the costliest step on a large corpus.
  const counts = new Map<ProvenanceGroup, number>();
  for (const group of groups) {
    const files = new Set<string>();
    for (const o of group.occurrences) {
      files.add(o.file);
      if (pace()) yield;
    }
    counts.set(group, files.size);
  }
  yield* sortSliced(groups, (a, b) => counts.get(b)! - counts.get(a)! || byDateThenFile(a.occurrences[0], b.occurrences[0]));
  return { groups, of: (file, start) => byQuote.get(quoteKey(file, start)) };
}

export function byDateThenFile(
  a: { date: string | null; file: string; start: number },
  b: { date: string | null; file: string; start: number },
): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.start - b.start;
}

/**
 * The group of a set of quotes, or undefined when they are all in one file. Paced per quote: on a corpus of
 * templated articles one group can hold most of the corpus's quotes.
 */
function* groupOf(
  members: readonly number[],
  entries: readonly Entry[],
  files: readonly CorpusFile[],
  speakers: CorpusSpeakers | undefined,
): Sliced<ProvenanceGroup | undefined> {
  const pace = pacer();
  const firstFile = entries[members[0]].fileIndex;
  if (members.every((i) => entries[i].fileIndex === firstFile)) return undefined;
  const texts = new Map<ProvenanceOccurrence, string>();
  const occurrences: ProvenanceOccurrence[] = [];
  for (const i of members) {
    if (pace()) yield;
    const { fileIndex, quoteIndex } = entries[i];
    const file = files[fileIndex];
    const quote = file.quotes[quoteIndex];
    const speaker =
      quote.speakerId === null
        ? null
        : (speakers?.of(file.file, quote.speakerId)?.name ?? file.speakers.find((s) => s.id === quote.speakerId)?.name ?? null);
    const occurrence: ProvenanceOccurrence = {
      file: file.file,
      start: quote.start,
      end: quote.end,
      speaker,
      date: file.date,
      ...(quote.range ? { range: quote.range } : {}),
    };
    texts.set(occurrence, quote.text);
    occurrences.push(occurrence);
  }
  yield* sortSliced(occurrences, byDateThenFile);
  return { text: texts.get(occurrences[0]) ?? '', occurrences };
}

function quoteKey(file: string, start: number): string {
  return `${start}\u0000${file}`;
}

/**
 * Quotes' folded words by their text: after one file changes, the others are not folded again, nor are the quotes of
 * an open document analyzed anew (new quote objects, mostly the same texts). Dropped whole when it grows large.
 */
const folded = new Map<string, string[]>();
const MAX_FOLDED = 200_000;
function wordsOf(quote: { text: string }): string[] {
  let words = folded.get(quote.text);
  if (!words) {
    if (folded.size >= MAX_FOLDED) folded.clear();
    words = foldedWords(quote.text);
    folded.set(quote.text, words);
  }
  return words;
}

/** Every quote long enough to match anything, as word ids (one id per distinct folded word in the corpus). */
function* wordEntries(files: readonly CorpusFile[]): Sliced<Entry[]> {
  const pace = pacer();
  const vocabulary = new Map<string, number>();
  const entries: Entry[] = [];
  for (let fileIndex = 0; fileIndex < files.length; fileIndex++) {
    const quotes = files[fileIndex].quotes;
    for (let quoteIndex = 0; quoteIndex < quotes.length; quoteIndex++) {
      if (pace()) yield;
      const words = wordsOf(quotes[quoteIndex]);
      if (words.length < CONTAINED_MIN) continue;
      const ids = new Int32Array(words.length);
      words.forEach((w, i) => {
        let id = vocabulary.get(w);
        if (id === undefined) vocabulary.set(w, (id = vocabulary.size));
        ids[i] = id;
      });
      entries.push({ fileIndex, quoteIndex, words: ids });
    }
  }
  return entries;
}

/**
 * A 30-bit hash of `length` word ids from `from`: a small integer, which a Map keeps without allocating (a wider
 * hash would be a heap number per shingle). Collisions are told apart by comparing the words.
 */
function shingleHash(words: Int32Array, from: number, length: number): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = from; i < from + length; i++) {
    h1 = Math.imul(h1 ^ words[i], 0x01000193);
    h2 = Math.imul(h2 + words[i], 0x5bd1e995) ^ (h2 >>> 15);
  }
  return (h1 ^ (h2 >>> 7)) & 0x3fffffff;
}

function sameRun(a: Int32Array, from: number, b: Int32Array, bFrom: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (a[from + i] !== b[bFrom + i]) return false;
  return true;
}

/** Word positions a shingle may start at: a quote is matched on its first 1,024 words (a page of speech). */
const POSITIONS = 1024;

/** Quotes sharing any run of SHARED_RUN words: the first quote to show a run is joined by every later one. */
function* joinSharedRuns(entries: readonly Entry[], sets: UnionFind): Sliced<void> {
  const pace = pacer();
  // Where a run was first seen, as one small integer (entry * POSITIONS + word position): no object per shingle.
  const firstSeen = new Map<number, number>();
  // Other runs whose hash collided with the first one's (rare): kept so that no match is missed.
  const collided = new Map<number, number[]>();
  const sameAs = (seen: number, entry: Entry, at: number) =>
    sameRun(entries[Math.floor(seen / POSITIONS)].words, seen % POSITIONS, entry.words, at, SHARED_RUN);
  for (let e = 0; e < entries.length; e++) {
    const entry = entries[e];
    if (pace(1 + (entry.words.length >> 4))) yield;
    for (let at = 0; at + SHARED_RUN <= entry.words.length && at < POSITIONS; at++) {
      const hash = shingleHash(entry.words, at, SHARED_RUN);
      const seen = firstSeen.get(hash);
      if (seen === undefined) {
        firstSeen.set(hash, e * POSITIONS + at);
        continue;
      }
      if (sameAs(seen, entry, at)) {
        sets.union(Math.floor(seen / POSITIONS), e);
        continue;
      }
      const others = collided.get(hash) ?? [];
      const match = others.find((o) => sameAs(o, entry, at));
      if (match !== undefined) sets.union(Math.floor(match / POSITIONS), e);
      else {
        others.push(e * POSITIONS + at);
        collided.set(hash, others);
      }
    }
  }
}

/**
 * Quotes of CONTAINED_MIN to SHARED_RUN - 1 words found whole inside another quote (longer quotes that stand inside
 * another share a run of SHARED_RUN words, so the shingles already joined them).
 */
function* joinContained(entries: readonly Entry[], sets: UnionFind): Sliced<void> {
  const pace = pacer();
  const shortQuotes = new Map<number, number[]>();
  for (let e = 0; e < entries.length; e++) {
    if (pace()) yield;
    const entry = entries[e];
    if (entry.words.length >= SHARED_RUN) continue;
    const hash = shingleHash(entry.words, 0, entry.words.length);
    const list = shortQuotes.get(hash) ?? [];
    // Identical short quotes are joined here, so each bucket keeps one of each wording and stays tiny.
    const same = list.find(
      (o) => entries[o].words.length === entry.words.length && sameRun(entries[o].words, 0, entry.words, 0, entry.words.length),
    );
    if (same !== undefined) sets.union(same, e);
    else list.push(e);
    shortQuotes.set(hash, list);
  }
  if (shortQuotes.size === 0) return;
  for (let e = 0; e < entries.length; e++) {
    const entry = entries[e];
    if (pace(1 + (entry.words.length >> 3))) yield;
    for (let length = CONTAINED_MIN; length < SHARED_RUN && length <= entry.words.length; length++) {
      for (let at = 0; at + length <= entry.words.length; at++) {
        const found = shortQuotes.get(shingleHash(entry.words, at, length));
        if (!found) continue;
        for (const other of found) {
          if (other !== e && entries[other].words.length === length && sameRun(entries[other].words, 0, entry.words, at, length)) {
            sets.union(other, e);
          }
        }
      }
    }
  }
}
