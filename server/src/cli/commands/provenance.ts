// `seed-annotator provenance <file|dir>...`: quotes that appear in more than one file, oldest occurrence first.
import { quoteProvenance } from '../../corpus/provenance';
import { corpusSpeakers } from '../../corpus/speakers';
import { runCorpusCommand } from '../corpus';

const USAGE = 'usage: seed-annotator provenance <file|dir>... [--json] [--max-size 10MB]';
const HELP = `${USAGE}

The same utterance across files: after case, accents, punctuation and quote marks are ignored, two quotes are one
when they share a run of 8 consecutive words, or one of at least 5 words stands whole inside the other (transitive).
  --json   [{"text", "occurrences": [{"file", "start", "end", "speaker", "date"}]}], oldest primary date first
           (undated last, then by file name); start/end are code points.
Exit status: 0 ok, 1 some file could not be read, 2 bad usage.
`;

export async function run(args: string[]): Promise<number> {
  return runCorpusCommand(
    {
      name: 'provenance',
      usage: USAGE,
      help: HELP,
      prepare: () => undefined,
      print(corpus, _prepared, json, write) {
        const { groups } = quoteProvenance(corpus.files, corpusSpeakers(corpus.files, corpus.decisions));
        if (json) {
          write(`${JSON.stringify(groups, null, 2)}\n`);
          return;
        }
        for (const group of groups) {
          write(`${group.text}\n`);
          for (const o of group.occurrences) write(`  ${o.date ?? 'undated'}  ${o.file}  ${o.speaker ?? '(no speaker)'}\n`);
        }
      },
    },
    args,
  );
}
