// The open documents' analyses run off the server's thread (DocumentAnalyses.analyze with a job runner): a result
// for a text an edit overtook is dropped, an edit stops the analysis it overtook, and a failing worker leaves the
// analysis to the server's thread. A runner the test drives stands in for the worker, so the order is exact.
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocumentJob, type DocumentJob } from '../../server/src/documents/analysisJob';
import { AnalysisScheduler } from '../../server/src/documents/analysisScheduler';
import { analyzeDocument } from '../../server/src/documents/analyzeDocument';
import { DocumentAnalyses } from '../../server/src/documents/documentAnalyses';
import { computeTokens, SemanticTokensService } from '../../server/src/features/semanticTokens';
import type { JobKind, Jobs } from '../../server/src/workers/jobs';
import type { JobRunner } from '../../server/src/workers/pool';
import { createJobRunner, JobDropped } from '../../server/src/workers/pool';

const URI = 'file:///worker.txt';
const TEXT = 'PARIS, March 3, 2021 — Talks resumed.\n\n"We will not give way," Émilie Durand said on Tuesday.\n';

interface HeldJob {
  job: DocumentJob;
  signal: AbortSignal | undefined;
  /** Runs the job as a worker would and answers it. */
  finish(): void;
  fail(error: Error): void;
}

/** A runner whose jobs wait until the test finishes them. */
class HeldRunner implements JobRunner {
  readonly size = 1;
  readonly held: HeldJob[] = [];

  run<K extends JobKind>(_kind: K, request: Jobs[K]['request'], signal?: AbortSignal): Promise<Jobs[K]['response']> {
    return new Promise((resolve, reject) => {
      const job = request as DocumentJob;
      signal?.addEventListener('abort', () => reject(new JobDropped()), { once: true });
      this.held.push({
        job,
        signal,
        finish: () => resolve(analyzeDocumentJob(job) as Jobs[K]['response']),
        fail: (error) => reject(error),
      });
    });
  }

  warmUp(): void {}

  async close(): Promise<void> {}
}

const typeAtStart = (document: TextDocument, text: string) =>
  TextDocument.update(
    document,
    [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text }],
    document.version + 1,
  );

describe('analyses off the server thread', () => {
  it('drops a result for a text an edit overtook, and caches the one of the current text', async () => {
    const runner = new HeldRunner();
    const analyses = new DocumentAnalyses(() => ({ maxFileSizeKb: 100 }), undefined, runner);
    const document = TextDocument.create(URI, 'seed', 1, TEXT);
    const first = analyses.analyze(document);
    typeAtStart(document, 'Breaking: ');
    const second = analyses.analyze(document);
    assert.equal(runner.held.length, 2);
    assert.ok(runner.held[0].signal?.aborted, 'the analysis of the overtaken text was cancelled');
    assert.equal(new Int32Array(runner.held[0].job.cancel!)[0], 1, 'and told to stop between layers');
    runner.held[1].finish();
    runner.held[0].finish(); // landing late, as a worker that had already started it would answer
    assert.equal(await first, null, 'the overtaken result is dropped');
    const current = await second;
    assert.ok(current);
    assert.equal(current.version, 2);
    assert.equal(analyses.peek(document), current, 'the current text’s analysis is the cached one');
    assert.deepEqual(current.analysis, analyzeDocument(document, { maxFileSizeKb: 100 }).analysis, 'equal to one made here');
  });

  it('drops a result that lands after the text changed, even when nothing cancelled it', async () => {
    const runner = new HeldRunner();
    const analyses = new DocumentAnalyses(() => ({ maxFileSizeKb: 100 }), undefined, runner);
    const document = TextDocument.create(URI, 'seed', 1, TEXT);
    const pending = analyses.analyze(document);
    typeAtStart(document, 'x');
    runner.held[0].finish();
    assert.equal(await pending, null);
    assert.equal(analyses.peek(document), undefined);
    assert.equal(analyses.peek(document, true), undefined, 'nor served as a provisional answer');
  });

  it('shares one job between the readers of one version, and drops a result an invalidation overtook', async () => {
    const runner = new HeldRunner();
    const analyses = new DocumentAnalyses(() => ({ maxFileSizeKb: 100 }), undefined, runner);
    const document = TextDocument.create(URI, 'seed', 1, TEXT);
    const [a, b] = [analyses.analyze(document), analyses.analyze(document)];
    assert.equal(a, b);
    assert.equal(runner.held.length, 1);
    analyses.invalidate(URI); // e.g. the document's attribution corrections changed
    runner.held[0].finish();
    assert.equal(await a, null);
    assert.equal(analyses.peek(document), undefined);
  });

  it('analyses on the server thread when the worker fails, and reports it', async () => {
    const runner = new HeldRunner();
    const errors: string[] = [];
    const where: string[] = [];
    const analyses = new DocumentAnalyses(
      () => ({ maxFileSizeKb: 100 }),
      (_uri, error) => errors.push(String(error)),
      runner,
    );
    analyses.onDidAnalyze((_uri, _version, _ms, w) => where.push(w));
    const document = TextDocument.create(URI, 'seed', 1, TEXT);
    const pending = analyses.analyze(document);
    runner.held[0].fail(new Error('an analysis worker stopped (exit code 1)'));
    const analyzed = await pending;
    assert.ok(analyzed && analyzed.skipped === null);
    assert.deepEqual(where, ['thread']);
    assert.match(errors[0], /worker stopped/);
  });

  it('gives the scheduler’s waiting requests the analysis of the latest text only', async () => {
    const runner = new HeldRunner();
    const analyses = new DocumentAnalyses(() => ({ maxFileSizeKb: 100 }), undefined, runner);
    let document = TextDocument.create(URI, 'seed', 1, TEXT);
    const published: number[] = [];
    const scheduler = new AnalysisScheduler(
      analyses,
      () => document,
      (doc) => published.push(doc.version),
      0,
    );
    scheduler.edited(URI, 0);
    const early = scheduler.current(URI).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(runner.held.length, 1, 'the first analysis runs');
    document = typeAtStart(document, 'x');
    scheduler.edited(URI, 0);
    const late = scheduler.current(URI);
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(runner.held.length, 2);
    runner.held[0].finish();
    runner.held[1].finish();
    assert.equal((await late)?.version, 2);
    assert.ok(await early, 'the request overtaken by the edit was answered (ContentModified)');
    assert.deepEqual(published, [2], 'diagnostics only for the text still current');
  });

  it('runs the same analysis on a real worker thread as on this one', async function () {
    this.timeout(60_000);
    const runner = createJobRunner({ size: 1, threads: true, unref: true });
    try {
      const analyses = new DocumentAnalyses(() => ({ maxFileSizeKb: 100 }), undefined, runner);
      const tagged = [{ start: 10, end: 70 }];
      analyses.setTaggedRanges(() => tagged);
      const where: string[] = [];
      analyses.onDidAnalyze((_uri, _version, _ms, w) => where.push(w));
      const document = TextDocument.create(URI, 'seed', 1, TEXT);
      const analyzed = await analyses.analyze(document);
      assert.deepEqual(where, ['worker']);
      const here = analyzeDocument(document, { maxFileSizeKb: 100 });
      assert.deepEqual(analyzed?.analysis, here.analysis);
      assert.deepEqual(analyzed?.unbalancedQuoteMarks, here.unbalancedQuoteMarks);
      assert.deepEqual(analyzed?.positionAt(60), here.positionAt(60));
      assert.ok(analyzed?.encodedTokens, 'the worker made the tokens too');
      const service = new SemanticTokensService({ taggedRanges: () => tagged });
      assert.deepEqual(service.tokens(analyzed), computeTokens(here, tagged), 'the tokens the server thread would compute, tags included');
      assert.ok(service.tokens(analyzed).some((t) => t.modifiers.includes('tagged')));
    } finally {
      await runner.close();
    }
  });
});
