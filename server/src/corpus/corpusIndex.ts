// The corpus as a long-running process keeps it: one contribution per file, replaced alone when that file changes
// (on disk, or as edited in an open editor), with corpus speakers and provenance recomputed from memory only when
// asked after a change — never by re-reading the workspace — and corpus speakers kept through changes that leave
// who speaks as it was (an edit that only moves quotes, new tags).
import type { CorpusFile, CorpusFileTag } from './corpusFile';
import { NO_DECISIONS, type SpeakerDecisions } from './decisions';
import { quoteProvenance, quoteProvenanceSliced, type Provenance } from './provenance';
import { runSliced, type Sliced } from './slices';
import { corpusSpeakers, corpusSpeakersSliced, quoteCountsOf, type CorpusSpeakers } from './speakers';

export class CorpusIndex {
  private readonly disk = new Map<string, CorpusFile>();
  /** Open documents as edited, over their disk contribution; with the document version they were made from. */
  private readonly open = new Map<string, { version: number; file: CorpusFile }>();
  private decisions: SpeakerDecisions = NO_DECISIONS;
  private cachedFiles: CorpusFile[] | undefined;
  private cachedSpeakers: CorpusSpeakers | undefined;
  private cachedProvenance: Provenance | undefined;
  /** The sliced computations under way (one each, shared by every caller waiting for it). */
  private speakersRun: Promise<void> | undefined;
  private provenanceRun: Promise<void> | undefined;
  /** Bumped by every change, so callers can tell whether what they computed is still current. */
  generation = 0;
  /** Bumped by every change that drops the corpus speakers. */
  private speakersGeneration = 0;
  /** How long the latest corpus speakers or provenance took to work out (ms). */
  lastComputeMs = 0;
  private readonly listeners: (() => void)[] = [];

  /** Calls `listener` after every change. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  setFile(file: CorpusFile): void {
    const before = this.get(file.file);
    this.disk.set(file.file, file);
    this.changed(this.open.has(file.file) || sameSpeakers(before, file));
  }

  removeFile(file: string): void {
    if (this.disk.delete(file)) this.changed();
  }

  /** The contribution of an open document; ignored when that version is already in. */
  setOpen(file: CorpusFile, version: number): void {
    if (this.open.get(file.file)?.version === version) return;
    const before = this.get(file.file);
    this.open.set(file.file, { version, file });
    this.changed(sameSpeakers(before, file));
  }

  openVersion(file: string): number | undefined {
    return this.open.get(file)?.version;
  }

  closeOpen(file: string): void {
    if (this.open.delete(file)) this.changed();
  }

  /** Replaces a file's tags (its sidecar changed) without re-analyzing it. */
  setTags(file: string, tags: CorpusFileTag[]): void {
    const disk = this.disk.get(file);
    if (disk) this.disk.set(file, withTags(disk, tags));
    const open = this.open.get(file);
    if (open) this.open.set(file, { version: open.version, file: withTags(open.file, tags) });
    if (disk || open) this.changed(true); // tags never change who speaks
  }

  setDecisions(decisions: SpeakerDecisions): void {
    this.decisions = decisions;
    this.changed();
  }

  get size(): number {
    return this.files().length;
  }

  /** One file's contribution (an open document as edited). */
  get(file: string): CorpusFile | undefined {
    return this.open.get(file)?.file ?? this.disk.get(file);
  }

  has(file: string): boolean {
    return this.disk.has(file) || this.open.has(file);
  }

  /** Every file's contribution (an open document as edited), in file order. */
  files(): CorpusFile[] {
    if (!this.cachedFiles) {
      const all = new Map(this.disk);
      for (const [name, { file }] of this.open) all.set(name, file);
      this.cachedFiles = [...all.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    }
    return this.cachedFiles;
  }

  speakers(): CorpusSpeakers {
    this.cachedSpeakers ??= this.timed(() => corpusSpeakers(this.files(), this.decisions));
    return this.cachedSpeakers;
  }

  provenance(): Provenance {
    this.cachedProvenance ??= this.timed(() => quoteProvenance(this.files(), this.speakers()));
    return this.cachedProvenance;
  }

  /** The corpus speakers if they are worked out already (nothing is computed). */
  readySpeakers(): CorpusSpeakers | undefined {
    return this.cachedSpeakers;
  }

  /** Provenance if it is worked out already (nothing is computed). */
  readyProvenance(): Provenance | undefined {
    return this.cachedProvenance;
  }

  /**
   * The corpus speakers, worked out in slices between which the server's other work goes on; the same as
   * `speakers()`. A change while they are worked out starts them again on the new state.
   */
  async speakersAsync(): Promise<CorpusSpeakers> {
    for (;;) {
      if (this.cachedSpeakers) return this.cachedSpeakers;
      this.speakersRun ??= this.runSpeakers();
      await this.speakersRun;
    }
  }

  /** Provenance as `provenance()`, worked out in slices (see `speakersAsync`). */
  async provenanceAsync(): Promise<Provenance> {
    for (;;) {
      if (this.cachedProvenance) return this.cachedProvenance;
      this.provenanceRun ??= this.runProvenance();
      await this.provenanceRun;
    }
  }

  private runSpeakers(): Promise<void> {
    const generation = this.speakersGeneration;
    const stale = () => this.speakersGeneration !== generation;
    return this.sliced(corpusSpeakersSliced(this.files(), this.decisions), stale)
      .then((speakers) => {
        if (speakers && !stale()) this.cachedSpeakers ??= speakers;
      })
      .finally(() => (this.speakersRun = undefined));
  }

  private async runProvenance(): Promise<void> {
    try {
      const generation = this.generation;
      const stale = () => this.generation !== generation;
      const speakers = await this.speakersAsync();
      if (stale()) return;
      const provenance = await this.sliced(quoteProvenanceSliced(this.files(), speakers), stale);
      if (provenance && !stale()) this.cachedProvenance ??= provenance;
    } finally {
      this.provenanceRun = undefined;
    }
  }

  /** Runs sliced work; undefined when a change made it stale. Busy time only counts towards `lastComputeMs`. */
  private async sliced<T>(work: Sliced<T>, stale: () => boolean): Promise<T | undefined> {
    const run = await runSliced(work, { stale });
    if (run.value !== undefined) this.lastComputeMs = run.busyMs;
    return run.value;
  }

  private timed<T>(compute: () => T): T {
    const started = performance.now();
    const value = compute();
    this.lastComputeMs = performance.now() - started;
    return value;
  }

  /**
   * @param speakersKept the change leaves every file's speakers, their quote counts and the decisions as they were
   * (typing in an article moves its quotes, not who speaks): corpus speakers need not be worked out again, which
   * over a large workspace takes longer than any request may wait.
   */
  private changed(speakersKept = false): void {
    this.generation++;
    this.cachedFiles = undefined;
    if (!speakersKept) {
      this.cachedSpeakers = undefined;
      this.speakersGeneration++;
    }
    this.cachedProvenance = undefined;
    for (const listener of this.listeners) listener();
  }
}

/** Whether two contributions of one file give the corpus the same speakers: all corpusSpeakers() reads of a file. */
/** A copy with other tags, field by field: a contribution may read its fields through getters, which a spread drops. */
function withTags(file: CorpusFile, tags: CorpusFileTag[]): CorpusFile {
  return { file: file.file, title: file.title, date: file.date, speakers: file.speakers, quotes: file.quotes, tags };
}

function sameSpeakers(before: CorpusFile | undefined, after: CorpusFile): boolean {
  return before !== undefined && speakerSignature(before) === speakerSignature(after);
}

function speakerSignature(file: CorpusFile): string {
  const quotes = quoteCountsOf(file);
  return JSON.stringify(file.speakers.map((s) => [s.id, s.name, s.kind, s.role, s.aliases, quotes.get(s.id) ?? 0]));
}
