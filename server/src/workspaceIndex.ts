// Background index of every seed file in the workspace folders: speakers and quotes with LSP ranges, per file.
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { minimatch } from 'minimatch';
import type { Range, WorkDoneProgressReporter } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { SpeakerKind } from './analysis/types';
import type { AnalyzedDocument } from './analyzedDocument';
import { analyzeDocument, type AnalysisLimits } from './documents';
import { readSeedFile } from './files/seedFile';
import { LANGUAGE_ID } from '../../shared/protocol';
import { fullestMention } from './features/lookup';

export interface IndexedSpeaker {
  name: string;
  kind: SpeakerKind;
  role: string | null;
  aliases: string[];
  mentions: number;
  /** The speaker's fullest mention. */
  range: Range;
}

export interface IndexedQuote {
  text: string;
  /** The speaker's name, or null for a quote with no speaker. */
  speaker: string | null;
  /** How sure the attribution is, in [0, 1]; null with no speaker. */
  confidence: number | null;
  range: Range;
}

/** What the index keeps of one file: small, with ranges already in LSP positions, so no text is held. */
export interface IndexedFile {
  uri: string;
  speakers: IndexedSpeaker[];
  quotes: IndexedQuote[];
}

export function indexedFileOf(doc: AnalyzedDocument): IndexedFile {
  const { analysis } = doc;
  const names = new Map(analysis.speakers.map((s) => [s.id, s.name]));
  return {
    uri: normalizeUri(doc.uri),
    speakers: analysis.speakers.map((s) => {
      const main = fullestMention(s);
      return {
        name: s.name,
        kind: s.kind,
        role: s.role,
        aliases: s.aliases,
        mentions: s.mentions.length,
        range: main ? doc.rangeOf(main) : doc.rangeOf({ start: 0, end: 0 }),
      };
    }),
    quotes: analysis.quotes.map((q) => ({
      text: q.text,
      speaker: q.speakerId === null ? null : names.get(q.speakerId) ?? null,
      confidence: q.confidence,
      range: doc.rangeOf(q),
    })),
  };
}

/** One spelling per file: clients may encode the same path differently (`%3A`, drive letter case). */
export function normalizeUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

/** The patterns the manifest gives the `seed` language, so the index takes the files the editor treats as seeds. */
export const DEFAULT_SEED_PATTERNS = ['**/seeds/*.txt', '**/[0-9][0-9][0-9]_' + '[0-9a-f]'.repeat(16) + '.txt'];

/** Decides whether a path inside a workspace folder is a seed file: the default patterns plus the user's. */
export class SeedFileMatcher {
  private readonly patterns: string[];

  constructor(extra: readonly string[] = []) {
    this.patterns = [...DEFAULT_SEED_PATTERNS, ...extra];
  }

  /** @param relativePath the file's path relative to its workspace folder. */
  matches(relativePath: string): boolean {
    const path = relativePath.split(sep).join('/');
    // A pattern without a slash matches the file name anywhere, as in VS Code's files.associations.
    return this.patterns.some((p) => minimatch(path, p, { matchBase: !p.includes('/'), dot: false }));
  }
}

export interface IndexOptions {
  matcher: SeedFileMatcher;
  limits: AnalysisLimits;
  progress?: WorkDoneProgressReporter;
  /** Called for files that could not be read, with a message naming the file. */
  log?: (message: string) => void;
}

export class WorkspaceIndex {
  private readonly files = new Map<string, IndexedFile>();
  /** Bumped by every rebuild so an older one still running stops instead of mixing results. */
  private generation = 0;

  get size(): number {
    return this.files.size;
  }

  all(): IterableIterator<IndexedFile> {
    return this.files.values();
  }

  get(uri: string): IndexedFile | undefined {
    return this.files.get(normalizeUri(uri));
  }

  /**
   * Reads every seed file under `folders` (file-system paths). Yields to the event loop between files so
   * requests are served meanwhile. Returns false when a newer rebuild superseded this one.
   */
  async rebuild(folders: readonly string[], options: IndexOptions): Promise<boolean> {
    const generation = ++this.generation;
    const candidates: string[] = [];
    for (const folder of folders) {
      await collect(folder, folder, options.matcher, candidates, new Set());
      if (generation !== this.generation) return false;
    }
    options.progress?.begin('Indexing seed files', 0, `0/${candidates.length}`, false);
    const found = new Map<string, IndexedFile>();
    try {
      for (let i = 0; i < candidates.length; i++) {
        await new Promise((resolve) => setImmediate(resolve));
        if (generation !== this.generation) return false;
        const entry = readAndIndex(candidates[i], options);
        if (entry) found.set(entry.uri, entry);
        if (i % 10 === 9 || i === candidates.length - 1) {
          options.progress?.report(Math.round((100 * (i + 1)) / candidates.length), `${i + 1}/${candidates.length}`);
        }
      }
    } finally {
      options.progress?.done();
    }
    if (generation !== this.generation) return false;
    this.files.clear();
    for (const [uri, entry] of found) this.files.set(uri, entry);
    return true;
  }

  /**
   * Re-reads one file after it changed on disk; a file that is gone or no longer a seed is dropped, and so is
   * everything under a deleted folder. Returns whether the index changed.
   */
  refresh(path: string, isSeed: boolean, options: IndexOptions): boolean {
    const uri = pathToFileURL(path).href;
    const entry = isSeed ? readAndIndex(path, options) : null;
    if (entry) {
      this.files.set(uri, entry);
      return true;
    }
    let changed = this.files.delete(uri);
    for (const key of [...this.files.keys()]) {
      if (key.startsWith(`${uri}/`)) changed = this.files.delete(key) || changed;
    }
    return changed;
  }

  remove(uri: string): void {
    this.files.delete(normalizeUri(uri));
  }
}

/**
 * Walks a folder for files the matcher takes. Not `expandSeedPaths`: that takes every `*.txt` (right for paths a
 * user names) while the editor's patterns may name other extensions and exclude stray `.txt` files; and this walk
 * is asynchronous so a large workspace does not block requests.
 */
async function collect(root: string, dir: string, matcher: SeedFileMatcher, out: string[], visited: Set<string>): Promise<void> {
  let real: string;
  let entries: Dirent[];
  try {
    real = await realpath(dir);
    if (visited.has(real)) return; // a symlink loop
    visited.add(real);
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return; // unreadable folders hold nothing we can index
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules' || entry.name.endsWith('.tags.json')) continue;
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
    if (isDirectory) await collect(root, path, matcher, out, visited);
    else if (isFile && matcher.matches(relative(root, path))) out.push(path);
  }
}

function readAndIndex(path: string, options: IndexOptions): IndexedFile | null {
  const read = readSeedFile(path, { maxBytes: options.limits.maxFileSizeKb * 1024 });
  if (!read.ok) {
    if (read.problem !== 'missing') options.log?.(`Not indexed: ${read.error}`);
    return null;
  }
  // Editors drop a leading BOM from the text they show, so ranges are computed on the text as an editor has it.
  const text = read.text.startsWith('\uFEFF') ? read.text.slice(1) : read.text;
  const document = TextDocument.create(pathToFileURL(path).href, LANGUAGE_ID, 0, text);
  try {
    return indexedFileOf(analyzeDocument(document, options.limits));
  } catch (error) {
    // One file the analyser cannot handle must not stop the index (or the server) for the others.
    options.log?.(`Not indexed: ${path}: the analyser failed (${error instanceof Error ? error.message : String(error)})`);
    return null;
  }
}
