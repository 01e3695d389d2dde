// `npm run bench:corpus`: the dashboard's numbers, corpus speakers and quote provenance on a generated corpus of
// 10,000 articles (override with SEED_BENCH_FILES), beside a baseline measured in the same process (one plain pass
// over every quote's text), so figures from different machines compare as ratios. Prints, never asserts.
import { analyze } from '../server/src/analysis';
import { corpusFileOf, type CorpusFile } from '../server/src/corpus/corpusFile';
import { CorpusIndex } from '../server/src/corpus/corpusIndex';
import { quoteProvenance } from '../server/src/corpus/provenance';
import { corpusSpeakers } from '../server/src/corpus/speakers';
import { corpusStats } from '../server/src/corpus/stats';

const FILES = Number(process.env.SEED_BENCH_FILES ?? 10_000);
const FIRST = ['Anna', 'Mevlüt', 'Zoë', 'Levan', 'Grace', 'Pieter', 'Olga', 'Jürg', 'Nino', 'Tomás', 'Aigerim', 'Hamid', 'Sergei', 'Ines'];
const LAST = [
  'Kowalska',
  'Çavuşoğlu',
  'Müller',
  'Beridze',
  'Mwangi',
  'Vries',
  'Petrova',
  'Baumann',
  'Gelashvili',
  'Ortega',
  'Nurlanova',
  'Karimi',
  'Horvat',
  'Lavrov',
  'Okafor',
  'Lindqvist',
  'Nakamura',
  'Haddad',
  'Silva',
];
const ROLES = ['Foreign Minister', 'Defence Minister', 'government spokeswoman', 'opposition leader', 'central bank governor'];
const WORDS =
  'talks ceasefire border trade sanctions energy pipeline election reform security aid treaty troops harbour grain vote budget inflation court'.split(
    ' ',
  );
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A deterministic pseudo-random sequence, so every run measures the same corpus. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** One article: a dateline, three to six quoted speakers (some spelled without accents), now and then a wire quote. */
function article(i: number, next: () => number, wire: string[]): string {
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  const year = 2020 + Math.floor(next() * 3);
  const lines = [
    `# Report ${i} on ${pick(WORDS)} and ${pick(WORDS)}`,
    '',
    `By [Wire ${i % 40}](#)`,
    '',
    `${MONTHS[Math.floor(next() * 12)]} ${1 + Math.floor(next() * 28)}, ${year}`,
    '',
  ];
  const speakers = 3 + Math.floor(next() * 4);
  for (let s = 0; s < speakers; s++) {
    let name = `${pick(FIRST)} ${pick(LAST)}`;
    if (next() < 0.3) name = name.normalize('NFKD').replace(/\p{M}/gu, '');
    const words = Array.from({ length: 8 + Math.floor(next() * 14) }, () => pick(WORDS)).join(' ');
    const said = next() < 0.15 ? pick(wire) : `We will discuss ${words} with our partners`;
    lines.push(`${pick(ROLES)} ${name} said on Monday that the ${pick(WORDS)} would continue.`, '');
    lines.push(`"${said}," ${name.split(' ')[1]} told reporters.`, '');
  }
  return lines.join('\n');
}

function time<T>(fn: () => T, runs = 5): { ms: number; value: T } {
  let value = fn();
  const start = performance.now();
  for (let i = 0; i < runs; i++) value = fn();
  return { ms: (performance.now() - start) / runs, value };
}

function main(): void {
  const next = random(9);
  const wire = Array.from(
    { length: 200 },
    (_, i) =>
      `The ${WORDS[i % WORDS.length]} agreement signed today protects ${WORDS[(i * 7) % WORDS.length]} and ${WORDS[(i * 3) % WORDS.length]} for every family in the region ${i}`,
  );
  const started = performance.now();
  const files: CorpusFile[] = [];
  for (let i = 0; i < FILES; i++)
    files.push(corpusFileOf(`file:///corpus/${String(i).padStart(5, '0')}.txt`, analyze(article(i, next, wire))));
  const analyzeMs = performance.now() - started;
  const quotes = files.reduce((n, f) => n + f.quotes.length, 0);

  const baseline = time(() => files.reduce((n, f) => n + f.quotes.reduce((m, q) => m + q.text.length, 0), 0));
  const speakers = time(() => corpusSpeakers(files));
  const provenance = time(() => quoteProvenance(files, speakers.value));
  const warm = time(() => corpusStats(files, speakers.value, {}, { period: 'month', top: 20 }));
  const filtered = time(() =>
    corpusStats(files, speakers.value, { from: '2021-01-01', to: '2021-12-31', kinds: ['person'] }, { period: 'week', top: 20 }),
  );
  const index = new CorpusIndex();
  for (const f of files) index.setFile(f);
  index.speakers();
  const afterEdit = time(() => {
    index.setFile({ ...files[0], quotes: [...files[0].quotes] });
    return corpusStats(index.files(), index.speakers(), {}, { period: 'month', top: 20 });
  }, 3);

  const rows: [string, number][] = [
    ['baseline: one pass over every quote', baseline.ms],
    ['corpus speakers (after any change)', speakers.ms],
    ['quote provenance', provenance.ms],
    ['dashboard numbers, warm (speakers cached)', warm.ms],
    ['dashboard numbers, filtered by year, kind, per week', filtered.ms],
    ['dashboard after one file changed (index update + speakers + numbers)', afterEdit.ms],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  process.stdout.write(
    `${FILES} generated articles, ${quotes} quotes, ${speakers.value.list.length} corpus speakers, ` +
      `${provenance.value.groups.length} reused quotes; analyzed in ${(analyzeMs / 1000).toFixed(1)} s (not part of the figures)\n\n`,
  );
  for (const [name, ms] of rows) {
    process.stdout.write(
      `${name.padEnd(width)}  ${ms.toFixed(1).padStart(8)} ms  ${(ms / baseline.ms).toFixed(0).padStart(6)}x baseline\n`,
    );
  }
  process.stdout.write(`\nnode ${process.version}, ${process.platform}/${process.arch}\n`);
}

main();
