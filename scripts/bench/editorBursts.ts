// Typing bursts on the 1 MB article over stdio (issue 11): keystrokes a typist's pace apart, each followed by a
// semantic-tokens delta request as an editor sends them, and a hover in the middle of the burst. Counts the
// analyses the server logs per burst (SEED_TRACE_ANALYSES), times the tokens delta after the last keystroke and the
// tokens of the new analysis (after the server's workspace/semanticTokens/refresh).
import { loadavg } from 'node:os';
import { ResponseError, type SemanticTokens } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildOnce, LspClient } from '../../test/lsp/lspClient';
import { DEFAULT_SETTINGS } from '../../shared/protocol';
import { DEFAULT_ANALYSIS_DELAY_MS } from '../../server/src/documents/analysisScheduler';
import { editorArticle, median, roundTripOf, serverThreadCpuMs, timed } from './editor';
import type { Section } from './results';

const BURSTS = 6;
const KEYSTROKES = 12;
/** About 150 words a minute. */
const TYPING_GAP_MS = 60;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function benchEditorBursts(): Promise<Section> {
  buildOnce();
  const text = editorArticle();
  const client = LspClient.start(DEFAULT_SETTINGS, { SEED_TRACE_ANALYSES: '1' });
  try {
    await client.initialize(null);
    const roundTrip = await roundTripOf(client);
    const uri = 'file:///bench/bursts.txt';
    let doc = TextDocument.create(uri, 'seed', 1, text);
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'seed', version: 1, text } });
    let resultId = (await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } })).resultId;
    const analysesPerBurst: number[] = [];
    const toTokens: number[] = [];
    const toFresh: number[] = [];
    const hovers: number[] = [];
    const cpuPerKeystroke: number[] = [];
    let hoversOvertaken = 0;
    for (let b = 0; b < BURSTS; b++) {
      const logsBefore = client.logs.length;
      const refreshes = client.tokenRefreshes;
      const line = Math.floor(((b * 7919) % 997) / 997 * (doc.lineCount - 1));
      let lastDelta: Promise<{ resultId?: string }> | undefined;
      let hover: Promise<number> | undefined;
      let lastKeystroke = 0;
      const cpuBefore = serverThreadCpuMs(client);
      for (let k = 0; k < KEYSTROKES; k++) {
        const at = { line, character: k };
        const changes = [{ range: { start: at, end: at }, text: 'a' }];
        doc = TextDocument.update(doc, changes, doc.version + 1);
        await client.notify('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: changes });
        lastKeystroke = performance.now();
        // Requests an edit overtakes are answered with ContentModified; only the last one matters here.
        lastDelta = client.request<{ resultId?: string }>('textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId: resultId });
        if (k < KEYSTROKES - 1) lastDelta.catch(() => undefined);
        if (k === KEYSTROKES / 2) {
          hover = timed(() => client.request('textDocument/hover', { textDocument: { uri }, position: { line: line + 2, character: 3 } })
            .catch((error: unknown) => { if (error instanceof ResponseError) hoversOvertaken++; else throw error; })).then(([ms]) => ms);
        }
        if (k < KEYSTROKES - 1) await pause(TYPING_GAP_MS);
      }
      resultId = (await lastDelta!).resultId;
      toTokens.push(performance.now() - lastKeystroke);
      const cpuAfter = serverThreadCpuMs(client);
      await hover;
      if (cpuBefore !== null && cpuAfter !== null) cpuPerKeystroke.push((cpuAfter - cpuBefore) / KEYSTROKES);
      await client.waitFor('a semantic tokens refresh', () => (client.tokenRefreshes > refreshes ? true : undefined), 120_000);
      resultId = (await client.request<{ resultId?: string }>('textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId: resultId })).resultId;
      toFresh.push(performance.now() - lastKeystroke);
      hovers.push(await hover!);
      analysesPerBurst.push(client.logs.slice(logsBefore).filter((l) => l.startsWith(`analyzed ${uri} `)).length);
    }
    const mean = analysesPerBurst.reduce((a, n) => a + n, 0) / BURSTS;
    return {
      title: `language server: typing bursts on a 1 MB article (${KEYSTROKES} keystrokes ${TYPING_GAP_MS} ms apart)`,
      figures: [
        { name: `analyses per burst (mean of ${BURSTS})`, value: mean, unit: 'analyses', baseline: KEYSTROKES,
          baselineName: 'keystrokes per burst', goal: '<= 1', met: mean <= 1 },
        { name: `last keystroke -> tokens delta (median of ${BURSTS})`, value: median(toTokens), unit: 'ms', baseline: roundTrip,
          baselineName: 'LSP round trip' },
        { name: `last keystroke -> tokens of the new analysis (median of ${BURSTS})`, value: median(toFresh), unit: 'ms',
          baseline: DEFAULT_ANALYSIS_DELAY_MS, baselineName: 'pause before analysis' },
        ...(cpuPerKeystroke.length > 0
          ? [{ name: `server thread CPU per keystroke in a burst, its delta and hover included (median of ${BURSTS})`,
              value: median(cpuPerKeystroke), unit: 'ms', baseline: null, baselineName: 'CPU time: the load does not count',
              note: `load ${loadavg()[0].toFixed(1)}` }]
          : []),
        { name: `hover during a burst (median of ${BURSTS})`, value: median(hovers), unit: 'ms', baseline: roundTrip,
          baselineName: 'LSP round trip', goal: '< 5 ms', met: median(hovers) < 5 },
      ],
      notes: [
        'deltas during a burst come from the analysis carried through each keystroke; the server analyses the text ' +
        `${DEFAULT_ANALYSIS_DELAY_MS} ms after the last edit, then asks for tokens again (workspace/semanticTokens/refresh)`,
        `analyses per burst: ${analysesPerBurst.join(', ')}; last keystroke -> delta: ${toTokens.map((t) => t.toFixed(1)).join(', ')} ms; ` +
        `-> tokens of the new analysis: ${toFresh.map((t) => t.toFixed(0)).join(', ')} ms`,
        `hovers during bursts: ${hovers.map((h) => h.toFixed(0)).join(', ')} ms, ${hoversOvertaken} of ${BURSTS} answered ContentModified (the next keystroke overtook them)`,
      ],
    };
  } finally {
    await client.stop();
  }
}
