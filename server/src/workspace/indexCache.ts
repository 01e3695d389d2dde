// The index's on-disk cache: packs of entries, one entry a line (`<sha256 of the content> <FileSummary as JSON>`), in
// `pack-*.jsonl` files under a folder named for the cache format and the analysis fingerprint (cacheVersion.ts).
// Reopening a workspace reads a few large files instead of one small file per article: opening ten thousand files
// cost more than the rest of a warm index together. Packs are written whole to a temp file and renamed into place,
// never changed afterwards, so two servers sharing a folder never conflict; a full index folds them back into one.
// A line that is damaged anyway (a hand edit, a disk error) fails validation when it is needed, is reported and
// dropped at the next fold, and its file is analyzed again: the cache is never trusted blindly.
import { createReadStream } from 'node:fs';
import { open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileSummary, IndexedQuote, IndexedSpeaker } from './indexedFile';

export type CacheLookup = { kind: 'hit'; summary: FileSummary } | { kind: 'miss' } | { kind: 'corrupt'; message: string };

const PACK_PREFIX = 'pack-';
const PACK_SUFFIX = '.jsonl';
const HASH_LENGTH = 64;
/** More packs than this (each refresh writes one) and the next full index folds them into one. */
const MAX_PACKS = 8;
/** Temp files of writers that died are removed once this old (a live writer finishes in seconds). */
const STALE_TEMP_MS = 60 * 60 * 1000;

const NEWLINE = 0x0a;
const SPACE = 0x20;

interface Line {
  bytes: Buffer;
  pack: string;
  number: number;
}

/** The entries of every pack in a cache folder, read once per full index; lines are parsed only when asked for. */
export class LoadedCache {
  private readonly lines = new Map<string, Line>();
  /** Packs holding a line that failed validation: the next fold leaves those lines out. */
  private damaged = false;

  private constructor(
    readonly dir: string,
    readonly packs: readonly string[],
  ) {}

  /**
   * Reads every pack in `dir` (a missing folder is an empty cache), a chunk at a time so the event loop is never
   * held for long. Lines that are not entries at all are reported in `notes`.
   */
  static async load(dir: string, notes: string[]): Promise<LoadedCache> {
    const packs = (await readdir(dir).catch(() => [] as string[]))
      .filter(isPackName)
      .sort()
      .map((name) => join(dir, name));
    const cache = new LoadedCache(dir, packs);
    for (const pack of packs) {
      let number = 0;
      let rest: Buffer = Buffer.alloc(0);
      try {
        // Lines stay bytes until an entry is needed: entries no file asks for are never decoded, and the bytes
        // live outside the JavaScript heap, which the index itself fills.
        for await (const chunk of createReadStream(pack, { highWaterMark: 1024 * 1024 })) {
          const bytes: Buffer = rest.length > 0 ? Buffer.concat([rest, chunk as Buffer]) : (chunk as Buffer);
          let start = 0;
          for (let end = bytes.indexOf(NEWLINE); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
            cache.add(bytes.subarray(start, end), pack, ++number, notes);
            start = end + 1;
          }
          rest = bytes.subarray(start);
        }
        if (rest.length > 0) cache.add(rest, pack, ++number, notes);
      } catch {
        // Removed by another server's fold while we read it: its entries are in that server's new pack.
      }
    }
    return cache;
  }

  get size(): number {
    return this.lines.size;
  }

  has(hash: string): boolean {
    return this.lines.has(hash);
  }

  /** The stored line of an entry (its JSON), for rewriting it into a new pack without parsing it. */
  json(hash: string): string | undefined {
    const line = this.lines.get(hash);
    return line && line.bytes.toString('utf8', HASH_LENGTH + 1);
  }

  /** The entry for this content, validated; a damaged one is forgotten and reported. */
  take(hash: string): CacheLookup {
    const line = this.lines.get(hash);
    if (!line) return { kind: 'miss' };
    let value: unknown;
    try {
      value = JSON.parse(line.bytes.toString('utf8', HASH_LENGTH + 1));
    } catch (error) {
      return this.discard(hash, line, `not valid JSON (${(error as Error).message})`);
    }
    if (!isFileSummary(value)) return this.discard(hash, line, 'not a cache entry of this version');
    if (value.hash !== hash) return this.discard(hash, line, `made for content ${value.hash.slice(0, 12)}…, not ${hash.slice(0, 12)}…`);
    return { kind: 'hit', summary: value };
  }

  /**
   * Whether the packs should be folded into one: damaged lines, too many packs, or as many entries no file needs
   * as entries in use (`live`: how many distinct contents the index holds).
   */
  needsFolding(live: number): boolean {
    return this.damaged || this.packs.length >= MAX_PACKS || (this.lines.size > 0 && this.lines.size >= 2 * live);
  }

  private add(bytes: Buffer, pack: string, number: number, notes: string[]): void {
    const hash = bytes.toString('latin1', 0, HASH_LENGTH);
    if (bytes[HASH_LENGTH] !== SPACE || !/^[0-9a-f]{64}$/.test(hash)) {
      this.damaged = true;
      notes.push(discardMessage({ bytes, pack, number }, 'not a cache entry line'));
      return;
    }
    this.lines.set(hash, { bytes, pack, number });
  }

  private discard(hash: string, line: Line, why: string): CacheLookup {
    this.lines.delete(hash);
    this.damaged = true;
    return { kind: 'corrupt', message: discardMessage(line, why) };
  }
}

function discardMessage(line: Line, why: string): string {
  return `Discarded a corrupt index cache entry ${line.pack} line ${line.number}: ${why}`;
}

/** One entry's line: the content hash, a space, the summary as JSON (no newline: JSON escapes them). */
export function cacheLine(hash: string, json: string): string {
  return `${hash} ${json}`;
}

/**
 * Writes a new pack (temp file, then rename), in slices so a large one does not hold the event loop.
 * Throws with the path when the folder cannot be written.
 */
export async function writePack(dir: string, lines: readonly string[]): Promise<string> {
  const name = `${PACK_PREFIX}${Date.now().toString(36)}-${process.pid}-${Math.random().toString(16).slice(2, 10)}${PACK_SUFFIX}`;
  const path = join(dir, name);
  const temp = `${path}.tmp`;
  const file = await open(temp, 'w');
  try {
    const SLICE = 2000;
    for (let i = 0; i < lines.length; i += SLICE) await file.write(`${lines.slice(i, i + SLICE).join('\n')}\n`);
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

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNullableString = (v: unknown) => v === null || typeof v === 'string';
const isPosition = (v: unknown) => isRecord(v) && Number.isInteger(v.line) && Number.isInteger(v.character);
const isRange = (v: unknown) => isRecord(v) && isPosition(v.start) && isPosition(v.end);

function isSpeaker(v: unknown): v is IndexedSpeaker {
  return (
    isRecord(v) &&
    typeof v.id === 'string' &&
    typeof v.name === 'string' &&
    (v.kind === 'person' || v.kind === 'organization' || v.kind === 'anonymous') &&
    isNullableString(v.role) &&
    Array.isArray(v.aliases) &&
    v.aliases.every((a) => typeof a === 'string') &&
    Number.isInteger(v.mentions) &&
    isRange(v.range)
  );
}

function isQuote(v: unknown): v is IndexedQuote {
  return (
    isRecord(v) &&
    typeof v.text === 'string' &&
    isNullableString(v.speaker) &&
    isNullableString(v.speakerId) &&
    (v.confidence === null || typeof v.confidence === 'number') &&
    isRange(v.range) &&
    Number.isInteger(v.start) &&
    Number.isInteger(v.end)
  );
}

export function isFileSummary(v: unknown): v is FileSummary {
  return (
    isRecord(v) &&
    typeof v.hash === 'string' &&
    /^[0-9a-f]{64}$/.test(v.hash) &&
    isNullableString(v.title) &&
    isNullableString(v.primaryDate) &&
    Array.isArray(v.speakers) &&
    v.speakers.every(isSpeaker) &&
    Array.isArray(v.quotes) &&
    v.quotes.every(isQuote)
  );
}
