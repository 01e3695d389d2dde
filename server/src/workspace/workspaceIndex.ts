// Background index of every seed file in the workspace folders: a compact summary per file (speakers and quotes with
// LSP ranges), built on analysis worker threads so the server's event loop stays free, with an on-disk cache keyed
// by content hash so reopening a workspace only reads and hashes its files.
//
// For corpus-wide features (speaker and quote-provenance indexes): subscribe with `onDidChange`. Each change is
//   { kind: 'indexed', path, file, sidecar? }
//                                    — a file entered the index or its content changed; `file` is its IndexedFile
//                                      (uri, content `hash`, title, primaryDate, speakers, quotes with code points);
//                                      `sidecar`, during a full index, says whether the walk of the folders saw the
//                                      file's tag sidecar beside it (absent: not known, look for yourself);
//   { kind: 'removed', path, uri }   — a file left the index (deleted, no longer a seed, unreadable, folder removed).
// A rebuild reports only what differs from the index before it (same uri and hash: no event), so a listener that
// starts from `all()` and folds the changes into its own tables stays equal to the index. Listeners run on the
// server's event loop: keep them cheap, or queue the work. From the server: `server.workspace.index.onDidChange`.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkDoneProgressReporter } from 'vscode-languageserver';
import type { AnalysisLimits } from '../documents/analyzeDocument';
import { createJobRunner, defaultJobs, type JobRunner } from '../workers/pool';
import { versionedCacheName } from './cacheVersion';
import { textOf, type Text } from '../workers/transfer';
import { discardedEntry, LoadedCache, pruneCache, removePacks, writePack } from './indexCache';
import { encodedEntry, LazyIndexedFile } from './lazyIndexedFile';
import { decodeSummary } from './summaryCodec';
import type { IndexResponse } from './indexJob';
import { normalizeUri, type IndexedFile } from './indexedFile';
import { collectSeedFiles, type SeedFileMatcher } from './seedMatcher';

export {
  contentHash,
  indexedFileOf,
  normalizeUri,
  type FileSummary,
  type IndexedFile,
  type IndexedQuote,
  type IndexedSpeaker,
} from './indexedFile';
export { DEFAULT_SEED_PATTERNS, SeedFileMatcher } from './seedMatcher';

export type IndexChange =
  { kind: 'indexed'; path: string; file: IndexedFile; sidecar?: boolean } | { kind: 'removed'; path: string; uri: string };

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
  analyzed: number;
  threads: number;
  /** Entries written to the cache after the index was complete. */
  cached: number;
  /** From the start of the rebuild to the end of its progress: every file in the index. */
  readyMs: number;
}

/** Files per message to a worker: few enough to spread the work evenly, enough to keep messages rare. */
const BATCH = 16;
/** Files per message when a worker only reads and hashes them, which takes a small fraction of analyzing them. */
const HASH_BATCH = 64;
/** Outcomes taken into the index between two yields to the event loop. */
const APPLY_PER_TURN = 16;
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
  /** The options of the latest rebuild: an entry found damaged when read has its file analyzed again with them. */
  private lastOptions: IndexOptions | null = null;
  /** An entry read from the cache failed to decode since it was loaded: the next full index folds the packs. */
  private foldNext = false;

  /**
   * @param runner analysis worker threads; by default one per core at background priority, started on first use,
   * stopped when idle for a minute.
   */
  constructor(
    private readonly runner: JobRunner = createJobRunner({
      size: defaultJobs(),
      threads: true,
      unref: true,
      idleMs: 60_000,
      background: true,
    }),
  ) {}

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
   *
   * With a cache or an earlier index to compare against, the workers first only read and hash the files; the hashes
   * found are taken from there, and only the rest go back to the workers to be analyzed. Without either, every file
   * is analyzed at once.
   */
  async rebuild(folders: readonly string[], options: IndexOptions): Promise<RebuildStats | null> {
    const started = Date.now();
    const generation = ++this.generation;
    const stale = () => generation !== this.generation;
    this.lastOptions = options;
    this.runner.warmUp();
    const cacheDir = this.cacheDir(options);
    const notes: string[] = [];
    const packs = cacheDir ? await LoadedCache.list(cacheDir) : [];
    if (stale()) return null;
    // Read while the folders are walked and the workers hash the first files: all mostly wait for the disk.
    let cache: LoadedCache | null = null;
    const loading = (cacheDir ? LoadedCache.load(cacheDir, notes, packs) : Promise.resolve(null)).then((loaded) => {
      cache = loaded;
      for (const note of notes.splice(0)) options.log?.(note);
    });
    const candidates: string[] = [];
    /** Tag sidecars the walk saw: the corpus need not look for the others' (a file system call a file). */
    const sidecars = new Set<string>();
    // The workers start on the files found so far while the walk goes on (a large folder takes a while to list).
    const walk = new WalkProgress();
    const walking = (async () => {
      for (const folder of folders) {
        if (stale()) break;
        await collectSeedFiles(folder, options.matcher, candidates, stale, sidecars, () => walk.found());
      }
    })().finally(() => walk.finish());
    const total = () => (walk.done ? `${candidates.length}` : `${candidates.length}+`);
    const stats: RebuildStats = { files: 0, fromCache: 0, analyzed: 0, threads: this.runner.size, cached: 0, readyMs: 0 };
    const found = new Set<string>();
    /** Summaries analyzed in this rebuild, as JSON, by content hash: what the cache does not have yet. */
    const analyzed = new Map<string, Text>();
    // Packs to look hashes up in (their entries are read meanwhile), or an index to compare with.
    const hashFirst = packs.length > 0 || this.files.size > 0;
    const misses: string[] = [];
    let next = 0;
    let done = 0;
    let reported = 0;
    options.progress?.begin('Indexing seed files', 0, `0/${total()}`, false);
    const settled = (count: number) => {
      done += count;
      if (Date.now() - reported >= PROGRESS_EVERY_MS || (walk.done && done === candidates.length)) {
        reported = Date.now();
        options.progress?.report(Math.round((100 * done) / Math.max(1, candidates.length)), `${done}/${total()}`);
      }
    };
    const work = async () => {
      while (!stale()) {
        let files: string[];
        let hashOnly: boolean;
        const size = hashFirst ? HASH_BATCH : BATCH;
        if (misses.length >= BATCH || (next >= candidates.length && walk.done && misses.length > 0)) {
          files = misses.splice(0, BATCH);
          hashOnly = false;
        } else if (next + size <= candidates.length || (walk.done && next < candidates.length)) {
          hashOnly = hashFirst;
          files = candidates.slice(next, next + size);
          next += files.length;
        } else if (!walk.done) {
          await walk.more();
          continue;
        } else {
          return;
        }
        const response = await this.runBatch(files, options, hashOnly);
        await loading;
        if (stale()) return;
        let final = 0;
        for (const [i, outcome] of response.outcomes.entries()) {
          // Taking entries (parsing, validating, telling the listeners) holds the event loop: a few at a time.
          if (i > 0 && i % APPLY_PER_TURN === 0) {
            await new Promise((resolve) => setImmediate(resolve));
            if (stale()) return;
          }
          const uri = outcome.uri;
          if (outcome.kind === 'skipped') {
            this.skip(uri, outcome.message, options);
            final++;
            continue;
          }
          let file: IndexedFile | undefined;
          if (outcome.kind === 'analyzed') {
            // Decoded when a feature reads it: a worker's summary is checked then, as a cache entry is.
            file = this.lazy(uri, outcome.path, outcome.hash, outcome.summary, null);
            analyzed.set(outcome.hash, outcome.summary);
            stats.analyzed++;
          } else {
            file = this.known(uri, outcome.path, outcome.hash, cache, options);
            if (!file) {
              misses.push(outcome.path);
              continue;
            }
            stats.fromCache++;
          }
          found.add(uri);
          this.set(uri, outcome.path, file, sidecars.has(outcome.path));
          final++;
        }
        settled(final);
      }
    };
    try {
      // Two batches per worker in flight: one running, one waiting, none idle. Files a worker only hashed and that
      // need analyzing come back as misses; a round ends with none left.
      while (!stale() && (!walk.done || next < candidates.length || misses.length > 0)) {
        await Promise.all(Array.from({ length: Math.max(1, this.runner.size * 2) }, work));
      }
    } finally {
      options.progress?.done();
    }
    await walking;
    await loading;
    if (stale()) return null;
    stats.readyMs = Date.now() - started;
    for (const [uri] of this.files) {
      if (!found.has(uri)) this.delete(uri);
    }
    stats.files = this.files.size;
    if (cacheDir && options.cacheRoot) {
      stats.cached = await this.writeCache(cacheDir, cache, analyzed, options);
      if (!this.cacheUnwritable) void pruneCache(options.cacheRoot, cacheDir).catch(() => undefined);
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
      const response = await this.runBatch([path], options, false);
      const [outcome] = response.outcomes;
      const cacheDir = this.cacheDir(options);
      if (cacheDir && outcome.kind === 'analyzed') {
        await this.writeCache(cacheDir, null, new Map([[outcome.hash, outcome.summary]]), options);
      }
      if (this.refreshes.get(uri) !== turn) return false;
      this.refreshes.delete(uri);
      const before = this.files.get(uri);
      if (outcome.kind === 'skipped') this.skip(uri, outcome.message, options);
      else if (outcome.kind === 'analyzed') {
        // Decoded here, one file: a refresh also analyzes again a file whose entry failed to decode.
        const summary = decodeSummary(textOf(outcome.summary));
        if (summary) this.set(uri, path, { uri, ...summary });
        else this.skip(uri, undecodable(path), options);
      }
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

  private async runBatch(files: string[], options: IndexOptions, hashOnly: boolean): Promise<IndexResponse> {
    try {
      return await this.runner.run('index', { files, maxFileSizeKb: options.limits.maxFileSizeKb, hashOnly });
    } catch (error) {
      // A worker that died takes only its batch along; the index goes on with the rest.
      const message = `Not indexed: ${files.join(', ')}: ${(error as Error).message}`;
      return { outcomes: files.map((path) => ({ path, uri: pathToFileURL(path).href, kind: 'skipped', message })) };
    }
  }

  /** The entry for this content without analyzing it: the index's own when unchanged, else the cache's. */
  private known(uri: string, path: string, hash: string, cache: LoadedCache | null, options: IndexOptions): IndexedFile | undefined {
    const before = this.files.get(uri);
    if (before?.hash === hash && !(before instanceof LazyIndexedFile && before.broken)) return before;
    const lookup = cache?.take(hash);
    if (lookup?.kind === 'hit') return this.lazy(uri, path, hash, lookup.entry, lookup.where);
    if (lookup?.kind === 'corrupt') options.log?.(lookup.message);
    return undefined;
  }

  /**
   * An entry decoded on first read. One that fails (`where`: its pack and line; null: made by a worker) is reported,
   * reads as empty, and has its file analyzed again on a later turn (never inside the read that found it).
   */
  private lazy(uri: string, path: string, hash: string, encoded: Text, where: string | null): LazyIndexedFile {
    return new LazyIndexedFile(uri, hash, encoded, (file, why) => {
      const options = this.lastOptions;
      options?.log?.(where === null ? undecodable(path) : discardedEntry(where, why));
      if (where !== null) this.foldNext = true;
      setImmediate(() => {
        if (options && this.files.get(uri) === file) void this.refresh(path, true, options).catch(() => undefined);
      });
    });
  }

  /**
   * Stores the summaries analyzed since the cache was read: a new pack of those alone, or, when the packs need
   * folding (damaged lines, too many packs, mostly stale entries), one pack of every entry the index uses in place
   * of all of them. Returns how many new entries were written.
   */
  private async writeCache(
    dir: string,
    cache: LoadedCache | null,
    analyzed: ReadonlyMap<string, Text>,
    options: IndexOptions,
  ): Promise<number> {
    const fresh = [...analyzed].filter(([hash]) => !cache?.has(hash));
    let entries: (readonly [string, Text])[] = fresh;
    let replaced: readonly string[] = [];
    if (cache) {
      const live = new Map([...this.files.values()].map((file) => [file.hash, file]));
      if (cache.needsFolding(live.size) || this.foldNext) {
        this.foldNext = false;
        replaced = cache.packs;
        entries = [];
        for (const [hash, file] of live) {
          if (file instanceof LazyIndexedFile && file.broken) continue; // its file is being analyzed again
          const json = analyzed.get(hash) ?? cache.entry(hash) ?? encodedEntry(file);
          if (json !== null) entries.push([hash, json]);
        }
      }
    }
    try {
      if (entries.length > 0) await writePack(dir, entries);
      await removePacks(replaced);
    } catch (error) {
      options.log?.(`The index cache cannot be written, indexing without it: ${(error as Error).message}`);
      this.cacheUnwritable = true;
      return 0;
    }
    return fresh.length;
  }

  private set(uri: string, path: string, file: IndexedFile, sidecar?: boolean): void {
    const before = this.files.get(uri);
    if (before === file || (before && before.hash === file.hash && !(before instanceof LazyIndexedFile && before.broken))) return;
    this.files.set(uri, file);
    this.emit(sidecar === undefined ? { kind: 'indexed', path, file } : { kind: 'indexed', path, file, sidecar });
  }

  private skip(uri: string, message: string | null, options: IndexOptions): void {
    if (message) options.log?.(message);
    this.delete(uri);
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

/** A worker's summary always decodes (the worker encoded it): one that does not is a bug to hear about. */
function undecodable(path: string): string {
  return `Not indexed: ${path}: the analysis worker sent a summary that does not decode`;
}

function pathOf(uri: string): string {
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}

/** How far the walk of the folders is: the index's workers wait on it when they have taken every file found so far. */
class WalkProgress {
  done = false;
  private waiting: (() => void)[] = [];

  /** Resolves when the walk found more files, or ended. */
  more(): Promise<void> {
    return this.done ? Promise.resolve() : new Promise((resolve) => this.waiting.push(resolve));
  }

  found(): void {
    for (const wake of this.waiting.splice(0)) wake();
  }

  finish(): void {
    this.done = true;
    this.found();
  }
}
