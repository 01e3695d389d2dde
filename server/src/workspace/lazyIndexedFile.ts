// An index entry kept as its encoded summary (a cache pack's line or a worker's JSON bytes) until a feature reads its
// title, date, speakers or quotes. A warm index of 10,000 files used to spend most of its main-thread time parsing
// and validating entries, and as much again collecting the garbage of it, for features nobody had asked for yet.
// The cheap checks (content hash, cut-short lines) happen when the entry is taken; the full validation happens on
// first read, and an entry that fails it is reported once and reads as empty until its file is analyzed again.
import type { Text } from '../workers/transfer';
import { textOf } from '../workers/transfer';
import type { FileSummary, IndexedFile, IndexedQuote, IndexedSpeaker } from './indexedFile';
import { decodeSummary, encodeSummary } from './summaryCodec';

/** Told once when an entry does not decode, with why; the index logs it and has the file analyzed again. */
export type UndecodableEntry = (file: LazyIndexedFile, why: string) => void;

export class LazyIndexedFile implements IndexedFile {
  // Private fields (#) so that iterating, spreading or comparing an entry sees only its fields, as for any other.
  #encoded: Text | null;
  #decoded: FileSummary | null = null;
  #broken = false;
  readonly #undecodable: UndecodableEntry;

  constructor(
    readonly uri: string,
    readonly hash: string,
    encoded: Text,
    undecodable: UndecodableEntry,
  ) {
    this.#encoded = encoded;
    this.#undecodable = undecodable;
  }

  get title(): string | null {
    return this.#summary().title;
  }

  get primaryDate(): string | null {
    return this.#summary().primaryDate;
  }

  get speakers(): IndexedSpeaker[] {
    return this.#summary().speakers;
  }

  get quotes(): IndexedQuote[] {
    return this.#summary().quotes;
  }

  /** Whether the entry was read and failed to decode (it then reads as a file with nothing in it). */
  get broken(): boolean {
    return this.#broken;
  }

  /**
   * The entry as JSON for writing it to the cache: as it came while still undecoded (no work, no copy); null for
   * an entry that failed to decode.
   */
  encoded(): Text | null {
    if (this.#broken) return null;
    return this.#encoded ?? encodeSummary(this.#summary());
  }

  #summary(): FileSummary {
    if (this.#decoded) return this.#decoded;
    const summary = decodeSummary(textOf(this.#encoded ?? ''));
    if (summary && summary.hash === this.hash) {
      this.#decoded = summary;
    } else {
      this.#decoded = { hash: this.hash, title: null, primaryDate: null, speakers: [], quotes: [] };
      this.#broken = true;
      this.#undecodable(this, summary ? `made for content ${summary.hash.slice(0, 12)}…` : 'not a cache entry of this version');
    }
    this.#encoded = null;
    return this.#decoded;
  }
}

/** An entry's JSON, without decoding a lazy one; null for one that failed to decode. */
export function encodedEntry(file: IndexedFile): Text | null {
  return file instanceof LazyIndexedFile ? file.encoded() : encodeSummary(file);
}
