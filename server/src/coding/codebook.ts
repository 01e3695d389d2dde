// The workspace codebook (`.seed-annotator/codebook.json`): its shape, checks (JSON Schema with ajv, then the rules a
// schema cannot say: unique names, parents that exist, no cycles), stable serialisation, and reads and writes under
// the file lock with atomic replacement, like sidecars.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import schemaJson from '../../../schemas/codebook.schema.json';
import { lazyValidator } from '../files/lazyValidator';
import { updateFileLocked } from '../files/lockedWrite';
import { firstJsonError } from '../tags/jsonSyntax';

export const CODEBOOK_VERSION = 1;
/** Workspace-level files live here, relative to the workspace folder. */
export const WORKSPACE_DIR = '.seed-annotator';

export interface Code {
  name: string;
  description: string;
  /** `#rrggbb` */
  color: string;
  parent: string | null;
}

export interface Codebook {
  version: typeof CODEBOOK_VERSION;
  codes: Code[];
}

export type CodebookRead = { kind: 'missing' } | { kind: 'ok'; codebook: Codebook; raw: string } | { kind: 'invalid'; message: string };

/** A refusal a user can act on (the message names the file or the code). */
export class CodebookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CodebookError';
  }
}

const validateSchema = lazyValidator(schemaJson);

export function codebookPath(root: string): string {
  return join(root, WORKSPACE_DIR, 'codebook.json');
}

export function emptyCodebook(): Codebook {
  return { version: CODEBOOK_VERSION, codes: [] };
}

export function readCodebook(path: string): CodebookRead {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'invalid', message: `${path}: cannot read the codebook (${(err as Error).message})` };
  }
  return parseCodebook(raw, path);
}

export function parseCodebook(raw: string, path: string): CodebookRead {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const at = firstJsonError(text);
    const before = text.slice(0, at === -1 ? text.length : at).split('\n');
    return {
      kind: 'invalid',
      message: `${path}: not valid JSON at line ${before.length}, column ${before[before.length - 1].length + 1} (${(err as Error).message}). Fix the file; the codebook will not be overwritten until then.`,
    };
  }
  if (!validateSchema(value)) {
    const problems = (validateSchema.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is not valid'}`);
    return {
      kind: 'invalid',
      message: `${path}: does not match the codebook schema: ${[...new Set(problems)].join('; ')}. Fix the file; it will not be overwritten until then.`,
    };
  }
  const codebook = value as Codebook;
  const problems = codebookProblems(codebook);
  if (problems.length > 0)
    return { kind: 'invalid', message: `${path}: ${problems.join('; ')}. Fix the file; it will not be overwritten until then.` };
  return { kind: 'ok', codebook: { version: CODEBOOK_VERSION, codes: codebook.codes.map((c) => ({ ...c })) }, raw };
}

/** What JSON Schema cannot check: unique names, parents that exist, no code its own ancestor. */
export function codebookProblems(codebook: Codebook): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  codebook.codes.forEach((c, i) => {
    if (names.has(c.name)) problems.push(`/codes/${i} "${c.name}" appears more than once`);
    names.add(c.name);
  });
  const parentOf = new Map(codebook.codes.map((c) => [c.name, c.parent]));
  codebook.codes.forEach((c, i) => {
    if (c.parent !== null && !names.has(c.parent)) problems.push(`/codes/${i} "${c.name}" has parent "${c.parent}", which is not a code`);
    const seen = new Set<string>([c.name]);
    for (let p = c.parent; p !== null && p !== undefined; p = parentOf.get(p) ?? null) {
      if (seen.has(p)) {
        problems.push(`/codes/${i} "${c.name}" is its own ancestor`);
        break;
      }
      seen.add(p);
    }
  });
  return problems;
}

/** Stable text: codes in their order, fixed key order, 2-space indent, final newline (small diffs in git). */
export function serializeCodebook(codebook: Codebook): string {
  const codes = codebook.codes.map((c) => ({ name: c.name, description: c.description, color: c.color, parent: c.parent }));
  return JSON.stringify({ version: CODEBOOK_VERSION, codes }, null, 2) + '\n';
}

/** The codebook to work on: the file's, or (when there is none yet) an empty one; an invalid file is refused. */
export function loadCodebook(path: string): Codebook {
  const read = readCodebook(path);
  if (read.kind === 'invalid') throw new CodebookError(read.message);
  return read.kind === 'ok' ? read.codebook : emptyCodebook();
}

/**
 * Read-modify-write under the codebook's lock: `change` gets the current codebook and returns the new one; it is
 * checked and written atomically. A file that became invalid meanwhile is refused, never overwritten.
 */
export function updateCodebook(path: string, change: (current: Codebook) => Codebook): Codebook {
  mkdirSync(dirname(path), { recursive: true });
  let next = emptyCodebook();
  updateFileLocked(path, (raw) => {
    const current = raw === null ? { kind: 'missing' as const } : parseCodebook(raw, path);
    if (current.kind === 'invalid') throw new CodebookError(current.message);
    next = change(current.kind === 'ok' ? current.codebook : emptyCodebook());
    return checkedText(path, next);
  });
  return next;
}

/** Replaces the codebook (under its lock, atomically) with one that passes every check. */
export function writeCodebook(path: string, codebook: Codebook): void {
  mkdirSync(dirname(path), { recursive: true });
  updateFileLocked(path, () => checkedText(path, codebook));
}

function checkedText(path: string, codebook: Codebook): string {
  const problems = codebookProblems(codebook);
  if (problems.length > 0) throw new CodebookError(`${path}: refusing to write an inconsistent codebook: ${problems.join('; ')}`);
  if (!validateSchema(codebook)) throw new CodebookError(`${path}: refusing to write a codebook that does not match its schema`);
  return serializeCodebook(codebook);
}
