// server/src/lsp/cancellation.ts: a cancelled request ends with the RequestCancelled error, never an empty answer.
import { strict as assert } from 'node:assert';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { throwIfCancelled, untilCancelled } from '../../server/src/lsp/cancellation';

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

  it('gives up waiting with RequestCancelled as soon as the client cancels, and passes results and errors through', async () => {
    const cancelled = (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled;
    const source = new CancellationTokenSource();
    assert.equal(await untilCancelled(Promise.resolve(3), source.token), 3);
    await assert.rejects(untilCancelled(Promise.reject(new Error('broken')), source.token), /broken/);
    const never = new Promise<number>(() => undefined);
    const waiting = untilCancelled(never, source.token);
    source.cancel();
    await assert.rejects(waiting, cancelled);
    await assert.rejects(untilCancelled(Promise.resolve(3), source.token), cancelled);
    assert.equal(await untilCancelled(Promise.resolve(4), undefined), 4);
  });
});
