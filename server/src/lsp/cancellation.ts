// Ends a request the client cancelled with the RequestCancelled error the LSP spec recommends.
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

/** `work`'s result, or the RequestCancelled error as soon as the client cancels (the work itself goes on). */
export function untilCancelled<T>(work: Promise<T>, token: CancellationToken | undefined): Promise<T> {
  if (!token) return work;
  throwIfCancelled(token);
  return new Promise<T>((resolve, reject) => {
    const listener = token.onCancellationRequested(() => {
      listener.dispose();
      reject(new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.'));
    });
    work.then(
      (value) => {
        listener.dispose();
        resolve(value);
      },
      (error: unknown) => {
        listener.dispose();
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** An empty answer (no tokens, no symbols) would be taken as real, so a cancelled request throws instead. */
export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}
