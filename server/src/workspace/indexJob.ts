// The index's work for a batch of files, run on an analysis worker: read each file and hash it, then either hand the
// hash back (the caller looks it up in its cache and sends the misses again) or analyze and summarise it. Summaries
// travel as JSON text: the caller stores that text in the cache as it is, and a string crosses between threads
// far more cheaply than the object graph it encodes.
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LANGUAGE_ID } from '../../../shared/protocol';
import { analyzeDocument } from '../documents/analyzeDocument';
import { readSeedBytes, seedText } from '../files/seedFile';
import type { Text } from '../workers/transfer';
import { contentHashOfBytes, summarize } from './indexedFile';
import { encodeSummary } from './summaryCodec';

export interface IndexRequest {
  files: string[];
  maxFileSizeKb: number;
  /** Only read and hash (the caller has a cache or an index to look the hashes up in). */
  hashOnly: boolean;
}

/** `uri` is the file's uri as the index keys it (made here, off the main thread). */
export type IndexOutcome =
  | { path: string; uri: string; kind: 'hashed'; hash: string }
  /** `summary` is the FileSummary as compact JSON (summaryCodec.ts; UTF-8 bytes when it comes from a worker thread). */
  | { path: string; uri: string; kind: 'analyzed'; hash: string; summary: Text }
  /** Not indexed: `message` says why, or is null for a file that is simply gone. */
  | { path: string; uri: string; kind: 'skipped'; message: string | null };

export interface IndexResponse {
  outcomes: IndexOutcome[];
}

export function indexFiles(request: IndexRequest): IndexResponse {
  const outcomes = request.files.map((path): IndexOutcome => {
    const uri = pathToFileURL(path).href;
    const read = readSeedBytes(path, { maxBytes: request.maxFileSizeKb * 1024 });
    if (!read.ok) return { path, uri, kind: 'skipped', message: read.problem === 'missing' ? null : `Not indexed: ${read.error}` };
    // Hashed as bytes (the same hash as of the text): a warm index never needs the text.
    const hash = contentHashOfBytes(read.bytes);
    if (request.hashOnly) return { path, uri, kind: 'hashed', hash };
    const text = seedText(read.bytes);
    // Editors drop a leading BOM from the text they show, so ranges are computed on the text as an editor has it.
    const bom = text.startsWith('\uFEFF') ? 1 : 0;
    const document = TextDocument.create(uri, LANGUAGE_ID, 0, text.slice(bom));
    try {
      const summary = summarize(analyzeDocument(document, { maxFileSizeKb: request.maxFileSizeKb }), hash, bom);
      return { path, uri, kind: 'analyzed', hash, summary: encodeSummary(summary) };
    } catch (error) {
      // One file the analyzer cannot handle must not stop the index (or the server) for the others.
      return {
        path,
        uri,
        kind: 'skipped',
        message: `Not indexed: ${path}: the analyzer failed (${error instanceof Error ? error.message : String(error)})`,
      };
    }
  });
  return { outcomes };
}
