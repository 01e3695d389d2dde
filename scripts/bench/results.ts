// Figures of the benchmark sections added beside the main table: printed with their same-run baseline and ratio,
// and merged into bench/results.json under the section's name (other sections' figures are kept).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  baselineName: string;
  /** The goal the value is held to, as text ("< 100 ms"), and whether this run meets it. */
  goal?: string;
  met?: boolean;
}

export interface Section {
  title: string;
  figures: Figure[];
  /** Lines printed under the table: what was measured and how. */
  notes: string[];
}

const RESULTS = join(__dirname, '..', '..', 'bench', 'results.json');

export function formatSection(section: Section): string {
  const header = ['case', 'value', 'baseline', 'baseline value', 'ratio', 'goal'];
  const body = section.figures.map((f) => [
    f.name, `${f.value.toFixed(1)} ${f.unit}`, f.baselineName, `${f.baseline.toFixed(1)} ${f.unit}`,
    `${(f.value / f.baseline).toFixed(1)}x`, f.goal === undefined ? '' : `${f.goal} ${f.met ? 'met' : 'NOT met'}`,
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((row) => row[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 1 || c === 3 || c === 4 ? cell.padStart(widths[c]) :
    cell.padEnd(widths[c]))).join('  ').trimEnd();
  return [`== ${section.title} ==`, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line),
    ...section.notes].join('\n');
}

/** Writes the section into bench/results.json, keeping every other section already there. */
export function recordSection(key: string, section: Section): void {
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>;
  } catch {
    // no results yet, or a file from an older format: start afresh
  }
  all[key] = { title: section.title, recordedAt: new Date().toISOString(), node: process.version,
    figures: section.figures.map((f) => ({ ...f, ratio: f.value / f.baseline })) };
  mkdirSync(join(RESULTS, '..'), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(all, null, 2)}\n`);
}
