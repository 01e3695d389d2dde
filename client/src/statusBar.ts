// A status bar item with the active seed file's tag count, or a warning when its sidecar cannot be used.
import * as vscode from 'vscode';
import { LANGUAGE_ID, type DocumentTags } from '../../shared/protocol';
import type { TagsModel } from './tagsModel';

export class TagStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('seedAnnotator.tagCount', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Guards against an older, slower answer overwriting a newer one. */
  private generation = 0;

  constructor(private readonly tags: TagsModel) {
    this.item.name = 'Seed Annotator Tags';
    this.subscriptions.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
      tags.onDidChange((uri) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (uri === undefined || uri === active) void this.update();
      }),
    );
    void this.update();
  }

  private shown = false;

  /** What the item shows now, or undefined while it is hidden (for tests and diagnostics). */
  get text(): string | undefined {
    return this.shown ? this.item.text : undefined;
  }

  async update(): Promise<void> {
    const generation = ++this.generation;
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== LANGUAGE_ID) {
      this.hide();
      return;
    }
    const problem = this.tags.problemOf(document.uri);
    if (problem) {
      this.item.text = '$(warning) Tags';
      this.item.tooltip = `${problem.message}\nTagging this file is off until the sidecar is fixed. Click to open it.`;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      this.item.command = { command: 'vscode.open', title: 'Open Sidecar', arguments: [vscode.Uri.file(problem.sidecar)] };
      this.show();
      return;
    }
    let tagged: DocumentTags;
    try {
      tagged = await this.tags.forDocument(document.uri);
    } catch {
      if (generation === this.generation) this.hide();
      return;
    }
    if (generation !== this.generation) return;
    const orphaned = tagged.tags.filter((tag) => tag.status === 'orphaned').length;
    const count = tagged.tags.length;
    this.item.text = orphaned > 0 ? `$(tag) ${count} (${orphaned} orphaned)` : `$(tag) ${count}`;
    this.item.tooltip = `${count} ${count === 1 ? 'tag' : 'tags'} in this file${orphaned > 0 ? `, ${orphaned} could not be placed in the current text` : ''}. Click to show the Tags view.`;
    this.item.backgroundColor = orphaned > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.command = 'seedAnnotator.tags.focus';
    this.show();
  }

  private show(): void {
    this.shown = true;
    this.item.show();
  }

  private hide(): void {
    this.shown = false;
    this.item.hide();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
