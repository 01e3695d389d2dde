// An exclusive lock next to a file, shared by every writer on this machine (editor windows, language servers, CLI
// runs): `.<name>.lock` is created with O_EXCL, holds its owner's pid, host and a nonce, and is removed on release.
// Synchronous, because the store's read-merge-write is synchronous; waits sleep with Atomics.wait, not a busy loop.
// A lock whose owner died (same host, pid gone) or that is older than `staleMs` is broken, so a killed writer
// never blocks the next one for long. (proper-lockfile's lockSync cannot wait, hence our own.)
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { processAlive, removeQuietly } from './leftovers';
import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

export interface LockOptions {
  /** Give up after this long (ms) and throw a LockTimeoutError naming the file. */
  timeoutMs?: number;
  /** A lock older than this (ms) is taken to be abandoned even when its owner cannot be checked. */
  staleMs?: number;
}

export class LockTimeoutError extends Error {
  constructor(
    readonly target: string,
    readonly lockPath: string,
    readonly owner: string,
  ) {
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
      breakLock(lockPath, holder);
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
  /** Tells this lock file from any later one at the same path (inode numbers are reused, so with its content). */
  identity: string;
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
    const stats = statSync(lockPath);
    const parsed = parseHolder(raw);
    const identity = createHash('sha256').update(`${stats.ino}:${stats.birthtimeMs}:${stats.ctimeMs}:${raw}`).digest('hex').slice(0, 16);
    return { raw, ageMs: Date.now() - stats.mtimeMs, pid: parsed.pid, host: parsed.host, identity };
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
 * Removes an abandoned lock so that no live lock is ever removed, however many writers judge it abandoned at once:
 * only the writer that creates the breaker token named after this very lock file (O_EXCL) may delete it, and only
 * if the lock at the path is still that file. While the token exists nobody else removes that file (its owner is
 * dead, other breakers lack the token); once the token is gone, so is the file, and lock files are never the same
 * twice (their identity includes a random nonce), so a late breaker's check fails. (Moving the lock aside and
 * putting it back, as before, let two writers hold it when a third locked in between.)
 */
function breakLock(lockPath: string, judged: Holder): void {
  const token = `${lockPath}.${judged.identity}.breaking`;
  let fd: number;
  try {
    fd = openSync(token, 'wx', 0o644);
  } catch {
    removeTokenOfDeadBreaker(token);
    return; // another writer is breaking it: wait for the lock like everyone else
  }
  try {
    writeSync(fd, String(process.pid));
  } finally {
    closeSync(fd);
  }
  try {
    const now = readHolder(lockPath);
    if (now && now.identity === judged.identity) removeQuietly(lockPath);
  } finally {
    removeQuietly(token);
  }
}

/** A breaker killed while holding its token would block the lock for good: its token goes once it is a second old. */
function removeTokenOfDeadBreaker(token: string): void {
  try {
    const raw = readFileSync(token, 'utf8');
    const pid = Number(raw);
    if (Date.now() - statSync(token).mtimeMs < 1_000 || (pid > 0 && processAlive(pid))) return;
    if (readFileSync(token, 'utf8') === raw) removeQuietly(token);
  } catch {
    // gone already
  }
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
