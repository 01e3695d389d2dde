// Command-line argument parsing for the CLI commands, on node:util parseArgs, with usage errors as values (exit 2).
import { parseArgs } from 'node:util';
import { DEFAULT_MAX_SEED_BYTES } from '../files/seedFile';

/** Bad usage: the command prints the message and its usage line, and exits 2. */
export class UsageError extends Error {}

/** A command's answer to a failed parse: a usage error is printed with the usage line (exit 2), anything else rethrown. */
export function usageFailure(command: string, usage: string, err: unknown): number {
  if (!(err instanceof UsageError)) throw err;
  process.stderr.write(`seed-annotator ${command}: ${err.message}\n${usage}\n`);
  return 2;
}

/** The i-th (1-based) of n deterministic slices of the file list. */
export interface Shard {
  index: number;
  count: number;
}

export interface AnalyzeArgs {
  paths: string[];
  output: 'summary' | 'json' | 'jsonl';
  shard: Shard | null;
  maxBytes: number;
  /** Files analyzed at once (worker threads); null: one per core. */
  jobs: number | null;
  help: boolean;
}

export const ANALYZE_USAGE = 'usage: seed-annotator analyze <file|dir>... [--json | --jsonl] [--shard i/n] [--jobs N] [--max-size 10MB]';

export function parseAnalyzeArgs(args: readonly string[]): AnalyzeArgs {
  const { values, positionals } = parseStrict(args, {
    json: { type: 'boolean' },
    jsonl: { type: 'boolean' },
    shard: { type: 'string' },
    'max-size': { type: 'string' },
    jobs: { type: 'string', short: 'j' },
    help: { type: 'boolean', short: 'h' },
  });
  const help = values.help === true;
  if (values.json && values.jsonl) throw new UsageError('--json and --jsonl cannot be used together');
  if (!help && positionals.length === 0) throw new UsageError('no files or directories given');
  return {
    paths: positionals,
    output: values.json ? 'json' : values.jsonl ? 'jsonl' : 'summary',
    shard: typeof values.shard === 'string' ? parseShard(values.shard) : null,
    maxBytes: typeof values['max-size'] === 'string' ? parseSize(values['max-size']) : DEFAULT_MAX_SEED_BYTES,
    jobs: typeof values.jobs === 'string' ? parseJobs(values.jobs) : null,
    help,
  };
}

type OptionSpec = Record<string, { type: 'boolean' | 'string'; short?: string }>;

/** parseArgs in strict mode, its errors turned into UsageError with the message users need. */
export function parseStrict(args: readonly string[], options: OptionSpec) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
  } catch (err) {
    // parseArgs messages are already specific ("Unknown option '--x'"); drop the hint about '--' that
    // only makes sense for positionals starting with a dash.
    const message = (err as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new UsageError(message);
  }
}

/** `i/n` with 1 ≤ i ≤ n, both integers. */
export function parseShard(value: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (!match) throw new UsageError(`--shard expects i/n (for example 1/4), got '${value}'`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1) throw new UsageError(`--shard ${value}: the number of shards must be at least 1`);
  if (index < 1 || index > count) throw new UsageError(`--shard ${value}: i must be between 1 and ${count}`);
  return { index, count };
}

/** Keeps the files of one shard: round-robin by position, so shards stay balanced and their union is the list. */
export function selectShard<T>(items: readonly T[], shard: Shard | null): T[] {
  return [...shardOf(items, shard)];
}

/** `selectShard` as the items come (a directory walk that is not over yet). */
export function* shardOf<T>(items: Iterable<T>, shard: Shard | null): Generator<T, void> {
  let i = 0;
  for (const item of items) if (!shard || i++ % shard.count === shard.index - 1) yield item;
}

/** A whole number of parallel jobs, at least 1. */
export function parseJobs(value: string): number {
  if (!/^\s*\d+\s*$/.test(value) || Number(value) < 1) {
    throw new UsageError(`--jobs expects a whole number of at least 1, got '${value}'`);
  }
  return Number(value);
}

/** "10MB", "512KB", "2000000", "1.5 MB" → bytes. */
export function parseSize(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:(b|bytes?|k|kb|kib|m|mb|mib|g|gb|gib)\s*)?$/i.exec(value);
  if (!match) throw new UsageError(`--max-size expects a size such as 10MB or 500KB, got '${value}'`);
  const unit = (match[2] ?? 'b').toLowerCase()[0];
  const scale = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  const bytes = Math.floor(Number(match[1]) * scale);
  if (bytes < 1) throw new UsageError(`--max-size ${value}: must be at least 1 byte`);
  return bytes;
}
