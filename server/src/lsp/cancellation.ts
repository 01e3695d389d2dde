// Ends a request the client cancelled with the RequestCancelled error the LSP spec recommends.
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

/** An empty answer (no tokens, no symbols) would be taken as real, so a cancelled request throws instead. */
export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}
