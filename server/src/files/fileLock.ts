// An exclusive lock next to a file, shared by every writer on this machine (editor windows, language servers, CLI
// runs): `.<name>.lock` is created with O_EXCL, holds its owner's pid, host and a nonce, and is removed on release.
// Synchronous, because the store's read-merge-write is synchronous; waits sleep with Atomics.wait, not a busy loop.
// A lock whose owner died (same host, pid gone) or that is older than `staleMs` is broken, so a killed writer
// never blocks the next one for long. (proper-lockfile's lockSync cannot wait, hence our own.)
import { closeSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { processAlive, removeQuietly } from './leftovers';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

export interface LockOptions {
  /** Give up after this long (ms) and throw a LockTimeoutError naming the file. */
  timeoutMs?: number;
  /** A lock older than this (ms) is taken to be abandoned even when its owner cannot be checked. */
  staleMs?: number;
}

export class LockTimeoutError extends Error {
  constructor(readonly target: string, readonly lockPath: string, readonly owner: string) {
    super(`${target}: another writer (${owner}) holds ${lockPath}; try again, or delete that file if no Seed Annotator process is running`);
  }
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_STALE_MS = 30_000;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** The lock file that guards `target`. */
export function lockPathOf(target: string): string {
  return join(dirname(target), `.${basename(target)}.lock`);
}

/** Runs `fn` while holding the lock on `target`; the lock is released however `fn` ends. */
export function withFileLockSync<T>(target: string, fn: () => T, options: LockOptions = {}): T {
  const release = acquireSync(target, options);
  try {
    return fn();
  } finally {
    release();
  }
}

/** Takes the lock on `target`, waiting for other holders; returns the function that releases it. */
export function acquireSync(target: string, options: LockOptions = {}): () => void {
  const lockPath = lockPathOf(target);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const nonce = randomBytes(8).toString('hex');
  const deadline = Date.now() + timeoutMs;
  let pause = 2;
  for (;;) {
    if (tryCreate(lockPath, nonce)) return () => releaseIfOurs(lockPath, nonce);
    const holder = readHolder(lockPath);
    if (holder && isAbandoned(holder, staleMs)) {
      breakLock(lockPath, holder.raw);
      continue;
    }
    if (Date.now() >= deadline) throw new LockTimeoutError(target, lockPath, holder ? describe(holder) : 'unknown');
    // Jittered back-off so many waiting writers do not wake in lockstep.
    Atomics.wait(sleeper, 0, 0, pause + Math.random() * pause);
    pause = Math.min(pause * 2, 50);
  }
}

interface Holder {
  raw: string;
  pid: number;
  host: string;
  ageMs: number;
}

function tryCreate(lockPath: string, nonce: string): boolean {
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx', 0o644);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    throw new Error(`${lockPath}: cannot create the lock file (${(err as Error).message})`);
  }
  try {
    writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), nonce }));
  } finally {
    closeSync(fd);
  }
  return true;
}

function readHolder(lockPath: string): Holder | null {
  try {
    const raw = readFileSync(lockPath, 'utf8');
    const ageMs = Date.now() - statSync(lockPath).mtimeMs;
    const parsed = parseHolder(raw);
    return { raw, ageMs, pid: parsed.pid, host: parsed.host };
  } catch {
    return null; // released between our attempt and the read: try again at once
  }
}

function parseHolder(raw: string): { pid: number; host: string } {
  try {
    const value: unknown = JSON.parse(raw);
    if (value && typeof value === 'object') {
      const { pid, host } = value as { pid?: unknown; host?: unknown };
      return { pid: typeof pid === 'number' ? pid : 0, host: typeof host === 'string' ? host : '' };
    }
  } catch {
    // A holder killed between creating and writing the file leaves it empty; its age decides.
  }
  return { pid: 0, host: '' };
}

function isAbandoned(holder: Holder, staleMs: number): boolean {
  if (holder.ageMs > staleMs) return true;
  if (holder.host === hostname() && holder.pid > 0) return !processAlive(holder.pid);
  // Unreadable owner (empty file from a writer killed mid-creation): give it a moment, then break it.
  return holder.pid === 0 && holder.ageMs > 1_000;
}

/**
 * Removes an abandoned lock without ever removing a live one: the file is first moved aside under a unique name,
 * and if what was moved is not the lock we judged abandoned (someone broke it and locked again meanwhile), the
 * fresh lock is put back.
 */
function breakLock(lockPath: string, judgedRaw: string): void {
  const aside = `${lockPath}.${process.pid}.${randomBytes(4).toString('hex')}.broken`;
  try {
    renameSync(lockPath, aside);
  } catch {
    return; // gone already
  }
  let movedRaw = '';
  try {
    movedRaw = readFileSync(aside, 'utf8');
  } catch {
    // unreadable: treat as the abandoned one
  }
  if (movedRaw !== '' && movedRaw !== judgedRaw) {
    try {
      linkSync(aside, lockPath); // fails if yet another writer has locked since: theirs stands
    } catch {
      // keep theirs
    }
  }
  removeQuietly(aside);
}

function releaseIfOurs(lockPath: string, nonce: string): void {
  try {
    const raw = readFileSync(lockPath, 'utf8');
    if (raw.includes(`"nonce":"${nonce}"`)) unlinkSync(lockPath);
  } catch {
    // Already broken by someone who judged us abandoned; nothing to release.
  }
}

function describe(holder: Holder): string {
  const who = holder.pid > 0 ? `pid ${holder.pid}${holder.host ? ` on ${holder.host}` : ''}` : 'an unknown process';
  return `${who}, ${Math.round(holder.ageMs / 1000)} s old`;
}
