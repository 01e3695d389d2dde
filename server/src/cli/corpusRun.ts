// Feeds files through a job runner and hands each outcome back in order of completion, or in the files' order, a
// few files to a job on a large run. Memory stays bounded whatever the corpus size: the files are taken from their
// source as jobs start (a directory walk need not list a whole corpus first), at most two jobs per worker are in
// flight, an ordered run holds back at most `window` finished results behind a slow file, and nothing new starts
// while the output is blocked (a slow reader of stdout slows the run down instead of filling memory).
import type { FileOutcome } from './analyzeFile';
import type { JobRunner } from '../workers/pool';
import type { OutputMode } from './output';

export interface CorpusRunOptions {
  /** The files, in order: a list, or a walk that finds them as they are taken (see `Lookahead`). */
  files: Lookahead | Iterable<string>;
  output: OutputMode;
  maxBytes: number;
  /** Deliver in the order of `files` (else as they finish). */
  ordered: boolean;
  /** Called with each file's outcome, once per file. */
  deliver(file: string, outcome: FileOutcome): void;
  /** Resolves when the output can take more (stdout drained). */
  writable(): Promise<void>;
}

/** Files per job at most: a message each way per file cost the workers more than the main thread saved. */
const MAX_FILES_PER_JOB = 8;

/** Batches only when every worker still gets many jobs, so none idles while another finishes a long batch. */
export function filesPerJob(files: number, workers: number): number {
  return Math.max(1, Math.min(MAX_FILES_PER_JOB, Math.floor(files / (workers * 16))));
}

/**
 * Files taken one at a time from a source, with a few read ahead on demand: enough to tell a small run (whose size
 * sets the threads and the batches) from a large one without listing all of it.
 */
export class Lookahead {
  private readonly ahead: string[] = [];
  private readonly source: Iterator<string>;
  private ended = false;

  constructor(files: Iterable<string>) {
    this.source = files[Symbol.iterator]();
  }

  /** How many files there are, counting no further than `limit` (at least that many: the run is large). */
  count(limit: number): number {
    while (this.ahead.length < limit && !this.ended) {
      const next = this.source.next();
      if (next.done) this.ended = true;
      else this.ahead.push(next.value);
    }
    return this.ahead.length;
  }

  /** Up to `n` next files. */
  take(n: number): string[] {
    this.count(n);
    return this.ahead.splice(0, n);
  }
}

export async function runCorpus(runner: JobRunner, options: CorpusRunOptions): Promise<void> {
  const files = options.files instanceof Lookahead ? options.files : new Lookahead(options.files);
  // A run of more files than this gets the largest batches.
  const large = runner.size * 16 * MAX_FILES_PER_JOB;
  const perJob = filesPerJob(files.count(large), runner.size);
  const maxInFlight = runner.size * 2;
  const window = Math.max(maxInFlight * perJob, runner.size * 16);
  const finished = new Map<number, [string, FileOutcome]>();
  const inFlight = new Set<Promise<void>>();
  let nextToDeliver = 0;

  const settle = (index: number, file: string, outcome: FileOutcome) => {
    if (!options.ordered) {
      options.deliver(file, outcome);
      return;
    }
    finished.set(index, [file, outcome]);
    for (let ready = finished.get(nextToDeliver); ready; ready = finished.get(nextToDeliver)) {
      finished.delete(nextToDeliver);
      options.deliver(...ready);
      nextToDeliver++;
    }
  };

  for (let first = 0; ; first += perJob) {
    while (inFlight.size >= maxInFlight || (options.ordered && first - nextToDeliver >= window)) await Promise.race(inFlight);
    await options.writable();
    const batch = files.take(perJob);
    if (batch.length === 0) break;
    const job = runner
      .run('analyze', { files: batch, maxBytes: options.maxBytes, output: options.output })
      .catch((error: Error): FileOutcome[] =>
        batch.map((file) => ({
          ok: false,
          // A worker that died (out of memory, a crash in native code) fails only the files it held.
          error: `${file}: internal error while analyzing, please report it with this file: ${error.message}`,
          warnings: [],
        })),
      )
      .then((outcomes) => outcomes.forEach((outcome, k) => settle(first + k, batch[k], outcome)))
      .finally(() => inFlight.delete(job));
    inFlight.add(job);
  }
  await Promise.all(inFlight);
}
