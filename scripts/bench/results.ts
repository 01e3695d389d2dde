// Figures of the benchmark sections added beside the main table: printed with their same-run baseline and ratio,
// and merged into bench/results.json under the section's name (other sections' figures are kept). The one writer
// of that file: every section goes through recordSection.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The same-run baseline, or null when there is none to measure (its name says why). */
  baseline: number | null;
  baselineName: string;
  /** The goal the value is held to, as text ("< 100 ms"), and whether this run meets it. */
  goal?: string;
  met?: boolean;
  /** What else the run saw (CPU time, the figure behind a ratio). */
  note?: string;
}

export interface Section {
  title: string;
  figures: Figure[];
  /** Lines printed under the table: what was measured and how. */
  notes: string[];
}

interface RecordedFigure extends Figure {
  ratio: number | null;
  /** When this figure was measured: a run of some parts of a section keeps the others' earlier figures. */
  measured: string;
}

const RESULTS = join(__dirname, '..', '..', 'bench', 'results.json');

export function formatSection(section: Section): string {
  const header = ['case', 'value', 'baseline', 'baseline value', 'ratio', 'goal', 'note'];
  const show = (value: number | null, unit: string) => (value === null || Number.isNaN(value) ? '-' : `${value.toFixed(1)} ${unit}`);
  const body = section.figures.map((f) => [
    f.name, show(f.value, f.unit), f.baselineName, show(f.baseline, f.unit), f.baseline ? `${ratioText(f.value / f.baseline)}x` : '-',
    f.goal === undefined ? '' : `${f.goal} ${f.met ? 'met' : 'NOT met'}`, f.note ?? '',
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((row) => row[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 1 || c === 3 || c === 4 ? cell.padStart(widths[c]) :
    cell.padEnd(widths[c]))).join('  ').trimEnd();
  return [`== ${section.title} ==`, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line),
    ...section.notes].join('\n');
}

function ratioText(ratio: number): string {
  return ratio.toFixed(ratio < 0.1 ? 4 : ratio < 10 ? 2 : 1);
}

export interface RecordOptions {
  /** Keep the figures of the section's earlier runs that this run did not measure (a run of some of its parts). */
  keepEarlier?: boolean;
}

/** Writes the section into bench/results.json, keeping every other section already there. */
export function recordSection(key: string, section: Section, options: RecordOptions = {}): void {
  const all = readResults();
  const measured = new Date().toISOString();
  const figures: RecordedFigure[] = section.figures.map((f) => ({
    ...f, value: round(f.value), baseline: f.baseline === null ? null : round(f.baseline),
    ratio: f.baseline ? f.value / f.baseline : null, measured,
  }));
  const earlier = options.keepEarlier ? ((all[key] as { figures?: RecordedFigure[] } | undefined)?.figures ?? [])
    .filter((e) => !figures.some((f) => f.name === e.name)) : [];
  all[key] = { title: section.title, recordedAt: measured, node: process.version, cores: availableParallelism(),
    figures: [...earlier, ...figures] };
  mkdirSync(join(RESULTS, '..'), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(all, null, 2)}\n`);
}

/** The recorded sections; a file that is not valid JSON is kept beside as `.bad` rather than lost. */
function readResults(): Record<string, unknown> {
  let raw: string;
  try {
    raw = readFileSync(RESULTS, 'utf8');
  } catch {
    return {}; // no results yet
  }
  try {
    return JSON.parse(raw) as Record<string, unknown>;
  } catch {
    copyFileSync(RESULTS, `${RESULTS}.bad`);
    process.stderr.write(`bench: ${RESULTS} is not valid JSON; it is kept as ${RESULTS}.bad and recorded afresh\n`);
    return {};
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
