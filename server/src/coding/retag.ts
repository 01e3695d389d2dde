// Renames a code on every tag of the workspace as one undoable operation that survives a crash. A journal under
// `.seed-annotator/` records, before any write, each sidecar and the ids of the tags to change, and the codebook before
// and after; each sidecar is then rewritten atomically under its lock (so it is wholly old or wholly new, never a
// mix), the codebook last, and the journal becomes the undo record. A run killed midway leaves the journal behind,
// and the next start finishes it (re-applying is harmless: a tag already renamed is left alone).
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { withFileLockSync } from '../files/fileLock';
import { updateFileLocked } from '../files/lockedWrite';
import { writeFileAtomic } from '../tags/atomicWrite';
import { parseSidecar, readSidecar, serializeSidecar } from '../tags/sidecar';
import { sidecarsUnder } from '../tags/sidecarFiles';
import { codebookPath, CodebookError, readCodebook, serializeCodebook, WORKSPACE_DIR, writeCodebook, type Codebook } from './codebook';

export interface RetagJournal {
  version: 1;
  /** What the user did, for messages and the undo label ("rename claim → assertion"). */
  label: string;
  from: string;
  to: string;
  /** The codebook before and after; null: the operation leaves the codebook file as it is. */
  codebook: { before: Codebook | null; after: Codebook | null };
  /** Sidecars (relative to the workspace folder) and the ids of their tags named `from`. */
  files: { sidecar: string; ids: string[] }[];
}

export interface RetagResult {
  label: string;
  /** Tags renamed, and the sidecars they are in. */
  tags: number;
  files: number;
}

export function journalPath(root: string): string {
  return join(root, WORKSPACE_DIR, 'retag-journal.json');
}

export function undoRecordPath(root: string): string {
  return join(root, WORKSPACE_DIR, 'retag-undo.json');
}

/** How many tags in the workspace are named `code` (e.g. before deleting it). */
export function tagsUsing(root: string, code: string): number {
  return planFiles(root, code).reduce((n, f) => n + f.ids.length, 0);
}

/** Tags per name over the folder's readable sidecars (unreadable ones are skipped: this is only a count). */
export function tagCounts(root: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const path of sidecarsUnder(root)) {
    const read = readSidecar(path);
    if (read.kind === 'ok') for (const t of read.sidecar.tags) counts.set(t.tag, (counts.get(t.tag) ?? 0) + 1);
  }
  return counts;
}

/** The label of the operation `undoRetag` would take back, or null. */
export function undoLabel(root: string): string | null {
  return readJournal(undoRecordPath(root))?.label ?? null;
}

/**
 * Renames every tag named `from` to `to` and writes `codebookAfter` (computed from the current codebook), as one
 * journaled operation. Sidecars that cannot be read are refused up front, naming them; nothing is written then.
 */
export function retag(
  root: string,
  from: string,
  to: string,
  label: string,
  codebookAfter: (current: Codebook | null) => Codebook | null,
  now = new Date(),
): RetagResult {
  mkdirSync(join(root, WORKSPACE_DIR), { recursive: true });
  return withFileLockSync(journalPath(root), () => {
    finishPending(root, now);
    const current = readCodebook(codebookPath(root));
    if (current.kind === 'invalid') throw new CodebookError(current.message);
    const before = current.kind === 'ok' ? current.codebook : null;
    const journal: RetagJournal = {
      version: 1,
      label,
      from,
      to,
      codebook: { before, after: codebookAfter(before) },
      files: planFiles(root, from),
    };
    return run(root, journal, now);
  });
}

/** Undoes the last rename (exactly the tags it changed, and the codebook), unless the codebook changed since. */
export function undoRetag(root: string, now = new Date()): RetagResult | null {
  if (!existsSync(join(root, WORKSPACE_DIR))) return null;
  return withFileLockSync(journalPath(root), () => {
    finishPending(root, now);
    const last = readJournal(undoRecordPath(root));
    if (!last) return null;
    const { before, after } = last.codebook;
    if (after !== null) {
      const current = readCodebook(codebookPath(root));
      const currentText = current.kind === 'ok' ? serializeCodebook(current.codebook) : null;
      if (currentText !== serializeCodebook(after)) {
        throw new CodebookError(`cannot undo "${last.label}": the codebook has changed since; rename the code back instead`);
      }
    }
    const inverse: RetagJournal = {
      version: 1,
      label: last.label.startsWith('undo ') ? last.label.slice(5) : `undo ${last.label}`,
      from: last.to,
      to: last.from,
      codebook: { before: after, after: after === null ? null : before },
      files: last.files,
    };
    return run(root, inverse, now);
  });
}

/** Finishes a rename that a crash interrupted; returns what it finished, or null when nothing was pending. */
export function recoverRetag(root: string, now = new Date()): RetagResult | null {
  if (!existsSync(journalPath(root))) return null;
  return withFileLockSync(journalPath(root), () => finishPending(root, now));
}

function finishPending(root: string, now: Date): RetagResult | null {
  const pending = readJournal(journalPath(root));
  if (!pending) return null;
  apply(root, pending, now);
  commit(root);
  return resultOf(pending);
}

function run(root: string, journal: RetagJournal, now: Date): RetagResult {
  writeFileAtomic(journalPath(root), JSON.stringify(journal, null, 2) + '\n');
  apply(root, journal, now);
  commit(root);
  return resultOf(journal);
}

/** Every sidecar rewritten with the new name on the journal's tags, then the codebook; safe to repeat. */
function apply(root: string, journal: RetagJournal, now: Date): void {
  const stamp = now.toISOString();
  for (const file of journal.files) {
    const path = join(root, file.sidecar);
    const ids = new Set(file.ids);
    updateFileLocked(path, (raw) => {
      if (raw === null) return null; // deleted since: nothing to rename
      const read = parseSidecar(raw, path);
      if (read.kind !== 'ok')
        throw new CodebookError(
          `${read.kind === 'invalid' ? read.message : path} (the rename "${journal.label}" is unfinished and resumes once it is fixed)`,
        );
      let changed = false;
      const tags = read.sidecar.tags.map((t) => {
        if (!ids.has(t.id) || t.tag !== journal.from) return t;
        changed = true;
        // A newer `modified` makes the new name win when an editor merges its older copy of the tag.
        return { ...t, tag: journal.to, modified: stamp };
      });
      return changed ? serializeSidecar({ ...read.sidecar, tags }) : null;
    });
  }
  const after = journal.codebook.after;
  if (after !== null) writeCodebook(codebookPath(root), after);
}

/** The journal becomes the undo record in one rename: the operation is done. */
function commit(root: string): void {
  renameSync(journalPath(root), undoRecordPath(root));
  const fd = openSync(join(root, WORKSPACE_DIR), 'r');
  try {
    fsyncSync(fd);
  } catch {
    // Some platforms cannot sync a folder; the rename itself is atomic.
  } finally {
    closeSync(fd);
  }
}

function planFiles(root: string, code: string): RetagJournal['files'] {
  const files: RetagJournal['files'] = [];
  const problems: string[] = [];
  for (const path of sidecarsUnder(root)) {
    const read = readSidecar(path);
    if (read.kind === 'invalid') problems.push(read.message);
    if (read.kind !== 'ok') continue;
    const ids = read.sidecar.tags.filter((t) => t.tag === code).map((t) => t.id);
    if (ids.length > 0) files.push({ sidecar: relative(root, path), ids });
  }
  if (problems.length > 0) throw new CodebookError(`nothing was changed: ${problems.join(' ')}`);
  return files;
}

function readJournal(path: string): RetagJournal | null {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  let journal: RetagJournal;
  try {
    journal = JSON.parse(raw) as RetagJournal;
  } catch (err) {
    throw new CodebookError(`${path}: not valid JSON (${(err as Error).message}); it records a code rename, fix or remove it`);
  }
  if (
    journal.version !== 1 ||
    !Array.isArray(journal.files) ||
    journal.files.some((f) => isAbsolute(f.sidecar) || f.sidecar.split(/[\\/]/).includes('..'))
  ) {
    throw new CodebookError(`${path}: not a rename journal this version understands; fix or remove it`);
  }
  return journal;
}

function resultOf(journal: RetagJournal): RetagResult {
  return { label: journal.label, tags: journal.files.reduce((n, f) => n + f.ids.length, 0), files: journal.files.length };
}
