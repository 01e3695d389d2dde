// `npm run bench`: times analyze() on the seeds and on a synthetic 1 MB article, and the CLI on seeds/, each beside
// a baseline measured in the same process (a plain regex scan of the same text; a bare `node` start-up), so numbers
// from different machines compare as ratios. It prints and never asserts: speed is watched, not gated.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../server/src/analysis';
import { buildCliBundle, CLI_BIN, ROOT } from './cliBundle';
import { syntheticArticle } from './bench/article';
import { benchAdversarial } from './bench/adversarial';
import { benchMemory } from './bench/memory';
import { benchDense } from './bench/dense';
import { benchEditor } from './bench/editor';
import { benchEditorBursts } from './bench/editorBursts';
import { formatSection, recordSection, type Section } from './bench/results';
import { benchCorpus } from './bench/corpus';

interface Timing {
  msPerOp: number;
  runs: number;
}

/** Repeats `fn` until `budgetMs` has passed and at least `minRuns` ran. The warm-up call lets the JIT settle on
 * small inputs; a large input warms the JIT within its own run, and a second pass of it would only cost time. */
function measure(fn: () => void, budgetMs = 1500, minRuns = 3, maxRuns = 2000, warmUp = true): Timing {
  if (warmUp) fn();
  let runs = 0;
  const start = performance.now();
  let elapsed = 0;
  while (runs < maxRuns && (runs < minRuns || elapsed < budgetMs)) {
    fn();
    runs++;
    elapsed = performance.now() - start;
  }
  return { msPerOp: elapsed / runs, runs };
}

/** The cheapest pass that still looks at every character the way the analysis must: marks, capitals, digits. */
function regexScan(text: string): number {
  let n = 0;
  for (const re of [/["“”«»]/g, /\p{Lu}\p{L}+/gu, /\d{1,4}[./-]\d{1,2}/g]) {
    for (const _ of text.matchAll(re)) n++;
  }
  return n;
}

function runCli(args: string[]): void {
  const result = spawnSync(process.execPath, [CLI_BIN, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`CLI ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
}

interface Row {
  name: string;
  bytes: number;
  ops: number;
  timing: Timing;
  baseline: Timing;
  baselineName: string;
}

function formatRows(rows: Row[]): string {
  const header = ['case', 'size', 'ms/op', 'throughput', 'runs', 'baseline', 'baseline ms/op', 'ratio'];
  const body = rows.map((r) => [
    r.name,
    r.bytes >= 1024 * 1024 ? `${(r.bytes / 1024 / 1024).toFixed(2)} MB` : `${(r.bytes / 1024).toFixed(1)} KB`,
    r.timing.msPerOp.toFixed(3),
    r.ops > 1
      ? `${((r.ops * 1000) / r.timing.msPerOp).toFixed(0)} files/s`
      : `${(r.bytes / 1024 / 1024 / (r.timing.msPerOp / 1000)).toFixed(2)} MB/s`,
    String(r.timing.runs),
    r.baselineName,
    r.baseline.msPerOp.toFixed(3),
    `${(r.timing.msPerOp / r.baseline.msPerOp).toFixed(1)}x`,
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((row) => row[c].length)));
  const line = (cells: string[]) =>
    cells.map((cell, c) => (c === 0 || c === 5 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** The seeds and a synthetic 1 MB article in process, and the CLI on both (printed, not recorded). */
async function overview(): Promise<void> {
  const seedFiles = ['seeds/000_2ebd0813046cf1ef.txt', 'seeds/004_751050ed58a9faf9.txt'];
  const seeds = seedFiles.map((f) => readFileSync(join(ROOT, f), 'utf8'));
  const rows: Row[] = [];

  seedFiles.forEach((file, i) => {
    const text = seeds[i];
    rows.push({
      name: `analyze ${file}`,
      bytes: Buffer.byteLength(text),
      ops: 1,
      timing: measure(() => analyze(text)),
      baseline: measure(() => regexScan(text)),
      baselineName: 'regex scan',
    });
  });

  const big = syntheticArticle(seeds, 1024 * 1024);
  let found = analyze(seeds[0]); // replaced by the synthetic article's result, kept to say what was found
  rows.push({
    name: 'analyze synthetic article',
    bytes: Buffer.byteLength(big),
    ops: 1,
    timing: measure(
      () => {
        found = analyze(big);
      },
      3000,
      2,
      20,
      false,
    ),
    baseline: measure(() => regexScan(big), 1000, 3),
    baselineName: 'regex scan',
  });

  await buildCliBundle();
  const nodeStart = measure(
    () => {
      spawnSync(process.execPath, ['-e', '0']);
    },
    2000,
    5,
    30,
  );
  const seedBytes = seeds.reduce((n, s) => n + Buffer.byteLength(s), 0);
  rows.push({
    name: 'CLI analyze seeds --json',
    bytes: seedBytes,
    ops: seedFiles.length,
    timing: measure(() => runCli(['analyze', 'seeds', '--json']), 3000, 5, 30),
    baseline: nodeStart,
    baselineName: 'node -e 0',
  });

  const dir = mkdtempSync(join(tmpdir(), 'seed-bench-'));
  try {
    const bigFile = join(dir, 'synthetic.txt');
    writeFileSync(bigFile, big);
    rows.push({
      name: 'CLI analyze synthetic --jsonl',
      bytes: Buffer.byteLength(big),
      ops: 1,
      timing: measure(() => runCli(['analyze', bigFile, '--jsonl']), 3000, 1, 10, false),
      baseline: nodeStart,
      baselineName: 'node -e 0',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  process.stdout.write(
    `${formatRows(rows)}\n\nsynthetic article: ${found.quotes.length} quotes, ` +
      `${found.speakers.length} speakers, ${found.datelines.length} datelines found\n` +
      `node ${process.version}, ${process.platform}/${process.arch}; ratio = time / baseline time in this process\n`,
  );
}

/**
 * Every section in turn; `SEED_BENCH_ONLY=editor,corpus` (any of overview, hostileInputs, memory, denseArticle,
 * editor, editorBursts, corpus) runs only those, and bench/results.json keeps the others' last figures.
 */
async function main(): Promise<void> {
  const only = process.env.SEED_BENCH_ONLY?.split(',').map((s) => s.trim());
  const wanted = (name: string) => !only || only.includes(name);
  if (wanted('overview')) await overview();
  const sections: [string, () => Section | Promise<Section>][] = [
    ['hostileInputs', benchAdversarial],
    ['memory', benchMemory],
    ['denseArticle', benchDense],
    ['editor', benchEditor],
    ['editorBursts', benchEditorBursts],
  ];
  for (const [key, run] of sections) {
    if (!wanted(key)) continue;
    const section = await run();
    process.stdout.write(`\n${formatSection(section)}\n`);
    recordSection(key, section);
  }
  if (wanted('corpus')) await benchCorpus();
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
