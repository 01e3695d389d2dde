// `.seed-annotator/speakers.json`: the analyst's merges and splits, read with a message naming the file and the
// problem, and changed only by a locked read-change-write that replaces the file atomically. A file that is not
// valid JSON or not valid against the schema is never overwritten.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { ErrorObject } from 'ajv';
import schemaJson from '../../../schemas/speakers.schema.json';
import { lazyValidator } from '../files/lazyValidator';
import { updateFileLocked, WriteRefusedError } from '../files/lockedWrite';
import { firstJsonError } from '../tags/jsonSyntax';
import type { SpeakerDecisions, SplitDecision } from './decisions';
import { nameKey } from './fold';

export const SPEAKERS_FILE = join('.seed-annotator', 'speakers.json');

const validate = lazyValidator(schemaJson);

export type DecisionsRead = { ok: true; decisions: SpeakerDecisions; exists: boolean } | { ok: false; error: string };

export function speakersFileOf(root: string): string {
  return join(root, SPEAKERS_FILE);
}

/** The decisions of the workspace at `root`; none when the file does not exist. */
export function readSpeakerDecisions(root: string): DecisionsRead {
  const path = speakersFileOf(root);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, decisions: { merge: [], split: [] }, exists: false };
    return { ok: false, error: `${path}: cannot be read (${(err as Error).message})` };
  }
  return parseSpeakerDecisions(text, path);
}

export function parseSpeakerDecisions(text: string, path: string): DecisionsRead {
  const body = text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    const at = firstJsonError(body);
    const before = body.slice(0, Math.max(at, 0)).split('\n');
    return {
      ok: false,
      error: `${path}: not valid JSON at line ${before.length}, column ${before[before.length - 1].length + 1}; fix or remove the file (it is left as it is)`,
    };
  }
  if (!validate(data)) {
    return {
      ok: false,
      error: `${path}: not a valid speakers file: ${describe(validate.errors ?? [])}; fix or remove the file (it is left as it is)`,
    };
  }
  const valid = data as { merge: string[][]; split: SplitDecision[] };
  return { ok: true, decisions: { merge: valid.merge, split: valid.split }, exists: true };
}

export class SpeakersFileError extends Error {}

/**
 * Reads, changes and writes the decisions under the file's lock (files/lockedWrite), so two writers (two editor windows, an editor and
 * a script) both land. Throws SpeakersFileError naming the file when it is broken; it is then left untouched.
 */
export function updateSpeakerDecisions(root: string, change: (current: SpeakerDecisions) => SpeakerDecisions): SpeakerDecisions {
  const path = speakersFileOf(root);
  mkdirSync(dirname(path), { recursive: true });
  let next: SpeakerDecisions = { merge: [], split: [] };
  try {
    updateFileLocked(path, (current) => {
      const read =
        current === null ? { ok: true as const, decisions: { merge: [], split: [] }, exists: false } : parseSpeakerDecisions(current, path);
      if (!read.ok) throw new SpeakersFileError(read.error);
      next = change(read.decisions);
      const document = { version: 1, merge: next.merge, split: next.split };
      if (!validate(document))
        throw new SpeakersFileError(`${path}: the change would not be valid (${describe(validate.errors ?? [])}); nothing was written`);
      return `${JSON.stringify(document, null, 2)}\n`;
    });
  } catch (err) {
    if (err instanceof WriteRefusedError) throw new SpeakersFileError(err.message);
    throw err;
  }
  return next;
}

/** Adds a merge; lists that share a name with it (without case or accents) become one list. */
export function withMerge(decisions: SpeakerDecisions, names: readonly string[]): SpeakerDecisions {
  const keys = new Set(names.map(nameKey));
  const joined = [...names];
  const rest: string[][] = [];
  for (const list of decisions.merge) {
    if (list.some((n) => keys.has(nameKey(n)))) joined.push(...list);
    else rest.push(list);
  }
  const unique = [...new Map(joined.map((n) => [n, n])).values()];
  return { ...decisions, merge: unique.length >= 2 ? [...rest, unique] : rest };
}

/** Adds a split of `name` in `files`; those files leave any earlier split of the same name. */
export function withSplit(decisions: SpeakerDecisions, split: SplitDecision): SpeakerDecisions {
  const key = nameKey(split.name);
  const moved = new Set(split.files);
  const earlier = decisions.split
    .map((s) => (nameKey(s.name) === key ? { ...s, files: s.files.filter((f) => !moved.has(f)) } : s))
    .filter((s) => s.files.length > 0);
  return { ...decisions, split: [...earlier, { name: split.name, files: [...moved] }] };
}

/** A file as the decisions name it: relative to the workspace folder, `/`-separated. */
export function decisionPathOf(root: string, file: string): string {
  return relative(root, resolve(file)).split(sep).join('/');
}

/** The nearest folder at or above `start` that holds `.seed-annotator/`, or null. */
export function findWorkspaceRoot(start: string): string | null {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, '.seed-annotator'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function describe(errors: ErrorObject[]): string {
  return errors.map((e) => `${e.instancePath || '/'} ${e.message ?? 'is not valid'}`).join('; ');
}
