// Time of each speaker stage on a dense synthetic article (quotes in every paragraph), best of several runs,
// beside `analyze` as a whole: `npx tsx scripts/bench/speakerStages.ts [MB]`. For profiling the stages by hand
// (node --cpu-prof --import tsx scripts/bench/speakerStages.ts); `npm run bench` reports the article figures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/analysis';
import { readArticle } from '../../server/src/analysis/layout/structure';
import { findQuotesAndUnbalancedMarks } from '../../server/src/analysis/quotes/quotes';
import { findSpeakers } from '../../server/src/analysis/speakers';
import { tokenize } from '../../server/src/analysis/speakers/tokens';
import { findMentions } from '../../server/src/analysis/speakers/mentions';
import { readCues } from '../../server/src/analysis/speakers/cues';
import { resolveSpeakers } from '../../server/src/analysis/speakers/resolution';
import { attributeSpeakers } from '../../server/src/analysis/speakers/attribution';
import { syntheticArticle } from './article';

const ROOT = process.env.SEED_ROOT ?? join(__dirname, '../..');
const mb = Number(process.argv[2] ?? 2);
const seeds = ['seeds/000_2ebd0813046cf1ef.txt', 'seeds/004_751050ed58a9faf9.txt'].map((f) => readFileSync(join(ROOT, f), 'utf8'));
const text = syntheticArticle(seeds, mb * 1e6);
const structure = readArticle(text);
const { quotes } = findQuotesAndUnbalancedMarks(text, structure);

const best = new Map<string, number>();
function time<T>(name: string, run: () => T): T {
  // CPU time of this process (all its threads, the collector's included): steadier than the wall clock on a shared machine.
  const start = process.cpuUsage();
  const out = run();
  const used = process.cpuUsage(start);
  const ms = (used.user + used.system) / 1000;
  best.set(name, Math.min(best.get(name) ?? Infinity, ms));
  return out;
}

for (let run = 0; run < 5; run++) {
  const tt = time('tokenize', () => tokenize(text, structure, quotes));
  const mentions = time('mentions', () => findMentions(tt));
  const cues = time('cues', () => readCues(tt, mentions));
  const resolution = time('resolution', () => resolveSpeakers(tt, mentions, cues));
  time('attribution', () => attributeSpeakers(text, tt, quotes, [], resolution));
  time('findSpeakers', () => findSpeakers(text, tokenize(text, structure, quotes), quotes, []));
  time('analyze', () => analyze(text));
}
const bytes = Buffer.byteLength(text);
console.log(`${(bytes / 1e6).toFixed(1)} MB, ${quotes.length} quotes; CPU ms, best of 5 runs`);
for (const [name, ms] of best) console.log(`${name.padEnd(12)} ${ms.toFixed(1).padStart(8)} ms  ${(bytes / 1e6 / (ms / 1000)).toFixed(1).padStart(7)} MB/s`);
