// Opens a source file from disk in a TagStore (for the CLI and for files the editor does not have open), with the
// same read checks as every other entry point (size, binary, UTF-8).
import { readSeedFile } from '../files/seedFile';
import type { TagStore } from './tagStore';

export type OpenResult = { ok: true; text: string } | { ok: false; error: string };

export function openFromDisk(store: TagStore, path: string): OpenResult {
  const read = readSeedFile(path);
  if (!read.ok) return { ok: false, error: read.error };
  store.open(path, read.text);
  return { ok: true, text: read.text };
}

/** Opens `path` for tagging: fails with the reason when the source is unreadable or its sidecar is unusable. */
export function openUsable(store: TagStore, path: string): OpenResult {
  const opened = openFromDisk(store, path);
  const problem = opened.ok ? store.problem(path) : null;
  return problem ? { ok: false, error: problem } : opened;
}
