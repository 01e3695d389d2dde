// Paints tagged spans in seed editors: a translucent colour per tag, a gutter mark and an overview-ruler mark.
import * as vscode from 'vscode';
import { LANGUAGE_ID, type TagDto } from '../../shared/protocol';
import { gutterMarkSvg, tagColour, translucent } from './tagPalette';
import { toRange } from './locations';
import type { TagsModel } from './tagsModel';
import type { CoderFilter } from './coderFilter';
import type { CodebookModel } from './codebookModel';

export class TagDecorations implements vscode.Disposable {
  private readonly types = new Map<string, vscode.TextEditorDecorationType>();
  private readonly subscriptions: vscode.Disposable[] = [];

  /** Code name -> colour from the codebook; names not in it keep the palette colour. */
  private codeColours = new Map<string, string>();

  constructor(
    private readonly tags: TagsModel,
    private readonly coders?: CoderFilter,
    private readonly codebook?: CodebookModel,
  ) {
    this.subscriptions.push(
      ...(coders ? [coders.onDidChange(() => this.refreshAll())] : []),
      ...(codebook ? [codebook.onDidChange(() => void this.loadCodeColours())] : []),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refreshAll()),
      tags.onDidChange((uri) => (uri === undefined ? this.refreshAll() : this.refreshDocument(uri))),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration('seedAnnotator.tags')) return;
        // Colours follow the vocabulary's order, so every decoration type is rebuilt.
        for (const type of this.types.values()) type.dispose();
        this.types.clear();
        this.refreshAll();
      }),
    );
    if (codebook) void this.loadCodeColours();
    this.refreshAll();
  }

  /** Recolours every decoration when the codebook's colours change. */
  private async loadCodeColours(): Promise<void> {
    const codes = await this.codebook!.codesOrNone();
    const next = new Map(codes.map((c) => [c.name, c.color]));
    if ([...next].every(([k, v]) => this.codeColours.get(k) === v) && next.size === this.codeColours.size) return;
    this.codeColours = next;
    for (const type of this.types.values()) type.dispose();
    this.types.clear();
    this.refreshAll();
  }

  refreshAll(): void {
    for (const editor of vscode.window.visibleTextEditors) void this.paint(editor);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    for (const type of this.types.values()) type.dispose();
    this.types.clear();
  }

  private refreshDocument(uri: string): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() === uri) void this.paint(editor);
    }
  }

  private async paint(editor: vscode.TextEditor): Promise<void> {
    if (editor.document.languageId !== LANGUAGE_ID) return;
    let tags: TagDto[];
    try {
      tags = (await this.tags.forDocument(editor.document.uri)).tags;
    } catch {
      return; // The server is not answering (starting or restarting); the next change event paints again.
    }
    // Orphaned tags have no place in the current text; the Tags view lists them instead.
    const byTag = new Map<string, vscode.DecorationOptions[]>();
    for (const tag of tags) {
      if (tag.status === 'orphaned' || (this.coders && !this.coders.shows(tag))) continue;
      const list = byTag.get(tag.tag) ?? [];
      list.push({ range: toRange(tag.range) });
      byTag.set(tag.tag, list);
    }
    for (const name of byTag.keys()) this.typeFor(name);
    for (const [name, type] of this.types) editor.setDecorations(type, byTag.get(name) ?? []);
  }

  private typeFor(tag: string): vscode.TextEditorDecorationType {
    let type = this.types.get(tag);
    if (!type) {
      const vocabulary = vscode.workspace.getConfiguration('seedAnnotator').get<string[]>('tags') ?? [];
      const colour = this.codeColours.get(tag) ?? tagColour(tag, vocabulary);
      type = vscode.window.createTextEditorDecorationType({
        backgroundColor: translucent(colour, 0.18),
        borderColor: colour,
        borderStyle: 'solid',
        borderWidth: '0 0 2px 0',
        overviewRulerColor: colour,
        overviewRulerLane: vscode.OverviewRulerLane.Right,
        gutterIconPath: vscode.Uri.parse(gutterMarkSvg(colour)),
        gutterIconSize: 'contain',
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      });
      this.types.set(tag, type);
    }
    return type;
  }
}
