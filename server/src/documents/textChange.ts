// What one didChange did to a document, as a single replacement of the old text: the cached analysis is carried
// through it (shifted, with what it touched dropped) so that requests right after a keystroke need no analysis.
import type { Position, TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextReader } from './pieceText';
import { contentOf, TextSnapshot } from './textSnapshot';

/**
 * The old text's UTF-16 range [start, oldEnd) became [start, newEnd) of the new text. Several changes in one
 * notification (multi-cursor edits) are covered by one replacement from the first to the last place they touched.
 */
export interface TextChange {
  /** The whole text before the change (the same text object the previous version held: compare with `sameText`). */
  readonly before: TextReader;
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/** Folds one more change, given in the coordinates of the text after `covering`, into the covering replacement. */
function cover(covering: Omit<TextChange, 'before'> | null, start: number, end: number, length: number): Omit<TextChange, 'before'> {
  if (!covering) return { start, oldEnd: end, newEnd: start + length };
  // Positions after the covered stretch map back to the old text by the net growth so far.
  const growth = covering.newEnd - covering.oldEnd;
  const newEnd =
    covering.newEnd <= start ? covering.newEnd : covering.newEnd >= end ? covering.newEnd + length - (end - start) : start + length;
  return {
    start: Math.min(covering.start, start),
    oldEnd: end > covering.newEnd ? end - growth : covering.oldEnd,
    newEnd: Math.max(newEnd, start + length),
  };
}

/** A position inside the document's lines, as editors send them: applied to a snapshot exactly as `TextDocument` would. */
const inside = (p: Position, lineCount: number) =>
  Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lineCount && p.character >= 0;

/**
 * A `TextDocuments` configuration whose documents are immutable snapshots (textSnapshot.ts): an edit makes the next
 * one from the pieces of the text before, applying changes as `TextDocument` does, and is remembered as the
 * document's last change for `take`. A change without a range (the whole text sent again) is remembered as none:
 * nothing of the old analysis can be carried through it. A range outside the document's lines (which no editor
 * sends) is applied by `TextDocument` itself, whose line table it leaves with holes, so that the text stays what the
 * editor's own copy holds; that document is a `TextDocument` from then on.
 */
export class TextChanges implements TextDocumentsConfiguration<TextDocument> {
  private readonly last = new Map<string, TextChange | null>();

  create(uri: string, languageId: string, version: number, content: string): TextDocument {
    this.last.delete(uri);
    return new TextSnapshot(uri, languageId, version, content);
  }

  update(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    const before = contentOf(document);
    const beforeLength = before.length;
    let covering: Omit<TextChange, 'before'> | null = null;
    let whole = false;
    // One at a time, so that each change's range is read in the text it was made for.
    for (const change of changes) {
      const plain =
        document instanceof TextSnapshot &&
        (!('range' in change) || (inside(change.range.start, document.lineCount) && inside(change.range.end, document.lineCount)));
      if (!plain && document instanceof TextSnapshot) {
        document = TextDocument.create(document.uri, document.languageId, document.version, document.getText());
      }
      const [start, end] =
        'range' in change ? [document.offsetAt(change.range.start), document.offsetAt(change.range.end)].sort((a, b) => a - b) : [NaN, NaN];
      // A range past the end leaves TextDocument's line table with holes (its offsets then read NaN): applied as the
      // editor's own copy applies it, so both texts stay the same, but nothing is carried through it.
      if (Number.isFinite(start) && Number.isFinite(end)) covering = cover(covering, start, end, change.text.length);
      else whole = true;
      if (document instanceof TextSnapshot) {
        document =
          'range' in change
            ? document.replaced(start, end, change.text, version)
            : new TextSnapshot(document.uri, document.languageId, version, change.text);
      } else {
        document = TextDocument.update(document, [change], version);
      }
    }
    if (changes.length === 0) {
      document =
        document instanceof TextSnapshot
          ? new TextSnapshot(document.uri, document.languageId, version, document.content)
          : TextDocument.update(document, [], version);
    }
    const consistent = covering !== null && contentOf(document).length === beforeLength + covering.newEnd - covering.oldEnd;
    this.last.set(document.uri, whole || !consistent ? null : { before, ...covering! });
    return document;
  }

  /** The change that made the document's current text, once (null when unknown or the whole text was replaced). */
  take(uri: string): TextChange | null {
    const change = this.last.get(uri) ?? null;
    this.last.delete(uri);
    return change;
  }
}
