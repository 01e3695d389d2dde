// Runs one analysis per pause in typing: a burst of edits costs one analysis of the latest text, and requests
// wait for it instead of each starting their own. Requests still waiting when a newer edit arrives are answered
// with ContentModified, as the LSP asks of a result that no longer matches the document. Requests that accept it are
// answered at once from the previous analysis carried through the edits (provisional) while this one waits.
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

  /** The text changed: requests waiting for the older text fail, and the analysis runs after `delay`. */
  edited(uri: string, delay = this.delayMs): void {
    this.settle(uri, (w) => w.reject(new ResponseError(LSPErrorCodes.ContentModified, 'The document changed.')));
    this.schedule(uri, delay);
  }

  /** Something beside the text changed (settings, tags): analyze again now; waiting requests get the new result. */
  reanalyze(uri: string): void {
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
    // Nothing scheduled (a document the cache dropped): no edit is coming to wait for.
    if (!this.timers.has(uri)) return this.analyses.get(document);
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
    this.settle(uri, (w) => w.resolve(null));
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
    const replacedProvisional = document ? this.analyses.peek(document, true)?.provisional === true : false;
    const doc = document ? this.analyses.get(document) : null;
    this.settle(uri, (w) => w.resolve(doc));
    if (doc) this.onAnalyzed(doc, replacedProvisional);
  }

  private settle(uri: string, answer: (waiter: Waiter) => void): void {
    const waiters = this.waiters.get(uri);
    this.waiters.delete(uri);
    for (const waiter of waiters ?? []) answer(waiter);
  }
}
