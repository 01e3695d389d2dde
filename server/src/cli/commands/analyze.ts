// `seed-annotator analyze <file|dir>...`: analyses seed files and prints JSON, JSON Lines or a readable summary.
import { analyze } from '../../analysis';
import { expandSeedPaths, readSeedFile } from '../../files/seedFile';
import { ANALYZE_USAGE, parseAnalyzeArgs, selectShard, UsageError } from '../args';
import { jsonArrayWriter, jsonLinesWriter, toFileResult, type ResultWriter } from '../output';
import { createProgress } from '../progress';
import { readSidecarTagsForOutput } from '../sidecarTags';
import { summaryWriter } from '../summary';

const HELP = `${ANALYZE_USAGE}

Finds datelines, speakers and quotes in each seed file (directories are searched for *.txt, sorted).
  --json        one JSON array, one object per file, in argument order
  --jsonl       one JSON object per line, printed as each file finishes
  --shard i/n   keep only the i-th of n slices of the file list (round-robin, 1-based)
  --max-size N  refuse files larger than N (default 10MB)
Offsets are Unicode code points into the raw file (BOM and CR included).
Exit status: 0 ok, 1 some file could not be read (the rest are still printed), 2 bad usage.
`;

export async function run(args: string[]): Promise<number> {
  let options;
  try {
    options = parseAnalyzeArgs(args);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`seed-annotator analyze: ${err.message}\n${ANALYZE_USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(HELP);
    return 0;
  }

  const stdout = (chunk: string) => { process.stdout.write(chunk); };
  const { files, errors } = expandSeedPaths(options.paths);
  // Argument-level errors (a missing path, an empty folder) are reported by every shard: they concern the whole run.
  for (const error of errors) process.stderr.write(`seed-annotator: ${error}\n`);
  let unreadable = errors.length;

  const writer: ResultWriter = options.output === 'json' ? jsonArrayWriter(stdout)
    : options.output === 'jsonl' ? jsonLinesWriter(stdout)
    : summaryWriter(stdout, () => unreadable);
  const mine = selectShard(files, options.shard);
  const progress = createProgress(mine.length);
  const fail = (message: string) => {
    progress.clear();
    process.stderr.write(`seed-annotator: ${message}\n`);
    unreadable++;
  };

  for (const file of mine) {
    progress.start(file);
    const read = readSeedFile(file, { maxBytes: options.maxBytes });
    if (!read.ok) {
      fail(read.error);
      continue;
    }
    const sidecar = readSidecarTagsForOutput(file);
    if (sidecar.problem) {
      progress.clear();
      process.stderr.write(`seed-annotator: warning: ${sidecar.problem}\n`);
    }
    let analysis;
    try {
      analysis = analyze(read.text, { attributions: sidecar.attributions });
    } catch (err) {
      // One article that trips the analyser must not cost the rest of a corpus run.
      fail(`${file}: internal error while analysing, please report it with this file: ${(err as Error).stack ?? err}`);
      continue;
    }
    writer.write(toFileResult(file, analysis, sidecar.tags), read.text);
  }
  progress.clear();
  writer.end();
  return unreadable > 0 ? 1 : 0;
}
