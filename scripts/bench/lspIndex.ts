// Times the language server's workspace index as an editor sees it: spawns `dist/server.js --stdio`, opens a folder
// and measures from `initialized` to the end of the index's work-done progress. While the index runs, a cheap request
// (`workspace/symbol` for a word no file has) is sent every 20 ms and its round trip kept, so a blocked event loop in
// the server shows up as a slow answer; the server's own event-loop delay figure is read from its log line.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
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
  /** The slowest `workspace/symbol` round trip while indexing. */
  maxRoundTripMs: number;
  roundTrips: number;
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
    const started = performance.now();
    await connection.sendNotification('initialized', {});
    let indexing = true;
    let maxRoundTripMs = 0;
    let roundTrips = 0;
    const probe = (async () => {
      while (indexing) {
        const sent = performance.now();
        await connection.sendRequest('workspace/symbol', { query: 'zzqx-nothing' });
        maxRoundTripMs = Math.max(maxRoundTripMs, performance.now() - sent);
        roundTrips++;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('the index did not finish in time')), options.timeoutMs ?? 300_000).unref());
    await Promise.race([end, timeout]);
    const ms = performance.now() - started;
    indexing = false;
    await probe;
    // The log line comes once the new cache entries are written, after the progress end: wait for it, so the next
    // run finds the cache complete.
    for (let i = 0; i < 6000 && log === null; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    return { ms, maxRoundTripMs, roundTrips, log };
  } finally {
    await connection.sendRequest('shutdown').catch(() => undefined);
    await connection.sendNotification('exit').catch(() => undefined);
    connection.dispose();
    child.kill();
  }
}

export const SERVER_JS = join(__dirname, '..', '..', 'dist', 'server.js');
