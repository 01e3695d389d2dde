// Creates the LanguageClient that runs the bundled server (dist/server.js) over IPC for `seed` documents.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { LANGUAGE_ID } from '../../shared/protocol';
import { crashHandler, showNotice } from './serverCrashes';
import { trustOptions } from './workspaceTrust';

/** The client id: vscode-languageclient reads the trace level from `<id>.trace.server`. */
const CLIENT_ID = 'seedAnnotator';

export function createSeedLanguageClient(
  context: vscode.ExtensionContext,
  output: vscode.LogOutputChannel,
  /** Receives each crash notice shown to the user (the extension's API exposes it to tests). */
  notices: string[] = [],
): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc },
  };
  // Sidecars and sources change behind the editor's back (git pull, the CLI, another editor); the server reloads
  // and re-anchors on these events, so both kinds are watched.
  const sidecarWatcher = vscode.workspace.createFileSystemWatcher('**/*.tags.json');
  const sourceWatcher = vscode.workspace.createFileSystemWatcher('**/*.txt');
  // The analyst's corpus speaker merges and splits (issue 9), edited by hand or by another window.
  const speakersWatcher = vscode.workspace.createFileSystemWatcher('**/.seed-annotator/speakers.json');
  context.subscriptions.push(sidecarWatcher, sourceWatcher, speakersWatcher);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
    ],
    synchronize: {
      configurationSection: 'seedAnnotator',
      fileEvents: [sidecarWatcher, sourceWatcher, speakersWatcher],
    },
    outputChannel: output,
    traceOutputChannel: output,
    // The server keeps its workspace index cache in the extension's storage for this workspace (or the global one
    // when no folder is open) rather than in the analyst's folder. It is read-only in an untrusted workspace.
    initializationOptions: () => ({ storagePath: (context.storageUri ?? context.globalStorageUri).fsPath, ...trustOptions() }),
    // A crashed server is restarted with one clear notice.
    errorHandler: crashHandler(output, (message, severity) => {
      notices.push(message);
      showNotice(output)(message, severity);
    }),
  };
  return new LanguageClient(CLIENT_ID, 'Seed Annotator', serverOptions, clientOptions);
}
