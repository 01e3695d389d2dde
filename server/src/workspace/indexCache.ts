// The index's on-disk cache: one small JSON file per file content (`<dir>/<first two hex>/<sha256>.json`) holding
// its FileSummary, under a folder named for the cache format and the analysis fingerprint (cacheVersion.ts).
// Entries are immutable and named by content, so two servers sharing a folder never conflict, and a changed file
// simply gets a new entry. Each entry is written to a temp file and renamed into place, so a reader never sees half
// of one; an entry that is damaged anyway (a crash before the data reached the disk, a hand edit) fails validation,
// is deleted and reported, and the file is analysed again: the cache is never trusted blindly.
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { readdir, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileSummary, IndexedQuote, IndexedSpeaker } from './indexedFile';

export type CacheLookup =
  | { kind: 'hit'; summary: FileSummary }
  | { kind: 'miss' }
  | { kind: 'corrupt'; message: string };

export function cacheEntryPath(dir: string, hash: string): string {
  return join(dir, hash.slice(0, 2), `${hash}.json`);
}

export function readCacheEntry(dir: string, hash: string): CacheLookup {
  const path = cacheEntryPath(dir, hash);
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    return { kind: 'miss' };
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return discard(path, `not valid JSON (${(error as Error).message})`);
  }
  if (!isFileSummary(value)) return discard(path, 'not a cache entry of this version');
  if (value.hash !== hash) return discard(path, `made for content ${value.hash.slice(0, 12)}…, not ${hash.slice(0, 12)}…`);
  return { kind: 'hit', summary: value };
}

function discard(path: string, why: string): CacheLookup {
  try {
    unlinkSync(path);
  } catch {
    // already gone, or read-only: it is ignored either way
  }
  return { kind: 'corrupt', message: `Discarded a corrupt index cache entry ${path}: ${why}` };
}

/** Writes one entry (temp file, then rename). Throws with the path when the cache folder cannot be written. */
export function writeCacheEntry(dir: string, summary: FileSummary): void {
  const path = cacheEntryPath(dir, summary.hash);
  const temp = `${path}.${process.pid}.${Math.random().toString(16).slice(2, 10)}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify(summary));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(join(dir, summary.hash.slice(0, 2)), { recursive: true });
    writeFileSync(temp, JSON.stringify(summary));
  }
  renameSync(temp, path);
}

/**
 * Removes what a full index no longer needs: folders of other cache versions under `root`, and entries of this one
 * whose content no file has any more. Asynchronous, so it runs after indexing without holding up requests.
 * @returns how many entries and folders were removed.
 */
export async function pruneCache(root: string, current: string, keep: ReadonlySet<string>): Promise<number> {
  let removed = 0;
  for (const name of await readdir(root).catch(() => [] as string[])) {
    if (name.startsWith('index-v') && join(root, name) !== current) {
      await rm(join(root, name), { recursive: true, force: true });
      removed++;
    }
  }
  for (const bucket of await readdir(current).catch(() => [] as string[])) {
    for (const name of await readdir(join(current, bucket)).catch(() => [] as string[])) {
      const hash = name.slice(0, name.indexOf('.'));
      // Temp files of a live writer end in .tmp; leave those younger ones to their writer.
      if (name.endsWith('.json') && !keep.has(hash)) {
        await unlink(join(current, bucket, name)).catch(() => undefined);
        removed++;
      }
    }
  }
  return removed;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNullableString = (v: unknown) => v === null || typeof v === 'string';
const isPosition = (v: unknown) => isRecord(v) && Number.isInteger(v.line) && Number.isInteger(v.character);
const isRange = (v: unknown) => isRecord(v) && isPosition(v.start) && isPosition(v.end);

function isSpeaker(v: unknown): v is IndexedSpeaker {
  return isRecord(v) && typeof v.id === 'string' && typeof v.name === 'string' &&
    (v.kind === 'person' || v.kind === 'organization' || v.kind === 'anonymous') && isNullableString(v.role) &&
    Array.isArray(v.aliases) && v.aliases.every((a) => typeof a === 'string') && Number.isInteger(v.mentions) &&
    isRange(v.range);
}

function isQuote(v: unknown): v is IndexedQuote {
  return isRecord(v) && typeof v.text === 'string' && isNullableString(v.speaker) && isNullableString(v.speakerId) &&
    (v.confidence === null || typeof v.confidence === 'number') && isRange(v.range) && Number.isInteger(v.start) &&
    Number.isInteger(v.end);
}

export function isFileSummary(v: unknown): v is FileSummary {
  return isRecord(v) && typeof v.hash === 'string' && /^[0-9a-f]{64}$/.test(v.hash) && isNullableString(v.title) &&
    isNullableString(v.primaryDate) && Array.isArray(v.speakers) && v.speakers.every(isSpeaker) &&
    Array.isArray(v.quotes) && v.quotes.every(isQuote);
}
