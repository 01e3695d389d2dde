// Ends a request the client cancelled with the RequestCancelled error the LSP spec recommends.
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

/** `work`'s result, or the RequestCancelled error as soon as the client cancels (the work itself goes on). */
export function untilCancelled<T>(work: Promise<T>, token: CancellationToken | undefined): Promise<T> {
  if (!token) return work;
  return new Promise<T>((resolve, reject) => {
    // An already cancelled token would call a new listener on a timer: answered here at once instead.
    const listener = token.isCancellationRequested ? undefined : token.onCancellationRequested(() => reject(cancelledError()));
    // Settled either way: an error after the caller gave up is still handled (never an unhandled rejection).
    work
      .then(resolve, (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))))
      .finally(() => listener?.dispose());
    if (token.isCancellationRequested) reject(cancelledError());
  });
}

/** An empty answer (no tokens, no symbols) would be taken as real, so a cancelled request throws instead. */
export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw cancelledError();
}

function cancelledError(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}
