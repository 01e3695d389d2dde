// VS Code client: starts the bundled language server for `seed` documents. (Skeleton; the client work fills it.)
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  void context;
}

export function deactivate(): void {}
