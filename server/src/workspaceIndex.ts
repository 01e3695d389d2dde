// Background index of every seed file in the workspace folders: a compact summary per file (speakers and quotes with
// LSP ranges), built on analysis worker threads so the server's event loop stays free, with an on-disk cache keyed
// by content hash so reopening a workspace only reads and hashes its files.
//
// For corpus-wide features (speaker and quote-provenance indexes): subscribe with `onDidChange`. Each change is
//   { kind: 'indexed', path, file }  — a file entered the index or its content changed; `file` is its IndexedFile
//                                      (uri, content `hash`, title, primaryDate, speakers, quotes with code points);
//   { kind: 'removed', path, uri }   — a file left the index (deleted, no longer a seed, unreadable, folder removed).
// A rebuild reports only what differs from the index before it (same uri and hash: no event), so a listener that
// starts from `all()` and folds the changes into its own tables stays equal to the index. Listeners run on the
// server's event loop: keep them cheap, or queue the work. From the server: `server.workspace.index.onDidChange`.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkDoneProgressReporter } from 'vscode-languageserver';
import type { AnalysisLimits } from './documents/documentAnalyses';
import { createJobRunner, defaultJobs, type JobRunner } from './workers/pool';
import { versionedCacheName } from './workspace/cacheVersion';
import { pruneCache } from './workspace/indexCache';
import type { IndexResponse } from './workspace/indexJob';
import { normalizeUri, type IndexedFile } from './workspace/indexedFile';
import { collectSeedFiles, type SeedFileMatcher } from './workspace/seedMatcher';

export { contentHash, indexedFileOf, normalizeUri, type FileSummary, type IndexedFile, type IndexedQuote, type IndexedSpeaker } from './workspace/indexedFile';
export { DEFAULT_SEED_PATTERNS, SeedFileMatcher } from './workspace/seedMatcher';

export type IndexChange =
  | { kind: 'indexed'; path: string; file: IndexedFile }
  | { kind: 'removed'; path: string; uri: string };

export interface IndexOptions {
  matcher: SeedFileMatcher;
  limits: AnalysisLimits;
  progress?: WorkDoneProgressReporter;
  /** Called for files that could not be read (naming the file) and for cache problems. */
  log?: (message: string) => void;
  /** The folder for the on-disk cache (versioned folders are made inside it); absent: no cache. */
  cacheRoot?: string | null;
}

export interface RebuildStats {
  files: number;
  fromCache: number;
  analysed: number;
  threads: number;
  /** Entries written to the cache after the index was complete. */
  cached: number;
  /** From the start of the rebuild to the end of its progress: every file in the index. */
  readyMs: number;
}

/** Files per message to a worker: few enough to spread the work evenly, enough to keep messages rare. */
const BATCH = 16;
const PROGRESS_EVERY_MS = 100;

export class WorkspaceIndex {
  private readonly files = new Map<string, IndexedFile>();
  private readonly listeners = new Set<(change: IndexChange) => void>();
  /** Bumped by every rebuild so an older one still running stops instead of mixing results. */
  private generation = 0;
  /** The newest refresh per uri, so an older one finishing later does not undo it. */
  private readonly refreshes = new Map<string, number>();
  private refreshCount = 0;
  private cacheUnwritable = false;

  /**
   * @param runner analysis worker threads; by default one per core at background priority, started on first use,
   * stopped when idle for a minute.
   */
  constructor(private readonly runner: JobRunner = createJobRunner({
    size: defaultJobs(), threads: true, unref: true, idleMs: 60_000, background: true,
  })) {}

  get size(): number {
    return this.files.size;
  }

  all(): IterableIterator<IndexedFile> {
    return this.files.values();
  }

  get(uri: string): IndexedFile | undefined {
    return this.files.get(normalizeUri(uri));
  }

  /** Adds a listener for files indexed and removed; returns the function that removes it. */
  onDidChange(listener: (change: IndexChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Indexes every seed file under `folders` (file-system paths) on the workers, updating entries as they arrive and
   * dropping, at the end, files no longer there. Returns null when a newer rebuild superseded this one.
   */
  async rebuild(folders: readonly string[], options: IndexOptions): Promise<RebuildStats | null> {
    const started = Date.now();
    const generation = ++this.generation;
    const stale = () => generation !== this.generation;
    const candidates: string[] = [];
    for (const folder of folders) {
      await collectSeedFiles(folder, options.matcher, candidates, stale);
      if (stale()) return null;
    }
    const cacheDir = this.cacheDir(options);
    const total = candidates.length;
    const stats: RebuildStats = { files: 0, fromCache: 0, analysed: 0, threads: this.runner.size, cached: 0, readyMs: 0 };
    const found = new Set<string>();
    const hashes = new Set<string>();
    options.progress?.begin('Indexing seed files', 0, `0/${total}`, false);
    let done = 0;
    let reported = 0;
    let next = 0;
    const work = async () => {
      while (next < total && !stale()) {
        const files = candidates.slice(next, next + BATCH);
        next += files.length;
        const response = await this.runBatch(files, options, cacheDir);
        if (stale()) return;
        for (const outcome of response.outcomes) {
          if (outcome.kind !== 'indexed') continue;
          found.add(pathToFileURL(outcome.path).href);
          hashes.add(outcome.summary.hash);
          if (outcome.fromCache) stats.fromCache++;
          else stats.analysed++;
        }
        this.apply(response, options);
        done += files.length;
        if (Date.now() - reported >= PROGRESS_EVERY_MS || done === total) {
          reported = Date.now();
          options.progress?.report(Math.round((100 * done) / total), `${done}/${total}`);
        }
      }
    };
    try {
      // Two batches per worker in flight: one running, one waiting, none idle.
      await Promise.all(Array.from({ length: Math.max(1, this.runner.size * 2) }, work));
    } finally {
      options.progress?.done();
    }
    if (stale()) return null;
    stats.readyMs = Date.now() - started;
    for (const [uri] of this.files) {
      if (!found.has(uri)) this.delete(uri);
    }
    stats.files = this.files.size;
    if (cacheDir && options.cacheRoot) {
      stats.cached = await this.flushCache(options);
      if (!this.cacheUnwritable) void pruneCache(options.cacheRoot, cacheDir, hashes).catch(() => undefined);
    }
    return stats;
  }

  /**
   * Re-reads one file after it changed on disk; a file that is gone or no longer a seed is dropped, and so is
   * everything under a deleted folder. Resolves to whether the index changed.
   */
  async refresh(path: string, isSeed: boolean, options: IndexOptions): Promise<boolean> {
    const uri = pathToFileURL(path).href;
    const turn = ++this.refreshCount;
    this.refreshes.set(uri, turn);
    if (isSeed) {
      const cacheDir = this.cacheDir(options);
      const response = await this.runBatch([path], options, cacheDir);
      if (cacheDir) await this.flushCache(options);
      if (this.refreshes.get(uri) !== turn) return false;
      this.refreshes.delete(uri);
      const before = this.files.get(uri);
      this.apply(response, options);
      return this.files.get(uri) !== before;
    }
    this.refreshes.delete(uri);
    let changed = this.delete(uri);
    for (const key of [...this.files.keys()]) {
      if (key.startsWith(`${uri}/`)) changed = this.delete(key) || changed;
    }
    return changed;
  }

  remove(uri: string): void {
    this.delete(normalizeUri(uri));
  }

  /** Stops the worker threads (they also stop by themselves when idle). */
  dispose(): Promise<void> {
    return this.runner.close();
  }

  private async runBatch(files: string[], options: IndexOptions, cacheDir: string | null): Promise<IndexResponse> {
    try {
      return await this.runner.run('index', { files, maxFileSizeKb: options.limits.maxFileSizeKb, cacheDir });
    } catch (error) {
      // A worker that died takes only its batch along; the index goes on with the rest.
      const message = `Not indexed: ${files.join(', ')}: ${(error as Error).message}`;
      return { outcomes: files.map((path) => ({ path, kind: 'skipped', message })), notes: [], cacheFailed: false };
    }
  }

  /** Has the workers write the summaries they analysed; returns how many were written. */
  private async flushCache(options: IndexOptions): Promise<number> {
    let written = 0;
    try {
      for (const flushed of await this.runner.runOnEach('flushIndexCache', null)) {
        for (const note of flushed.notes) options.log?.(note);
        if (flushed.cacheFailed) this.cacheUnwritable = true;
        written += flushed.written;
      }
    } catch (error) {
      options.log?.(`Writing the index cache failed: ${(error as Error).message}`);
    }
    return written;
  }

  private apply(response: IndexResponse, options: IndexOptions): void {
    for (const note of response.notes) options.log?.(note);
    if (response.cacheFailed) this.cacheUnwritable = true;
    for (const outcome of response.outcomes) {
      const uri = pathToFileURL(outcome.path).href;
      if (outcome.kind === 'skipped') {
        if (outcome.message) options.log?.(outcome.message);
        this.delete(uri);
        continue;
      }
      const before = this.files.get(uri);
      if (before && before.hash === outcome.summary.hash) continue;
      const file: IndexedFile = { uri, ...outcome.summary };
      this.files.set(uri, file);
      this.emit({ kind: 'indexed', path: outcome.path, file });
    }
  }

  private delete(uri: string): boolean {
    const file = this.files.get(uri);
    if (!file) return false;
    this.files.delete(uri);
    this.emit({ kind: 'removed', path: pathOf(uri), uri });
    return true;
  }

  private emit(change: IndexChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch {
        // A consumer's bug must not stop the index; the consumer logs its own errors.
      }
    }
  }

  /** The versioned cache folder, made on first use with a .gitignore, or null when there is none to use. */
  private cacheDir(options: IndexOptions): string | null {
    if (!options.cacheRoot || this.cacheUnwritable) return null;
    const dir = join(options.cacheRoot, versionedCacheName());
    try {
      mkdirSync(dir, { recursive: true });
      const ignore = join(options.cacheRoot, '.gitignore');
      // The cache may live inside a workspace (.seed-annotator/cache/): keep it out of the analyst's commits.
      if (!existsSync(ignore)) writeFileSync(ignore, '# Seed Annotator index cache: safe to delete\n*\n');
      return dir;
    } catch (error) {
      options.log?.(`The index cache folder cannot be made, indexing without it: ${(error as Error).message}`);
      this.cacheUnwritable = true;
      return null;
    }
  }
}

function pathOf(uri: string): string {
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}
