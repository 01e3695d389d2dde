// `seed-annotator stats <file|dir>...`: the dashboard's numbers for scripts — quotes per speaker, per month or
// week, per tag and coder, and which speakers are quoted in the same files.
import type { SpeakerKind } from '../../analysis/types';
import { corpusSpeakers } from '../../corpus/speakers';
import { corpusStats, type StatsFilter } from '../../corpus/stats';
import { UsageError } from '../args';
import { runCorpusCommand } from '../corpus';

const USAGE =
  'usage: seed-annotator stats <file|dir>... [--json] [--period month|week] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--kind person,organization,anonymous] [--tag name] [--top n]';
const HELP = `${USAGE}

  --json     {"files", "quotes", "undated", "period", "speakers": [{"id", "name", "kind", "quotes", "files"}],
              "periods": [{"period", "quotes", "speakers": {id: n}}], "tags": [{"tag", "count", "coders": {name: n}}],
              "cooccurrence": [{"a", "b", "files"}]}
  --from/--to  keep articles whose primary date is in the range (undated articles are then left out)
  --kind       keep quotes by speakers of these kinds   --tag  keep quotes a tag of this name overlaps
  --top n      co-occurrence among the n most quoted speakers only
Speakers are corpus speakers (see 'seed-annotator speakers'). Exit status: 0 ok, 1 some file could not be read, 2 bad usage.
`;

const KINDS: readonly SpeakerKind[] = ['person', 'organization', 'anonymous'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function run(args: string[]): Promise<number> {
  return runCorpusCommand(
    {
      name: 'stats',
      usage: USAGE,
      help: HELP,
      options: {
        period: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        kind: { type: 'string' },
        tag: { type: 'string' },
        top: { type: 'string' },
      },
      prepare: statsOptions,
      print(corpus, { filter, period, top }, json, write) {
        const stats = corpusStats(corpus.files, corpusSpeakers(corpus.files, corpus.decisions), filter, { period, top });
        if (json) {
          write(`${JSON.stringify(stats, null, 2)}\n`);
          return;
        }
        write(`${stats.files} files, ${stats.quotes} quotes (${stats.undated} undated)\n`);
        for (const s of stats.speakers.slice(0, 20)) write(`  ${String(s.quotes).padStart(5)}  ${s.name} [${s.kind}]\n`);
        for (const p of stats.periods) write(`  ${p.period}  ${p.quotes}\n`);
        for (const t of stats.tags) write(`  #${t.tag}  ${t.count}\n`);
      },
    },
    args,
  );
}

function statsOptions(values: Record<string, string | boolean | undefined>): {
  filter: StatsFilter;
  period: 'month' | 'week';
  top: number | undefined;
} {
  const text = (name: string) => (typeof values[name] === 'string' ? values[name] : undefined);
  const period = text('period') ?? 'month';
  if (period !== 'month' && period !== 'week') throw new UsageError(`--period expects month or week, got '${period}'`);
  const filter: StatsFilter = {};
  for (const bound of ['from', 'to'] as const) {
    const value = text(bound);
    if (value === undefined) continue;
    if (!DATE.test(value)) throw new UsageError(`--${bound} expects a date YYYY-MM-DD, got '${value}'`);
    filter[bound] = value;
  }
  const kinds = text('kind');
  if (kinds !== undefined) {
    const list = kinds
      .split(',')
      .map((k) => k.trim())
      .filter((k) => k !== '');
    const wrong = list.find((k) => !KINDS.includes(k as SpeakerKind));
    if (wrong !== undefined || list.length === 0)
      throw new UsageError(`--kind expects ${KINDS.join(', ')} (comma-separated), got '${kinds}'`);
    filter.kinds = list as SpeakerKind[];
  }
  const tag = text('tag');
  if (tag !== undefined) filter.tag = tag;
  const topText = text('top');
  let top: number | undefined;
  if (topText !== undefined) {
    top = Number(topText);
    if (!Number.isInteger(top) || top < 1) throw new UsageError(`--top expects a positive whole number, got '${topText}'`);
  }
  return { filter, period, top };
}
