// The open documents' text store (issue 11): a text kept in the pieces its edits made, and the snapshots the
// server's documents now are, read exactly as a `TextDocument` that received the same edits, emoji, accents and
// every kind of line break included.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PieceText } from '../../server/src/documents/pieceText';
import { TextChanges } from '../../server/src/documents/textChange';
import { TextSnapshot } from '../../server/src/documents/textSnapshot';

const URI = 'file:///pieces.txt';
const PIECES = ['', 'a', ' ', 'é', 'Ünïcödé ', '“', '”', '😀', '👩‍👩‍👧', '\n', '\r\n', '\r', '\r\r\n\n', 'Smith said ', 'x'.repeat(80)];
const chunk = fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((parts) => parts.join(''));

/** An edit as fractions of the text, so that it lands inside whatever text it meets. */
const edit = fc.record({ from: fc.double({ min: 0, max: 1, noNaN: true }), to: fc.double({ min: 0, max: 1, noNaN: true }), text: chunk });
type Edit = { from: number; to: number; text: string };

function offsets(length: number, { from, to }: Edit): [number, number] {
  return [Math.floor(from * length), Math.floor(to * length)].sort((a, b) => a - b) as [number, number];
}

describe('the text store of open documents', () => {
  it('reads as the string the same edits make, piece by piece and whole', () => {
    fc.assert(
      fc.property(chunk, fc.array(edit, { maxLength: 40 }), (initial, edits) => {
        let text = PieceText.of(initial);
        let reference = initial;
        for (const e of edits) {
          const [start, end] = offsets(reference.length, e);
          text = text.edited(start, end, e.text);
          reference = reference.slice(0, start) + e.text + reference.slice(end);
          assert.equal(text.length, reference.length);
          for (let i = -1; i <= reference.length; i++)
            assert.ok(Object.is(text.charCodeAt(i), reference.charCodeAt(i)), `charCodeAt(${i})`);
          for (let s = 0; s <= reference.length; s += 3) {
            for (let t = s; t <= reference.length + 2; t += 5) assert.equal(text.slice(s, t), reference.slice(s, t), `slice(${s}, ${t})`);
          }
        }
        assert.equal(text.toString(), reference);
        assert.equal(String(text), reference);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps earlier versions as they were, and joins a text grown to many pieces', () => {
    const first = PieceText.of('0123456789'.repeat(100));
    let text = first;
    let reference = first.toString();
    const versions: [PieceText, string][] = [];
    for (let k = 0; k < 600; k++) {
      const at = (k * 7919) % (reference.length + 1);
      text = text.edited(at, at, k % 2 ? 'é' : '😀');
      reference = reference.slice(0, at) + (k % 2 ? 'é' : '😀') + reference.slice(at);
      if (k % 50 === 0) versions.push([text, reference]);
      assert.ok(text.pieceCount <= 257, 'the pieces stay few');
    }
    assert.equal(text.toString(), reference);
    for (const [version, expected] of versions) assert.equal(version.toString(), expected);
    assert.equal(first.toString(), '0123456789'.repeat(100));
  });

  it('makes documents that read as a TextDocument given the same changes', () => {
    fc.assert(
      fc.property(chunk, fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { maxLength: 12 }), (initial, batches) => {
        const changes = new TextChanges();
        let live = changes.create(URI, 'seed', 1, initial);
        let mirror = TextDocument.create(URI, 'seed', 1, initial);
        for (const batch of batches) {
          // Each change's range is read in the text the changes before it made, as an editor sends them.
          let scratch = TextDocument.create(URI, 'seed', 0, mirror.getText());
          const contentChanges: TextDocumentContentChangeEvent[] = batch.map((e) => {
            const [start, end] = offsets(scratch.getText().length, e);
            const range = { start: scratch.positionAt(start), end: scratch.positionAt(end) };
            scratch = TextDocument.update(scratch, [{ range, text: e.text }], scratch.version + 1);
            return { range, text: e.text };
          });
          const before = live;
          live = changes.update(live, contentChanges, live.version + 1);
          mirror = TextDocument.update(mirror, contentChanges, mirror.version + 1);
          assert.ok(live instanceof TextSnapshot, 'an edit inside the lines keeps the document a snapshot');
          assert.notEqual(live, before, 'a new snapshot: the one before stays as it was');
          assert.equal(live.version, mirror.version);
          assert.equal(live.lineCount, mirror.lineCount);
          const text = mirror.getText();
          for (let offset = -1; offset <= text.length + 1; offset++) {
            const p = mirror.positionAt(offset);
            assert.deepEqual(live.positionAt(offset), p, `positionAt(${offset}) of ${JSON.stringify(text)}`);
            assert.equal(live.offsetAt(p), mirror.offsetAt(p));
          }
          for (let line = 0; line < mirror.lineCount; line++) {
            const range = { start: { line, character: 1 }, end: { line: line + 1, character: 2 } };
            assert.equal(live.getText(range), mirror.getText(range));
          }
          assert.equal(live.getText(), text);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('applies a range outside the lines as TextDocument does, and is a TextDocument from then on', () => {
    const changes = new TextChanges();
    let live = changes.create(URI, 'seed', 1, 'One 😀 line\nTwo');
    live = changes.update(live, [{ range: { start: { line: 1, character: 1 }, end: { line: 1, character: 1 } }, text: 'é' }], 2);
    assert.ok(live instanceof TextSnapshot);
    let mirror = TextDocument.create(URI, 'seed', 2, live.getText());
    const past = [{ range: { start: { line: 7, character: 0 }, end: { line: 8, character: 0 } }, text: '\n' }];
    live = changes.update(live, past, 3);
    mirror = TextDocument.update(mirror, past, 3);
    assert.ok(!(live instanceof TextSnapshot));
    assert.equal(live.getText(), mirror.getText());
  });
});
