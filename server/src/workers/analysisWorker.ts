// Entry point of an analysis worker thread (bundled alone as dist/analysisWorker.js): answers each job message with
// its handler's response. A handler that throws is answered with the error so the caller can name the file and go on.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { handlers, packForTransfer, type JobMessage, type JobReply, type WorkerSettings } from './jobs';

const port = parentPort;
if (!port) throw new Error('analysisWorker must run in a worker thread');

/**
 * Nice value of background workers: below the server's own thread, which answers the editor, and below the editor's
 * processes; mild, so that on a machine busy with other work the index still gets about a third of a core's share.
 */
const BACKGROUND_NICE = 5;

if ((workerData as WorkerSettings | undefined)?.background) {
  try {
    // Linux gives each thread its own nice value; /proc/thread-self names this thread's id.
    setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), BACKGROUND_NICE);
  } catch {
    // Not Linux, or not allowed: the workers still run, at the server's priority.
  }
}

port.on('message', (message: JobMessage) => {
  let reply: JobReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const handler = handlers[message.kind] as (request: unknown) => unknown;
    const response = handler(message.request);
    transfer = (packForTransfer[message.kind] as (r: unknown) => ArrayBuffer[])(response);
    reply = { id: message.id, ok: true, response };
  } catch (error) {
    reply = { id: message.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply, transfer);
});
