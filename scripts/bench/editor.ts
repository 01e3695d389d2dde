// The language server as an editor drives it (issue 11): a 1 MB article opened over stdio, first tokens, then
// keystrokes each followed by a semantic-tokens delta request (answered from the analysis carried through the
// keystroke), then, once the server has analyzed the new text and asked for tokens again, the delta an editor then
// requests; and hovers. Every latency beside the round trip of a request that does no analysis (a hover on a
// document that is not open), timed in the same run; the fresh tokens beside the pause the server waits for.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { SemanticTokens } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_ANALYSIS_DELAY_MS } from '../../server/src/documents/analysisScheduler';
import { buildOnce, CLIENT_CAPABILITIES, LspClient } from '../../test/lsp/lspClient';
import { syntheticArticle } from './article';
import type { Figure, Section } from './results';

const ROOT = join(__dirname, '..', '..');
const KEYSTROKES = 15;
/**
 * Keystrokes typed before the timed ones: the first few after opening run the server's carrying code before the JIT
 * has compiled it (about 3x slower, see the note); an analyst types for hours, so the median is taken after them.
 */
const WARM_UP_KEYSTROKES = 5;
const HOVERS = 30;
/** Keystrokes timed for an editor without token refresh: each waits for a whole analysis. */
const BEFORE_KEYSTROKES = 5;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}

/** The 1 MB article the editor sections open, made of the two seed articles. */
export function editorArticle(): string {
  const seeds = ['seeds/000_2ebd0813046cf1ef.txt', 'seeds/004_751050ed58a9faf9.txt'].map((f) => readFileSync(join(ROOT, f), 'utf8'));
  return syntheticArticle(seeds, 1000 * 1000);
}

/**
 * CPU time the server's main thread has used so far (ms), from Linux's per-thread schedstat: what a keystroke costs
 * the thread that answers the editor, whatever else the machine runs (wall times on a loaded machine are not).
 * Null where there is no /proc.
 */
export function serverThreadCpuMs(client: LspClient): number | null {
  const pid = client.process.pid;
  try {
    return Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return null;
  }
}

/** The median round trip of a request that does no analysis (a hover on a document that is not open). */
export async function roundTripOf(client: LspClient): Promise<number> {
  const roundTrips: number[] = [];
  for (let i = 0; i < 20; i++) {
    roundTrips.push((await timed(() => client.request('textDocument/hover', { textDocument: { uri: 'file:///bench/not-open.txt' }, position: { line: 0, character: 0 } })))[0]);
  }
  return median(roundTrips);
}

/** The k-th keystroke: an 'a' typed at the start of a line, the lines spread over the article. */
function keystroke(doc: TextDocument, k: number) {
  const position = { line: Math.floor(((k * 7919) % 997) / 997 * (doc.lineCount - 1)), character: 0 };
  return [{ range: { start: position, end: position }, text: 'a' }];
}

/**
 * The same keystrokes from an editor that cannot be asked to refresh tokens: its delta waits for the analysis of
 * the new text, as every editor's did before analyses were carried through edits (the same-run "before" figure).
 */
async function keystrokesWithoutRefresh(text: string, count: number): Promise<number[]> {
  const client = LspClient.start();
  try {
    await client.initialize(null, undefined, { ...CLIENT_CAPABILITIES, workspace: { ...CLIENT_CAPABILITIES.workspace, semanticTokens: { refreshSupport: false } } });
    const uri = 'file:///bench/no-refresh.txt';
    let doc = TextDocument.create(uri, 'seed', 1, text);
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'seed', version: 1, text } });
    let resultId = (await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } })).resultId;
    const times: number[] = [];
    for (let k = 0; k < count; k++) {
      const changes = keystroke(doc, k);
      doc = TextDocument.update(doc, changes, doc.version + 1);
      const [ms, delta] = await timed(async () => {
        await client.notify('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: changes });
        return client.request<{ resultId?: string }>('textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId: resultId });
      });
      resultId = delta.resultId;
      times.push(ms);
    }
    return times;
  } finally {
    await client.stop();
  }
}

export async function benchEditor(): Promise<Section> {
  buildOnce();
  const text = editorArticle();
  const client = LspClient.start();
  try {
    await client.initialize(null);
    const uri = 'file:///bench/synthetic.txt';
    let doc = TextDocument.create(uri, 'seed', 1, text);
    const roundTrip = await roundTripOf(client);
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'seed', version: 1, text } });
    const [first, full] = await timed(() => client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } }));
    let resultId = full.resultId;
    const keystrokes: number[] = [];
    const keystrokeCpu: number[] = [];
    const freshTokens: number[] = [];
    const warmUp: number[] = [];
    const warmUpCpu: number[] = [];
    const lines = doc.lineCount;
    for (let k = 0; k < WARM_UP_KEYSTROKES + KEYSTROKES; k++) {
      const timedOne = k >= WARM_UP_KEYSTROKES;
      const changes = keystroke(doc, k);
      doc = TextDocument.update(doc, changes, doc.version + 1);
      const refreshes = client.tokenRefreshes;
      const cpuBefore = serverThreadCpuMs(client);
      const typed = performance.now();
      const [ms, delta] = await timed(async () => {
        await client.notify('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: changes });
        return client.request<{ resultId?: string }>('textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId: resultId });
      });
      resultId = delta.resultId;
      (timedOne ? keystrokes : warmUp).push(ms);
      const cpuAfter = serverThreadCpuMs(client);
      if (cpuBefore !== null && cpuAfter !== null) (timedOne ? keystrokeCpu : warmUpCpu).push(cpuAfter - cpuBefore);
      // The server analyses the new text after the pause, then asks for tokens again; the editor asks for a delta.
      await client.waitFor('a semantic tokens refresh', () => (client.tokenRefreshes > refreshes ? true : undefined), 120_000);
      resultId = (await client.request<{ resultId?: string }>('textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId: resultId })).resultId;
      if (timedOne) freshTokens.push(performance.now() - typed);
    }
    const hovers: number[] = [];
    for (let h = 0; h < HOVERS; h++) {
      const position = { line: Math.floor((h / HOVERS) * (lines - 1)), character: 3 };
      hovers.push((await timed(() => client.request('textDocument/hover', { textDocument: { uri }, position })))[0]);
    }
    const waiting = await keystrokesWithoutRefresh(text, BEFORE_KEYSTROKES);
    const figure = (name: string, value: number, goalMs: number): Figure => ({ name, value, unit: 'ms', baseline: roundTrip,
      baselineName: 'LSP round trip', goal: `< ${goalMs} ms`, met: value < goalMs });
    return {
      title: 'language server on a 1 MB article (issue 11)',
      figures: [
        { name: 'first semantic tokens', value: first, unit: 'ms', baseline: roundTrip, baselineName: 'LSP round trip' },
        { name: 'first keystroke after opening -> tokens delta', value: warmUp[0], unit: 'ms', baseline: roundTrip,
          baselineName: 'LSP round trip' },
        figure(`keystroke -> tokens delta (median of ${KEYSTROKES}, after ${WARM_UP_KEYSTROKES})`, median(keystrokes), 10),
        ...(keystrokeCpu.length > 0
          ? [{ name: `  server thread CPU per keystroke -> delta (median of ${KEYSTROKES})`, value: median(keystrokeCpu), unit: 'ms',
              baseline: null, baselineName: 'CPU time: the load does not count', note: `load ${loadavg()[0].toFixed(1)}` }]
          : []),
        { name: `  the same, editor without token refresh (median of ${BEFORE_KEYSTROKES})`, value: median(waiting), unit: 'ms',
          baseline: roundTrip, baselineName: 'LSP round trip' },
        { name: `keystroke -> tokens of the new analysis (median of ${KEYSTROKES})`, value: median(freshTokens), unit: 'ms',
          baseline: DEFAULT_ANALYSIS_DELAY_MS, baselineName: 'pause before analysis' },
        figure(`hover (median of ${HOVERS})`, median(hovers), 5),
      ],
      notes: [
        `${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB, ${lines} lines; keystrokes: ${keystrokes.map((k) => k.toFixed(1)).join(', ')} ms` +
          `; server thread CPU each: ${keystrokeCpu.map((k) => k.toFixed(1)).join(', ')} ms; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`,
        `the ${WARM_UP_KEYSTROKES} keystrokes before them (JIT warm-up, not in the median): ${warmUp.map((k) => k.toFixed(1)).join(', ')} ms, ` +
          `server thread CPU ${warmUpCpu.map((k) => k.toFixed(1)).join(', ')} ms`,
        'the analysis runs on a worker thread: the server thread only carries the previous analysis through each keystroke',
        'the delta right after a keystroke is the previous analysis carried through the edit (what the edit touched dropped); ' +
        `the server analyses the new text ${DEFAULT_ANALYSIS_DELAY_MS} ms after the last edit and then sends workspace/semanticTokens/refresh`,
        `keystroke -> tokens of the new analysis: ${freshTokens.map((k) => k.toFixed(0)).join(', ')} ms`,
        `an editor without token refresh waits for the analysis after each keystroke (the behaviour before): ${waiting.map((k) => k.toFixed(0)).join(', ')} ms`,
      ],
    };
  } finally {
    await client.stop();
  }
}
