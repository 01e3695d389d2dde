// The corpus as a long-running process keeps it: one contribution per file, replaced alone when that file changes
// (on disk, or as edited in an open editor), with corpus speakers and provenance recomputed from memory only when
// asked after a change — never by re-reading the workspace.
import type { CorpusFile, CorpusFileTag } from './corpusFile';
import { NO_DECISIONS, type SpeakerDecisions } from './decisions';
import { quoteProvenance, type Provenance } from './provenance';
import { corpusSpeakers, type CorpusSpeakers } from './speakers';

export class CorpusIndex {
  private readonly disk = new Map<string, CorpusFile>();
  /** Open documents as edited, over their disk contribution; with the document version they were made from. */
  private readonly open = new Map<string, { version: number; file: CorpusFile }>();
  private decisions: SpeakerDecisions = NO_DECISIONS;
  private cachedFiles: CorpusFile[] | undefined;
  private cachedSpeakers: CorpusSpeakers | undefined;
  private cachedProvenance: Provenance | undefined;
  /** Bumped by every change, so callers can tell whether what they computed is still current. */
  generation = 0;
  private readonly listeners: (() => void)[] = [];

  /** Calls `listener` after every change. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  setFile(file: CorpusFile): void {
    this.disk.set(file.file, file);
    this.changed();
  }

  removeFile(file: string): void {
    if (this.disk.delete(file)) this.changed();
  }

  /** The contribution of an open document; ignored when that version is already in. */
  setOpen(file: CorpusFile, version: number): void {
    if (this.open.get(file.file)?.version === version) return;
    this.open.set(file.file, { version, file });
    this.changed();
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
    if (disk) this.disk.set(file, { ...disk, tags });
    const open = this.open.get(file);
    if (open) this.open.set(file, { version: open.version, file: { ...open.file, tags } });
    if (disk || open) this.changed();
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
    this.cachedSpeakers ??= corpusSpeakers(this.files(), this.decisions);
    return this.cachedSpeakers;
  }

  provenance(): Provenance {
    this.cachedProvenance ??= quoteProvenance(this.files(), this.speakers());
    return this.cachedProvenance;
  }

  private changed(): void {
    this.generation++;
    this.cachedFiles = undefined;
    this.cachedSpeakers = undefined;
    this.cachedProvenance = undefined;
    for (const listener of this.listeners) listener();
  }
}
