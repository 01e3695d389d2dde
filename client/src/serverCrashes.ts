// What happens when the language server process dies (a crash, the OOM killer, a kill): restart it, and tell the
// user once, plainly, that nothing acknowledged was lost (the server writes every tag and correction to disk before
// it answers; see docs/contracts.md). A server that keeps dying is left stopped, with a way to try again.
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult } from 'vscode-languageclient/node';

/** Restarts allowed within WINDOW_MS before the server is left stopped (as vscode-languageclient's default). */
const MAX_RESTARTS = 4;
const WINDOW_MS = 3 * 60 * 1000;

export const RESTARTED_NOTICE =
  'Seed Annotator: the language server stopped unexpectedly and was restarted. Every tag and correction it had confirmed was already saved.';

/** The notices go through `notify`, so tests can count them; by default a warning with a link to the output. */
export function crashHandler(
  output: vscode.LogOutputChannel,
  notify: (message: string, severity: 'warning' | 'error') => void = showNotice(output),
): ErrorHandler {
  const crashes: number[] = [];
  return {
    error(error, _message, count): ErrorHandlerResult {
      output.error(`Connection to the language server failed: ${error.message}`);
      // A few transport errors in a row can be transient; past that the connection is not worth keeping.
      return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
    },
    closed(): CloseHandlerResult {
      const now = Date.now();
      crashes.push(now);
      while (crashes.length > 0 && crashes[0] < now - WINDOW_MS) crashes.shift();
      if (crashes.length <= MAX_RESTARTS) {
        output.warn('The language server stopped unexpectedly; restarting it.');
        notify(RESTARTED_NOTICE, 'warning');
        return { action: CloseAction.Restart, handled: true };
      }
      const message =
        `Seed Annotator: the language server stopped ${crashes.length} times in 3 minutes and was not restarted. ` +
        'Every tag it had confirmed is saved. Run "Seed Annotator: Restart Language Server" to try again, and see the output for the cause.';
      output.error(message);
      notify(message, 'error');
      return { action: CloseAction.DoNotRestart, handled: true };
    },
  };
}

export function showNotice(output: vscode.LogOutputChannel): (message: string, severity: 'warning' | 'error') => void {
  return (message, severity) => {
    const show = severity === 'error' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
    void show(message, 'Show Output').then((choice) => choice && output.show());
  };
}
