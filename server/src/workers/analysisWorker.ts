// Entry point of an analysis worker thread (bundled alone as dist/analysisWorker.js): answers each job message with
// its handler's response. A handler that throws is answered with the error so the caller can name the file and go on.
import { parentPort } from 'node:worker_threads';
import { handlers, type JobKind, type JobMessage, type JobReply } from './jobs';

const port = parentPort;
if (!port) throw new Error('analysisWorker must run in a worker thread');

port.on('message', (message: JobMessage) => {
  let reply: JobReply;
  try {
    const handler = handlers[message.kind as JobKind] as (request: unknown) => unknown;
    reply = { id: message.id, ok: true, response: handler(message.request) };
  } catch (error) {
    reply = { id: message.id, ok: false, error: error instanceof Error ? error.stack ?? error.message : String(error) };
  }
  port.postMessage(reply);
});
