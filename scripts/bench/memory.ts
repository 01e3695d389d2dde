// Peak memory of analyzing an article at each size limit (issue 13): the language server's default
// seedAnnotator.maxFileSizeKb (1 MiB) and the CLI's default --max-size (10 MB). Each size runs in a fresh process
// (memoryProbe.ts); the figure is the peak resident memory the analysis added, against the text's own size as
// the baseline, and is held to the stated budget.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Figure, Section } from './results';

const MB = 1024 * 1024;
/** The memory budget per size limit: peak resident memory the analysis may add. */
export const MEMORY_BUDGETS = [
  { name: 'language server limit (maxFileSizeKb 1024)', bytes: 1024 * 1024, budgetMb: 128 },
  { name: 'CLI limit (--max-size 10MB)', bytes: 10 * 1000 * 1000, budgetMb: 640 },
];

export interface Probe {
  textBytes: number;
  peakBefore: number;
  peakAfter: number;
  ms: number;
  quotes: number;
}

/** Analyses a synthetic article of `bytes` in a fresh process. */
export function probe(bytes: number): Probe {
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(__dirname, 'memoryProbe.ts'), String(bytes)],
    { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`memory probe for ${bytes} bytes exited ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout) as Probe;
}

export function benchMemory(): Section {
  const notes: string[] = [];
  const figures: Figure[] = MEMORY_BUDGETS.map(({ name, bytes, budgetMb }) => {
    const p = probe(bytes);
    const addedMb = (p.peakAfter - p.peakBefore) / MB;
    notes.push(`${name}: ${(p.textBytes / MB).toFixed(2)} MB analyzed in ${(p.ms / 1000).toFixed(1)} s, peak RSS ` +
      `${(p.peakAfter / MB).toFixed(0)} MB (${(p.peakBefore / MB).toFixed(0)} MB before the analysis)`);
    return { name: `peak memory added, ${name}`, value: addedMb, unit: 'MB', baseline: p.textBytes / MB,
      baselineName: 'text size', goal: `<= ${budgetMb} MB`, met: addedMb <= budgetMb };
  });
  return { title: 'memory at the size limits (issue 13)', figures, notes };
}
