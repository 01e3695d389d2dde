// `seed-annotator speakers <file|dir>...`: the speakers of a whole corpus, the same person across files as one.
import { corpusSpeakers } from '../../corpus/speakers';
import { runCorpusCommand } from '../corpus';

const USAGE = 'usage: seed-annotator speakers <file|dir>... [--json] [--max-size 10MB]';
const HELP = `${USAGE}

One speaker per person or organization of the whole corpus, most quoted first. Names are compared without case
or accents ("Mevlüt Çavuşoğlu" = "Mevlut Cavusoglu"); a surname-only speaker joins the one full name it belongs
to; the analyst's merges and splits in .seed-annotator/speakers.json (found in the first path's folder or above)
are applied.
  --json   [{"id", "name", "kind", "roles", "aliases", "files", "quotes", "occurrences": [{"file", "speakerId"}]}]
Exit status: 0 ok, 1 some file (or the speakers file) could not be read, 2 bad usage.
`;

export async function run(args: string[]): Promise<number> {
  return runCorpusCommand(
    {
      name: 'speakers',
      usage: USAGE,
      help: HELP,
      prepare: () => undefined,
      print(corpus, _prepared, json, write) {
        const { list } = corpusSpeakers(corpus.files, corpus.decisions);
        if (json) {
          write(`${JSON.stringify(list, null, 2)}\n`);
          return;
        }
        for (const s of list) {
          const also = s.aliases.length > 0 ? `  (also ${s.aliases.join(', ')})` : '';
          write(`${s.name} [${s.kind}] ${s.quotes} quotes in ${s.files} files${also}\n`);
        }
      },
    },
    args,
  );
}
