// The Codebook view: codes as a tree under their parents, each with its colour, use count and definition (tooltip);
// tag names used in the workspace but missing from the codebook in a group of their own.
import * as vscode from 'vscode';
import type { CodeDto, CodebookDto } from '../../shared/protocol';
import type { CodebookModel } from './codebookModel';
import { gutterMarkSvg } from './tagPalette';

export type CodebookNode =
  | { kind: 'code'; code: CodeDto; children: CodeDto[]; all: CodeDto[] }
  | { kind: 'missing'; codes: { name: string; uses: number }[] }
  | { kind: 'missingCode'; name: string; uses: number }
  | { kind: 'message'; text: string };

function uses(count: number): string {
  return `${count} tag${count === 1 ? '' : 's'}`;
}

export class CodebookView implements vscode.TreeDataProvider<CodebookNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CodebookNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly codebook: CodebookModel) {
    this.subscription = codebook.onDidChange(() => this.changed.fire(undefined));
  }

  getTreeItem(node: CodebookNode): vscode.TreeItem {
    switch (node.kind) {
      case 'code': {
        const { code } = node;
        const item = new vscode.TreeItem(
          code.name,
          node.children.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
        );
        item.id = `code:${code.name}`;
        item.description = [uses(code.uses), code.description].filter(Boolean).join(' · ');
        item.tooltip = new vscode.MarkdownString()
          .appendMarkdown(`**${escape(code.name)}** · ${code.color} · ${uses(code.uses)}\n\n`)
          .appendText(code.description || 'No definition yet: use "Edit Definition…".');
        item.iconPath = vscode.Uri.parse(gutterMarkSvg(code.color));
        item.contextValue = 'seedCode';
        return item;
      }
      case 'missing': {
        const item = new vscode.TreeItem('Not in the codebook', vscode.TreeItemCollapsibleState.Expanded);
        item.description = `${node.codes.length} tag name${node.codes.length === 1 ? '' : 's'}`;
        item.tooltip = 'Tags use these names, but the codebook has no such code. Add them, or rename the tags to a code.';
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
        return item;
      }
      case 'missingCode': {
        const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.None);
        item.description = `${uses(node.uses)} · not in codebook`;
        item.iconPath = new vscode.ThemeIcon('question');
        item.contextValue = 'seedMissingCode';
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('warning');
        return item;
      }
    }
  }

  async getChildren(node?: CodebookNode): Promise<CodebookNode[]> {
    if (node?.kind === 'code') return this.codesUnder(node.code.name, node.all);
    if (node?.kind === 'missing') return node.codes.map((c) => ({ kind: 'missingCode', name: c.name, uses: c.uses }));
    if (node) return [];
    let codebook: CodebookDto;
    try {
      codebook = await this.codebook.get();
    } catch (error) {
      return [{ kind: 'message', text: `No codebook: ${error instanceof Error ? error.message : String(error)}` }];
    }
    const roots: CodebookNode[] = this.codesUnder(null, codebook.codes);
    if (codebook.notInCodebook.length > 0) roots.push({ kind: 'missing', codes: codebook.notInCodebook });
    return roots;
  }

  getParent(): undefined {
    return undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private codesUnder(parent: string | null, all: CodeDto[]): CodebookNode[] {
    return all
      .filter((c) => c.parent === parent)
      .map((code) => ({ kind: 'code', code, children: all.filter((c) => c.parent === code.name), all }));
  }
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
}
