// Caches one analysis per open document version, recomputed lazily on the first request after a change; between an
// edit and that analysis, the previous one carried through the edit (carriedDocument.ts) answers who accepts it.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeForEditor } from '../analysis/index';
import type { AttributionOverride } from '../analysis/types';
import { AnalyzedDocument, emptyAnalysis } from './analyzedDocument';
import { carryThrough, type CarriedDocument } from './carriedDocument';
import type { TextChange } from './textChange';
import { TextSnapshot } from './textSnapshot';
import { DEFAULT_MAX_SEED_BYTES, formatBytes } from '../files/seedFile';

/** Supplies the analyst's manual attribution corrections (the tag store's sidecar) for a document. */
export interface AttributionSource {
  attributionsFor(uri: string): readonly AttributionOverride[];
}

export interface AnalysisLimits {
  maxFileSizeKb: number;
}

/** Analyses a text, or explains why it did not: shared by open documents and the workspace index. */
export function analyzeDocument(
  document: TextDocument,
  limits: AnalysisLimits,
  attributions: readonly AttributionOverride[] = [],
): AnalyzedDocument {
  const text = document.getText();
  const snapshot = TextSnapshot.of(document);
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
  const { analysis, unbalancedQuoteMarks } = analyzeForEditor(text, { attributions: [...attributions] });
  return new AnalyzedDocument(snapshot, analysis, null, unbalancedQuoteMarks);
}

/**
 * The analysis was made of this document's current text. The version alone does not say so: a client may send an
 * edit with a version number already used (the fuzz tests do), and the server applies edits in the order received.
 * Comparing the texts is cheap next to an analysis (the same string when nothing changed).
 */
function isAnalysisOf(analyzed: AnalyzedDocument, document: TextDocument): boolean {
  return analyzed.version === document.version && analyzed.document.getText() === document.getText();
}

export class DocumentAnalyses {
  private readonly cache = new Map<string, AnalyzedDocument>();
  private attributions: AttributionSource | undefined;
  private readonly analyzedListeners: ((uri: string, version: number, ms: number) => void)[] = [];

  /**
   * @param limits read on every recomputation, so a settings change applies after `invalidateAll`.
   * @param onError reports an analyzer failure; the document is then served as if empty, never crashing the server.
   */
  constructor(
    private readonly limits: () => AnalysisLimits,
    private readonly onError: (uri: string, error: unknown) => void = () => undefined,
  ) {}

  /** The tag store plugs its attribution corrections in here (issue 5). */
  setAttributionSource(source: AttributionSource | undefined): void {
    this.attributions = source;
    this.invalidateAll();
  }

  /** Told of every analysis computed (not of cache hits): tests count them, the trace logs them. */
  onDidAnalyze(listener: (uri: string, version: number, ms: number) => void): void {
    this.analyzedListeners.push(listener);
  }

  /** The analysis of this exact document version: cached, or computed now (never one carried through an edit). */
  get(document: TextDocument): AnalyzedDocument {
    const cached = this.cache.get(document.uri);
    if (cached && !cached.provisional && isAnalysisOf(cached, document)) return cached;
    const analyzed = this.compute(document);
    this.cache.set(document.uri, analyzed);
    return analyzed;
  }

  /**
   * The cached analysis, if it is still for `document`'s current version (no computation).
   * @param provisional also one carried through the edits since the last analysis.
   */
  peek(document: TextDocument, provisional = false): AnalyzedDocument | undefined {
    const cached = this.cache.get(document.uri);
    return cached && (provisional || !cached.provisional) && isAnalysisOf(cached, document) ? cached : undefined;
  }

  /**
   * The document's text changed by `change`: its cached analysis, when it was of the text before, is carried through
   * the change and cached as provisional until `get` analyses the new text. Null when nothing could be carried.
   */
  carry(document: TextDocument, change: TextChange): CarriedDocument | null {
    const cached = this.cache.get(document.uri);
    if (!cached || cached.document.getText() !== change.before) return null;
    const carried = carryThrough(cached, change, document);
    if (carried) this.cache.set(document.uri, carried.after);
    return carried;
  }

  /** Drops a document's analysis (closed, or its attribution corrections changed). */
  invalidate(uri: string): void {
    this.cache.delete(uri);
  }

  invalidateAll(): void {
    this.cache.clear();
  }

  private compute(document: TextDocument): AnalyzedDocument {
    const start = performance.now();
    const analyzed = this.analyze(document);
    for (const listener of this.analyzedListeners) listener(document.uri, document.version, performance.now() - start);
    return analyzed;
  }

  private analyze(document: TextDocument): AnalyzedDocument {
    try {
      return analyzeDocument(document, this.limits(), this.attributions?.attributionsFor(document.uri) ?? []);
    } catch (error) {
      this.onError(document.uri, error);
      return new AnalyzedDocument(
        TextSnapshot.of(document),
        emptyAnalysis(document.getText().length),
        `Not analyzed: the analyzer failed on this file (${error instanceof Error ? error.message : String(error)}).`,
      );
    }
  }
}
