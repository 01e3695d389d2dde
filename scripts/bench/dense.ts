// A dense 8 MB article (issue 11): `analyze` in process and the CLI end to end, beside a regex scan of the same
// text (the cheapest pass that reads every character as the analysis must), and the peak memory of the analysis.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCliBundle, CLI_BIN, ROOT } from '../cliBundle';
import { syntheticArticle } from './article';
import { probe } from './memory';
import type { Section } from './results';

const BYTES = 8 * 1000 * 1000;
const MB = 1024 * 1024;

function scanMs(text: string): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    for (const re of [/["“”«»]/g, /\p{Lu}\p{L}+/gu, /\d{1,4}[./-]\d{1,2}/g]) for (const _ of text.matchAll(re)) { /* count */ }
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

export async function benchDense(): Promise<Section> {
  const seeds = ['seeds/000_2ebd0813046cf1ef.txt', 'seeds/004_751050ed58a9faf9.txt'].map((f) => readFileSync(join(ROOT, f), 'utf8'));
  const text = syntheticArticle(seeds, BYTES);
  const mb = Buffer.byteLength(text) / 1e6;
  const scan = scanMs(text);
  const inProcess = probe(BYTES);
  await buildCliBundle();
  const dir = mkdtempSync(join(tmpdir(), 'seed-bench-dense-'));
  let endToEnd: number;
  try {
    const file = join(dir, 'dense.txt');
    writeFileSync(file, text);
    const start = performance.now();
    const run = spawnSync(process.execPath, [CLI_BIN, 'analyze', file, '--jsonl'], { encoding: 'utf8', maxBuffer: 1 << 30 });
    endToEnd = performance.now() - start;
    if (run.status !== 0) throw new Error(`CLI exited ${run.status}: ${run.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const peakMb = inProcess.peakAfter / MB;
  return {
    title: `dense ${mb.toFixed(1)} MB article (issue 11)`,
    figures: [
      { name: 'analyze in process', value: inProcess.ms, unit: 'ms', baseline: scan, baselineName: 'regex scan',
        goal: '>= 20 MB/s', met: mb / (inProcess.ms / 1000) >= 20 },
      { name: 'CLI analyze --jsonl, end to end', value: endToEnd, unit: 'ms', baseline: scan, baselineName: 'regex scan',
        goal: '>= 15 MB/s', met: mb / (endToEnd / 1000) >= 15 },
      { name: 'peak memory (RSS) of the analyzing process', value: peakMb, unit: 'MB', baseline: Buffer.byteLength(text) / MB,
        baselineName: 'text size', goal: '<= 250 MB', met: peakMb <= 250 },
    ],
    notes: [`in process ${(mb / (inProcess.ms / 1000)).toFixed(2)} MB/s, end to end ${(mb / (endToEnd / 1000)).toFixed(2)} MB/s ` +
      `(${inProcess.quotes} quotes)`],
  };
}
