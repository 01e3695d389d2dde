// Results leaving a worker thread as UTF-8 bytes in one transferred buffer per job (server/src/workers/transfer.ts and
// packForTransfer in jobs.ts): every text comes back exactly, in order, and the buffer can be moved to another thread.
import { strict as assert } from 'node:assert';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import type { FileOutcome } from '../../server/src/cli/analyzeFile';
import { packForTransfer } from '../../server/src/workers/jobs';
import { bytesOf, encodeTexts, textOf } from '../../server/src/workers/transfer';
import type { IndexResponse } from '../../server/src/workspace/indexJob';

const TEXTS = ['{"name":"Mevlüt Çavuşoğlu"}\n', '', 'plain ASCII', '«Zoë» 🙂 said: "яблоко"'];

/** Posts `value` through a real port, moving `transfer`, and returns what arrives on the other side. */
function postAndReceive<T>(value: T, transfer: ArrayBuffer[]): T {
  const { port1, port2 } = new MessageChannel();
  try {
    port1.postMessage(value, transfer);
    return receiveMessageOnPort(port2)!.message as T;
  } finally {
    port1.close();
    port2.close();
  }
}

describe('results moved from worker threads as bytes', () => {
  it('encodes texts into one buffer of their own, a view each, decoding to the same strings', () => {
    const { views, buffer } = encodeTexts(TEXTS);
    assert.equal(views.length, TEXTS.length);
    assert.equal(
      buffer.byteLength,
      TEXTS.reduce((n, t) => n + Buffer.byteLength(t), 0),
      'exactly the bytes, not a shared pool',
    );
    assert.ok(views.every((v) => v.buffer === buffer));
    assert.deepEqual(views.map(textOf), TEXTS);
    assert.deepEqual(
      views.map((v) => bytesOf(v).toString('utf8')),
      TEXTS,
    );
    assert.equal(textOf('as is'), 'as is');
  });

  it('packs printed results and index summaries, and they survive a transfer to another thread', () => {
    const counts = { quotes: 1, attributed: 1, speakers: 1, tags: 0 };
    const outcomes: FileOutcome[] = [
      { ok: true, formatted: { text: TEXTS[0], counts }, warnings: [] },
      { ok: false, error: 'a.txt: not valid UTF-8', warnings: [] },
      { ok: true, formatted: { text: TEXTS[3], counts }, warnings: ['a warning'] },
    ];
    const moved = postAndReceive(outcomes, packForTransfer.analyze(outcomes));
    assert.deepEqual(
      moved.map((o) => (o.ok ? textOf(o.formatted.text) : o.error)),
      [TEXTS[0], 'a.txt: not valid UTF-8', TEXTS[3]],
    );
    assert.ok(moved.every((o) => !o.ok || o.formatted.text instanceof Uint8Array));

    const response: IndexResponse = {
      outcomes: [
        { path: '/a.txt', uri: 'file:///a.txt', kind: 'analyzed', hash: 'a'.repeat(64), summary: TEXTS[3] },
        { path: '/b.txt', uri: 'file:///b.txt', kind: 'hashed', hash: 'b'.repeat(64) },
        { path: '/c.txt', uri: 'file:///c.txt', kind: 'skipped', message: null },
      ],
    };
    const transfer = packForTransfer.index(response);
    assert.equal(transfer.length, 1);
    const received = postAndReceive(response, transfer);
    const [analyzed] = received.outcomes;
    assert.ok(analyzed.kind === 'analyzed');
    assert.equal(textOf(analyzed.summary), TEXTS[3]);
    assert.equal(transfer[0].byteLength, 0, 'moved, not copied: the sending side no longer holds the bytes');
    assert.deepEqual(packForTransfer.index({ outcomes: [received.outcomes[1]] }), [], 'nothing to move, nothing transferred');
  });
});
