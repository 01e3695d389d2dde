// "Export Tags (CSV/JSONL/W3C/REFI-QDA)…": asks the server for the export and saves it where the user chooses.
import * as vscode from 'vscode';
import { ClientCommands, LANGUAGE_ID, type ExportFormat, type TagsExportResult } from '../../shared/protocol';
import type { TagsModel } from './tagsModel';
import { whenTrusted } from './workspaceTrust';

/** What the command returns: the format, how many tags, where it wrote (and the text, for the row formats). */
export interface ExportDone {
  format: ExportFormat | 'qdpx';
  count: number;
  content?: string;
  target: string;
}

/** Arguments that skip the dialogs when the command is run from a script or a test. */
export interface ExportTagsArgs {
  format?: ExportFormat | 'qdpx';
  /** 'file': the active seed article; 'workspace': every seed file. */
  scope?: 'file' | 'workspace';
  /** Where to write (a uri string). */
  target?: string;
}

const FORMATS: { format: ExportFormat | 'qdpx'; label: string; detail: string; extension: string; filter: string }[] = [
  { format: 'csv', label: 'CSV', detail: 'One row per tag, for spreadsheets', extension: 'csv', filter: 'CSV' },
  { format: 'jsonl', label: 'JSON Lines', detail: 'One JSON object per tag, for scripts', extension: 'jsonl', filter: 'JSON Lines' },
  {
    format: 'w3c',
    label: 'W3C Web Annotations',
    detail: 'An annotation collection with text selectors',
    extension: 'json',
    filter: 'JSON',
  },
  {
    format: 'qdpx',
    label: 'REFI-QDA project (.qdpx)',
    detail: 'Sources, codebook, codings, notes and coders for NVivo, ATLAS.ti, MAXQDA, QualCoder',
    extension: 'qdpx',
    filter: 'REFI-QDA project',
  },
];

export function registerExportCommand(context: vscode.ExtensionContext, tags: TagsModel): void {
  const exportTags = async (args?: ExportTagsArgs): Promise<ExportDone | undefined> => {
    const format =
      args?.format ??
      (
        await vscode.window.showQuickPick(
          FORMATS.map((entry) => ({ label: entry.label, detail: entry.detail, format: entry.format })),
          { title: 'Export Tags', placeHolder: 'Export format' },
        )
      )?.format;
    if (!format) return undefined;
    const spec = FORMATS.find((entry) => entry.format === format);
    if (!spec) {
      void vscode.window.showErrorMessage(`Seed Annotator: unknown export format "${format}" (csv, jsonl, w3c or qdpx).`);
      return undefined;
    }

    const active = vscode.window.activeTextEditor?.document;
    const activeSeed = active?.languageId === LANGUAGE_ID ? active : undefined;
    let scope = args?.scope;
    if (!scope) {
      if (activeSeed) {
        const picked = await vscode.window.showQuickPick(
          [
            { label: `This file (${vscode.workspace.asRelativePath(activeSeed.uri)})`, scope: 'file' as const },
            { label: 'Every seed file in the workspace', scope: 'workspace' as const },
          ],
          { title: `Export Tags as ${spec.label}`, placeHolder: 'Which tags' },
        );
        if (!picked) return undefined;
        scope = picked.scope;
      } else {
        scope = 'workspace';
      }
    }
    if (scope === 'file' && !activeSeed) {
      void vscode.window.showErrorMessage('Seed Annotator: open a seed article to export its tags, or export the workspace.');
      return undefined;
    }

    let target = args?.target ? vscode.Uri.parse(args.target) : undefined;
    if (!target) {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      // Never `<file>.tags.json`: that name is the sidecar's.
      const suffix = spec.format === 'w3c' ? `w3c.${spec.extension}` : spec.extension;
      const source = scope === 'file' && activeSeed ? activeSeed.uri.path.split('/').pop() : undefined;
      const name = source ? `${source}.tags.${suffix}` : `tags.${suffix}`;
      target = await vscode.window.showSaveDialog({
        title: `Export Tags as ${spec.label}`,
        defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
        filters: { [spec.filter]: [spec.extension] },
      });
      if (!target) return undefined;
    }

    let result: { format: ExportFormat | 'qdpx'; count: number };
    try {
      const uris = scope === 'file' && activeSeed ? [activeSeed.uri.toString()] : undefined;
      if (format === 'qdpx') {
        const archive = await tags.exportQdpx(uris ? { uris } : {});
        await vscode.workspace.fs.writeFile(target, Buffer.from(archive.content, 'base64'));
        for (const problem of archive.problems) void vscode.window.showWarningMessage(`Seed Annotator: ${problem}`);
        result = { format, count: archive.count };
      } else {
        const rows: TagsExportResult = await tags.export(uris ? { format, uris } : { format });
        await vscode.workspace.fs.writeFile(target, Buffer.from(rows.content, 'utf8'));
        result = rows;
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      void vscode.window.showErrorMessage(`Seed Annotator: could not export tags to ${target.fsPath}: ${message}`);
      return undefined;
    }
    const saved = target;
    void vscode.window
      .showInformationMessage(
        `Seed Annotator: exported ${result.count} ${result.count === 1 ? 'tag' : 'tags'} to ${vscode.workspace.asRelativePath(saved)}.`,
        'Open',
      )
      .then((choice) => choice && vscode.window.showTextDocument(saved));
    return { ...result, target: saved.toString() };
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(ClientCommands.exportTags, whenTrusted('exporting tags to a file', exportTags)),
  );
}
