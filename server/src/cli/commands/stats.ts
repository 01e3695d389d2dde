// `seed-annotator stats <file|dir>...`: the dashboard's numbers for scripts — quotes per speaker, per month or
// week, per tag and coder, and which speakers are quoted in the same files.
import type { SpeakerKind } from '../../analysis/types';
import { corpusSpeakers } from '../../corpus/speakers';
import { corpusStats, type StatsFilter } from '../../corpus/stats';
import { UsageError } from '../args';
import { loadCorpus, parseCorpusArgs } from '../corpus';

const USAGE = 'usage: seed-annotator stats <file|dir>... [--json] [--period month|week] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--kind person,organization,anonymous] [--tag name] [--top n]';
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
  let options;
  let filter: StatsFilter;
  let period: 'month' | 'week';
  let top: number | undefined;
  try {
    options = parseCorpusArgs(args, {
      period: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, kind: { type: 'string' }, tag: { type: 'string' }, top: { type: 'string' },
    });
    ({ filter, period, top } = statsOptions(options.values));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`seed-annotator stats: ${err.message}\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const corpus = loadCorpus(options.paths, options.maxBytes, (line) => process.stderr.write(`${line}\n`));
  const stats = corpusStats(corpus.files, corpusSpeakers(corpus.files, corpus.decisions), filter, { period, top });
  if (options.json) process.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
  else {
    process.stdout.write(`${stats.files} files, ${stats.quotes} quotes (${stats.undated} undated)\n`);
    for (const s of stats.speakers.slice(0, 20)) process.stdout.write(`  ${String(s.quotes).padStart(5)}  ${s.name} [${s.kind}]\n`);
    for (const p of stats.periods) process.stdout.write(`  ${p.period}  ${p.quotes}\n`);
    for (const t of stats.tags) process.stdout.write(`  #${t.tag}  ${t.count}\n`);
  }
  return corpus.problems > 0 ? 1 : 0;
}

function statsOptions(values: Record<string, string | boolean | undefined>): { filter: StatsFilter; period: 'month' | 'week'; top: number | undefined } {
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
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
    const list = kinds.split(',').map((k) => k.trim()).filter((k) => k !== '');
    const wrong = list.find((k) => !KINDS.includes(k as SpeakerKind));
    if (wrong !== undefined || list.length === 0) throw new UsageError(`--kind expects ${KINDS.join(', ')} (comma-separated), got '${kinds}'`);
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
