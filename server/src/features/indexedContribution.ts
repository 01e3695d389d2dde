// The corpus's view of a workspace index entry (see the class comment).
import type { CorpusFile, CorpusFileQuote, CorpusFileSpeaker, CorpusFileTag } from '../corpus/corpusFile';
import type { IndexedFile } from '../workspace/workspaceIndex';

/**
 * A file's contribution from its workspace index entry (worker-made, maybe from the cache: no text, no analysis).
 * The entry's speakers and quotes carry every field a contribution has (and a few more): they are shared, not
 * copied, since neither side changes them; the index's uris are already normalized (made by pathToFileURL). The
 * fields are read from the entry when asked for, so an entry still encoded stays so until a computation needs it.
 */
export class IndexedContribution implements CorpusFile {
  readonly #entry: IndexedFile;

  constructor(
    entry: IndexedFile,
    readonly tags: CorpusFileTag[],
  ) {
    this.#entry = entry;
  }

  get file(): string {
    return this.#entry.uri;
  }

  get title(): string | null {
    return this.#entry.title;
  }

  get date(): string | null {
    return this.#entry.primaryDate;
  }

  get speakers(): CorpusFileSpeaker[] {
    return this.#entry.speakers;
  }

  get quotes(): CorpusFileQuote[] {
    return this.#entry.quotes;
  }
}
