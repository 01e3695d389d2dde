// The Tags view: tag -> file -> passage, orphaned tags and unusable sidecars in groups of their own; click to reveal.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DocumentTags, SidecarProblem, TagDto } from '../../shared/protocol';
import { revealCommand } from './locations';
import { shortText } from './speakersView';
import type { TagsModel } from './tagsModel';
import type { CoderFilter } from './coderFilter';
import type { CodebookModel } from './codebookModel';

/** Passage nodes carry `uri` and `id` so the Edit/Remove commands can take them as their argument. */
export type TagNode =
  | { kind: 'tag'; name: string; tags: TagDto[]; inCodebook: boolean }
  | { kind: 'orphans'; tags: TagDto[] }
  | { kind: 'problems'; problems: SidecarProblem[] }
  | { kind: 'file'; uri: string; tags: TagDto[]; orphans: boolean }
  | { kind: 'passage'; uri: string; id: string; tag: TagDto; orphans: boolean }
  | { kind: 'problem'; problem: SidecarProblem }
  | { kind: 'message'; text: string };

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function byFile(tags: TagDto[]): Map<string, TagDto[]> {
  const files = new Map<string, TagDto[]>();
  for (const tag of tags) files.set(tag.uri, [...(files.get(tag.uri) ?? []), tag]);
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}

function inTextOrder(a: TagDto, b: TagDto): number {
  return a.start - b.start || a.end - b.end;
}

export class TagsView implements vscode.TreeDataProvider<TagNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TagNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private refreshTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly tags: TagsModel,
    private readonly coders?: CoderFilter,
    private readonly codebook?: CodebookModel,
  ) {
    this.subscriptions.push(tags.onDidChange(() => this.scheduleRefresh()));
    if (coders) this.subscriptions.push(coders.onDidChange(() => this.refresh()));
    if (codebook) this.subscriptions.push(codebook.onDidChange(() => this.scheduleRefresh()));
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: TagNode): vscode.TreeItem {
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.kind) {
      case 'tag': {
        const item = new vscode.TreeItem(node.name, collapsed);
        item.description = plural(node.tags.length, 'passage') + (node.inCodebook ? '' : ' · not in codebook');
        item.iconPath = new vscode.ThemeIcon(node.inCodebook ? 'tag' : 'question');
        item.tooltip =
          `${node.name}: ${plural(node.tags.length, 'passage')} in ${plural(byFile(node.tags).size, 'file')}` +
          (node.inCodebook ? '' : '. The codebook has no such code: add it from the Codebook view, or rename these tags.');
        item.contextValue = 'seedTagName';
        return item;
      }
      case 'orphans': {
        const item = new vscode.TreeItem('Orphaned tags', collapsed);
        item.description = plural(node.tags.length, 'tag');
        item.tooltip = 'Tags whose words could not be found in the current text. They are kept: edit the text back, or remove them.';
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
        return item;
      }
      case 'problems': {
        const item = new vscode.TreeItem('Sidecars that cannot be used', vscode.TreeItemCollapsibleState.Expanded);
        item.description = plural(node.problems.length, 'file');
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
        return item;
      }
      case 'file': {
        const uri = vscode.Uri.parse(node.uri);
        const item = new vscode.TreeItem(uri, collapsed);
        item.description = plural(node.tags.length, 'passage');
        item.tooltip = vscode.workspace.asRelativePath(uri);
        return item;
      }
      case 'passage': {
        const { tag } = node;
        const item = new vscode.TreeItem(shortText(tag.text), vscode.TreeItemCollapsibleState.None);
        item.description = [
          node.orphans ? `${tag.tag} · ${path.basename(vscode.Uri.parse(tag.uri).fsPath)}` : tag.note,
          tag.creator ? `by ${tag.creator}` : '',
        ]
          .filter(Boolean)
          .join(' · ');
        const status = tag.status === 'orphaned' ? 'orphaned: not found in the current text' : tag.status;
        item.tooltip = new vscode.MarkdownString()
          .appendText(`${tag.tag} (${status}), line ${tag.range.start.line + 1}`)
          .appendMarkdown('\n\n')
          .appendText(tag.note ? `Note: ${tag.note}` : 'No note')
          .appendMarkdown('\n\n')
          .appendText(tag.creator ? `Coder: ${tag.creator}` : 'No coder recorded')
          .appendMarkdown('\n\n')
          .appendText(tag.text);
        item.iconPath = new vscode.ThemeIcon(
          tag.status === 'orphaned' ? 'debug-disconnect' : tag.status === 'moved' ? 'arrow-swap' : 'symbol-string',
        );
        item.command = revealCommand(vscode.Uri.parse(tag.uri), tag.range);
        item.contextValue = tag.status === 'orphaned' ? 'seedOrphanedTag' : 'seedTag';
        return item;
      }
      case 'problem': {
        const item = new vscode.TreeItem(path.basename(node.problem.sidecar), vscode.TreeItemCollapsibleState.None);
        item.description = node.problem.message;
        item.tooltip = node.problem.message;
        item.iconPath = new vscode.ThemeIcon('error');
        item.command = { command: 'vscode.open', title: 'Open Sidecar', arguments: [vscode.Uri.file(node.problem.sidecar)] };
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('warning');
        return item;
      }
    }
  }

  async getChildren(node?: TagNode): Promise<TagNode[]> {
    if (!node) return this.roots();
    switch (node.kind) {
      case 'tag':
      case 'orphans':
        return [...byFile(node.tags)].map(([uri, tags]) => ({ kind: 'file', uri, tags, orphans: node.kind === 'orphans' }));
      case 'file':
        return [...node.tags].sort(inTextOrder).map((tag) => ({ kind: 'passage', uri: tag.uri, id: tag.id, tag, orphans: node.orphans }));
      case 'problems':
        return node.problems.map((problem) => ({ kind: 'problem', problem }));
      default:
        return [];
    }
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }

  private async roots(): Promise<TagNode[]> {
    let documents: DocumentTags[];
    try {
      documents = await this.tags.workspace();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return [{ kind: 'message', text: `The language server could not list tags: ${message}` }];
    }
    const byTag = new Map<string, TagDto[]>();
    const orphans: TagDto[] = [];
    const problems: SidecarProblem[] = [];
    for (const document of documents) {
      if (document.problem) problems.push(document.problem);
      for (const tag of document.tags) {
        if (this.coders && !this.coders.shows(tag)) continue;
        if (tag.status === 'orphaned') orphans.push(tag);
        else byTag.set(tag.tag, [...(byTag.get(tag.tag) ?? []), tag]);
      }
    }
    const roots: TagNode[] = [];
    if (problems.length > 0) roots.push({ kind: 'problems', problems });
    // Without a codebook (no server answer, no folder) nothing is flagged as missing from it.
    const codes = this.codebook ? new Set((await this.codebook.codesOrNone()).map((c) => c.name)) : new Set<string>();
    for (const name of [...byTag.keys()].sort((a, b) => a.localeCompare(b))) {
      roots.push({ kind: 'tag', name, tags: byTag.get(name) ?? [], inCodebook: codes.size === 0 || codes.has(name) });
    }
    if (orphans.length > 0) roots.push({ kind: 'orphans', tags: orphans });
    return roots;
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.refresh(), 250);
  }
}
