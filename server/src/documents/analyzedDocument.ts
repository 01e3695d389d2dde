// One document as the LSP features see it: its Analysis (code points) plus conversions to LSP UTF-16 positions.
import type { Position, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Quote, Speaker } from '../analysis/types';
import { CodePointIndex } from '../analysis/offsets';
import { carryAll, type Edit } from './shiftedAnalysis';

/** A code-point range, the unit of the analysis and of every file on disk. */
export interface CodePointRange {
  start: number;
  end: number;
}

/** An analysis that contains nothing: used when a document is not analyzed (too large, or the analyzer failed). */
export function emptyAnalysis(textLength: number): Analysis {
  return {
    title: null,
    datelines: [],
    speakers: [],
    quotes: [],
    structure: { title: null, body: { start: 0, end: textLength }, paragraphs: [], boilerplateStart: null },
  };
}

/** How an analyzed document maps code points to UTF-16: an index, or none when the text has no astral characters. */
export type CodePointMap = CodePointIndex | 'identity';

/**
 * Holds an immutable snapshot: `TextDocuments` updates its documents in place, so a wrapped live document could
 * drift away from the analysis made of its earlier text.
 */
/** An analysis carried through edits and not yet copied: the analysis they started from, and the edits since. */
export interface PendingEdits {
  readonly base: Analysis;
  /** In code points, each in the coordinates the ones before it made. */
  readonly edits: readonly Edit[];
  /** The new text between two code points. */
  readonly textOf: (start: number, end: number) => string;
}

export class AnalyzedDocument {
  private index: CodePointMap | undefined;
  private carried: Analysis | undefined;
  readonly version: number;

  /**
   * @param skipped why the document was not analyzed (then `analysis` is empty), or null.
   * @param unbalancedQuoteMarks unpaired double quote marks (UTF-16 index ranges) from the same analysis, for the
   * diagnostics, so that publishing them never analyses the text again.
   * @param oversized skipped for its size: range requests then analyze the paragraphs they show.
   * @param provisional an earlier analysis carried through the edits since (shifted, what they touched dropped),
   * answering requests until the analysis of this text, already scheduled, replaces it.
   */
  constructor(
    readonly document: TextDocument,
    analysis: Analysis | PendingEdits,
    readonly skipped: string | null = null,
    readonly unbalancedQuoteMarks: readonly { start: number; end: number }[] = [],
    readonly oversized = false,
    readonly provisional = false,
    index?: CodePointMap,
  ) {
    this.index = index;
    this.version = document.version;
    if ('edits' in analysis) this.pending = analysis;
    else this.carried = analysis;
  }

  /**
   * The document's semantic tokens, LSP-encoded, when the analysis worker made them with the analysis (the tagged
   * ranges of that moment included); the tokens service takes them instead of computing its own.
   */
  encodedTokens: Uint32Array | undefined;

  /** Set while the analysis is carried through edits and not yet read whole (see `analysis`). */
  private pending: PendingEdits | undefined;

  /** The analysis; one carried through edits is copied through them on first read. */
  get analysis(): Analysis {
    if (!this.carried) {
      const { base, edits, textOf } = this.pending!;
      this.carried = carryAll(base, edits, textOf);
      this.pending = undefined;
    }
    return this.carried;
  }

  /** The edits not yet applied to the analysis this one was carried from, or undefined once it is read whole. */
  pendingEdits(): PendingEdits | undefined {
    return this.pending;
  }

  /**
   * The spans of the analysis that overlap `region` (code points), as `analysis` has them; the structure may be
   * that of the analysis before the edits. Copies only those spans of an analysis not yet read whole.
   */
  analysisNear(region: CodePointRange): Analysis {
    if (!this.pending) return this.analysis;
    // A hover asks once for itself and once for each of its sections: the last region's spans are kept.
    const last = this.near;
    if (last && last.start === region.start && last.end === region.end) return last.analysis;
    const analysis = carryAll(this.pending.base, this.pending.edits, this.pending.textOf, region);
    this.near = { start: region.start, end: region.end, analysis };
    return analysis;
  }

  private near: (CodePointRange & { analysis: Analysis }) | undefined;

  /** The quotes attributed to a speaker, as `analysis` has them; copies only those of an analysis not yet read whole. */
  quotesBy(speakerId: string): Quote[] {
    if (!this.pending) return this.analysis.quotes.filter((q) => q.speakerId === speakerId);
    return carryAll(this.pending.base, this.pending.edits, this.pending.textOf, undefined, speakerId).quotes;
  }

  /**
   * The speaker with this id, for its name, kind, role and aliases, which edits never change (asked for a current
   * quote's speaker, whom the edits left some mention); of an analysis not yet read whole, its mentions are those
   * before the edits.
   */
  speakerById(id: string | null): Speaker | null {
    if (id === null) return null;
    return (this.pending?.base ?? this.analysis).speakers.find((s) => s.id === id) ?? null;
  }

  get uri(): string {
    return this.document.uri;
  }

  /** The code-point map of the text, built on first use (a document carried through an edit may know it already). */
  codePoints(): CodePointMap {
    if (this.index === undefined) {
      const index = new CodePointIndex(this.document.getText());
      this.index = index.length === this.document.getText().length ? 'identity' : index;
    }
    return this.index;
  }

  /** The LSP position (UTF-16 column) of a code-point offset. */
  positionAt(codePoint: number): Position {
    return this.document.positionAt(this.toUtf16(codePoint));
  }

  /** The code-point offset of an LSP position. */
  offsetAt(position: Position): number {
    return this.toCodePoint(this.document.offsetAt(position));
  }

  rangeOf(span: CodePointRange): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  /** Zero-based line of a code-point offset. */
  lineOf(codePoint: number): number {
    return this.positionAt(codePoint).line;
  }

  /** UTF-16 index into `document.getText()` of a code-point offset. */
  toUtf16(codePoint: number): number {
    const index = this.codePoints();
    return index === 'identity' ? codePoint : index.toUtf16(codePoint);
  }

  /** The code-point offset of a UTF-16 index into `document.getText()`. */
  toCodePoint(utf16: number): number {
    const index = this.codePoints();
    return index === 'identity' ? utf16 : index.toCodePoint(utf16);
  }
}
