// Entry point of a bundled analysis worker thread (dist/analysisWorkerLoader.js): loads dist/analysisWorker.js with
// V8's code cache. Every worker compiled the whole analysis bundle again, and compiled each function again the first
// time a file used it; with the cache, a worker starts from the bytecode an earlier worker left. The cache sits
// beside the bundle (where nobody but whoever can change the bundle writes) and its name holds a hash of the bundle
// and the Node version: a new build or another Node never reads an old cache, and V8 refuses one that does not fit.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { parentPort, threadId } from 'node:worker_threads';
import type { IndexRequest } from '../workspace/indexJob';
import type { JobMessage } from './jobs';

/** Analysis jobs done before the cache is written: by then the functions a file needs are compiled. */
const WRITE_AFTER_JOBS = 4;

/** Jobs that analyze (a job of the index that only hashes files compiles little of the analysis). */
const analyzes = (message: JobMessage) => message.kind !== 'index' || (message.request as IndexRequest | undefined)?.hashOnly === false;

export interface LoadedBundle {
  /** What the bundle exported. */
  exports: unknown;
  /** The cache file that was looked for. */
  cacheFile: string;
  /** Whether V8 took the cache (false: none there, or refused). */
  fromCache: boolean;
  /** Writes the cache now, when it was not taken; false when it could not be written (a read-only folder). */
  writeCache(): boolean;
}

/** Runs the CommonJS bundle `file` in this thread, compiled from its code cache when one fits. */
export function loadWithCodeCache(file: string): LoadedBundle {
  const source = readFileSync(file, 'utf8');
  const key = createHash('sha256').update(process.version).update(process.arch).update(source).digest('hex').slice(0, 16);
  const cacheFile = `${file}.${key}.v8cache`;
  const cachedData = readCache(cacheFile);
  const script = new Script(wrap(source), { filename: file, cachedData });
  const fromCache = cachedData !== undefined && script.cachedDataRejected !== true;
  const loaded = { exports: {} as unknown, filename: file };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(loaded.exports, loaded.exports, createRequire(file), loaded, file, dirname(file));
  let written = fromCache;
  return {
    exports: loaded.exports,
    cacheFile,
    fromCache,
    writeCache() {
      if (written) return true;
      written = true;
      // Written whole under another name and renamed, so another worker never reads half a cache.
      const partial = join(dirname(cacheFile), `.${threadId}-${process.pid}.v8cache.tmp`);
      try {
        const data = script.createCachedData();
        writeFileSync(partial, Buffer.concat([digest(data), data]));
        renameSync(partial, cacheFile);
      } catch {
        remove(partial);
        return false; // a folder we may not write to: workers start as they did without a cache
      }
      dropOtherCaches(file, cacheFile);
      return true;
    },
  };
}

const DIGEST_BYTES = 32;
const digest = (data: Uint8Array) => createHash('sha256').update(data).digest();

/**
 * The cache's data, when its digest (written before it) still fits: V8 checks that a cache was made for this
 * version and these flags, but takes damaged bytes of a right one as they are.
 */
function readCache(cacheFile: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(cacheFile);
  } catch {
    return undefined; // none yet
  }
  const data = bytes.subarray(DIGEST_BYTES);
  return bytes.length > DIGEST_BYTES && digest(data).equals(bytes.subarray(0, DIGEST_BYTES)) ? data : undefined;
}

/** Caches of earlier builds of `file` (or for another Node) are never read again: removed when a new one is made. */
function dropOtherCaches(file: string, keep: string): void {
  const prefix = `${basename(file)}.`;
  try {
    for (const name of readdirSync(dirname(file))) {
      const path = join(dirname(file), name);
      if (name.startsWith(prefix) && name.endsWith('.v8cache') && path !== keep) remove(path);
    }
  } catch {
    // Leftovers cost only disk space.
  }
}

function remove(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Leftovers cost only disk space.
  }
}

/** Loads the worker bundle beside this loader and writes its cache once the worker has done a few jobs. */
function main(): void {
  const loaded = loadWithCodeCache(join(__dirname, 'analysisWorker.js'));
  if (loaded.fromCache || !parentPort) return;
  const port = parentPort;
  let jobs = 0;
  const count = (message: JobMessage) => {
    if (!analyzes(message) || ++jobs < WRITE_AFTER_JOBS) return;
    port.off('message', count);
    // After the reply to this job is posted: the job's own answer does not wait for the write.
    setImmediate(() => loaded.writeCache());
  };
  port.on('message', count);
}

if (require.main === module) main();
