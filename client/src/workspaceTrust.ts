// Workspace trust in the client: in an untrusted workspace the extension is read-only (declared as "limited" in
// package.json). Analysis, hovers and views work; commands that would write refuse with one message, and the
// server is told at start so its own write requests refuse too. Granting trust restarts the server writable.
import * as vscode from 'vscode';

/** What the server reads from `initializationOptions` (server/src/features/workspaceTrust.ts). */
export function trustOptions(): { trusted: boolean } {
  return { trusted: vscode.workspace.isTrusted };
}

/**
 * Wraps a command that writes: in an untrusted workspace it does nothing but say why (with a way to trust the
 * workspace), and returns undefined.
 */
export function whenTrusted<A extends unknown[], R>(
  action: string,
  command: (...args: A) => Promise<R>,
): (...args: A) => Promise<R | undefined> {
  return async (...args: A) => {
    if (vscode.workspace.isTrusted) return command(...args);
    // Not awaited: the command ends at once (a script calling it is not left waiting on the notification).
    void vscode.window
      .showWarningMessage(
        `Seed Annotator: ${action} is off in an untrusted workspace. Tags are shown read-only and nothing is written until you trust this workspace.`,
        'Manage Workspace Trust',
      )
      .then((choice) => choice && vscode.commands.executeCommand('workbench.trust.manage'));
    return undefined;
  };
}
