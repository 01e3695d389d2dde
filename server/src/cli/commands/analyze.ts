// `seed-annotator analyze <file|dir>...`: analyses seed files on worker threads and prints JSON, JSON Lines or a
// readable summary.
import { walkSeedPaths } from '../../files/seedFile';
import { availableParallelism } from 'node:os';
import { createJobRunner, defaultJobs, FILES_PER_THREAD } from '../../workers/pool';
import { ANALYZE_USAGE, parseAnalyzeArgs, shardOf, usageFailure } from '../args';
import { Lookahead, runCorpus } from '../corpusRun';
import { jsonArrayWriter, jsonLinesWriter, type ResultWriter } from '../output';
import { createProgress } from '../progress';
import { summaryWriter } from '../summary';
import type { Text } from '../../workers/transfer';

const HELP = `${ANALYZE_USAGE}

Finds datelines, speakers and quotes in each seed file (directories are searched for *.txt, sorted).
  --json        one JSON array, one object per file, in argument order
  --jsonl       one JSON object per line, printed as each file finishes (in order of completion)
  --shard i/n   keep only the i-th of n slices of the file list (round-robin, 1-based)
  --jobs N      analyze N files at once: this thread and N-1 worker threads (default: one per core, no
                threads for a few dozen files; 1: no threads)
  --max-size N  refuse files larger than N (default 10MB)
Offsets are Unicode code points into the raw file (BOM and CR included).
Exit status: 0 ok, 1 some file could not be read (the rest are still printed), 2 bad usage.
`;

export async function run(args: string[]): Promise<number> {
  let options;
  try {
    options = parseAnalyzeArgs(args);
  } catch (err) {
    return usageFailure('analyze', ANALYZE_USAGE, err);
  }
  if (options.help) {
    process.stdout.write(HELP);
    return 0;
  }

  let blocked: Promise<void> | null = null;
  let corked = false;
  const stdout = (chunk: Text) => {
    // The results delivered in one turn (a job's files) leave in one write: a system call per file cost more.
    if (!corked) {
      corked = true;
      process.stdout.cork();
      process.nextTick(() => {
        corked = false;
        process.stdout.uncork();
      });
    }
    // A full pipe makes the run wait (see runCorpus) rather than buffer a corpus in memory.
    if (!process.stdout.write(chunk) && !blocked) {
      blocked = new Promise((resolve) =>
        process.stdout.once('drain', () => {
          blocked = null;
          resolve();
        }),
      );
    }
  };
  let unreadable = 0;
  /** Erases the progress line before a message: nothing to erase until the run starts. */
  let clearProgress = () => {};
  let taken = 0;
  let walked = false;
  // The files are found as the run takes them: a large corpus is never listed whole in memory.
  const walk = walkSeedPaths(options.paths, (error) => {
    // Argument-level errors (a missing path, an empty folder) are reported by every shard: they concern the whole run.
    clearProgress();
    process.stderr.write(`seed-annotator: ${error}\n`);
    unreadable++;
  });
  const mine = new Lookahead(
    (function* () {
      for (const file of shardOf(walk, options.shard)) {
        taken++;
        yield file;
      }
      walked = true;
    })(),
  );

  const writer: ResultWriter =
    options.output === 'json'
      ? jsonArrayWriter(stdout)
      : options.output === 'jsonl'
        ? jsonLinesWriter(stdout)
        : summaryWriter(stdout, () => unreadable);
  // Enough files looked at to tell whether threads pay for themselves, and how many.
  const known = mine.count(FILES_PER_THREAD * availableParallelism() + 1);
  const progress = createProgress({ atLeast: known, show: () => (walked ? `${taken}` : `${taken}+`) });
  clearProgress = () => progress.clear();
  const runner = createJobRunner({
    size: Math.min(options.jobs ?? defaultJobs(known), Math.max(1, known)),
    shareThisThread: true,
  });
  try {
    await runCorpus(runner, {
      files: mine,
      output: options.output,
      maxBytes: options.maxBytes,
      ordered: options.output !== 'jsonl',
      writable: () => blocked ?? Promise.resolve(),
      deliver(file, outcome) {
        progress.start(file);
        for (const warning of outcome.warnings) {
          progress.clear();
          process.stderr.write(`seed-annotator: warning: ${warning}\n`);
        }
        if (outcome.ok) {
          writer.write(outcome.formatted);
        } else {
          progress.clear();
          process.stderr.write(`seed-annotator: ${outcome.error}\n`);
          unreadable++;
        }
      },
    });
  } finally {
    await runner.close();
  }
  progress.clear();
  writer.end();
  return unreadable > 0 ? 1 : 0;
}
