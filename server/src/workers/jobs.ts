// The jobs the analysis workers run, by kind: the request each takes and the response it gives. Both the worker
// threads and the in-process runner call these same handlers, so a run with one job and a run with many do the
// same work and differ only in where it happens.
import { analyzeFilesForOutput, type FileBatch, type FileOutcome } from '../cli/analyzeFile';
import { indexFiles, type IndexRequest, type IndexResponse } from '../workspace/indexJob';
import { analyzeDocumentJob, type DocumentJob, type DocumentJobResponse } from '../documents/analysisJob';

export interface Jobs {
  /** The workspace index: read and hash a batch of files, or analyze and summarise them. */
  index: { request: IndexRequest; response: IndexResponse };
  /** The CLI: analyze a few files and format each for the chosen output. */
  analyze: { request: FileBatch; response: FileOutcome[] };
  /** The editor: analyze one open document's current text (documents/analysisJob.ts). */
  document: { request: DocumentJob; response: DocumentJobResponse };
}

export type JobKind = keyof Jobs;

export const handlers: { [K in JobKind]: (request: Jobs[K]['request']) => Jobs[K]['response'] } = {
  index: indexFiles,
  analyze: analyzeFilesForOutput,
  document: analyzeDocumentJob,
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
