// The index's work for a batch of files, run on an analysis worker: read each file, hash it, take its summary from
// the cache when the cache has this content, else analyse it and summarise it. New summaries are written to the
// cache afterwards, by `flushIndexCache` once the index is complete: creating thousands of small files costs about
// as much again as analysing them, and the editor should have its index first.
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LANGUAGE_ID } from '../../../shared/protocol';
import { analyzeDocument } from '../documents/documentAnalyses';
import { readSeedFile } from '../files/seedFile';
import { readCacheEntry, writeCacheEntry } from './indexCache';
import { contentHash, summarize, type FileSummary } from './indexedFile';

export interface IndexRequest {
  files: string[];
  maxFileSizeKb: number;
  /** The versioned cache folder, or null to index without a cache. */
  cacheDir: string | null;
}

export type IndexOutcome =
  | { path: string; kind: 'indexed'; summary: FileSummary; fromCache: boolean }
  /** Not indexed: `message` says why, or is null for a file that is simply gone. */
  | { path: string; kind: 'skipped'; message: string | null };

export interface IndexResponse {
  outcomes: IndexOutcome[];
  /** Lines for the server's log: corrupt cache entries discarded, a cache folder that cannot be written. */
  notes: string[];
  /** True when the cache could not be written: the caller stops giving it one. */
  cacheFailed: boolean;
}

export interface FlushResponse {
  written: number;
  notes: string[];
  cacheFailed: boolean;
}

/** Summaries analysed by this thread and not yet in the cache, by cache folder. */
const unwritten = new Map<string, FileSummary[]>();

export function indexFiles(request: IndexRequest): IndexResponse {
  const notes: string[] = [];
  const cacheDir = request.cacheDir;
  const outcomes = request.files.map((path): IndexOutcome => {
    const read = readSeedFile(path, { maxBytes: request.maxFileSizeKb * 1024 });
    if (!read.ok) return { path, kind: 'skipped', message: read.problem === 'missing' ? null : `Not indexed: ${read.error}` };
    const hash = contentHash(read.text);
    if (cacheDir) {
      const cached = readCacheEntry(cacheDir, hash);
      if (cached.kind === 'hit') return { path, kind: 'indexed', summary: cached.summary, fromCache: true };
      if (cached.kind === 'corrupt') notes.push(cached.message);
    }
    // Editors drop a leading BOM from the text they show, so ranges are computed on the text as an editor has it.
    const bom = read.text.startsWith('\uFEFF') ? 1 : 0;
    const document = TextDocument.create(pathToFileURL(path).href, LANGUAGE_ID, 0, read.text.slice(bom));
    let summary: FileSummary;
    try {
      summary = summarize(analyzeDocument(document, { maxFileSizeKb: request.maxFileSizeKb }), hash, bom);
    } catch (error) {
      // One file the analyser cannot handle must not stop the index (or the server) for the others.
      return { path, kind: 'skipped', message: `Not indexed: ${path}: the analyser failed (${error instanceof Error ? error.message : String(error)})` };
    }
    if (cacheDir) {
      const queue = unwritten.get(cacheDir) ?? [];
      queue.push(summary);
      unwritten.set(cacheDir, queue);
    }
    return { path, kind: 'indexed', summary, fromCache: false };
  });
  return { outcomes, notes, cacheFailed: false };
}

/** Writes the summaries this thread analysed since the last flush. */
export function flushIndexCache(): FlushResponse {
  let written = 0;
  for (const [dir, summaries] of unwritten) {
    unwritten.delete(dir);
    try {
      for (const summary of summaries) {
        writeCacheEntry(dir, summary);
        written++;
      }
    } catch (error) {
      return { written, notes: [`The index cache cannot be written, indexing without it: ${(error as Error).message}`], cacheFailed: true };
    }
  }
  return { written, notes: [], cacheFailed: false };
}
