// Gives the `seed` language to files that match `seedAnnotator.filePatterns`, and to any file on request.
import * as vscode from 'vscode';
import { ClientCommands, LANGUAGE_ID } from '../../shared/protocol';
import { patternScope, type PatternScope } from '../../shared/filePatterns';

function configuredScopes(): PatternScope[] {
  const patterns = vscode.workspace.getConfiguration('seedAnnotator').get<unknown>('filePatterns');
  if (!Array.isArray(patterns)) return [];
  return patterns
    .map((p) => (typeof p === 'string' ? patternScope(p) : undefined))
    .filter((scope): scope is PatternScope => scope !== undefined);
}

function matches(document: vscode.TextDocument, scope: PatternScope): boolean {
  if (scope.anywhere) return vscode.languages.match({ pattern: scope.glob }, document) > 0;
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  return folder !== undefined && vscode.languages.match({ pattern: new vscode.RelativePattern(folder, scope.glob) }, document) > 0;
}

export function registerSeedLanguage(context: vscode.ExtensionContext): void {
  // A file is switched once per session: if the user then picks another language for it, that choice stands.
  const switched = new Set<string>();

  const applyPatterns = async (document: vscode.TextDocument): Promise<void> => {
    if (document.languageId === LANGUAGE_ID || document.uri.scheme !== 'file') return;
    const key = document.uri.toString();
    if (switched.has(key)) return;
    if (!configuredScopes().some((scope) => matches(document, scope))) return;
    switched.add(key);
    await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  };
  const applyToOpenDocuments = (): void => {
    for (const document of vscode.workspace.textDocuments) void applyPatterns(document);
  };

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((document) => void applyPatterns(document)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('seedAnnotator.filePatterns')) applyToOpenDocuments();
    }),
    vscode.commands.registerCommand(ClientCommands.setLanguage, async (uri?: vscode.Uri) => {
      const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (!document) {
        void vscode.window.showInformationMessage('Seed Annotator: open a file first, then set its language to Seed.');
        return undefined;
      }
      switched.add(document.uri.toString());
      return vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
    }),
  );
  applyToOpenDocuments();
}
