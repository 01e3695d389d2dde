// Reads seed files from disk safely (size, binary and UTF-8 checks) and expands file/directory arguments to seed files.
// Shared by the CLI, the tag store and the language server's workspace index, so every entry point refuses the same
// inputs with the same clear message. The text is returned exactly as stored (BOM and CR kept), because every offset
// we publish counts them.
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';

/** Default refusal threshold: news articles are kilobytes; anything this large is almost surely not one. */
export const DEFAULT_MAX_SEED_BYTES = 10 * 1024 * 1024;

/** Why a file could not be read, for callers that react differently (the LSP index skips binaries silently). */
export type SeedFileProblem = 'missing' | 'directory' | 'special' | 'too-large' | 'binary' | 'encoding' | 'unreadable';

export type SeedFileResult =
  | { ok: true; text: string }
  | { ok: false; problem: SeedFileProblem; /** A full sentence naming the file and what to do. */ error: string };

export interface ReadSeedOptions {
  /** Files larger than this many bytes are refused. */
  maxBytes?: number;
}

/** Reads `path` as UTF-8 text, or says clearly why it cannot. */
export function readSeedFile(path: string, options: ReadSeedOptions = {}): SeedFileResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_SEED_BYTES;
  let bytes: Buffer;
  try {
    // Look before opening: opening a named pipe blocks until someone writes to it, which would hang the caller.
    const special = specialFileKind(statSync(path));
    if (special) return refuse('special', `${path}: is ${special}, not a regular file; skipped`);
    // O_NONBLOCK too, in case it was swapped for a pipe since: the open then cannot wait for a writer.
    const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const stat = fstatSync(fd);
      if (stat.isDirectory()) return refuse('directory', `${path}: is a directory, not a seed file`);
      const swapped = specialFileKind(stat);
      if (swapped) return refuse('special', `${path}: is ${swapped}, not a regular file; skipped`);
      // Check the size before reading so a huge file costs nothing.
      if (stat.size > maxBytes) {
        return refuse(
          'too-large',
          `${path}: file is ${formatBytes(stat.size)}, over the ${formatBytes(maxBytes)} limit for a seed file ` +
            '(raise it with --max-size if this really is one article)',
        );
      }
      bytes = readWhole(fd, stat.size, maxBytes + 1);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    return refuseFsError(path, err);
  }
  if (bytes.length > maxBytes) {
    return refuse('too-large', `${path}: file is over the ${formatBytes(maxBytes)} limit for a seed file`);
  }
  const binary = binaryReason(bytes);
  if (binary) return refuse('binary', `${path}: ${binary}; seed files must be UTF-8 text`);
  const bad = firstInvalidUtf8(bytes);
  if (bad !== -1) {
    const line = countLines(bytes, bad);
    return refuse(
      'encoding',
      `${path}: not valid UTF-8 (byte 0x${bytes[bad].toString(16).toUpperCase().padStart(2, '0')} at byte offset ` +
        `${bad}, line ${line}); re-save the file as UTF-8`,
    );
  }
  // ignoreBOM keeps U+FEFF in the text: offsets on disk count it.
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  return { ok: true, text };
}

export interface ExpandedSeedPaths {
  /** Files in argument order; each directory's files sorted by path. Each file appears once. */
  files: string[];
  /** One message per argument that named nothing readable, each naming that argument. */
  errors: string[];
}

/**
 * Turns command-line style arguments into seed files: a file is taken as given (whatever its extension, since the
 * user named it); a directory is searched recursively for `*.txt`, skipping dotfiles, `node_modules` and sidecars.
 */
export function expandSeedPaths(args: readonly string[]): ExpandedSeedPaths {
  const files: string[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = realpathOr(file);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  for (const arg of args) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(arg).isDirectory();
    } catch (err) {
      errors.push(refuseFsError(arg, err).error);
      continue;
    }
    if (!isDirectory) {
      add(arg);
      continue;
    }
    const found: string[][] = [];
    const problems: string[] = [];
    collectSeedFiles(arg, [], found, problems, new Set([realpathOr(arg)]));
    errors.push(...problems);
    if (found.length === 0) {
      if (problems.length === 0) errors.push(`${arg}: no seed files (*.txt) in this directory`);
      continue;
    }
    // Compare path segments, not joined strings, so "a/b.txt" and "a.txt" order the same on every platform.
    found.sort(compareSegments);
    for (const segments of found) add(join(arg, ...segments));
  }
  return { files, errors };
}

/** True for names the directory walk takes as seed files. */
export function isSeedFileName(name: string): boolean {
  return name.endsWith('.txt') && !name.startsWith('.');
}

function collectSeedFiles(root: string, rel: string[], out: string[][], problems: string[], visited: Set<string>) {
  const dir = join(root, ...rel);
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (err) {
    problems.push(refuseFsError(dir, err).error);
    return;
  }
  for (const name of entries) {
    if (name.startsWith('.') || name === 'node_modules' || name.endsWith('.tags.json')) continue;
    const path = join(dir, name);
    let stat;
    try {
      stat = statSync(path); // follows symlinks: a linked article is still an article
    } catch {
      continue; // a dangling symlink inside a folder is not something the user asked for by name
    }
    if (stat.isDirectory()) {
      const real = realpathOr(path);
      if (visited.has(real)) continue; // a symlink loop
      visited.add(real);
      collectSeedFiles(root, [...rel, name], out, problems, visited);
    } else if (stat.isFile() && isSeedFileName(name)) {
      out.push([...rel, name]);
    } else if (isSeedFileName(name)) {
      // Named like an article but not a file (a FIFO, a socket, a device): say so rather than skip it silently.
      problems.push(`${path}: is ${specialFileKind(stat) ?? 'not a regular file'}, not a regular file; skipped`);
    }
  }
}

/** "a named pipe (FIFO)" and the like for files that are not regular files or folders; null for those. */
function specialFileKind(stat: Stats): string | null {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return null;
}

function compareSegments(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return a.length - b.length;
}

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function readWhole(fd: number, sizeHint: number, limit: number): Buffer {
  // Read in a loop: stat size can be stale (a file being written, a pipe) and readSync may return short counts.
  // Stop past `limit` so a device or an endless pipe cannot exhaust memory.
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    const chunk = Buffer.allocUnsafe(Math.max(sizeHint - total, 64 * 1024));
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
  }
  return Buffer.concat(chunks, total);
}

/** Says why the bytes look binary, or null. UTF-16 gets its own message: it is a common "text" export. */
function binaryReason(bytes: Buffer): string | null {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return 'looks like UTF-16 text (byte order mark at the start)';
  }
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b === 0) return `looks binary (NUL byte at byte offset ${i})`;
    // Tab, LF, VT, FF, CR and ESC occur in real text; other C0 controls do not.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) control++;
  }
  if (sample.length > 0 && control / sample.length > 0.1) {
    return `looks binary (${Math.round((100 * control) / sample.length)}% control characters)`;
  }
  return null;
}

/**
 * Index of the first byte that breaks UTF-8 (overlongs, surrogates and values over U+10FFFF included), or -1.
 * Hand-rolled only to report *where* the file is broken; the decode itself is TextDecoder's.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      // Only the first continuation byte has the narrowed range.
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

function countLines(bytes: Uint8Array, end: number): number {
  let line = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function refuse(problem: SeedFileProblem, error: string): SeedFileResult {
  return { ok: false, problem, error };
}

function refuseFsError(path: string, err: unknown): SeedFileResult & { ok: false } {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return { ok: false, problem: 'missing', error: `${path}: no such file or directory` };
    case 'EISDIR':
      return { ok: false, problem: 'directory', error: `${path}: is a directory, not a seed file` };
    case 'EACCES':
    case 'EPERM':
      return { ok: false, problem: 'unreadable', error: `${path}: permission denied` };
    default:
      return { ok: false, problem: 'unreadable', error: `${path}: cannot read (${(err as Error).message ?? String(err)})` };
  }
}

/** "10 MB", "512 KB", "300 bytes": sizes as a user would write them. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}
