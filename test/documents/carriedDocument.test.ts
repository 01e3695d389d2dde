// An analysis carried through edits (issue 11) never claims what the new text does not say: every span it keeps
// covers the same words in the new text, the line table equals a fresh one, and the carried tokens are those of
// the carried analysis.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { SemanticTokensEdit, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodePointIndex } from '../../server/src/analysis/offsets';
import type { Span } from '../../server/src/analysis/types';
import { DocumentAnalyses } from '../../server/src/documents/documentAnalyses';
import { TextChanges } from '../../server/src/documents/textChange';
import { TextSnapshot } from '../../server/src/documents/textSnapshot';
import { computeTokens, decodeTokens, encodeTokens, SemanticTokensService, type SeedToken } from '../../server/src/features/semanticTokens';
import { randomArticle } from '../analysis/fuzzInputs';

const URI = 'file:///carried.txt';
const ARTICLE =
  'PARIS, March 3, 2021 — Talks resumed.\n\n"We will not give way," Émilie Durand said on Tuesday.\n\n' +
  'Durand added that "the talks 🌍 go on".\n';

/** An edit as fractions of the text it applies to, so that it always lands inside it (editors send no others). */
interface Edit {
  from: number;
  to: number;
  text: string;
}
const edit: fc.Arbitrary<Edit> = fc.record({
  from: fc.double({ min: 0, max: 1, noNaN: true }),
  to: fc.double({ min: 0, max: 1, noNaN: true }),
  text: fc.oneof(
    fc.constantFrom('', 'a', ' ', '"', '“', '\n', '\r\n', '\r', ' said ', 'Smith', 'é', '😀'),
    randomArticle.map((t) => t.slice(0, 60)),
  ),
});

/** The edits as a didChange's content changes, each range read in the text the changes before it made. */
function contentChanges(text: string, edits: readonly Edit[]): TextDocumentContentChangeEvent[] {
  let scratch = TextDocument.create(URI, 'seed', 0, text);
  return edits.map(({ from, to, text: inserted }) => {
    const length = scratch.getText().length;
    const [a, b] = [Math.floor(from * length), Math.floor(to * length)].sort((x, y) => x - y);
    const range = { start: scratch.positionAt(a), end: scratch.positionAt(b) };
    scratch = TextDocument.update(scratch, [{ range, text: inserted }], scratch.version + 1);
    return { range, text: inserted };
  });
}

/** Token data after a delta's edits. */
function applyEdits(data: readonly number[], edits: readonly SemanticTokensEdit[]): number[] {
  const result = [...data];
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) result.splice(edit.start, edit.deleteCount, ...(edit.data ?? []));
  return result;
}

/** Each token as the characters it colours, so that two cuttings of the same colouring compare equal. */
function colouring(tokens: readonly SeedToken[]): string[] {
  return tokens.flatMap((t) =>
    Array.from({ length: t.length }, (_, i) => `${t.line}:${t.character + i} ${t.type} ${[...t.modifiers].sort().join(',')}`),
  );
}

function spansOf(doc: {
  analysis: { quotes: { cue: Span | null; source: Span | null }[]; speakers: { mentions: Span[] }[]; datelines: Span[] };
}): Span[] {
  const { analysis } = doc;
  return [
    ...analysis.quotes.flatMap((q) => [q as unknown as Span, q.cue, q.source].filter((s): s is Span => s !== null)),
    ...analysis.speakers.flatMap((s) => s.mentions),
    ...analysis.datelines,
  ];
}

describe('documents carried through edits', () => {
  it('keeps a line table equal to a fresh one through any edits', () => {
    fc.assert(
      fc.property(randomArticle, fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { maxLength: 6 }), (initial, edits) => {
        const changes = new TextChanges();
        let live = changes.create(URI, 'seed', 1, initial);
        let snapshot = TextSnapshot.of(live);
        for (const batch of edits) {
          const before = live.getText();
          live = changes.update(live, contentChanges(before, batch), live.version + 1);
          const taken = changes.take(URI);
          assert.ok(taken, 'an edit with ranges is remembered');
          const after = live.getText();
          assert.equal(
            before.slice(0, taken.start) + after.slice(taken.start, taken.newEnd) + before.slice(taken.oldEnd),
            after,
            'the covering replacement turns the old text into the new',
          );
          snapshot = TextSnapshot.edited(snapshot, taken, live);
          const reference = TextDocument.create(URI, 'seed', live.version, after);
          assert.equal(snapshot.lineCount, reference.lineCount);
          for (let offset = 0; offset <= after.length + 1; offset++) {
            const p = reference.positionAt(offset);
            assert.deepEqual(snapshot.positionAt(offset), p, `positionAt(${offset}) of ${JSON.stringify(after)}`);
            assert.equal(snapshot.offsetAt(p), reference.offsetAt(p));
          }
          for (let line = -1; line <= reference.lineCount; line++) {
            assert.deepEqual(snapshot.getLineRange(line), reference.getLineRange(line));
            assert.equal(snapshot.getEOLCharacters(line), reference.getEOLCharacters(line));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps only spans that cover the same words in the new text, and tokens that colour them as a fresh computation would', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(ARTICLE), randomArticle), fc.array(edit, { minLength: 1, maxLength: 5 }), (initial, edits) => {
        const changes = new TextChanges();
        let live = changes.create(URI, 'seed', 1, initial);
        const analyses = new DocumentAnalyses(() => ({ maxFileSizeKb: 100 }));
        const tokens = new SemanticTokensService();
        let sent = tokens.full(analyses.get(live));
        for (const one of edits) {
          live = changes.update(live, contentChanges(live.getText(), [one]), live.version + 1);
          const carried = analyses.carry(live, changes.take(URI)!);
          if (!carried) {
            sent = tokens.full(analyses.get(live));
            continue;
          }
          tokens.carry(carried);
          // The editor's copy, moved by the delta (spliced from the data before the edit), says what a full answer does.
          const delta = tokens.delta(carried.after, sent.resultId!);
          const data = 'edits' in delta ? applyEdits(sent.data, delta.edits) : delta.data;
          assert.deepEqual(decodeTokens(data), tokens.tokens(carried.after), 'the delta leads to the carried tokens');
          assert.deepEqual(data, encodeTokens(tokens.tokens(carried.after)), 'as their own encoding');
          sent = { resultId: delta.resultId, data };
          const { after } = carried;
          assert.ok(after.provisional);
          assert.equal(analyses.peek(live), undefined, 'never taken for an analysis of the new text');
          assert.equal(analyses.peek(live, true), after);
          const index = new CodePointIndex(live.getText());
          const textAt = (s: Span) => live.getText().slice(index.toUtf16(s.start), index.toUtf16(s.end));
          for (const span of spansOf(after)) assert.equal(textAt(span), span.text, `a kept span says ${JSON.stringify(span.text)}`);
          assert.deepEqual(
            colouring(tokens.tokens(after)),
            colouring(computeTokens(after)),
            'the carried tokens colour what the carried analysis says',
          );
        }
      }),
      { numRuns: 400 },
    );
  });

  it('answers after a keystroke from the previous analysis, shifted, and analyses the new text only when asked', () => {
    const changes = new TextChanges();
    let live = changes.create(URI, 'seed', 1, ARTICLE);
    const analyses = new DocumentAnalyses(() => ({ maxFileSizeKb: 100 }));
    let analyzed = 0;
    analyses.onDidAnalyze(() => analyzed++);
    const first = analyses.get(live);
    live = changes.update(live, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Breaking: ' }], 2);
    const carried = analyses.carry(live, changes.take(URI)!);
    assert.ok(carried);
    assert.equal(analyzed, 1, 'carrying costs no analysis');
    const shifted = (doc: typeof first) => doc.analysis.speakers.map((s) => s.mentions.map((m) => [m.text, m.start]));
    assert.deepEqual(
      shifted(carried.after),
      shifted(first).map((mentions) => mentions.map(([text, start]) => [text, Number(start) + 10])),
    );
    const fresh = analyses.get(live);
    assert.equal(analyzed, 2);
    assert.equal(fresh.provisional, false);
    assert.deepEqual(shifted(fresh), shifted(carried.after), 'the analysis of the new text agrees where the edit changed nothing');
  });

  it('carries nothing through a change of the whole text', () => {
    const changes = new TextChanges();
    let live = changes.create(URI, 'seed', 1, ARTICLE);
    const analyses = new DocumentAnalyses(() => ({ maxFileSizeKb: 100 }));
    analyses.get(live);
    live = changes.update(live, [{ text: 'Another article\n' }], 2);
    assert.equal(changes.take(URI), null);
  });

  it("carries nothing through a range past the end, which it applies as the editor's own copy of the text does", () => {
    const changes = new TextChanges();
    let live = changes.create(URI, 'seed', 1, 'One line');
    let mirror = TextDocument.create(URI, 'seed', 1, 'One line');
    const past = [{ range: { start: { line: 9, character: 0 }, end: { line: 10, character: 0 } }, text: '\r\n' }];
    const after = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: '' }];
    live = changes.update(live, past, 2);
    mirror = TextDocument.update(mirror, past, 2);
    assert.ok(changes.take(URI));
    live = changes.update(live, after, 3);
    mirror = TextDocument.update(mirror, after, 3);
    assert.equal(changes.take(URI), null);
    assert.equal(live.getText(), mirror.getText());
  });
});
