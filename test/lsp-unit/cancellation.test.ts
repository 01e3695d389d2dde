// server/src/lsp/cancellation.ts: a cancelled request ends with the RequestCancelled error, never an empty answer.
import { strict as assert } from 'node:assert';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { throwIfCancelled } from '../../server/src/lsp/cancellation';

describe('cancellation', () => {
  it('throws RequestCancelled for a cancelled token and nothing otherwise', () => {
    const source = new CancellationTokenSource();
    throwIfCancelled(undefined);
    throwIfCancelled(source.token);
    source.cancel();
    assert.throws(
      () => throwIfCancelled(source.token),
      (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled,
    );
  });
});
