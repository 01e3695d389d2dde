// The jobs the analysis workers run, by kind: the request each takes and the response it gives. Both the worker
// threads and the in-process runner call these same handlers, so a run with one job and a run with many do the
// same work and differ only in where it happens.
import { analyzeFileForOutput, type FileOutcome, type FileJob } from '../cli/analyzeFile';
import { flushIndexCache, indexFiles, type FlushResponse, type IndexRequest, type IndexResponse } from '../workspace/indexJob';

export interface Jobs {
  /** The workspace index: read, hash, look up the cache, analyse and summarise a batch of files. */
  index: { request: IndexRequest; response: IndexResponse };
  /** Writes the cache entries of what this worker analysed (sent to every worker, see JobRunner.runOnEach). */
  flushIndexCache: { request: null; response: FlushResponse };
  /** The CLI: analyse one file and format it for the chosen output. */
  analyze: { request: FileJob; response: FileOutcome };
}

export type JobKind = keyof Jobs;

export const handlers: { [K in JobKind]: (request: Jobs[K]['request']) => Jobs[K]['response'] } = {
  index: indexFiles,
  flushIndexCache,
  analyze: analyzeFileForOutput,
};

/** Given to each worker when it starts. */
export interface WorkerSettings {
  /** Lower this thread's CPU priority: background indexing must not slow the editor's requests. */
  background: boolean;
}

/** Main thread → worker. */
export interface JobMessage {
  id: number;
  kind: JobKind;
  request: unknown;
}

/** Worker → main thread: the handler's response, or why it threw (with the stack, for the log). */
export type JobReply = { id: number; ok: true; response: unknown } | { id: number; ok: false; error: string };
