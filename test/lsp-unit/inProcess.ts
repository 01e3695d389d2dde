// A language server built by createSeedLanguageServer in this process, wired to a client connection over in-memory
// streams: the wiring of server/src/lsp/ tested without spawning the bundle (test/lsp does that, over stdio).
import { PassThrough } from 'node:stream';
import {
  createConnection,
  createProtocolConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { TextChanges } from '../../server/src/documents/textChange';
import { createSeedLanguageServer, type SeedLanguageServer } from '../../server/src/lsp/languageServer';
import { DEFAULT_SETTINGS } from '../../shared/protocol';
import { CLIENT_CAPABILITIES } from '../lsp/lspClient';

export interface InProcess {
  server: SeedLanguageServer;
  client: ProtocolConnection;
  diagnostics: PublishDiagnosticsParams[];
  /** workspace/semanticTokens/refresh requests received. */
  refreshes: () => number;
  /** The analyses the server ran, with where they ran. */
  analyses: { uri: string; version: number; where: string }[];
  initialize(capabilities?: ClientCapabilities): Promise<InitializeResult>;
  dispose(): Promise<void>;
}

/**
 * @param env set while the server is created (SEED_ANALYSIS_DELAY_MS, SEED_ANALYSIS_WORKERS), then restored.
 * @param beforeInitialize what a feature would do before `listen` (add capabilities, hover sections).
 */
export function startInProcess(env: Record<string, string>, beforeInitialize?: (server: SeedLanguageServer) => void): InProcess {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  const changes = new TextChanges();
  const documents = new TextDocuments(changes);
  let server: SeedLanguageServer;
  try {
    server = createSeedLanguageServer(connection, documents, changes);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  const analyses: InProcess['analyses'] = [];
  server.analyses.onDidAnalyze((uri, version, _ms, where) => analyses.push({ uri, version, where }));
  beforeInitialize?.(server);
  documents.listen(connection);
  connection.listen();
  const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const diagnostics: PublishDiagnosticsParams[] = [];
  let refreshes = 0;
  client.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => DEFAULT_SETTINGS));
  client.onRequest('client/registerCapability', () => null);
  client.onRequest('window/workDoneProgress/create', () => null);
  client.onRequest('workspace/semanticTokens/refresh', () => {
    refreshes++;
    return null;
  });
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    diagnostics.push(p);
  });
  client.listen();
  return {
    server,
    client,
    diagnostics,
    analyses,
    refreshes: () => refreshes,
    async initialize(capabilities = CLIENT_CAPABILITIES) {
      const result = (await client.sendRequest('initialize', {
        processId: null,
        rootUri: null,
        capabilities,
        workspaceFolders: null,
      })) as InitializeResult;
      await client.sendNotification('initialized', {});
      return result;
    },
    async dispose() {
      await server.analyses.close();
      client.dispose();
      connection.dispose();
      toServer.destroy();
      toClient.destroy();
    },
  };
}

/** Polls until `check` gives a value (not undefined), or fails after `ms`. */
export async function eventually<T>(what: string, check: () => T | undefined, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
