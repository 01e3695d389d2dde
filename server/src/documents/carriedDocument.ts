// An analyzed document carried through one edit: the analysis of the text before it, shifted, with what the edit
// touched dropped (shiftedAnalysis.ts). It answers requests right after a keystroke; the analysis of the new text,
// already scheduled, replaces it.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodePointIndex } from '../analysis/offsets';
import { AnalyzedDocument, type CodePointMap } from './analyzedDocument';
import { damageOf, shiftRanges, type Edit } from './shiftedAnalysis';
import type { TextChange } from './textChange';
import { contentOf, TextSnapshot } from './textSnapshot';

export interface CarriedDocument {
  before: AnalyzedDocument;
  after: AnalyzedDocument;
  /** Where the edit and every span it took with it lie, in code points: [start, oldEnd) before, [start, newEnd) after. */
  damaged: Edit;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Edits a carried analysis holds before they are applied (each later damage scan walks them all). */
const MAX_PENDING_EDITS = 16;

/**
 * `before` carried through `change` to `document`'s text, or null when it cannot be: a document that was not
 * analyzed, or an edit at a surrogate pair (where UTF-16 and code-point offsets would disagree about its edges).
 */
export function carryThrough(before: AnalyzedDocument, change: TextChange, document: TextDocument): CarriedDocument | null {
  if (before.skipped !== null) return null;
  const text = contentOf(document);
  const old = change.before;
  const edges =
    old.slice(Math.max(change.start - 1, 0), change.start + 1) +
    old.slice(Math.max(change.oldEnd - 1, 0), change.oldEnd + 1) +
    text.slice(Math.max(change.start - 1, 0), change.newEnd + 1);
  if (SURROGATE.test(edges)) return null;
  // Without surrogates around or in the change, code points map to UTF-16 as they did: identical, or by an index.
  const map: CodePointMap = before.codePoints() === 'identity' ? 'identity' : new CodePointIndex(text.toString());
  const toUtf16 = (cp: number) => (map === 'identity' ? cp : map.toUtf16(cp));
  const start = before.toCodePoint(change.start);
  const edit: Edit = { start, oldEnd: before.toCodePoint(change.oldEnd), newEnd: start + change.newEnd - change.start };
  // Nothing is copied now: the edit joins those not yet applied, and only its damage is found (see carryAll).
  const pending = before.pendingEdits();
  const chained = pending && pending.edits.length < MAX_PENDING_EDITS;
  const base = chained ? pending.base : before.analysis;
  const edits = chained ? [...pending.edits, edit] : [edit];
  const damaged = damageOf(base, edits);
  const textOf = (s: number, e: number) => text.slice(toUtf16(s), toUtf16(e));
  const unbalanced = shiftRanges({ start: change.start, oldEnd: change.oldEnd, newEnd: change.newEnd }, before.unbalancedQuoteMarks);
  const snapshot = TextSnapshot.edited(before.document, change, document);
  const after = new AnalyzedDocument(snapshot, { base, edits, textOf }, null, unbalanced, false, true, map);
  return { before, after, damaged };
}
