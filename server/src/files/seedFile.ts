// Reads seed files from disk safely (size, binary and UTF-8 checks) and expands file/directory arguments to seed files.
// Shared by the CLI, the tag store and the language server's workspace index, so every entry point refuses the same
// inputs with the same clear message. The text is returned exactly as stored (BOM and CR kept), because every offset
// we publish counts them.
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  opendirSync,
  openSync,
  readSync,
  realpathSync,
  statSync,
  type Dir,
  type Stats,
} from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { basename, dirname, join } from 'node:path';

/** Default refusal threshold: news articles are kilobytes; anything this large is almost surely not one. */
export const DEFAULT_MAX_SEED_BYTES = 10 * 1024 * 1024;

/** Why a file could not be read, for callers that react differently (the LSP index skips binaries silently). */
export type SeedFileProblem = 'missing' | 'directory' | 'special' | 'too-large' | 'binary' | 'encoding' | 'unreadable';

/** Why a file was refused. */
export interface SeedFileRefusal {
  ok: false;
  problem: SeedFileProblem;
  /** A full sentence naming the file and what to do. */
  error: string;
}

export type SeedFileResult = { ok: true; text: string } | SeedFileRefusal;

export interface ReadSeedOptions {
  /** Files larger than this many bytes are refused. */
  maxBytes?: number;
}

/** ignoreBOM keeps U+FEFF in the text: offsets on disk count it. One decoder for every file: a decode without
 * `stream` starts afresh. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Reads `path` as UTF-8 text, or says clearly why it cannot. */
export function readSeedFile(path: string, options: ReadSeedOptions = {}): SeedFileResult {
  const read = readSeedBytes(path, options);
  return read.ok ? { ok: true, text: seedText(read.bytes) } : read;
}

/** The text of bytes `readSeedBytes` gave. */
export function seedText(bytes: Buffer): string {
  return UTF8.decode(bytes);
}

export type SeedBytesResult = { ok: true; bytes: Buffer } | SeedFileRefusal;

/**
 * The checks of `readSeedFile` without decoding: the file's bytes, known to be valid UTF-8 text. For a caller that
 * only hashes a file (the workspace index's warm pass), which need not build its text.
 */
export function readSeedBytes(path: string, options: ReadSeedOptions = {}): SeedBytesResult {
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
      bytes = readWhole(fd, stat.size, maxBytes + 1, stat.isFile());
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
  // The native check first; the scan only to say where a broken file breaks.
  const bad = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes);
  if (bad !== -1) {
    const line = countLines(bytes, bad);
    return refuse(
      'encoding',
      `${path}: not valid UTF-8 (byte 0x${bytes[bad].toString(16).toUpperCase().padStart(2, '0')} at byte offset ` +
        `${bad}, line ${line}); re-save the file as UTF-8`,
    );
  }
  return { ok: true, bytes };
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
  const errors: string[] = [];
  const files = [...walkSeedPaths(args, (error) => errors.push(error))];
  return { files, errors };
}

/**
 * The files of `expandSeedPaths`, in the same order, found as they are asked for: a corpus run takes them as it
 * goes instead of holding every path of a large corpus (only each folder's sorted names while it is read, and the
 * names taken so far). `problem` gets each argument's error as the walk reaches it.
 */
export function* walkSeedPaths(args: readonly string[], problem: (error: string) => void): Generator<string, void> {
  /**
   * The names taken in each real folder, so a file named twice (or linked) is taken once. Held as the folder's
   * string and the names the listing gave, not one real path string a file: a corpus run keeps this to the end.
   */
  const seen = new Map<string, Set<string>>();
  const isNew: Take = (realFolder, name) => {
    let names = seen.get(realFolder);
    if (!names) seen.set(realFolder, (names = new Set()));
    if (names.has(name)) return false;
    names.add(name);
    return true;
  };
  for (const arg of args) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(arg).isDirectory();
    } catch (err) {
      problem(refuseFsError(arg, err).error);
      continue;
    }
    if (!isDirectory) {
      if (takeReal(isNew, arg)) yield arg;
      continue;
    }
    let problems = 0;
    const real = realpathOr(arg);
    const found = yield* collectSeedFiles(arg, real, isNew, (error) => (problems++, problem(error)), new Set([real]));
    if (found === 0 && problems === 0) problem(`${arg}: no seed files (*.txt) in this directory`);
  }
}

/** True for names the directory walk takes as seed files. */
export function isSeedFileName(name: string): boolean {
  return name.endsWith('.txt') && !name.startsWith('.');
}

/** Whether the file `name` in the real folder `realFolder` is taken now (false: it already was). */
type Take = (realFolder: string, name: string) => boolean;

/** Whether a file named directly or through a link is new, by its real path. */
function takeReal(take: Take, file: string): boolean {
  const real = realpathOr(file);
  return take(dirname(real), basename(real));
}

/**
 * Walks `dir` (whose real path is `real`) depth first, each folder's entries sorted by name, so files come in the
 * order of their path segments ("a/b.txt" before "a.txt" on every platform). A corpus of 100,000 files is one
 * system call a file at most: the entry types come with the listing, and a real path is asked for only behind a
 * symbolic link (inside a real folder, an entry's real path is the folder's joined with its name). The listing is
 * read a few entries at a time and only names are kept: a folder of 100,000 entries held as objects grew the heap
 * by tens of megabytes that the rest of the run then kept.
 * @returns how many seed files were found (before removing files already taken).
 */
function* collectSeedFiles(
  dir: string,
  real: string,
  take: Take,
  problem: (error: string) => void,
  visited: Set<string>,
): Generator<string, number> {
  const names: string[] = [];
  /** Entries that are not plain files (folders, links, others): few, so a set of their names. */
  const notFiles = new Set<string>();
  let listing: Dir | undefined;
  try {
    listing = opendirSync(dir);
    for (let entry = listing.readSync(); entry !== null; entry = listing.readSync()) {
      const name = entry.name;
      if (name.startsWith('.') || name === 'node_modules' || name.endsWith('.tags.json')) continue;
      if (!entry.isFile()) notFiles.add(name);
      else if (!isSeedFileName(name)) continue;
      names.push(name);
    }
  } catch (err) {
    problem(refuseFsError(dir, err).error);
    return 0;
  } finally {
    listing?.closeSync();
  }
  names.sort(); // by UTF-16 code units, as `<` compares
  // `join(dir, name)` for every name: the folder as join spells it, then the name (which has no separator or dots
  // for join to resolve), without normalizing a path a file.
  const prefix = join(dir, 'x').slice(0, -1);
  let found = 0;
  for (const name of names) {
    const path = prefix + name;
    if (!notFiles.has(name)) {
      if (take(real, name)) yield path;
      found++;
      continue;
    }
    let stat: Stats;
    let linked: boolean;
    try {
      const own = lstatSync(path);
      linked = own.isSymbolicLink();
      stat = linked ? statSync(path) : own; // follows symlinks: a linked article is still an article
    } catch {
      continue; // a dangling symlink inside a folder is not something the user asked for by name
    }
    if (stat.isDirectory()) {
      const target = linked ? realpathOr(path) : join(real, name);
      if (visited.has(target)) continue; // a symlink loop
      visited.add(target);
      found += yield* collectSeedFiles(path, target, take, problem, visited);
    } else if (stat.isFile() && isSeedFileName(name)) {
      if (linked ? takeReal(take, path) : take(real, name)) yield path;
      found++;
    } else if (isSeedFileName(name)) {
      // Named like an article but not a file (a FIFO, a socket, a device): say so rather than skip it silently.
      problem(`${path}: is ${specialFileKind(stat) ?? 'not a regular file'}, not a regular file; skipped`);
    }
  }
  return found;
}

/** "a named pipe (FIFO)" and the like for files that are not regular files or folders; null for those. */
function specialFileKind(stat: Stats): string | null {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return null;
}

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function readWhole(fd: number, sizeHint: number, limit: number, regular: boolean): Buffer {
  // Read in a loop: stat size can be stale (a file being written, a pipe) and readSync may return short counts.
  // Stop past `limit` so a device or an endless pipe cannot exhaust memory. One byte over the size the file had
  // lets the read that finds its end land in the same buffer: a file that did not change costs one buffer of its
  // size (not two of 64 KB, which a corpus run of small files allocated and freed by the hundred thousand).
  let buffer = Buffer.allocUnsafe(Math.min(Math.max(sizeHint + 1, 1024), limit));
  let total = 0;
  while (total < limit) {
    if (total === buffer.length) {
      const grown = Buffer.allocUnsafe(Math.min(Math.max(buffer.length * 2, 64 * 1024), limit));
      buffer.copy(grown, 0, 0, total);
      buffer = grown;
    }
    const asked = buffer.length - total;
    const n = readSync(fd, buffer, total, asked, null);
    if (n === 0) break;
    total += n;
    // A regular file that gave fewer bytes than asked, and as many as its size said, is at its end: the read that
    // would return nothing is spared.
    if (regular && n < asked && total === sizeHint) break;
  }
  return buffer.subarray(0, total);
}

/** NUL and the C0 controls that real text never has (all but tab, LF, VT, FF, CR and ESC). */
const TEXT_BREAKING_CONTROL = /[\x00-\x08\x0e-\x1a\x1c-\x1f]/;

/** Says why the bytes look binary, or null. UTF-16 gets its own message: it is a common "text" export. */
function binaryReason(bytes: Buffer): string | null {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return 'looks like UTF-16 text (byte order mark at the start)';
  }
  const sample = bytes.subarray(0, 64 * 1024);
  // Most files have no such byte at all: found (or not) by the regular expression engine, counted only when there.
  if (!TEXT_BREAKING_CONTROL.test(sample.toString('latin1'))) return null;
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

function refuse(problem: SeedFileProblem, error: string): SeedFileRefusal {
  return { ok: false, problem, error };
}

function refuseFsError(path: string, err: unknown): SeedFileRefusal {
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
