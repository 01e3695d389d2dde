// Runs one analysis per pause in typing: a burst of edits costs one analysis of the latest text, and requests
// wait for it instead of each starting their own. Requests still waiting when a newer edit arrives are answered
// with ContentModified, as the LSP asks of a result that no longer matches the document. Requests that accept it are
// answered at once from the previous analysis carried through the edits (provisional) while this one waits. The
// analysis itself runs off the server's thread (DocumentAnalyses.analyze): an edit cancels the one running for the
// text it overtook, and a result that lands for an overtaken text is dropped.
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalyzedDocument } from './analyzedDocument';
import { throwIfCancelled } from '../lsp/cancellation';
import type { DocumentAnalyses } from './documentAnalyses';

/** The pause after the last edit before the analysis runs: long enough to cover a typing burst. */
export const DEFAULT_ANALYSIS_DELAY_MS = 200;

interface Waiter {
  resolve(doc: AnalyzedDocument | null): void;
  reject(error: ResponseError<void>): void;
}

export class AnalysisScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The analysis started for each document, until it lands. */
  private readonly running = new Map<string, Promise<AnalyzedDocument | null>>();
  private readonly waiters = new Map<string, Set<Waiter>>();

  /**
   * @param documentOf the open document's current text, or undefined once closed.
   * @param onAnalyzed told of each analysis the scheduler ran (diagnostics are published from it), and whether it
   * replaced a provisional one (whose tokens an editor may be showing).
   */
  constructor(
    private readonly analyses: DocumentAnalyses,
    private readonly documentOf: (uri: string) => TextDocument | undefined,
    private readonly onAnalyzed: (doc: AnalyzedDocument, replacedProvisional: boolean) => void,
    readonly delayMs = DEFAULT_ANALYSIS_DELAY_MS,
  ) {}

  /**
   * The text changed: requests waiting for the older text fail, the analysis of that text (if running) stops, and
   * the analysis of the new text runs after `delay`.
   */
  edited(uri: string, delay = this.delayMs): void {
    this.settle(uri, (w) => w.reject(new ResponseError(LSPErrorCodes.ContentModified, 'The document changed.')));
    this.analyses.cancel(uri);
    this.running.delete(uri);
    this.schedule(uri, delay);
  }

  /** Something beside the text changed (settings, tags): analyze again now; waiting requests get the new result. */
  reanalyze(uri: string): void {
    this.running.delete(uri);
    this.schedule(uri, 0);
  }

  /**
   * The analysis of the document's current text: at once when cached, after the pending analysis otherwise.
   * @param provisional a provisional analysis (carried through the edits since the last one) will do.
   */
  async current(uri: string, token?: CancellationToken, provisional = false): Promise<AnalyzedDocument | null> {
    throwIfCancelled(token);
    const document = this.documentOf(uri);
    if (!document) return null;
    const cached = this.analyses.peek(document, provisional);
    if (cached) return cached;
    // Nothing scheduled nor running (a document the cache dropped): the analysis starts now.
    if (!this.timers.has(uri) && !this.running.has(uri)) this.run(uri);
    return new Promise<AnalyzedDocument | null>((resolve, reject) => {
      const waiters = this.waiters.get(uri) ?? new Set<Waiter>();
      this.waiters.set(uri, waiters);
      const waiter: Waiter = {
        resolve: (doc) => {
          subscription?.dispose();
          resolve(doc);
        },
        reject: (error) => {
          subscription?.dispose();
          reject(error);
        },
      };
      const subscription = token?.onCancellationRequested(() => {
        waiters.delete(waiter);
        waiter.reject(new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.'));
      });
      waiters.add(waiter);
    });
  }

  /** The document closed: nothing more runs for it, and its waiting requests get no document. */
  forget(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.analyses.cancel(uri);
    this.running.delete(uri);
    this.settle(uri, (w) => w.resolve(null));
  }

  /** Whether an analysis is waiting for its pause or running (tests and the bench wait for none). */
  busy(uri: string): boolean {
    return this.timers.has(uri) || this.running.has(uri);
  }

  private schedule(uri: string, delay: number): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => this.run(uri), delay),
    );
  }

  private run(uri: string): void {
    this.timers.delete(uri);
    const document = this.documentOf(uri);
    if (!document) {
      this.settle(uri, (w) => w.resolve(null));
      return;
    }
    const replacedProvisional = this.analyses.peek(document, true)?.provisional === true;
    const job = this.analyses.analyze(document);
    this.running.set(uri, job);
    void job.then((doc) => {
      if (this.running.get(uri) !== job) return; // overtaken: an edit, a newer run or a close took its place
      this.running.delete(uri);
      if (!doc) {
        // Invalidated while it ran (settings, tags): the analysis of the same text starts again for those waiting.
        if (this.waiters.get(uri)?.size && !this.timers.has(uri)) this.schedule(uri, 0);
        return;
      }
      this.settle(uri, (w) => w.resolve(doc));
      this.onAnalyzed(doc, replacedProvisional);
    });
  }

  private settle(uri: string, answer: (waiter: Waiter) => void): void {
    const waiters = this.waiters.get(uri);
    this.waiters.delete(uri);
    for (const waiter of waiters ?? []) answer(waiter);
  }
}
