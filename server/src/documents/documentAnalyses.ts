// Caches one analysis per open document version, recomputed lazily on the first request after a change; between an
// edit and that analysis, the previous one carried through the edit (carriedDocument.ts) answers who accepts it.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../analysis/types';
import { JobDropped, type JobRunner } from '../workers/pool';
import type { AnalyzedParts, DocumentJobResponse } from './analysisJob';
import { AnalyzedDocument, emptyAnalysis, type CodePointRange } from './analyzedDocument';
import { carryThrough, type CarriedDocument } from './carriedDocument';
import type { TextChange } from './textChange';
import { contentOf, TextSnapshot } from './textSnapshot';
import { sameText } from './pieceText';
import { paragraphMemoOf } from './paragraphMemos';
import { analyzeDocument, type AnalysisLimits, type AttributionSource } from './analyzeDocument';

export { analyzeDocument, type AnalysisLimits, type AttributionSource };

/**
 * The analysis was made of this document's current text. The version alone does not say so: a client may send an
 * edit with a version number already used (the fuzz tests do), and the server applies edits in the order received.
 * Comparing the texts is cheap next to an analysis (the same text object when nothing changed; texts still in the
 * pieces of their edits are joined only when they are as long as each other).
 */
function isAnalysisOf(analyzed: AnalyzedDocument, document: TextDocument): boolean {
  return analyzed.version === document.version && sameText(contentOf(analyzed.document), contentOf(document), true);
}

/** Told of an analysis computed: its document, version, wall time, and where it ran. */
export type AnalyzedListener = (uri: string, version: number, ms: number, where: 'worker' | 'thread') => void;

/** An analysis started by `analyze` and not yet landed. */
interface InFlight {
  text: string;
  version: number;
  generation: number;
  promise: Promise<AnalyzedDocument | null>;
  /** Drops the job while it waits for a worker. */
  abort: AbortController;
  /** Set to 1 to stop the job between two layers once a worker runs it. */
  flag: Int32Array | undefined;
}

export class DocumentAnalyses {
  private readonly cache = new Map<string, AnalyzedDocument>();
  private readonly inFlight = new Map<string, InFlight>();
  /** Bumped for a document by `invalidate` (and for all by `invalidateAll`): analyses started before are dropped. */
  private readonly generations = new Map<string, number>();
  private generation = 0;
  private attributions: AttributionSource | undefined;
  private readonly analyzedListeners: AnalyzedListener[] = [];

  /**
   * @param limits read on every recomputation, so a settings change applies after `invalidateAll`.
   * @param onError reports an analyzer failure; the document is then served as if empty, never crashing the server.
   * @param runner where `analyze` runs analyses: an analysis worker, so the server's thread stays free. Without one,
   * or when its worker fails, they run on this thread, each in a macrotask of its own.
   */
  constructor(
    private readonly limits: () => AnalysisLimits,
    private readonly onError: (uri: string, error: unknown) => void = () => undefined,
    private readonly runner?: JobRunner,
  ) {}

  /** Where the analysis worker reads a document's tagged ranges, to make its semantic tokens with the analysis. */
  setTaggedRanges(source: ((uri: string) => readonly CodePointRange[]) | undefined): void {
    this.taggedRanges = source;
  }

  private taggedRanges: ((uri: string) => readonly CodePointRange[]) | undefined;

  /** The tag store plugs its attribution corrections in here (issue 5). */
  setAttributionSource(source: AttributionSource | undefined): void {
    this.attributions = source;
    this.invalidateAll();
  }

  /** Told of every analysis computed (not of cache hits): tests count them, the trace logs them. */
  onDidAnalyze(listener: AnalyzedListener): void {
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
    if (!cached || !sameText(contentOf(cached.document), change.before, true)) return null;
    const carried = carryThrough(cached, change, document);
    if (carried) this.cache.set(document.uri, carried.after);
    return carried;
  }

  /**
   * The analysis of `document`'s current text, computed off this thread when there is a runner: cached, the one
   * already running for this text, or a new one. Null when the document's text changed before it landed (or it
   * was cancelled, or invalidated): a result for an overtaken version is never cached nor returned.
   */
  analyze(document: TextDocument): Promise<AnalyzedDocument | null> {
    const cached = this.peek(document);
    if (cached) return Promise.resolve(cached);
    const uri = document.uri;
    const text = document.getText();
    const generation = this.generationOf(uri);
    const running = this.inFlight.get(uri);
    if (running && running.text === text && running.version === document.version && running.generation === generation) {
      return running.promise;
    }
    this.cancel(uri);
    const snapshot = TextSnapshot.of(document);
    const flag = this.runner && typeof SharedArrayBuffer === 'function' ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
    const flight: InFlight = { text, version: document.version, generation, abort: new AbortController(), flag, promise: null! };
    flight.promise = this.run(snapshot, flight).then((analyzed) => {
      if (this.inFlight.get(uri) === flight) this.inFlight.delete(uri);
      if (!analyzed || flight.abort.signal.aborted || this.generationOf(uri) !== generation || !isAnalysisOf(analyzed, document)) {
        return null;
      }
      this.cache.set(uri, analyzed);
      return analyzed;
    });
    this.inFlight.set(uri, flight);
    return flight.promise;
  }

  /** Stops the analysis running for a document, if any: its text was overtaken, or it closed. */
  cancel(uri: string): void {
    const flight = this.inFlight.get(uri);
    if (!flight) return;
    this.inFlight.delete(uri);
    flight.abort.abort();
    if (flight.flag) Atomics.store(flight.flag, 0, 1);
  }

  /** Drops a document's analysis (closed, or its attribution corrections changed), and any still running. */
  invalidate(uri: string): void {
    this.cache.delete(uri);
    this.generations.set(uri, this.generationOf(uri) + 1);
    this.cancel(uri);
  }

  invalidateAll(): void {
    this.cache.clear();
    this.generation++;
    for (const uri of [...this.inFlight.keys()]) this.cancel(uri);
  }

  /** Starts the analysis worker now, so that it has loaded the analysis when the first document opens. */
  warmUp(): void {
    this.runner?.warmUp();
  }

  /** Stops the analysis workers (the server is shutting down). */
  async close(): Promise<void> {
    for (const uri of [...this.inFlight.keys()]) this.cancel(uri);
    await this.runner?.close();
  }

  private generationOf(uri: string): number {
    return this.generation + (this.generations.get(uri) ?? 0);
  }

  /** One analysis of `snapshot`: on the runner, or on this thread when there is none or its worker failed. */
  private async run(snapshot: TextSnapshot, flight: InFlight): Promise<AnalyzedDocument | null> {
    const start = performance.now();
    const inThread = async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return flight.abort.signal.aborted ? null : this.compute(snapshot);
    };
    if (!this.runner) return inThread();
    let response: DocumentJobResponse;
    try {
      response = await this.runner.run(
        'document',
        {
          uri: snapshot.uri,
          languageId: snapshot.languageId,
          version: snapshot.version,
          text: snapshot.getText(),
          maxFileSizeKb: this.limits().maxFileSizeKb,
          attributions: [...(this.attributions?.attributionsFor(snapshot.uri) ?? [])],
          cancel: flight.flag?.buffer as SharedArrayBuffer | undefined,
          tagged: [...(this.taggedRanges?.(snapshot.uri) ?? [])],
        },
        flight.abort.signal,
      );
    } catch (error) {
      if (error instanceof JobDropped || flight.abort.signal.aborted) return null;
      // The worker itself failed (it died, or could not start): this analysis runs here instead.
      this.onError(snapshot.uri, error);
      return inThread();
    }
    if (response.kind === 'cancelled') return null;
    const analyzed =
      response.kind === 'failed' ? this.failed(snapshot, response.message, response.stack) : fromParts(snapshot, response.parts);
    for (const listener of this.analyzedListeners) listener(snapshot.uri, snapshot.version, performance.now() - start, 'worker');
    return analyzed;
  }

  private failed(document: TextDocument, message: string, error: unknown): AnalyzedDocument {
    this.onError(document.uri, error);
    return new AnalyzedDocument(
      TextSnapshot.of(document),
      emptyAnalysis(document.getText().length),
      `Not analyzed: the analyzer failed on this file (${message}).`,
    );
  }

  private compute(document: TextDocument): AnalyzedDocument {
    const start = performance.now();
    const analyzed = this.analyzeHere(document);
    for (const listener of this.analyzedListeners) listener(document.uri, document.version, performance.now() - start, 'thread');
    return analyzed;
  }

  private analyzeHere(document: TextDocument): AnalyzedDocument {
    try {
      const attributions = this.attributions?.attributionsFor(document.uri) ?? [];
      return analyzeDocument(document, this.limits(), attributions, undefined, paragraphMemoOf(document.uri));
    } catch (error) {
      return this.failed(document, error instanceof Error ? error.message : String(error), error);
    }
  }
}

/** The AnalyzedDocument a worker's parts describe, over the snapshot of the text it was sent. */
function fromParts(snapshot: TextSnapshot, parts: AnalyzedParts): AnalyzedDocument {
  // The same text object as the document's: comparing them costs nothing.
  const document = new TextSnapshot(snapshot.uri, snapshot.languageId, snapshot.version, snapshot.content, parts.lineStarts);
  const analyzed = new AnalyzedDocument(
    document,
    JSON.parse(parts.analysis) as Analysis,
    parts.skipped,
    parts.unbalancedQuoteMarks,
    parts.oversized,
    false,
    parts.sameUnits ? 'identity' : undefined,
  );
  analyzed.encodedTokens = parts.tokens ?? undefined;
  return analyzed;
}
