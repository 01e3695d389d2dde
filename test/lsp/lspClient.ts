// A minimal LSP client for tests: spawns the bundled server over stdio and speaks JSON-RPC to it as an editor does.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, SpeakerNotifications, type SeedAnnotatorSettings } from '../../shared/protocol';

export const ROOT = join(__dirname, '..', '..');

/** Builds dist/ once per test run (the LSP tests exercise the real bundle). */
let built = false;
export function buildOnce(): void {
  if (built) return;
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'pipe' });
  built = true;
}

export const CLIENT_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    synchronization: { dynamicRegistration: false },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    semanticTokens: {
      requests: { full: { delta: true }, range: true },
      tokenTypes: ['dateline', 'speaker', 'quote', 'cue'],
      tokenModifiers: ['primary', 'person', 'organization', 'anonymous', 'unattributed', 'partial', 'tagged'],
      formats: ['relative'],
      overlappingTokenSupport: false,
      multilineTokenSupport: false,
    },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    publishDiagnostics: { versionSupport: true },
  },
  workspace: { configuration: true, workspaceFolders: true, semanticTokens: { refreshSupport: true } },
  window: { workDoneProgress: true },
};

export class LspClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly progress: unknown[] = [];
  /** The server's window/logMessage lines. */
  readonly logs: string[] = [];
  /** How many times the server asked for semantic tokens again (workspace/semanticTokens/refresh). */
  tokenRefreshes = 0;
  private stderr = '';
  /** Everything the server wrote, for answers to requests sent past the connection (see requestThenCancel). */
  private stdout = '';

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
    public settings: SeedAnnotatorSettings,
  ) {}

  /** @param env added to the server's environment (e.g. SEED_ANALYSIS_DELAY_MS, SEED_TRACE_ANALYSES). */
  static start(settings: SeedAnnotatorSettings = DEFAULT_SETTINGS, env: Record<string, string> = {}): LspClient {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection, settings);
    child.stderr!.on('data', (d: Buffer) => {
      client.stderr += d.toString();
    });
    child.stdout!.on('data', (d: Buffer) => {
      client.stdout += d.toString();
    });
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'seedAnnotator' ? client.settings : null)),
    );
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/semanticTokens/refresh', () => {
      client.tokenRefreshes++;
      return null;
    });
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      client.diagnostics.set(p.uri, p);
    });
    connection.onNotification('$/progress', (p: unknown) => {
      client.progress.push(p);
    });
    connection.onNotification('window/logMessage', (p: { message: string }) => {
      client.logs.push(p.message);
    });
    connection.onNotification(SpeakerNotifications.changed, (params) => {
      client.notifications.push({ method: SpeakerNotifications.changed.method, params });
    });
    connection.listen();
    child.once('exit', () => rmSync(client.storagePath, { recursive: true, force: true }));
    return client;
  }

  /** The storage folder given to the server, as VS Code gives one (the index cache goes there); removed on exit. */
  readonly storagePath = mkdtempSync(join(tmpdir(), 'seed-lsp-storage-'));

  /** @param initializationOptions by default `{ storagePath }`, as the VS Code client sends. */
  async initialize(
    workspaceFolders: { uri: string; name: string }[] | null,
    initializationOptions: unknown = { storagePath: this.storagePath },
    capabilities = CLIENT_CAPABILITIES,
  ): Promise<InitializeResult> {
    const result = (await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: workspaceFolders?.[0]?.uri ?? null,
      capabilities,
      workspaceFolders,
      initializationOptions,
    })) as InitializeResult;
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** @param method an LSP method, or one of shared/protocol.ts's typed requests. */
  request<R>(method: string | { readonly method: string }, params: unknown): Promise<R> {
    return this.connection.sendRequest(typeof method === 'string' ? method : method.method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /**
   * Sends a request and its `$/cancelRequest` in one write, so the server sees the cancellation before it starts
   * the request (as when an editor cancels a request still queued behind others). Resolves with the raw answer.
   */
  async requestThenCancel(method: string, params: unknown): Promise<{ result?: unknown; error?: { code: number; message: string } }> {
    const id = `cancel-${Date.now()}`;
    const frame = (message: object) => {
      const body = JSON.stringify({ jsonrpc: '2.0', ...message });
      return `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
    };
    this.process.stdin!.write(frame({ id, method, params }) + frame({ method: '$/cancelRequest', params: { id } }));
    return this.waitFor(`the answer to ${method}`, () => {
      const at = this.stdout.indexOf(`"id":"${id}"`);
      if (at < 0) return undefined;
      const start = this.stdout.lastIndexOf('{"jsonrpc"', at);
      const header = this.stdout.lastIndexOf('Content-Length: ', start);
      const length = Number(/Content-Length: (\d+)/.exec(this.stdout.slice(header))?.[1]);
      const body = Buffer.from(this.stdout.slice(start), 'utf8').subarray(0, length).toString('utf8');
      return body.length > 0 && Buffer.byteLength(body) === length ? JSON.parse(body) : undefined;
    });
  }

  /** Polls until `check` returns a value (not undefined) or the time runs out. */
  async waitFor<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 10000): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const value = await check();
      if (value !== undefined) return value;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}; server stderr: ${this.stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** shutdown + exit as an editor does; resolves with the process exit code. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => {
      if (this.process.exitCode !== null) resolve(this.process.exitCode);
      else this.process.once('exit', (code) => resolve(code));
    });
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const timer = setTimeout(() => this.process.kill(), 5000);
    const code = await exited;
    clearTimeout(timer);
    this.connection.dispose();
    return code;
  }
}
