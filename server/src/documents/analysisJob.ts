// The editor's analysis of one open document, run on an analysis worker so that the server's own thread keeps
// answering hovers and keystrokes meanwhile. The result travels back as JSON text (a string crosses threads far
// more cheaply than the object graph it encodes) with the line table, so the server thread builds neither.
// A shared flag lets the server stop an analysis whose text was overtaken by an edit, between two layers.
import type { AttributionOverride } from '../analysis/types';
import { AnalysisCancelled } from '../analysis/pipeline';
import { computeTokens, encodeTokens } from '../features/semanticTokens';
import { analyzeDocument } from './analyzeDocument';
import type { CodePointRange } from './analyzedDocument';
import { TextSnapshot } from './textSnapshot';
import { paragraphMemoOf } from './paragraphMemos';

export interface DocumentJob {
  uri: string;
  languageId: string;
  version: number;
  text: string;
  maxFileSizeKb: number;
  attributions: AttributionOverride[];
  /** One Int32 the server sets to 1 when the result is no longer wanted; none: never cancelled. */
  cancel?: SharedArrayBuffer;
  /** The document's tagged ranges (code points), for its semantic tokens. */
  tagged?: CodePointRange[];
}

/** What the server thread needs to rebuild the AnalyzedDocument; `analysis` as JSON. */
export interface AnalyzedParts {
  analysis: string;
  skipped: string | null;
  unbalancedQuoteMarks: { start: number; end: number }[];
  oversized: boolean;
  /** The text has no astral characters: code points and UTF-16 indices agree. */
  sameUnits: boolean;
  lineStarts: Uint32Array;
  /** The semantic tokens, LSP-encoded, of an analyzed document: the server thread neither computes nor encodes them. */
  tokens: Uint32Array | null;
}

export type DocumentJobResponse =
  | { kind: 'analyzed'; parts: AnalyzedParts }
  | { kind: 'cancelled' }
  /** The analyzer threw: the message, to log and to show as the reason the document is not analyzed. */
  | { kind: 'failed'; message: string; stack: string };

export function analyzeDocumentJob(job: DocumentJob): DocumentJobResponse {
  const flag = job.cancel && new Int32Array(job.cancel);
  const isCancelled = flag ? () => Atomics.load(flag, 0) !== 0 : undefined;
  const snapshot = new TextSnapshot(job.uri, job.languageId, job.version, job.text);
  try {
    // The worker keeps each document's paragraph results from one edit to the next: only touched paragraphs are redone.
    const memo = paragraphMemoOf(job.uri);
    const analyzed = analyzeDocument(snapshot, { maxFileSizeKb: job.maxFileSizeKb }, job.attributions, isCancelled, memo);
    const codePoints = analyzed.codePoints();
    return {
      kind: 'analyzed',
      parts: {
        analysis: JSON.stringify(analyzed.analysis),
        skipped: analyzed.skipped,
        unbalancedQuoteMarks: [...analyzed.unbalancedQuoteMarks],
        oversized: analyzed.oversized,
        sameUnits: codePoints === 'identity',
        lineStarts: snapshot.lineTable(),
        tokens: analyzed.skipped === null ? Uint32Array.from(encodeTokens(computeTokens(analyzed, job.tagged ?? []))) : null,
      },
    };
  } catch (error) {
    if (error instanceof AnalysisCancelled) return { kind: 'cancelled' };
    return {
      kind: 'failed',
      message: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
}
