// The Speakers view: every speaker of the workspace -> the files they appear in -> their quotes, click to reveal.
import * as vscode from 'vscode';
import { type BaseLanguageClient } from 'vscode-languageclient/node';
import {
  SpeakerNotifications,
  SpeakerRequests,
  type WorkspaceSpeaker,
  type WorkspaceSpeakerFile,
  type WorkspaceSpeakerQuote,
} from '../../shared/protocol';
import { revealCommand } from './locations';

export type SpeakerNode =
  | { kind: 'speaker'; speaker: WorkspaceSpeaker }
  | { kind: 'file'; speaker: WorkspaceSpeaker; file: WorkspaceSpeakerFile }
  | { kind: 'quote'; file: WorkspaceSpeakerFile; quote: WorkspaceSpeakerQuote }
  | { kind: 'message'; text: string };

const KIND_ICONS: Record<WorkspaceSpeaker['kind'], string> = {
  person: 'person',
  organization: 'organization',
  anonymous: 'question',
};

/** One line of a quote, shortened for a tree label. */
export function shortText(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export class SpeakersView implements vscode.TreeDataProvider<SpeakerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SpeakerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private refreshTimer: NodeJS.Timeout | undefined;

  constructor(private readonly client: BaseLanguageClient) {
    // The server announces every re-analysis; a burst of them (typing, the index warming up) refreshes once.
    this.subscriptions.push(client.onNotification(SpeakerNotifications.changed, () => this.scheduleRefresh()));
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: SpeakerNode): vscode.TreeItem {
    switch (node.kind) {
      case 'speaker': {
        const { speaker } = node;
        const quotes = speaker.files.reduce((sum, file) => sum + file.quotes.length, 0);
        const item = new vscode.TreeItem(speaker.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = speaker.role ?? speaker.kind;
        item.tooltip = `${speaker.name}${speaker.role ? `, ${speaker.role}` : ''} (${speaker.kind})\n${plural(speaker.files.length, 'file')}, ${plural(quotes, 'quote')}`;
        item.iconPath = new vscode.ThemeIcon(KIND_ICONS[speaker.kind] ?? 'person');
        item.contextValue = 'seedSpeaker';
        return item;
      }
      case 'file': {
        const uri = vscode.Uri.parse(node.file.uri);
        const item = new vscode.TreeItem(
          uri,
          node.file.quotes.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
        );
        item.description = `${plural(node.file.quotes.length, 'quote')}, ${plural(node.file.mentions, 'mention')}`;
        item.tooltip = vscode.workspace.asRelativePath(uri);
        item.command = revealCommand(uri, node.file.quotes[0]?.range ?? null, 'Open');
        item.contextValue = 'seedSpeakerFile';
        return item;
      }
      case 'quote': {
        const item = new vscode.TreeItem(shortText(node.quote.text), vscode.TreeItemCollapsibleState.None);
        item.description =
          `line ${node.quote.range.start.line + 1}` +
          (typeof node.quote.confidence === 'number' ? ` · confidence ${node.quote.confidence.toFixed(2)}` : '');
        item.tooltip = node.quote.text;
        item.iconPath = new vscode.ThemeIcon('quote');
        item.command = revealCommand(vscode.Uri.parse(node.file.uri), node.quote.range);
        item.contextValue = 'seedQuote';
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('warning');
        return item;
      }
    }
  }

  async getChildren(node?: SpeakerNode): Promise<SpeakerNode[]> {
    if (!node) {
      let speakers: WorkspaceSpeaker[];
      try {
        speakers = await this.client.sendRequest(SpeakerRequests.workspace, {});
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return [{ kind: 'message', text: `The language server could not list speakers: ${message}` }];
      }
      return speakers.map((speaker) => ({ kind: 'speaker', speaker }));
    }
    if (node.kind === 'speaker') return node.speaker.files.map((file) => ({ kind: 'file', speaker: node.speaker, file }));
    if (node.kind === 'file') return node.file.quotes.map((quote) => ({ kind: 'quote', file: node.file, quote }));
    return [];
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.refresh(), 400);
  }
}
