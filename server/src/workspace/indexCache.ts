// The index's on-disk cache: packs of entries, one entry a line (`<sha256 of the content> <FileSummary as compact JSON>`,
// see summaryCodec.ts), in
// `pack-*.jsonl` files under a folder named for the cache format and the analysis fingerprint (cacheVersion.ts).
// Reopening a workspace reads a few large files instead of one small file per article: opening ten thousand files
// cost more than the rest of a warm index together. Packs are written whole to a temp file and renamed into place,
// never changed afterwards, so two servers sharing a folder never conflict; a full index folds them back into one.
// A line that is damaged anyway (a hand edit, a disk error) fails validation when it is needed, is reported and
// dropped at the next fold, and its file is analyzed again: the cache is never trusted blindly.
import { open, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { bytesOf, type Text } from '../workers/transfer';

/** A hit is the entry's JSON bytes (still encoded) and where it is, for a report should it not decode. */
export type CacheLookup = { kind: 'hit'; entry: Buffer; where: string } | { kind: 'miss' } | { kind: 'corrupt'; message: string };

const PACK_PREFIX = 'pack-';
const PACK_SUFFIX = '.jsonl';
const HASH_LENGTH = 64;
/** More packs than this (each refresh writes one) and the next full index folds them into one. */
const MAX_PACKS = 8;
/** Temp files of writers that died are removed once this old (a live writer finishes in seconds). */
const STALE_TEMP_MS = 60 * 60 * 1000;
/** Lines taken into the table between two looks at the clock while a pack is read. */
const LINES_PER_CHECK = 100;
/** Longest the event loop is held while a pack's lines are found: a turn ends once this much time has passed. */
const TURN_MS = 4;
/** Bytes of a pack written at a time: each slice is copied into one buffer, then written while the loop runs on. */
const WRITE_SLICE = 1024 * 1024;

const NEWLINE = 0x0a;
const SPACE = 0x20;
const CLOSE_BRACKET = 0x5d;

interface Line {
  /** Index of the pack (in `packs` and `contents`). */
  pack: number;
  start: number;
  end: number;
  number: number;
}

/**
 * The entries of every pack in a cache folder, read once per full index, each pack in one read; lines are parsed
 * only when asked for.
 */
export class LoadedCache {
  private readonly lines = new Map<string, Line>();
  /** Each pack's bytes: lines stay bytes, outside the JavaScript heap (which the index itself fills), until needed. */
  private readonly contents: Buffer[] = [];
  /** Packs holding a line that failed validation: the next fold leaves those lines out. */
  private damaged = false;

  private constructor(
    readonly dir: string,
    readonly packs: readonly string[],
  ) {}

  /**
   * Reads every pack in `dir` (a missing folder is an empty cache), each in one read off the event loop, then finds
   * its lines a slice at a time so the loop is never held for long. Lines that are not entries at all are reported
   * in `notes`.
   */
  static async load(dir: string, notes: string[], listed?: readonly string[]): Promise<LoadedCache> {
    const names = listed ?? (await LoadedCache.list(dir));
    const packs: string[] = [];
    const contents: Buffer[] = [];
    for (const name of names) {
      try {
        contents.push(await readFile(join(dir, name)));
        packs.push(join(dir, name));
      } catch {
        // Removed by another server's fold while we read it: its entries are in that server's new pack.
      }
    }
    const cache = new LoadedCache(dir, packs);
    cache.contents.push(...contents);
    let turnStarted = performance.now();
    for (let pack = 0; pack < contents.length; pack++) {
      const bytes = contents[pack];
      let number = 0;
      let start = 0;
      for (let end = bytes.indexOf(NEWLINE); start < bytes.length; end = bytes.indexOf(NEWLINE, start)) {
        if (end === -1) end = bytes.length;
        cache.add({ pack, start, end, number: ++number }, notes);
        start = end + 1;
        if (number % LINES_PER_CHECK === 0 && performance.now() - turnStarted >= TURN_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          turnStarted = performance.now();
        }
      }
    }
    return cache;
  }

  /** The pack files in `dir` (none for a missing folder), oldest first: the first step of `load`, alone. */
  static async list(dir: string): Promise<string[]> {
    return (await readdir(dir).catch(() => [] as string[])).filter(isPackName).sort();
  }

  get size(): number {
    return this.lines.size;
  }

  has(hash: string): boolean {
    return this.lines.has(hash);
  }

  /** The stored entry (its JSON, as UTF-8 bytes), for rewriting it into a new pack without parsing it. */
  entry(hash: string): Buffer | undefined {
    const line = this.lines.get(hash);
    return line && this.contents[line.pack].subarray(line.start + HASH_LENGTH + 1, line.end);
  }

  /**
   * The entry for this content, checked cheaply: it must be whole (a line cut short ends before its closing
   * bracket) and name this content as its first field. The rest is validated when the entry is decoded
   * (lazyIndexedFile.ts). A damaged one is forgotten and reported.
   */
  take(hash: string): CacheLookup {
    const line = this.lines.get(hash);
    if (!line) return { kind: 'miss' };
    const bytes = this.contents[line.pack];
    const start = line.start + HASH_LENGTH + 1;
    if (bytes[line.end - 1] !== CLOSE_BRACKET) return this.discard(hash, line, 'not valid JSON (the entry is cut short)');
    const head = bytes.toString('latin1', start, Math.min(line.end, start + HASH_LENGTH + 4));
    if (head !== `["${hash}",`) {
      const other = /^\["([0-9a-f]{64})",$/.exec(head)?.[1];
      const why = other ? `made for content ${other.slice(0, 12)}…, not ${hash.slice(0, 12)}…` : 'not a cache entry of this version';
      return this.discard(hash, line, why);
    }
    return { kind: 'hit', entry: bytes.subarray(start, line.end), where: where(this.packs[line.pack], line) };
  }

  /**
   * Whether the packs should be folded into one: damaged lines, too many packs, or as many entries no file needs
   * as entries in use (`live`: how many distinct contents the index holds).
   */
  needsFolding(live: number): boolean {
    return this.damaged || this.packs.length >= MAX_PACKS || (this.lines.size > 0 && this.lines.size >= 2 * live);
  }

  private add(line: Line, notes: string[]): void {
    const bytes = this.contents[line.pack];
    const hash = bytes.toString('latin1', line.start, Math.min(line.end, line.start + HASH_LENGTH));
    if (line.end - line.start <= HASH_LENGTH || bytes[line.start + HASH_LENGTH] !== SPACE || !/^[0-9a-f]{64}$/.test(hash)) {
      this.damaged = true;
      notes.push(discardMessage(this.packs[line.pack], line, 'not a cache entry line'));
      return;
    }
    // A later pack's entry for the same content replaces one found damaged when read: fold the old one away.
    if (this.lines.has(hash)) this.damaged = true;
    this.lines.set(hash, line);
  }

  private discard(hash: string, line: Line, why: string): CacheLookup {
    this.lines.delete(hash);
    this.damaged = true;
    return { kind: 'corrupt', message: discardMessage(this.packs[line.pack], line, why) };
  }
}

function discardMessage(pack: string, line: Line, why: string): string {
  return discardedEntry(where(pack, line), why);
}

function where(pack: string, line: Line): string {
  return `${pack} line ${line.number}`;
}

/** The log line for an entry that is not used: `where` is its pack and line. */
export function discardedEntry(where: string, why: string): string {
  return `Discarded a corrupt index cache entry ${where}: ${why}`;
}

/**
 * Writes a new pack of entries (content hash, summary JSON) as lines `<hash> <json>` (no newline inside: JSON
 * escapes them): to a temp file, then renamed into place. Each slice of about a megabyte is copied into one buffer
 * and written before the next is made, so a large pack neither holds the event loop nor makes one huge string.
 * Throws with the path when the folder cannot be written.
 */
export async function writePack(dir: string, entries: readonly (readonly [hash: string, json: Text])[]): Promise<string> {
  const name = `${PACK_PREFIX}${Date.now().toString(36)}-${process.pid}-${Math.random().toString(16).slice(2, 10)}${PACK_SUFFIX}`;
  const path = join(dir, name);
  const temp = `${path}.tmp`;
  const file = await open(temp, 'w');
  try {
    for (let first = 0; first < entries.length;) {
      const slice: [string, Buffer][] = [];
      let size = 0;
      while (first < entries.length && (slice.length === 0 || size < WRITE_SLICE)) {
        const [hash, json] = entries[first++];
        const bytes = bytesOf(json);
        slice.push([hash, bytes]);
        size += HASH_LENGTH + 1 + bytes.length + 1;
      }
      const out = Buffer.allocUnsafe(size);
      let at = 0;
      for (const [hash, bytes] of slice) {
        at += out.write(hash, at, 'latin1');
        out[at++] = SPACE;
        at += bytes.copy(out, at);
        out[at++] = NEWLINE;
      }
      await file.write(out, 0, at);
    }
  } finally {
    await file.close();
  }
  await rename(temp, path);
  return path;
}

/** Removes packs folded into a newer one, and temp files a writer that died left behind. */
export async function removePacks(packs: readonly string[]): Promise<void> {
  await Promise.all(packs.map((pack) => unlink(pack).catch(() => undefined)));
}

/**
 * Removes what the current version no longer needs: folders of other cache versions under `root`, and temp files
 * in `current` left by writers that died.
 * @returns how many folders and files were removed.
 */
export async function pruneCache(root: string, current: string): Promise<number> {
  let removed = 0;
  for (const name of await readdir(root).catch(() => [] as string[])) {
    if (name.startsWith('index-v') && join(root, name) !== current) {
      await rm(join(root, name), { recursive: true, force: true });
      removed++;
    }
  }
  for (const name of await readdir(current).catch(() => [] as string[])) {
    if (!name.endsWith('.tmp')) continue;
    const path = join(current, name);
    const modified = await stat(path).then(
      (s) => s.mtimeMs,
      () => Date.now(),
    );
    if (Date.now() - modified > STALE_TEMP_MS) {
      await unlink(path).catch(() => undefined);
      removed++;
    }
  }
  return removed;
}

function isPackName(name: string): boolean {
  return name.startsWith(PACK_PREFIX) && name.endsWith(PACK_SUFFIX);
}
