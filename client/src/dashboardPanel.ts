// The dashboard: a webview of charts over the corpus. The numbers come from the server in one request; the webview
// (client/webview/dashboard.ts, bundled to dist/dashboard.js with Apache ECharts) only draws, and asks the host to
// open quotes and save exported charts. Strict Content-Security-Policy: scripts only with this page's nonce.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { type BaseLanguageClient } from 'vscode-languageclient/node';
import { CorpusCommands, CorpusNotifications, CorpusRequests, type DashboardParams } from '../../shared/protocol';
import { openQuote } from './corpusCommands';
import type { ToHost, ToWebview } from './dashboardMessages';

export function registerDashboard(context: vscode.ExtensionContext, client: BaseLanguageClient): vscode.Disposable {
  const panels = new Map<string, DashboardPanel>();
  // One handler for the notification (a client keeps one per method); every open dashboard redraws.
  const changed = client.onNotification(CorpusNotifications.changed, () => {
    for (const panel of panels.values()) panel.refreshSoon();
  });
  const command = vscode.commands.registerCommand(CorpusCommands.openDashboard, (folder?: vscode.Uri | string) => {
    const uri = typeof folder === 'string' ? vscode.Uri.parse(folder) : folder instanceof vscode.Uri ? folder : undefined;
    const key = uri?.toString() ?? '';
    const existing = panels.get(key);
    if (existing) {
      existing.reveal();
      return;
    }
    const panel = new DashboardPanel(context, client, uri);
    panels.set(key, panel);
    panel.onDispose(() => panels.delete(key));
  });
  return vscode.Disposable.from(changed, command);
}

class DashboardPanel {
  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly scope: string;
  private lastParams: DashboardParams = { filter: {}, period: 'month' };
  private refreshTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: BaseLanguageClient,
    private readonly folder: vscode.Uri | undefined,
  ) {
    this.scope = folder ? vscode.workspace.asRelativePath(folder, false) : 'the workspace';
    const dist = vscode.Uri.joinPath(context.extensionUri, 'dist');
    this.panel = vscode.window.createWebviewPanel(
      'seedAnnotator.dashboard',
      `Seed Dashboard${folder ? `: ${this.scope}` : ''}`,
      vscode.ViewColumn.Active,
      {
        enableScripts: true,
        localResourceRoots: [dist],
        retainContextWhenHidden: true,
      },
    );
    this.panel.webview.html = this.html(dist);
    this.disposables.push(
      this.panel.webview.onDidReceiveMessage((message: ToHost) => void this.receive(message)),
      this.panel.onDidDispose(() => this.dispose()),
    );
  }

  /** The corpus changed: the same numbers again, after a short pause so a burst of changes redraws once. */
  refreshSoon(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.query(this.lastParams).catch(() => undefined), 300);
  }

  reveal(): void {
    this.panel.reveal();
  }

  onDispose(listener: () => void): void {
    this.disposables.push({ dispose: listener });
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private async receive(message: ToHost): Promise<void> {
    try {
      switch (message.type) {
        case 'ready':
        case 'query':
          await this.query(message.type === 'query' ? message.params : { filter: {}, period: 'month' });
          return;
        case 'select': {
          const quotes = await this.client.sendRequest(CorpusRequests.dashboardQuotes, {
            ...this.scoped(message.params),
            selection: message.selection,
          });
          this.post({ type: 'quotes', title: message.title, quotes });
          return;
        }
        case 'open':
          await openQuote(message.quote);
          return;
        case 'export':
          await this.export(message.chart, message.format, message.data);
          return;
      }
    } catch (error) {
      this.post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  /** One request for every number; while the index is cold the server waits for it, and progress shows. */
  private async query(params: DashboardParams): Promise<void> {
    this.lastParams = params;
    this.post({ type: 'busy', message: 'Reading the corpus…' });
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Seed Annotator: reading the corpus for the dashboard' },
      () => this.client.sendRequest(CorpusRequests.dashboard, this.scoped(params)),
    );
    this.post({ type: 'stats', result, scope: this.scope });
  }

  private scoped(params: DashboardParams): DashboardParams {
    return this.folder ? { ...params, folder: this.folder.toString() } : params;
  }

  private async export(chart: string, format: 'svg' | 'png', data: string): Promise<void> {
    const base = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `${chart.replace(/[^\w-]+/g, '-')}.${format}`;
    const target = await vscode.window.showSaveDialog({
      defaultUri: base ? vscode.Uri.joinPath(base, name) : undefined,
      filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
      title: `Export chart as ${format.toUpperCase()}`,
    });
    if (!target) return;
    const bytes = format === 'svg' ? Buffer.from(data, 'utf8') : Buffer.from(data.replace(/^data:image\/png;base64,/, ''), 'base64');
    await vscode.workspace.fs.writeFile(target, bytes);
    this.post({ type: 'exported', path: target.fsPath });
  }

  private html(dist: vscode.Uri): string {
    const { webview } = this.panel;
    const nonce = randomBytes(16).toString('base64');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'dashboard.js')).toString();
    const style = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'dashboard.css')).toString();
    // Style attributes are allowed (ECharts positions its tooltip with them); style sheets and scripts are not,
    // unless they come from the extension or carry this page's nonce.
    const csp = [
      "default-src 'none'",
      `img-src ${webview.cspSource} data: blob:`,
      `style-src ${webview.cspSource} 'nonce-${nonce}'`,
      "style-src-attr 'unsafe-inline'",
      `font-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}" nonce="${nonce}">
<title>Seed Dashboard</title>
</head>
<body>
<main id="dashboard" aria-busy="true"></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
  }

  private dispose(): void {
    clearTimeout(this.refreshTimer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
