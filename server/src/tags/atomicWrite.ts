// Replaces a file atomically with node's fs: write a temp file in the same folder, fsync it, rename it over the
// target, fsync the folder. A crash at any point leaves either the old file or the new one, never a torn mix.
// (Plain fs rather than write-file-atomic so the two steps can be separated in tests that simulate a crash.)
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, statSync, writeSync } from 'node:fs';
import { processAlive, removeQuietly } from '../files/leftovers';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

export interface StagedWrite {
  /** The fully written, fsynced temp file; the target is untouched until commit(). */
  readonly tempPath: string;
  /** Renames the temp file over the target and syncs the folder entry. */
  commit(): void;
  /** Removes the temp file, leaving the target as it was. */
  abort(): void;
}

/** Writes `data` to `path` atomically. Throws (with the path in the message) if it cannot. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const staged = stageWrite(path, data);
  try {
    staged.commit();
  } catch (err) {
    staged.abort();
    throw err;
  }
  removeStaleTemps(path);
}

/**
 * Deletes temp files a crashed writer left next to `path` (ours are named `.<name>.<pid>.<hex>.tmp`). Only those
 * whose process is gone: a live writer's temp file is about to be renamed and must stay.
 */
export function removeStaleTemps(path: string): void {
  const dir = dirname(path);
  const head = `.${basename(path)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(head)) continue;
    // Also a lock file a writer moved aside to break it and was killed before deleting (see files/fileLock.ts).
    const match = /^(?:lock\.)?(\d+)\.[0-9a-f]{8}\.(?:tmp|broken)$/.exec(name.slice(head.length));
    if (!match) continue;
    const pid = Number(match[1]);
    // Our own writes are synchronous, so a temp file carrying our pid is a leftover of an earlier process.
    if (pid === process.pid || !processAlive(pid)) removeQuietly(join(dir, name));
  }
}

/** First half of an atomic write: the new content is durable in a temp file next to `path`. */
export function stageWrite(path: string, data: string | Uint8Array): StagedWrite {
  const dir = dirname(path);
  // A dotfile that does not end in `.tags.json`, so file watchers and directory scans never mistake it for a sidecar.
  const tempPath = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(tempPath, 'wx', existingMode(path) ?? 0o666);
  } catch (err) {
    // Name the file the user asked for, not our temp file: the usual cause is a missing or read-only folder.
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? `the folder ${dir} does not exist`
        : code === 'EACCES' || code === 'EPERM'
          ? `no permission to write in ${dir}`
          : (err as Error).message.replace(tempPath, dir);
    throw new Error(`${path}: cannot write (${why})`);
  }
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    removeQuietly(tempPath);
    throw new Error(`${path}: could not write the temp file ${tempPath} (${(err as Error).message})`);
  }
  closeSync(fd);
  let done = false;
  return {
    tempPath,
    commit() {
      if (done) return;
      try {
        renameSync(tempPath, path);
      } catch (err) {
        throw new Error(`${path}: could not replace the file (${(err as Error).message})`);
      }
      done = true;
      syncDirectory(dir);
    },
    abort() {
      if (done) return;
      done = true;
      removeQuietly(tempPath);
    },
  };
}

function existingMode(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o777;
  } catch {
    return undefined;
  }
}

/** The rename is only durable once the folder entry is on disk. Some platforms (Windows) cannot fsync a folder. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Best effort: the data itself was fsynced before the rename.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
