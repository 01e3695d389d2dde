// `seed-annotator provenance <file|dir>...`: quotes that appear in more than one file, oldest occurrence first.
import { quoteProvenance } from '../../corpus/provenance';
import { corpusSpeakers } from '../../corpus/speakers';
import { UsageError } from '../args';
import { loadCorpus, parseCorpusArgs } from '../corpus';

const USAGE = 'usage: seed-annotator provenance <file|dir>... [--json] [--max-size 10MB]';
const HELP = `${USAGE}

The same utterance across files: after case, accents, punctuation and quote marks are ignored, two quotes are one
when they share a run of 8 consecutive words, or one of at least 5 words stands whole inside the other (transitive).
  --json   [{"text", "occurrences": [{"file", "start", "end", "speaker", "date"}]}], oldest primary date first
           (undated last, then by file name); start/end are code points.
Exit status: 0 ok, 1 some file could not be read, 2 bad usage.
`;

export async function run(args: string[]): Promise<number> {
  let options;
  try {
    options = parseCorpusArgs(args);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`seed-annotator provenance: ${err.message}\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const corpus = loadCorpus(options.paths, options.maxBytes, (line) => process.stderr.write(`${line}\n`));
  const { groups } = quoteProvenance(corpus.files, corpusSpeakers(corpus.files, corpus.decisions));
  if (options.json) process.stdout.write(`${JSON.stringify(groups, null, 2)}\n`);
  else {
    for (const group of groups) {
      process.stdout.write(`${group.text}\n`);
      for (const o of group.occurrences) process.stdout.write(`  ${o.date ?? 'undated'}  ${o.file}  ${o.speaker ?? '(no speaker)'}\n`);
    }
  }
  return corpus.problems > 0 ? 1 : 0;
}
