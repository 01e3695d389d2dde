// The one way Seed Annotator writes a file the user keeps (sidecars, `.seed-annotator/*` workspace files): take the
// lock next to it, re-read it under the lock, let the caller merge what is on disk with its own change, write the
// result atomically, release. Two writers (editor windows, language servers, CLI runs) therefore never lose each
// other's changes, and a crash leaves the old or the new file, never a torn one. See docs/contracts.md.
import { lstatSync, readFileSync, statSync } from 'node:fs';
import { writeFileAtomic } from '../tags/atomicWrite';
import { LockTimeoutError, withFileLockSync, type LockOptions } from './fileLock';

/** A refusal to write, with a message that names the file (symlink, unreadable file, lock held too long). */
export class WriteRefusedError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'WriteRefusedError';
  }
}

/**
 * Updates `path` under its lock. `merge` gets the file's current text (null when it does not exist) read under the
 * lock, and returns the text to write, or null to leave the file as it is. Returns true when it wrote.
 * `merge` may throw to refuse (e.g. the file on disk is invalid); the lock is released and nothing is written.
 */
export function updateFileLocked(path: string, merge: (current: string | null) => string | null, options?: LockOptions): boolean {
  refuseLink(path);
  try {
    return withFileLockSync(
      path,
      () => {
        refuseLink(path); // replaced by a link while we waited
        const current = readIfPresent(path);
        const next = merge(current);
        if (next === null || next === current) return false;
        writeFileAtomic(path, next);
        return true;
      },
      options,
    );
  } catch (err) {
    if (err instanceof LockTimeoutError) throw new WriteRefusedError(path, err.message);
    throw err;
  }
}

/** Replaces `path` with `data` under its lock (for files whose writer owns their whole content). */
export function writeFileLocked(path: string, data: string, options?: LockOptions): boolean {
  return updateFileLocked(path, () => data, options);
}

/**
 * A kept file that is a symbolic link is never written through: the link could point outside the workspace (a
 * shared folder, a system file), and an atomic rename would silently replace the link with a copy.
 */
export function refuseLink(path: string): void {
  let isLink = false;
  try {
    isLink = lstatSync(path).isSymbolicLink();
  } catch {
    return; // missing: it will be created as a regular file
  }
  if (isLink) {
    throw new WriteRefusedError(
      path,
      `${path}: is a symbolic link; Seed Annotator does not write through links (it could point outside the workspace). ` +
        'Replace it with a regular file to save tags here.',
    );
  }
}

/** refuseLink for callers with their own error type (e.g. CodebookError), so their refusals read the same. */
export function refuseLinkAs(path: string, ErrorType: new (message: string) => Error): void {
  try {
    refuseLink(path);
  } catch (err) {
    throw new ErrorType((err as Error).message);
  }
}

function readIfPresent(path: string): string | null {
  try {
    // Only a regular file is read: a pipe or device in its place would block or never end.
    if (!statSync(path).isFile()) throw new WriteRefusedError(path, `${path}: is not a regular file; nothing was written`);
    return readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof WriteRefusedError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new WriteRefusedError(path, `${path}: cannot read it before writing (${(err as Error).message}); nothing was written`);
  }
}
