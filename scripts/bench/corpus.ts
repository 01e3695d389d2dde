// `npm run bench`, corpus section: the workspace index over LSP (10,000 files, cold and warm), `analyze --jsonl` on
// 5,000 files, 840 news-sized articles against a compromise-based extractor, and the peak memory of a 100,000-file
// `--jsonl` run, each beside a baseline measured in the same run. The corpora are generated (syntheticCorpus.ts).
// Prints a table and records its figures in bench/results.json under "corpus" (scripts/bench/results.ts). SEED_BENCH_SCALE=0.1 runs it on
// a tenth of the files, for a quick look; SEED_BENCH_CORPUS_ONLY=index,cli,news,memory runs only those parts
// (figures of the parts not run are kept from the last run in bench/results.json).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { indexFiles } from '../../server/src/workspace/indexJob';
import { contentHash } from '../../server/src/workspace/indexedFile';
import { buildCliBundle, CLI_BIN, ROOT } from '../cliBundle';
import { SERVER_JS, timeWorkspaceIndex, type IndexRun } from './lspIndex';
import { formatSection, recordSection, type Figure } from './results';
import { writeSyntheticCorpus } from './syntheticCorpus';

interface CliRun {
  ms: number;
  cpuMs: number;
  maxRssMb: number;
  lines: number;
}

const USAGE_HOOK = join(__dirname, 'reportUsage.cjs');

/** Runs the built CLI with its output read (and dropped) through a pipe, as a consumer would; usage from the hook. */
function runCli(args: string[]): Promise<CliRun> {
  const usageFile = join(tmpdir(), `seed-bench-usage-${process.pid}-${Date.now()}.json`);
  const started = performance.now();
  const child = spawn(process.execPath, ['--require', USAGE_HOOK, CLI_BIN, ...args], {
    cwd: ROOT, env: { ...process.env, SEED_BENCH_USAGE: usageFile }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let lines = 0;
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { for (const byte of chunk) if (byte === 10) lines++; });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      const ms = performance.now() - started;
      if (code !== 0) return reject(new Error(`CLI ${args.join(' ')} exited ${code}: ${stderr}`));
      const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRssKb: number; cpuMs: number };
      rmSync(usageFile, { force: true });
      resolve({ ms, cpuMs: usage.cpuMs, maxRssMb: usage.maxRssKb / 1024, lines });
    });
  });
}

function timed(fn: () => void): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

const loopDelay = (run: IndexRun) => Number(/longest event-loop delay ([\d.]+) ms/.exec(run.log ?? '')?.[1] ?? NaN);

/** The extractor the issue compares against: compromise's people, organizations and quotations of each article. */
function compromiseExtract(texts: string[]): number {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nlp = require('compromise') as (text: string) => {
    people(): { out(f: 'array'): string[] };
    organizations(): { out(f: 'array'): string[] };
    quotations(): { out(f: 'array'): string[] };
  };
  let found = 0;
  for (const text of texts) {
    const doc = nlp(text);
    found += doc.people().out('array').length + doc.organizations().out('array').length + doc.quotations().out('array').length;
  }
  return found;
}

type Count = (n: number) => number;
const log = (line: string) => process.stderr.write(`bench corpus: ${line}\n`);

/** The workspace index over LSP, cold (empty storage folder) and warm (the same folder again). */
async function benchIndex(work: string, count: Count): Promise<Figure[]> {
  const workspace = writeSyntheticCorpus(join(work, 'workspace'), { files: count(10_000), meanBytes: 2000 });
  log(`workspace of ${workspace.files.length} files (${(workspace.bytes / 1e6).toFixed(1)} MB)`);
  const oneCore = timed(() => indexFiles({ files: workspace.files, maxFileSizeKb: 1024, hashOnly: false }));
  const readAndHash = timed(() => { for (const file of workspace.files) contentHash(readFileSync(file, 'utf8')); });
  const options = { root: join(work, 'workspace'), serverJs: SERVER_JS, initializationOptions: { storagePath: join(work, 'storage') } };
  const cold = await timeWorkspaceIndex(options);
  const warm = await timeWorkspaceIndex(options);
  log(`index cold ${cold.ms.toFixed(0)} ms (${cold.log}), warm ${warm.ms.toFixed(0)} ms (${warm.log}); one core in-process ${oneCore.toFixed(0)} ms`);
  const stall = (run: IndexRun, which: string): Figure => ({
    name: `longest event-loop delay while indexing (${which})`, value: loopDelay(run), unit: 'ms',
    baselineName: 'the same in the idle bench client meanwhile', baseline: run.clientLoopDelayMs,
    goal: '<= 50 ms', met: loopDelay(run) <= 50,
    note: `slowest probe round trip ${run.maxRoundTripMs.toFixed(0)} ms over ${run.roundTrips}; a workspace/symbol ` +
      `search over the full index afterwards ${run.symbolSearchMs.toFixed(0)} ms`,
  });
  return [
    { name: `LSP index, ${workspace.files.length} files, cold`, value: cold.ms, unit: 'ms',
      baselineName: 'same files analyzed on one core in-process', baseline: oneCore, goal: '< 5000 ms', met: cold.ms < 5000 },
    { name: `LSP index, ${workspace.files.length} files, warm`, value: warm.ms, unit: 'ms',
      baselineName: 'same files read and hashed in-process', baseline: readAndHash, goal: '< 1000 ms', met: warm.ms < 1000 },
    stall(cold, 'cold'),
    stall(warm, 'warm'),
  ];
}

/** analyze --jsonl on 5,000 files: one job (the single-core run it was) against the default, one per core. */
async function benchCli(work: string, count: Count): Promise<Figure[]> {
  const folder = writeSyntheticCorpus(join(work, 'cli'), { files: count(5000), meanBytes: 2000 });
  const single = await runCli(['analyze', folder.dir, '--jsonl', '--jobs', '1']);
  const parallel = await runCli(['analyze', folder.dir, '--jsonl']);
  log(`cli ${folder.files.length} files: --jobs 1 ${single.ms.toFixed(0)} ms, default ${parallel.ms.toFixed(0)} ms`);
  return [{ name: `analyze --jsonl, ${folder.files.length} files, --jobs ${availableParallelism()} (default)`,
    value: parallel.ms, unit: 'ms', baselineName: '--jobs 1', baseline: single.ms, goal: '< 3000 ms', met: parallel.ms < 3000,
    note: `CPU ${(parallel.cpuMs / 1000).toFixed(1)} s vs ${(single.cpuMs / 1000).toFixed(1)} s with --jobs 1` }];
}

/** 840 news-sized articles (5.5 MB) against compromise, timed on a sample and extrapolated by bytes. */
async function benchNews(work: string, count: Count): Promise<Figure[]> {
  const news = writeSyntheticCorpus(join(work, 'news'), { files: count(840), meanBytes: 6500 });
  const run = await runCli(['analyze', news.dir, '--jsonl']);
  const sample = news.files.slice(0, Math.min(20, news.files.length)).map((f) => readFileSync(f, 'utf8'));
  const sampleBytes = sample.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const sampleMs = timed(() => compromiseExtract(sample));
  const compromiseMs = (sampleMs * news.bytes) / sampleBytes;
  log(`news ${news.files.length} files ${(news.bytes / 1e6).toFixed(2)} MB: CLI ${run.ms.toFixed(0)} ms; compromise ` +
    `${sampleMs.toFixed(0)} ms on ${sample.length} files -> ${compromiseMs.toFixed(0)} ms extrapolated`);
  return [{ name: `${news.files.length} articles (${(news.bytes / 1e6).toFixed(1)} MB), CLI --jsonl`, value: run.ms, unit: 'ms',
    baselineName: `compromise extractor (${sample.length}-file sample, extrapolated by bytes)`, baseline: compromiseMs,
    goal: '>= 100x faster', met: compromiseMs / run.ms >= 100,
    note: `CPU ${(run.cpuMs / 1000).toFixed(1)} s; compromise ${(compromiseMs / run.ms).toFixed(0)}x slower` }];
}

/**
 * Peak memory of --jsonl: a 100,000-file corpus against a 10,000-file one of the same articles (below that the
 * worker heaps are still growing to their working size).
 */
async function benchMemory(work: string, count: Count): Promise<Figure[]> {
  const small = writeSyntheticCorpus(join(work, 'small'), { files: count(10_000), meanBytes: 600 });
  const large = writeSyntheticCorpus(join(work, 'large'), { files: count(100_000), meanBytes: 600 });
  const smallRun = await runCli(['analyze', small.dir, '--jsonl']);
  const largeRun = await runCli(['analyze', large.dir, '--jsonl']);
  log(`memory: ${small.files.length} files ${smallRun.maxRssMb.toFixed(0)} MB, ${large.files.length} files ${largeRun.maxRssMb.toFixed(0)} MB`);
  return [{ name: `analyze --jsonl peak memory, ${largeRun.lines} files`, value: largeRun.maxRssMb, unit: 'MB',
    baselineName: `the same on ${smallRun.lines} files`, baseline: smallRun.maxRssMb,
    goal: 'flat: < 1.5x the 10x smaller run', met: largeRun.maxRssMb < 1.5 * smallRun.maxRssMb,
    note: `${(largeRun.ms / 1000).toFixed(1)} s` }];
}

export async function benchCorpus(): Promise<Figure[]> {
  const scale = Number(process.env.SEED_BENCH_SCALE ?? '1');
  const count: Count = (n) => Math.max(10, Math.round(n * scale));
  const only = process.env.SEED_BENCH_CORPUS_ONLY?.split(',');
  const parts = { index: benchIndex, cli: benchCli, news: benchNews, memory: benchMemory };
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'ignore' });
  await buildCliBundle();
  const figures: Figure[] = [];
  const work = mkdtempSync(join(tmpdir(), 'seed-bench-corpus-'));
  try {
    for (const [name, part] of Object.entries(parts)) {
      if (!only || only.includes(name)) figures.push(...await part(work, count));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const section = {
    title: 'corpus: workspace index over LSP, analyze --jsonl, peak memory',
    figures,
    notes: [`node ${process.version}, ${availableParallelism()} cores; ratio = figure / baseline measured in this run`],
  };
  process.stdout.write(`\n${formatSection(section)}\n`);
  // A run of some parts keeps the other parts' figures from earlier runs (each says when it was measured).
  recordSection('corpus', section, { keepEarlier: true });
  return figures;
}

if (require.main === module) {
  benchCorpus().catch((err: unknown) => {
    process.stderr.write(`bench corpus: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  });
}
