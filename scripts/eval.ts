// `npm run eval`: scores the analysis against hand-made gold annotations and prints quote P/R/F1, attribution and
// primary-date accuracy per file and in total. It reports and never gates: the exit status is 0 unless misused.
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { analyze, type Analysis } from '../server/src/analysis';
import { readSeedFile } from '../server/src/files/seedFile';
import { parseStrict, UsageError } from '../server/src/cli/args';
import { loadGold } from './eval/gold';
import { formatDetails, formatGenreTable, formatTable, genreOf, totalsOf, type Totals } from './eval/report';
import { scoreFile, type FileScore } from './eval/score';
import { formatReliability, reliabilityOf, type Reliability } from './eval/reliability';

const ROOT = join(__dirname, '..');

/** A folder of articles and the folder holding their `X.gold.json`. */
interface EvalSet {
  name: string;
  textDir: string;
  goldDir: string;
}

const DEFAULT_SETS: EvalSet[] = [
  { name: 'devset', textDir: join(ROOT, 'test/fixtures/devset'), goldDir: join(ROOT, 'test/fixtures/devset') },
  { name: 'seeds', textDir: join(ROOT, 'seeds'), goldDir: join(ROOT, 'test/fixtures/seeds-gold') },
  { name: 'holdout', textDir: join(ROOT, 'test/fixtures/holdout'), goldDir: join(ROOT, 'test/fixtures/holdout') },
  { name: 'genres', textDir: join(ROOT, 'test/fixtures/genres'), goldDir: join(ROOT, 'test/fixtures/genres') },
  // Held-out round 2: never read by rule authors (see its README).
  { name: 'holdout2', textDir: join(ROOT, 'test/fixtures/holdout2'), goldDir: join(ROOT, 'test/fixtures/holdout2') },
  // Held-out round 3: never read by rule authors (see its README).
  { name: 'holdout3', textDir: join(ROOT, 'test/fixtures/holdout3'), goldDir: join(ROOT, 'test/fixtures/holdout3') },
  // Held-out round 4: never read by rule authors (see its README).
  { name: 'holdout4', textDir: join(ROOT, 'test/fixtures/holdout4'), goldDir: join(ROOT, 'test/fixtures/holdout4') },
  { name: 'holdout5', textDir: join(ROOT, 'test/fixtures/holdout5'), goldDir: join(ROOT, 'test/fixtures/holdout5') },
  // Held-out round 6: political news, written blind on 2026-12-02 (see its README).
  { name: 'holdout6', textDir: join(ROOT, 'test/fixtures/holdout6'), goldDir: join(ROOT, 'test/fixtures/holdout6') },
  { name: 'holdout7', textDir: join(ROOT, 'test/fixtures/holdout7'), goldDir: join(ROOT, 'test/fixtures/holdout7') },
  { name: 'holdout8', textDir: join(ROOT, 'test/fixtures/holdout8'), goldDir: join(ROOT, 'test/fixtures/holdout8') },
];

const USAGE =
  'usage: npm run eval -- [--json] [--details] [--set devset|seeds|holdout|genres|holdout2|holdout3|holdout4|holdout5|holdout6|holdout7|holdout8] [<dir with X.txt and X.gold.json>...]';

interface SetResult {
  name: string;
  files: FileScore[];
  totals: Totals;
  /** The same totals per genre (the gold's `genre`, "news" when it names none). */
  genres: Record<string, Totals>;
  /** Confidence bins of the set's attributed quotes, with the accuracy in each. */
  reliability: Reliability;
  /** Articles that could not be scored (no gold, bad gold, unreadable text), each naming the file. */
  problems: string[];
}

function evaluateSet(set: EvalSet): SetResult {
  const problems: string[] = [];
  const files: FileScore[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(set.textDir)
      .filter((n) => n.endsWith('.txt') && !n.startsWith('.'))
      .sort();
  } catch (err) {
    problems.push(`${display(set.textDir)}: ${(err as Error).message}`);
  }
  for (const name of names) {
    const textPath = join(set.textDir, name);
    const goldPath = join(set.goldDir, `${basename(name, '.txt')}.gold.json`);
    if (!existsSync(goldPath)) {
      problems.push(`${display(textPath)}: no gold file ${display(goldPath)}, not scored`);
      continue;
    }
    const gold = loadGold(goldPath);
    if (!gold.ok) {
      problems.push(`${display(gold.error)}, not scored`);
      continue;
    }
    const read = readSeedFile(textPath);
    if (!read.ok) {
      problems.push(display(read.error));
      continue;
    }
    let analysis: Analysis;
    try {
      analysis = analyze(read.text);
    } catch (err) {
      // Scored as finding nothing, so a crash costs the numbers instead of hiding the article from them.
      problems.push(`${display(textPath)}: analysis threw ${(err as Error).stack ?? String(err)}`);
      analysis = {
        title: null,
        datelines: [],
        speakers: [],
        quotes: [],
        structure: { title: null, body: { start: 0, end: 0 }, paragraphs: [], boilerplateStart: null },
      };
    }
    files.push(scoreFile(name, read.text, gold.gold, analysis));
  }
  const genres = Object.fromEntries([...new Set(files.map(genreOf))].map((g) => [g, totalsOf(files.filter((f) => genreOf(f) === g))]));
  return { name: set.name, files, totals: totalsOf(files), genres, reliability: reliabilityOf(files.flatMap((f) => f.judged)), problems };
}

function display(pathOrMessage: string): string {
  return pathOrMessage.split(ROOT + '/').join('');
}

interface EvalArgs {
  json: boolean;
  details: boolean;
  set: string | undefined;
  help: boolean;
  dirs: string[];
}

function parseEvalArgs(argv: string[]): EvalArgs {
  const { values, positionals } = parseStrict(argv, {
    json: { type: 'boolean' },
    details: { type: 'boolean' },
    set: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  const set = typeof values.set === 'string' ? values.set : undefined;
  if (set !== undefined && !DEFAULT_SETS.some((s) => s.name === set)) throw new UsageError(`unknown set '${set}'`);
  return { json: values.json === true, details: values.details === true, set, help: values.help === true, dirs: positionals };
}

function main(argv: string[]): number {
  let args: EvalArgs;
  try {
    args = parseEvalArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`eval: ${err.message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const sets =
    args.dirs.length > 0
      ? args.dirs.map((dir) => ({ name: relative(process.cwd(), dir) || dir, textDir: dir, goldDir: dir }))
      : DEFAULT_SETS.filter((s) => args.set === undefined || s.name === args.set);
  const results = sets.map(evaluateSet);
  const overall = totalsOf(results.flatMap((r) => r.files));

  if (args.json) {
    process.stdout.write(JSON.stringify({ sets: results, totals: overall }, null, 2) + '\n');
  } else {
    for (const r of results) {
      process.stdout.write(`\n== ${r.name} ==\n${formatTable(r.files, `total (${r.files.length} files)`)}`);
      process.stdout.write(`\n${r.name} per genre:\n${formatGenreTable(r.files, `total (${r.files.length} files)`)}`);
      process.stdout.write(`\n${r.name} reliability (confidence of attributed quotes):\n${formatReliability(r.reliability)}`);
      if (args.details) process.stdout.write(`\n${formatDetails(r.files)}`);
    }
    process.stdout.write(`\n${summaryLine(overall)}\n`);
  }
  for (const problem of results.flatMap((r) => r.problems)) process.stderr.write(`eval: ${problem}\n`);
  return 0;
}

function summaryLine(t: Totals): string {
  const pct = (x: number | null) => (x === null ? 'n/a' : `${(100 * x).toFixed(1)}%`);
  return (
    `overall (${t.files} files): quote P ${t.precision.toFixed(3)} R ${t.recall.toFixed(3)} F1 ${t.f1.toFixed(3)}` +
    ` | attribution ${pct(t.attributionAccuracy)} (${t.attributedCorrectly}/${t.matched} matched)` +
    ` | primary date ${pct(t.primaryAccuracy)} (${t.primaryCorrect}/${t.files})`
  );
}

process.exitCode = main(process.argv.slice(2));
