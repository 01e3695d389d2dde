// Incremental analysis (issue 11): an editor's analysis that reuses the paragraph results of the analyses before an
// edit must equal a fresh analysis of the new text, byte for byte, after every edit of a random sequence. Articles
// are the seeds and the devset; edits insert and delete characters, words, quote marks, newlines and whole
// paragraphs, with non-ASCII letters and emoji.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyzeForEditor } from '../../../server/src/analysis/index';
import { ParagraphMemo } from '../../../server/src/analysis/incremental/paragraphMemo';

const ROOT = path.join(__dirname, '..', '..', '..');
const folders = [path.join(ROOT, 'seeds'), path.join(ROOT, 'test', 'fixtures', 'devset')];
const ARTICLES = folders.flatMap((folder) =>
  readdirSync(folder)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(path.join(folder, f), 'utf8')),
);
/** Edit sequences per run; raise with SEED_FUZZ_RUNS for a longer hunt. */
const RUNS = Number(process.env.SEED_FUZZ_RUNS ?? 40);

/** What an edit inserts: characters that move quotes, sentences, paragraphs and code points around. */
const PIECES = ['a', 'Z', ' ', '.', ',', '"', '“', '”', '«', '»', "'", '’', '\n', '\n\n', '\r\n', 'ü', 'Ç', '😀', '👍🏽', '—', ':'];
const WORDS = ['said', 'Lavrov', 'Mevlüt Çavuşoğlu', 'he said.', '"We will win,"', '“No.”', 'October 1, 2020', 'told AFP', 'the minister'];

type EditOp =
  | { kind: 'insert'; at: number; piece: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'paragraph'; from: number; to: number; remove: boolean };

const editOp: fc.Arbitrary<EditOp> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), piece: fc.oneof(fc.constantFrom(...PIECES), fc.constantFrom(...WORDS)) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('paragraph' as const), from: fc.nat(), to: fc.nat(), remove: fc.boolean() }),
);

/** `text` after `op`, positions taken modulo the text's length (and paragraphs modulo their count). */
function applied(text: string, op: EditOp): string {
  if (op.kind === 'insert') {
    const at = op.at % (text.length + 1);
    return text.slice(0, at) + op.piece + text.slice(at);
  }
  if (op.kind === 'delete') {
    const at = op.at % (text.length + 1);
    return text.slice(0, at) + text.slice(at + op.length);
  }
  const paragraphs = text.split('\n\n');
  const from = op.from % paragraphs.length;
  const [moved] = op.remove ? paragraphs.splice(from, 1) : [paragraphs[from]];
  paragraphs.splice(op.to % (paragraphs.length + 1), 0, ...(op.remove ? [] : [moved]));
  return paragraphs.join('\n\n');
}

/** The editor's analysis as JSON, or the error it throws (both analyses must throw alike, too). */
function analyzed(text: string, memo?: ParagraphMemo): string {
  try {
    return JSON.stringify(analyzeForEditor(text, { memo }));
  } catch (error) {
    return `threw ${String(error)}`;
  }
}

describe('incremental analysis', () => {
  it('equals a fresh analysis after every edit of a random sequence', () => {
    fc.assert(
      fc.property(fc.nat(ARTICLES.length - 1), fc.array(editOp, { minLength: 1, maxLength: 12 }), (article, ops) => {
        const memo = new ParagraphMemo();
        let text = ARTICLES[article];
        analyzed(text, memo);
        for (const op of ops) {
          text = applied(text, op);
          assert.equal(analyzed(text, memo), analyzed(text), `after ${JSON.stringify(op)}`);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('reuses the paragraphs an edit did not touch, and keeps only what the last analyses used', () => {
    const memo = new ParagraphMemo();
    const text = ARTICLES[0];
    analyzed(text, memo);
    const held = memo.size;
    const misses = memo.misses;
    const at = text.indexOf('\n\n', text.length >> 1);
    for (let k = 0; k < 5; k++) analyzed(text.slice(0, at) + ' edited'.repeat(k + 1) + text.slice(at), memo);
    // Each edit changed one paragraph: one new slot per analysis at most.
    assert.ok(memo.misses - misses <= 5, `${memo.misses - misses} misses`);
    assert.ok(memo.hits > 0);
    // Slots of the older edits' paragraph were let go: the memo holds about one article's paragraphs.
    assert.ok(memo.size <= held + 2, `${memo.size} slots for ${held} paragraphs`);
  });
});
