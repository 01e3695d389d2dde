// Sums file scores into totals (micro-averaged) and prints them as a table or as details of each error.
import type { FileScore } from './score';

export interface Totals {
  files: number;
  goldQuotes: number;
  predictedQuotes: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  attributedCorrectly: number;
  /** Over matched gold quotes; null when nothing matched. */
  attributionAccuracy: number | null;
  primaryCorrect: number;
  primaryAccuracy: number | null;
}

/** Micro-averaged: every quote counts the same, whichever article it is in. */
export function totalsOf(scores: FileScore[]): Totals {
  const sum = (f: (s: FileScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const goldQuotes = sum((s) => s.goldQuotes);
  const predictedQuotes = sum((s) => s.predictedQuotes);
  const matched = sum((s) => s.matched);
  const attributedCorrectly = sum((s) => s.attributedCorrectly);
  const primaryCorrect = sum((s) => (s.primaryCorrect ? 1 : 0));
  const precision = predictedQuotes === 0 ? (goldQuotes === 0 ? 1 : 0) : matched / predictedQuotes;
  const recall = goldQuotes === 0 ? 1 : matched / goldQuotes;
  return {
    files: scores.length,
    goldQuotes,
    predictedQuotes,
    matched,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    attributedCorrectly,
    attributionAccuracy: matched === 0 ? null : attributedCorrectly / matched,
    primaryCorrect,
    primaryAccuracy: scores.length === 0 ? null : primaryCorrect / scores.length,
  };
}

const HEADER = ['file', 'gold', 'pred', 'match', 'P', 'R', 'F1', 'attribution', 'primary date'];

/** A fixed-width table: one row per file, then the set's totals. */
export function formatTable(scores: FileScore[], totalLabel: string): string {
  const rows = scores.map((s) => {
    const t = totalsOf([s]);
    return [
      s.file,
      String(s.goldQuotes),
      String(s.predictedQuotes),
      String(s.matched),
      num(t.precision),
      num(t.recall),
      num(t.f1),
      ratio(s.attributedCorrectly, s.matched),
      s.primaryCorrect ? `ok ${s.goldPrimary ?? 'none'}` : `WRONG ${s.predictedPrimary ?? 'none'} (gold ${s.goldPrimary ?? 'none'})`,
    ];
  });
  return layout(HEADER, rows, totalsRow(totalLabel, totalsOf(scores)));
}

/** Genre of an article whose gold names none. */
export const NO_GENRE = 'news';

/** One row per genre (files grouped by their gold's `genre`, in first-seen order), then the set's totals. */
export function formatGenreTable(scores: FileScore[], totalLabel: string): string {
  const genres = [...new Set(scores.map(genreOf))];
  const rows = genres.map((g) => {
    const files = scores.filter((s) => genreOf(s) === g);
    return totalsRow(`${g} (${files.length})`, totalsOf(files));
  });
  return layout(['genre', ...HEADER.slice(1)], rows, totalsRow(totalLabel, totalsOf(scores)));
}

export function genreOf(score: FileScore): string {
  return score.genre ?? NO_GENRE;
}

function totalsRow(label: string, t: Totals): string[] {
  return [
    label,
    String(t.goldQuotes),
    String(t.predictedQuotes),
    String(t.matched),
    num(t.precision),
    num(t.recall),
    num(t.f1),
    ratio(t.attributedCorrectly, t.matched),
    ratio(t.primaryCorrect, t.files),
  ];
}

/** Fixed-width columns: text columns left-aligned, numbers right-aligned, a rule above the totals. */
function layout(header: string[], rows: string[][], total: string[]): string {
  const all = [...rows, total];
  const widths = header.map((h, c) => Math.max(h.length, ...all.map((r) => [...r[c]].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 0 || c >= 7 ? padEnd(cell, widths[c]) : cell.padStart(widths[c])))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line), rule, line(total)].join('\n') + '\n';
}

/** Every miss, false alarm and wrong attribution, so whoever tunes the analysis sees what to look at. */
export function formatDetails(scores: FileScore[]): string {
  const out: string[] = [];
  for (const s of scores) {
    const lines: string[] = [];
    for (const text of s.goldNotInText) lines.push(`  GOLD TEXT NOT IN FILE  ${text}`);
    for (const m of s.missed) lines.push(`  missed      @${m.start}  ${m.text}`);
    for (const m of s.spurious) lines.push(`  spurious    @${m.start}  ${m.text}`);
    for (const a of s.misattributed) {
      lines.push(`  attribution ${a.quote}\n              gold ${a.gold ?? 'null'}, predicted ${a.predicted ?? 'null'}`);
    }
    if (!s.primaryCorrect) {
      lines.push(`  primary     gold ${s.goldPrimary ?? 'none'}, predicted ${s.predictedPrimary ?? 'none'}`);
    }
    if (lines.length > 0) out.push(s.file, ...lines);
  }
  return out.length > 0 ? out.join('\n') + '\n' : 'no errors\n';
}

function num(x: number): string {
  return x.toFixed(3);
}

function ratio(n: number, d: number): string {
  return d === 0 ? 'n/a' : `${n}/${d} ${num(n / d)}`;
}

function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - [...s].length));
}
