// The bundled server also speaks over Node IPC and a socket, as `vscode-languageserver/node` picks from its arguments.
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  SocketMessageReader,
  SocketMessageWriter,
  type ClientCapabilities,
  type Hover,
  type InitializeResult,
  type MarkupContent,
  type ProtocolConnection,
} from 'vscode-languageserver/node';
import { buildOnce, CLIENT_CAPABILITIES, ROOT } from './lspClient';

const SERVER = join(ROOT, 'dist', 'server.js');

/** initialize, open a small seed, hover its speaker, then shutdown/exit; resolves with the exit code. */
async function exercise(
  connection: ProtocolConnection,
  child: ChildProcess,
  capabilities: ClientCapabilities = CLIENT_CAPABILITIES,
): Promise<InitializeResult & { exitCode: number | null }> {
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  connection.listen();
  const init = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities,
    workspaceFolders: null,
  })) as InitializeResult;
  assert.ok(init.capabilities.hoverProvider);
  await connection.sendNotification('initialized', {});
  const uri = 'untitled:transport';
  const text = 'Talks\n\n"We are ready," Foreign Minister Sergei Lavrov said on Friday.\n';
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'seed', version: 1, text } });
  const hover = (await connection.sendRequest('textDocument/hover', {
    textDocument: { uri },
    position: { line: 2, character: text.split('\n')[2].indexOf('Lavrov') + 1 },
  })) as Hover;
  assert.match((hover.contents as MarkupContent).value, /Sergei Lavrov/);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  const code = await exited;
  connection.dispose();
  return { ...init, exitCode: code };
}

describe('language server transports', function () {
  this.timeout(30000);
  before(buildOnce);

  it('serves over --node-ipc', async () => {
    const child = spawn(process.execPath, [SERVER, '--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    // A client without semantic token support is not offered them (capabilities follow the client's).
    const { textDocument, ...rest } = CLIENT_CAPABILITIES;
    const { semanticTokens, ...documentRest } = textDocument ?? {};
    void semanticTokens;
    const result = await exercise(connection, child, { ...rest, textDocument: documentRest });
    assert.equal(result.exitCode, 0);
    assert.equal(result.capabilities.semanticTokensProvider, undefined);
  });

  it('serves over --socket, connecting to the editor on 127.0.0.1', async () => {
    const listener = createServer();
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const port = (listener.address() as { port: number }).port;
    const accepted = new Promise<Socket>((resolve) => listener.once('connection', resolve));
    const child = spawn(process.execPath, [SERVER, `--socket=${port}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    let socket: Socket | undefined;
    try {
      socket = await accepted;
      const connection = createProtocolConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket));
      const result = await exercise(connection, child);
      assert.equal(result.exitCode, 0);
      assert.ok(result.capabilities.semanticTokensProvider);
    } finally {
      socket?.destroy(); // an open accepted socket would keep the test process alive after the run
      listener.close();
      if (child.exitCode === null) child.kill();
    }
  });
});
