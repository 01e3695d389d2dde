// Which files in a workspace folder are seed files (the manifest's patterns plus the user's), and the walk that finds
// them without blocking the language server.
import type { Dirent } from 'node:fs';
import { opendir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { Minimatch } from 'minimatch';
import { patternScope } from '../../../shared/filePatterns';
import { SIDECAR_SUFFIX } from '../tags/sidecarTypes';

/** The patterns the manifest gives the `seed` language, so the index takes the files the editor treats as seeds. */
export const DEFAULT_SEED_PATTERNS = ['**/seeds/*.txt', '**/[0-9][0-9][0-9]_' + '[0-9a-f]'.repeat(16) + '.txt'];

/** Decides whether a path inside a workspace folder is a seed file: the default patterns plus the user's. */
export class SeedFileMatcher {
  // Compiled once, to regular expressions where minimatch can (it says they match as `match` does): a corpus folder
  // asks this for every one of its files, and a regular expression answers in a fraction of `match`'s time.
  private readonly patterns: ((path: string) => boolean)[];

  constructor(extra: readonly string[] = []) {
    this.patterns = [...DEFAULT_SEED_PATTERNS, ...extra].flatMap((p) => {
      const scope = patternScope(p);
      if (!scope) return [];
      const glob = new Minimatch(scope.glob, { dot: false });
      const re = glob.negate || glob.comment ? false : glob.makeRe();
      return [re ? (path: string) => re.test(path) : (path: string) => glob.match(path)];
    });
  }

  /** @param relativePath the file's path relative to its workspace folder. */
  matches(relativePath: string): boolean {
    const path = sep === '/' ? relativePath : relativePath.split(sep).join('/');
    for (const matches of this.patterns) if (matches(path)) return true;
    return false;
  }
}

/** Entries handled between two yields to the event loop: a folder of 100,000 articles is one readdir. */
const ENTRIES_PER_TURN = 500;

/**
 * Walks a folder for files the matcher takes, in sorted order. Not `expandSeedPaths`: that takes every `*.txt`
 * (right for paths a user names) while the editor's patterns may name other extensions and exclude stray `.txt`
 * files; and this walk is asynchronous and yields often so a large workspace does not block requests.
 * @param stop checked between folders: a superseded walk ends early.
 * @param sidecars receives the source path of every tag sidecar (`<file>.tags.json`) the walk passes; a file's
 * sidecar is in it before the file is in `out`.
 * @param found called whenever files were added to `out`, so a caller can start on them while the walk goes on.
 */
export async function collectSeedFiles(
  root: string,
  matcher: SeedFileMatcher,
  out: string[],
  stop: () => boolean,
  sidecars?: Set<string>,
  found?: () => void,
): Promise<void> {
  await collect(root, root, matcher, out, new Set(), stop, sidecars, found);
}

async function collect(
  root: string,
  dir: string,
  matcher: SeedFileMatcher,
  out: string[],
  visited: Set<string>,
  stop: () => boolean,
  sidecars: Set<string> | undefined,
  found: (() => void) | undefined,
): Promise<void> {
  if (stop()) return;
  let real: string;
  let entries: Dirent[];
  try {
    real = await realpath(dir);
    if (visited.has(real)) return; // a symlink loop
    visited.add(real);
    entries = await listFolder(dir);
  } catch {
    return; // unreadable folders hold nothing we can index
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // Sidecars first: a caller may take a file as soon as it is found, and must know by then whether it has one.
  for (const entry of entries) {
    if (entry.name.endsWith(SIDECAR_SUFFIX)) sidecars?.add(join(dir, entry.name.slice(0, -SIDECAR_SUFFIX.length)));
  }
  for (let i = 0; i < entries.length; i++) {
    if (i % ENTRIES_PER_TURN === ENTRIES_PER_TURN - 1) {
      found?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
    const entry = entries[i];
    if (entry.name.endsWith(SIDECAR_SUFFIX)) continue;
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = await stat(path);
        isDirectory = target.isDirectory();
        isFile = target.isFile();
      } catch {
        continue; // a dangling link
      }
    }
    if (isDirectory) await collect(root, path, matcher, out, visited, stop, sidecars, found);
    // The walk joins names onto the root, so the relative path is the tail (path.relative costs more on a corpus).
    else if (isFile && matcher.matches(path.startsWith(root + sep) ? path.slice(root.length + 1) : relative(root, path))) out.push(path);
  }
  found?.();
}

/**
 * A folder's entries, read a few hundred at a time: `readdir` builds the entry objects of a folder of 10,000
 * articles in one go on the event loop, which held it for tens of milliseconds.
 */
async function listFolder(dir: string): Promise<Dirent[]> {
  const entries: Dirent[] = [];
  for await (const entry of await opendir(dir, { bufferSize: 256 })) entries.push(entry);
  return entries;
}
