// Corpus statistics for scripts and the dashboard: quotes per speaker, per period, per tag (and coder), and which
// speakers are quoted in the same articles — with filters by date, speaker kind and tag, and the quotes behind any
// one number.
import type {
  CorpusStats,
  LspRange,
  PairCount,
  PeriodCount,
  QuoteSelection,
  SpeakerCount,
  StatsFilter,
  StatsPeriod,
  TagCount,
} from '../../../shared/protocol';
import type { CorpusFile, CorpusFileQuote } from './corpusFile';
import { byDateThenFile } from './provenance';
import { pacer, runToEnd, sortSliced, type Sliced } from './slices';
import type { CorpusSpeaker, CorpusSpeakers } from './speakers';

export type Period = StatsPeriod;
export type { CorpusStats, PairCount, PeriodCount, QuoteSelection, SpeakerCount, StatsFilter, TagCount };

export interface StatsOptions {
  period?: Period;
  /** Co-occurrence among this many most quoted speakers (all when absent). */
  top?: number;
}

export interface SelectedQuote {
  file: string;
  start: number;
  end: number;
  text: string;
  speaker: string | null;
  speakerId: string | null;
  date: string | null;
  range?: LspRange;
}

const NO_CODER = '(no coder)';

interface KeptQuote {
  file: CorpusFile;
  quote: CorpusFileQuote;
  speaker: CorpusSpeaker | undefined;
}

export function corpusStats(
  files: readonly CorpusFile[],
  speakers: CorpusSpeakers,
  filter: StatsFilter = {},
  options: StatsOptions = {},
): CorpusStats {
  return runToEnd(corpusStatsSliced(files, speakers, filter, options));
}

/** `corpusStats` as resumable work (slices.ts), for the language server's thread. */
export function* corpusStatsSliced(
  files: readonly CorpusFile[],
  speakers: CorpusSpeakers,
  filter: StatsFilter = {},
  options: StatsOptions = {},
): Sliced<CorpusStats> {
  const pace = pacer();
  const period = options.period ?? 'month';
  const bySpeaker = new Map<string, { speaker: CorpusSpeaker; quotes: number; files: Set<string> }>();
  const byPeriod = new Map<string, PeriodCount>();
  const tags = new Map<string, TagCount>();
  const together = new Map<string, Set<string>>();
  let quotes = 0;
  let undated = 0;
  let fileCount = 0;
  for (const file of files) {
    if (pace(1 + file.quotes.length + file.tags.length)) yield;
    if (!dateKept(file.date, filter)) continue;
    fileCount++;
    for (const tag of file.tags) {
      if (filter.tag !== undefined && tag.tag !== filter.tag) continue;
      const count = tags.get(tag.tag) ?? { tag: tag.tag, count: 0, coders: {} };
      count.count++;
      const coder = tag.coder ?? NO_CODER;
      count.coders[coder] = (count.coders[coder] ?? 0) + 1;
      tags.set(tag.tag, count);
    }
    const quotedHere = new Set<string>();
    for (const { speaker } of keptQuotes(file, speakers, filter)) {
      quotes++;
      const key = file.date === null ? null : periodOf(file.date, period);
      if (key === null) undated++;
      else {
        const p = byPeriod.get(key) ?? { period: key, quotes: 0, speakers: {} };
        p.quotes++;
        if (speaker) p.speakers[speaker.id] = (p.speakers[speaker.id] ?? 0) + 1;
        byPeriod.set(key, p);
      }
      if (!speaker) continue;
      const s = bySpeaker.get(speaker.id) ?? { speaker, quotes: 0, files: new Set<string>() };
      s.quotes++;
      s.files.add(file.file);
      bySpeaker.set(speaker.id, s);
      quotedHere.add(speaker.id);
    }
    if (quotedHere.size > 1) together.set(file.file, quotedHere);
  }
  const speakerCounts = yield* sortSliced(
    [...bySpeaker.values()].map(({ speaker, quotes: q, files: f }) => ({
      id: speaker.id,
      name: speaker.name,
      kind: speaker.kind,
      quotes: q,
      files: f.size,
    })),
    (a, b) => b.quotes - a.quotes || b.files - a.files || a.name.localeCompare(b.name),
  );
  const shown = new Set(speakerCounts.slice(0, options.top ?? speakerCounts.length).map((s) => s.id));
  return {
    files: fileCount,
    quotes,
    undated,
    period,
    speakers: speakerCounts,
    periods: [...byPeriod.values()].sort((a, b) => (a.period < b.period ? -1 : 1)),
    tags: yield* sortSliced([...tags.values()], (a, b) => b.count - a.count || a.tag.localeCompare(b.tag)),
    cooccurrence: yield* pairs(together, shown),
  };
}

/** The quotes behind one number of `corpusStats` under the same filter, oldest first. */
export function selectQuotes(
  files: readonly CorpusFile[],
  speakers: CorpusSpeakers,
  filter: StatsFilter,
  selection: QuoteSelection,
  period: Period = 'month',
): SelectedQuote[] {
  return runToEnd(selectQuotesSliced(files, speakers, filter, selection, period));
}

/** `selectQuotes` as resumable work (slices.ts), for the language server's thread. */
export function* selectQuotesSliced(
  files: readonly CorpusFile[],
  speakers: CorpusSpeakers,
  filter: StatsFilter,
  selection: QuoteSelection,
  period: Period = 'month',
): Sliced<SelectedQuote[]> {
  const pace = pacer();
  const out: SelectedQuote[] = [];
  for (const file of files) {
    if (pace(1 + file.quotes.length)) yield;
    if (!dateKept(file.date, filter)) continue;
    if (selection.period !== undefined && (file.date === null || periodOf(file.date, period) !== selection.period)) continue;
    const kept = keptQuotes(file, speakers, filter);
    if (selection.pair) {
      const here = new Set(kept.map((k) => k.speaker?.id));
      if (!selection.pair.every((id) => here.has(id))) continue;
    }
    for (const { quote, speaker } of kept) {
      if (selection.speakerId !== undefined && speaker?.id !== selection.speakerId) continue;
      if (selection.pair && !selection.pair.includes(speaker?.id ?? '')) continue;
      if (
        selection.tag !== undefined &&
        !file.tags.some(
          (t) =>
            t.tag === selection.tag && (selection.coder === undefined || (t.coder ?? NO_CODER) === selection.coder) && overlaps(t, quote),
        )
      )
        continue;
      out.push({
        file: file.file,
        start: quote.start,
        end: quote.end,
        text: quote.text,
        speaker: speaker?.name ?? null,
        speakerId: speaker?.id ?? null,
        date: file.date,
        ...(quote.range ? { range: quote.range } : {}),
      });
    }
  }
  return yield* sortSliced(out, byDateThenFile);
}

function keptQuotes(file: CorpusFile, speakers: CorpusSpeakers, filter: StatsFilter): KeptQuote[] {
  const kept: KeptQuote[] = [];
  for (const quote of file.quotes) {
    const speaker = quote.speakerId === null ? undefined : speakers.of(file.file, quote.speakerId);
    if (filter.kinds && (!speaker || !filter.kinds.includes(speaker.kind))) continue;
    if (filter.tag !== undefined && !file.tags.some((t) => t.tag === filter.tag && overlaps(t, quote))) continue;
    kept.push({ file, quote, speaker });
  }
  return kept;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function dateKept(date: string | null, filter: StatsFilter): boolean {
  if (filter.from === undefined && filter.to === undefined) return true;
  if (date === null) return false;
  const day = date.slice(0, 10);
  return (filter.from === undefined || day >= filter.from) && (filter.to === undefined || day <= filter.to);
}

/** `YYYY-MM`, or the ISO 8601 week `YYYY-Www` (weeks start on Monday; week 1 holds the year's first Thursday). */
export function periodOf(date: string, period: Period): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return null;
  if (period === 'month') return `${m[1]}-${m[2]}`;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const weekday = (day.getUTCDay() + 6) % 7;
  const thursday = new Date(day.getTime() + (3 - weekday) * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = 1 + Math.floor((thursday.getTime() - yearStart) / (7 * 86_400_000));
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

function* pairs(together: Map<string, Set<string>>, shown: Set<string>): Sliced<PairCount[]> {
  const pace = pacer();
  const counts = new Map<string, PairCount>();
  for (const ids of together.values()) {
    if (pace(ids.size)) yield;
    const list = [...ids].filter((id) => shown.has(id)).sort();
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const key = `${list[i]}\u0000${list[j]}`;
        const pair = counts.get(key) ?? { a: list[i], b: list[j], files: 0 };
        pair.files++;
        counts.set(key, pair);
      }
    }
  }
  return yield* sortSliced([...counts.values()], (x, y) => y.files - x.files || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
}
