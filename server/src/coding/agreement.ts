// Inter-coder agreement over tagged text: Krippendorff's alpha (nominal, binary per tag), Cohen's kappa (two
// coders), percent agreement, how many units each coder marked, and the passages where coders differ.
// Units are the code points of each file's text. A coder "coded" a file when they left at least one tag in it; a
// unit counts only where two or more of the chosen coders coded its file (a file only one person looked at says
// nothing about agreement). Pure: no file system, no editor types.

export interface CodedSpan {
  coder: string;
  tag: string;
  /** Code points, [start, end). */
  start: number;
  end: number;
}

export interface CodedFile {
  file: string;
  /** The file's length in code points (the number of units it contributes). */
  length: number;
  spans: readonly CodedSpan[];
}

export interface AgreementOptions {
  /** Only these coders (in this order); default every coder found, sorted. */
  coders?: readonly string[];
}

/** The figures for one tag, or pooled over every (unit, tag) pair for `overall`. */
export interface AgreementFigures {
  /** Krippendorff's alpha, nominal; null when there is no variation (or nothing pairable) to judge by. */
  alpha: number | null;
  /** Cohen's kappa; null unless exactly two coders are compared, or when chance agreement is total. */
  kappa: number | null;
  /** Share of pairable units on which every coder who coded them agrees; null when none are pairable. */
  agreement: number | null;
  units: {
    /** Pairable units (code points coded by at least two of the coders). */
    total: number;
    /** Units each coder marked with the tag, among the pairable ones. */
    coded: Record<string, number>;
  };
}

export interface TagAgreement extends AgreementFigures {
  tag: string;
}

/** A run of code points where the coders who coded the file do not all agree on a tag. */
export interface Disagreement {
  file: string;
  tag: string;
  start: number;
  end: number;
  /** The coders who marked this run with the tag; the others who coded the file did not. */
  markedBy: string[];
  /** The coders who coded the file but did not mark this run. */
  notMarkedBy: string[];
}

export interface AgreementReport {
  coders: string[];
  tags: TagAgreement[];
  overall: AgreementFigures;
  disagreements: Disagreement[];
}

/**
 * Sufficient statistics for the three figures: a weighted binary coincidence matrix (alpha), a 2×2 table of the
 * first two coders' values (kappa), agreeing and pairable unit counts, and ones per coder.
 */
class Tally {
  /** Coincidences (Krippendorff): o00, o01 (= o10), o11. */
  o00 = 0;
  o01 = 0;
  o11 = 0;
  /** table[a][b]: units the first coder valued a and the second b (only where both coded the file). */
  table = [
    [0, 0],
    [0, 0],
  ];
  agreeing = 0;
  pairable = 0;
  coded = new Map<string, number>();

  constructor(coders: readonly string[]) {
    for (const c of coders) this.coded.set(c, 0);
  }

  /** `weight` units on which each present coder gave `values[i]` (1 = marked). */
  add(values: readonly number[], present: readonly string[], weight: number, pairOf: [number, number] | null): void {
    const m = values.length;
    const ones = values.reduce((s, v) => s + v, 0);
    const zeros = m - ones;
    // Each unit contributes m(m-1) ordered pairs of values, weighted 1/(m-1).
    this.o11 += (weight * ones * (ones - 1)) / (m - 1);
    this.o00 += (weight * zeros * (zeros - 1)) / (m - 1);
    this.o01 += (weight * ones * zeros) / (m - 1);
    this.pairable += weight;
    if (ones === 0 || zeros === 0) this.agreeing += weight;
    values.forEach((v, i) => {
      if (v === 1) this.coded.set(present[i], (this.coded.get(present[i]) ?? 0) + weight);
    });
    if (pairOf) this.table[values[pairOf[0]]][values[pairOf[1]]] += weight;
  }

  merge(other: Tally): void {
    this.o00 += other.o00;
    this.o01 += other.o01;
    this.o11 += other.o11;
    for (const a of [0, 1]) for (const b of [0, 1]) this.table[a][b] += other.table[a][b];
    this.agreeing += other.agreeing;
    this.pairable += other.pairable;
    for (const [c, n] of other.coded) this.coded.set(c, (this.coded.get(c) ?? 0) + n);
  }

  figures(twoCoders: boolean): AgreementFigures {
    return {
      alpha: binaryAlpha(this.o00, this.o01, this.o11),
      kappa: twoCoders ? cohensKappa(this.table) : null,
      agreement: this.pairable > 0 ? this.agreeing / this.pairable : null,
      units: { total: this.pairable, coded: Object.fromEntries(this.coded) },
    };
  }
}

/**
 * Krippendorff's alpha for binary nominal data from its coincidence matrix: 1 - (n-1)·o01 / (n0·n1), where o01
 * counts each disagreeing pair once per order. Null when one value never occurs (no variation to judge by).
 */
export function binaryAlpha(o00: number, o01: number, o11: number): number | null {
  const n0 = o00 + o01;
  const n1 = o11 + o01;
  const n = n0 + n1;
  if (n0 === 0 || n1 === 0) return null;
  return 1 - ((n - 1) * o01) / (n0 * n1);
}

/** Cohen's kappa from a 2×2 table [[both 0, a0 b1], [a1 b0, both 1]]; null when chance agreement is total. */
export function cohensKappa(table: readonly (readonly number[])[]): number | null {
  const total = table[0][0] + table[0][1] + table[1][0] + table[1][1];
  if (total === 0) return null;
  const observed = (table[0][0] + table[1][1]) / total;
  const firstOnes = (table[1][0] + table[1][1]) / total;
  const secondOnes = (table[0][1] + table[1][1]) / total;
  const expected = firstOnes * secondOnes + (1 - firstOnes) * (1 - secondOnes);
  if (expected === 1) return null;
  return (observed - expected) / (1 - expected);
}

/** Krippendorff's alpha (nominal) for a coders × units matrix of 0/1 values, null marking a missing value. */
export function alphaOfMatrix(rows: readonly (readonly (0 | 1 | null)[])[]): number | null {
  const tally = new Tally([]);
  const units = Math.max(0, ...rows.map((r) => r.length));
  for (let u = 0; u < units; u++) {
    const values = rows.map((r) => r[u]).filter((v): v is 0 | 1 => v === 0 || v === 1);
    if (values.length >= 2)
      tally.add(
        values,
        values.map((_, i) => `#${i}`),
        1,
        null,
      );
  }
  return binaryAlpha(tally.o00, tally.o01, tally.o11);
}

export function computeAgreement(files: readonly CodedFile[], options: AgreementOptions = {}): AgreementReport {
  const coders = options.coders ? [...options.coders] : [...new Set(files.flatMap((f) => f.spans.map((s) => s.coder)))].sort();
  const chosen = new Set(coders);
  const twoCoders = coders.length === 2;
  const tagNames = [...new Set(files.flatMap((f) => f.spans.filter((s) => chosen.has(s.coder)).map((s) => s.tag)))].sort();
  const perTag = new Map(tagNames.map((t) => [t, new Tally(coders)]));
  const disagreements: Disagreement[] = [];

  for (const file of files) {
    const spans = file.spans.filter((s) => chosen.has(s.coder) && s.start < s.end);
    const present = coders.filter((c) => spans.some((s) => s.coder === c));
    if (present.length < 2) continue;
    const pairOf: [number, number] | null = twoCoders ? [0, 1] : null;
    for (const tag of tagNames) {
      const tally = perTag.get(tag)!;
      for (const run of runsOf(
        spans.filter((s) => s.tag === tag),
        present,
        file.length,
      )) {
        tally.add(run.values, present, run.end - run.start, pairOf);
        const markedBy = present.filter((_, i) => run.values[i] === 1);
        if (markedBy.length > 0 && markedBy.length < present.length) {
          const notMarkedBy = present.filter((_, i) => run.values[i] === 0);
          const last = disagreements[disagreements.length - 1];
          // Neighbouring runs with the same split are one passage.
          if (last && last.file === file.file && last.tag === tag && last.end === run.start && sameList(last.markedBy, markedBy)) {
            last.end = run.end;
          } else {
            disagreements.push({ file: file.file, tag, start: run.start, end: run.end, markedBy, notMarkedBy });
          }
        }
      }
    }
  }

  const overall = new Tally(coders);
  for (const tally of perTag.values()) overall.merge(tally);
  return {
    coders,
    tags: tagNames.map((tag) => ({ tag, ...perTag.get(tag)!.figures(twoCoders) })),
    overall: overall.figures(twoCoders),
    disagreements,
  };
}

interface Run {
  start: number;
  end: number;
  /** 1 where present[i] covers the run with the tag. */
  values: number[];
}

/** Splits [0, length) at every span edge; each run has one value per coder (covered or not). */
function runsOf(spans: readonly CodedSpan[], present: readonly string[], length: number): Run[] {
  const edges = new Set<number>([0, length]);
  for (const s of spans) {
    edges.add(Math.max(0, Math.min(length, s.start)));
    edges.add(Math.max(0, Math.min(length, s.end)));
  }
  const points = [...edges].sort((a, b) => a - b);
  // Sweep: depth[i] = how many of present[i]'s spans cover the current run.
  const opens = new Map<number, number[]>();
  const closes = new Map<number, number[]>();
  for (const s of spans) {
    const i = present.indexOf(s.coder);
    const start = Math.max(0, Math.min(length, s.start));
    const end = Math.max(0, Math.min(length, s.end));
    if (i < 0 || start >= end) continue;
    (opens.get(start) ?? opens.set(start, []).get(start)!).push(i);
    (closes.get(end) ?? closes.set(end, []).get(end)!).push(i);
  }
  const depth = present.map(() => 0);
  const runs: Run[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const at = points[k];
    for (const i of closes.get(at) ?? []) depth[i]--;
    for (const i of opens.get(at) ?? []) depth[i]++;
    runs.push({ start: at, end: points[k + 1], values: depth.map((d) => (d > 0 ? 1 : 0)) });
  }
  return runs;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
