// Reliability of the confidence values: attributed quotes binned by confidence, with the share right in each bin,
// and the check the product promises (of quotes at or above TRUSTED, at least 95% right, at least 70% of all).
import { TRUSTED } from '../../server/src/analysis/confidence';
import type { JudgedAttribution } from './score';

export interface ReliabilityBin {
  /** Half-open [from, to), the last bin closed at 1. */
  from: number;
  to: number;
  count: number;
  correct: number;
  /** null for an empty bin. */
  accuracy: number | null;
}

export interface Reliability {
  bins: ReliabilityBin[];
  attributed: number;
  /** Quotes at or above TRUSTED: how many, how many right, and their share of all attributed quotes. */
  trusted: number;
  trustedCorrect: number;
  trustedAccuracy: number | null;
  trustedShare: number | null;
  /** An attributed quote with no confidence at all: the post-step did not run (should stay 0). */
  missing: number;
}

export const BIN_EDGES = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

export function reliabilityOf(judged: JudgedAttribution[]): Reliability {
  const scored = judged.filter((j): j is { confidence: number; correct: boolean } => j.confidence !== null);
  const bins = BIN_EDGES.slice(0, -1).map((from, i) => {
    const to = BIN_EDGES[i + 1];
    const last = i === BIN_EDGES.length - 2;
    const inBin = scored.filter((j) => j.confidence >= from && (j.confidence < to || (last && j.confidence <= to)));
    const correct = inBin.filter((j) => j.correct).length;
    return { from, to, count: inBin.length, correct, accuracy: inBin.length === 0 ? null : correct / inBin.length };
  });
  const trusted = scored.filter((j) => j.confidence >= TRUSTED);
  const trustedCorrect = trusted.filter((j) => j.correct).length;
  return {
    bins,
    attributed: judged.length,
    trusted: trusted.length,
    trustedCorrect,
    trustedAccuracy: trusted.length === 0 ? null : trustedCorrect / trusted.length,
    trustedShare: judged.length === 0 ? null : trusted.length / judged.length,
    missing: judged.length - scored.length,
  };
}

export function formatReliability(r: Reliability): string {
  const pct = (x: number | null) => (x === null ? 'n/a' : `${(100 * x).toFixed(1)}%`);
  const rows = r.bins.map((b) => {
    const label = `${b.from.toFixed(1)}–${b.to.toFixed(1)}`;
    return `  ${label.padEnd(8)} ${String(b.count).padStart(5)}  ${pct(b.accuracy).padStart(6)}`;
  });
  return (
    [
      '  bin       count  right',
      ...rows,
      `  confidence >= ${TRUSTED}: ${r.trusted} of ${r.attributed} attributed (${pct(r.trustedShare)}), ` +
        `${r.trustedCorrect} right (${pct(r.trustedAccuracy)})` +
        (r.missing > 0 ? `; ${r.missing} without confidence` : ''),
    ].join('\n') + '\n'
  );
}
