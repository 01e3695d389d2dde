// Analyses one document's text, or explains why it did not (too large): shared by the open documents' cache, their
// analysis worker and the workspace index.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeForEditor } from '../analysis/index';
import type { AttributionOverride } from '../analysis/types';
import { AnalyzedDocument, emptyAnalysis } from './analyzedDocument';
import { TextSnapshot } from './textSnapshot';
import { DEFAULT_MAX_SEED_BYTES, formatBytes } from '../files/seedFile';
import type { ParagraphMemo } from '../analysis/incremental/paragraphMemo';

/** Supplies the analyst's manual attribution corrections (the tag store's sidecar) for a document. */
export interface AttributionSource {
  attributionsFor(uri: string): readonly AttributionOverride[];
}

export interface AnalysisLimits {
  maxFileSizeKb: number;
}

/**
 * Analyses a text, or explains why it did not: shared by open documents and the workspace index.
 * @param memo the document's paragraph results from its earlier analyses (an open document's, across edits).
 */
export function analyzeDocument(
  document: TextDocument,
  limits: AnalysisLimits,
  attributions: readonly AttributionOverride[] = [],
  isCancelled?: () => boolean,
  memo?: ParagraphMemo,
): AnalyzedDocument {
  const text = document.getText();
  const snapshot = document instanceof TextSnapshot ? document : TextSnapshot.of(document);
  const bytes = Buffer.byteLength(text, 'utf8');
  // The setting can lower the limit, never raise it past the ceiling the analysis is measured for (memory).
  const limitKb = Math.min(limits.maxFileSizeKb, DEFAULT_MAX_SEED_BYTES / 1024);
  if (bytes > limitKb * 1024) {
    const reason =
      limitKb < limits.maxFileSizeKb
        ? `Not analyzed: ${Math.ceil(bytes / 1024)} KB is over the ${formatBytes(DEFAULT_MAX_SEED_BYTES)} ceiling for a seed file ` +
          '(seedAnnotator.maxFileSizeKb cannot raise it: larger files risk running the server out of memory).'
        : `Not analyzed: ${Math.ceil(bytes / 1024)} KB is over the seedAnnotator.maxFileSizeKb limit of ` + `${limits.maxFileSizeKb} KB.`;
    const visibleOnly = ' Only the paragraphs on screen are highlighted, each analyzed on its own.';
    return new AnalyzedDocument(snapshot, emptyAnalysis(text.length), reason + visibleOnly, [], true);
  }
  const { analysis, unbalancedQuoteMarks } = analyzeForEditor(text, { attributions: [...attributions], isCancelled, memo });
  return new AnalyzedDocument(snapshot, analysis, null, unbalancedQuoteMarks);
}
