// Times the language server's workspace index as an editor sees it: spawns `dist/server.js --stdio`, opens a folder
// and measures from `initialized` to the end of the index's work-done progress. While the index runs, a request that
// costs the server nothing (a hover in a document that is not open) is sent every 20 ms and its round trip kept, so
// a blocked event loop in the server shows up as a slow answer; the server's own event-loop delay figure is read
// from its log line. Afterwards one `workspace/symbol` search over the whole index is timed.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver/node';

export interface IndexRun {
  /** From `initialized` to the progress `end`. */
  ms: number;
  /** The slowest probe round trip while indexing. */
  maxRoundTripMs: number;
  roundTrips: number;
  /** One `workspace/symbol` search ("ceasefire") over the complete index. */
  symbolSearchMs: number;
  /**
   * The longest event-loop delay of this (nearly idle) client process over the same time: what the machine alone
   * costs any process (other work on it, scheduling), the baseline for the server's figure.
   */
  clientLoopDelayMs: number;
  /** The server's log line about the index ("Indexed … seed files …"), if it wrote one. */
  log: string | null;
}

export interface IndexRunOptions {
  root: string;
  serverJs: string;
  initializationOptions?: unknown;
  timeoutMs?: number;
}

export async function timeWorkspaceIndex(options: IndexRunOptions): Promise<IndexRun> {
  const child = spawn(process.execPath, [options.serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection: ProtocolConnection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let log: string | null = null;
  let ended: () => void = () => undefined;
  const end = new Promise<void>((resolve) => { ended = resolve; });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('window/logMessage', (p: { message: string }) => {
    if (p.message.startsWith('Indexed ')) log = p.message;
  });
  connection.onNotification('$/progress', (p: { value: { kind: string } }) => {
    if (p.value.kind === 'end') ended();
  });
  connection.listen();
  try {
    const folder = pathToFileURL(options.root).href;
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folder,
      workspaceFolders: [{ uri: folder, name: 'bench' }],
      capabilities: { window: { workDoneProgress: true }, workspace: { workspaceFolders: true } },
      initializationOptions: options.initializationOptions,
    });
    const clientDelay = monitorEventLoopDelay({ resolution: 10 });
    clientDelay.enable();
    const started = performance.now();
    await connection.sendNotification('initialized', {});
    let indexing = true;
    let maxRoundTripMs = 0;
    let roundTrips = 0;
    const probe = (async () => {
      while (indexing) {
        const sent = performance.now();
        await connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///not-open.txt' }, position: { line: 0, character: 0 } });
        maxRoundTripMs = Math.max(maxRoundTripMs, performance.now() - sent);
        roundTrips++;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('the index did not finish in time')), options.timeoutMs ?? 300_000).unref());
    await Promise.race([end, timeout]);
    const ms = performance.now() - started;
    clientDelay.disable();
    indexing = false;
    await probe;
    // The log line comes once the new cache entries are written, after the progress end: wait for it, so the next
    // run finds the cache complete.
    for (let i = 0; i < 6000 && log === null; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    const searched = performance.now();
    await connection.sendRequest('workspace/symbol', { query: 'ceasefire' });
    return { ms, maxRoundTripMs, roundTrips, log, symbolSearchMs: performance.now() - searched, clientLoopDelayMs: clientDelay.max / 1e6 };
  } finally {
    await connection.sendRequest('shutdown').catch(() => undefined);
    await connection.sendNotification('exit').catch(() => undefined);
    connection.dispose();
    child.kill();
  }
}

export const SERVER_JS = join(__dirname, '..', '..', 'dist', 'server.js');
