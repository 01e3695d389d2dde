import { strict as assert } from 'node:assert';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalyzedDocument } from '../../server/src/documents/analyzedDocument';
import { DocumentAnalyses } from '../../server/src/documents/documentAnalyses';
import { AnalysisScheduler } from '../../server/src/documents/analysisScheduler';

const URI = 'file:///burst.txt';
const TEXT = 'Title\n\n"We will win," the minister said on Friday.\n';

/** A scheduler over one document, counting the analyses run for each version. */
function setUp(delayMs = 20) {
  let document: TextDocument | undefined = TextDocument.create(URI, 'seed', 1, TEXT);
  const analyses = new DocumentAnalyses(() => ({ maxFileSizeKb: 100 }));
  const perVersion = new Map<number, number>();
  analyses.onDidAnalyze((_uri, version) => perVersion.set(version, (perVersion.get(version) ?? 0) + 1));
  const published: AnalyzedDocument[] = [];
  const scheduler = new AnalysisScheduler(
    analyses,
    () => document,
    (doc) => published.push(doc),
    delayMs,
  );
  const type = (text: string) => {
    const doc = document!;
    const end = doc.positionAt(doc.getText().length);
    document = TextDocument.update(doc, [{ range: { start: end, end }, text }], doc.version + 1);
    scheduler.edited(URI);
  };
  return {
    scheduler,
    perVersion,
    published,
    type,
    close: () => {
      document = undefined;
      scheduler.forget(URI);
    },
  };
}

const codeOf = (error: unknown) => (error instanceof ResponseError ? error.code : undefined);

describe('analysis scheduler', () => {
  it('analyses a burst of edits once, at its latest version, and every reader shares that one result', async () => {
    const { scheduler, perVersion, published, type } = setUp();
    const stale: Promise<unknown>[] = [];
    for (let k = 0; k < 10; k++) {
      type('x');
      stale.push(scheduler.current(URI).then(() => 'answered', codeOf));
    }
    const [latest, again] = await Promise.all([scheduler.current(URI), scheduler.current(URI)]);
    assert.equal(latest?.version, 11);
    assert.equal(again, latest, 'requests at one version read the same analysis');
    assert.deepEqual(
      await Promise.all(stale),
      [...Array(9).fill(LSPErrorCodes.ContentModified), 'answered'],
      'each request overtaken by an edit fails with ContentModified; the last one gets the result',
    );
    assert.deepEqual([...perVersion], [[11, 1]], 'one analysis, of the latest version only');
    assert.deepEqual(published, [latest], 'diagnostics are published from that same analysis');
    assert.equal(await scheduler.current(URI), latest, 'a later request reads the cache');
    assert.deepEqual([...perVersion], [[11, 1]]);
  });

  it('answers a request cancelled while it waits with RequestCancelled, without running an analysis for it', async () => {
    const { scheduler, perVersion, type } = setUp(50);
    type('y');
    const source = new CancellationTokenSource();
    const waiting = scheduler.current(URI, source.token).then(() => 'answered', codeOf);
    source.cancel();
    assert.equal(await waiting, LSPErrorCodes.RequestCancelled);
    assert.equal(perVersion.size, 0);
    assert.equal((await scheduler.current(URI))?.version, 2);
  });

  it('a re-analysis asked for an unchanged, still cached version costs no second analysis', async () => {
    const { scheduler, perVersion } = setUp(0);
    const first = await scheduler.current(URI);
    scheduler.reanalyze(URI);
    // Only invalidating the cache (tags, settings) makes the scheduled run analyze again.
    assert.equal(await scheduler.current(URI), first);
    assert.deepEqual([...perVersion], [[1, 1]]);
  });

  it('answers the requests waiting on a closed document with no document', async () => {
    const { scheduler, type, close } = setUp(1000);
    type('z');
    const waiting = scheduler.current(URI);
    close();
    assert.equal(await waiting, null);
    assert.equal(await scheduler.current(URI), null);
  });
});
