// The client's view of the workspace codebook: typed requests to the server, the last answer cached, change events.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient/node';
import {
  CodebookNotifications,
  CodebookRequests,
  type CodebookDto,
  type CodebookRequestName,
  type CodebookRequestTypes,
} from '../../shared/protocol';

type Params<K extends CodebookRequestName> = Omit<CodebookRequestTypes[K]['params'], 'seed' | 'folder'>;

export class CodebookModel implements vscode.Disposable {
  private cached: Promise<CodebookDto> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: BaseLanguageClient) {
    this.subscriptions.push(
      client.onNotification(CodebookNotifications.changed, () => this.invalidate()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('seedAnnotator.tags') && this.invalidate()),
    );
  }

  /** The codebook of the first workspace folder (the old `seedAnnotator.tags` until its file exists). */
  get(): Promise<CodebookDto> {
    if (!this.cached) {
      const request = this.send('get', {});
      request.catch(() => {
        if (this.cached === request) this.cached = undefined;
      });
      this.cached = request;
    }
    return this.cached;
  }

  /** The code names and definitions, or none when the server cannot answer (no folder open). */
  async codesOrNone(): Promise<CodebookDto['codes']> {
    try {
      return (await this.get()).codes;
    } catch {
      return [];
    }
  }

  async send<K extends CodebookRequestName>(name: K, params: Params<K>): Promise<CodebookRequestTypes[K]['result']> {
    const seed = vscode.workspace.getConfiguration('seedAnnotator').get<string[]>('tags') ?? [];
    const full: CodebookRequestTypes[K]['params'] = { ...params, seed };
    // Sent by method: each request object is typed, the one chosen by `name` only through CodebookRequestTypes.
    const result = await this.client.sendRequest<CodebookRequestTypes[K]['result']>(CodebookRequests[name].method, full);
    if (name !== 'get') this.invalidate();
    return result;
  }

  invalidate(): void {
    this.cached = undefined;
    this.changed.fire();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
