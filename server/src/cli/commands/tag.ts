// `seed-annotator tag add|list|remove`: scripted tagging through the same TagStore and sidecars as the editor.
import { expandSeedPaths } from '../../files/seedFile';
import { CodePointIndex } from '../../analysis/offsets';
import { openUsable } from '../../tags/diskFile';
import { TagStore, TagStoreError, type PlacedTag } from '../../tags/tagStore';
import { defaultCoder } from '../../coding/coder';
import { parseStrict, UsageError } from '../args';

const USAGE = `usage:
  seed-annotator tag add <file> (--start <cp> --end <cp> | --text "<exact words>" [--nth k]) --tag <name> [--note <text>] [--coder <name>]
  seed-annotator tag list <file|dir>... [--json]
  seed-annotator tag remove <file> --id <id>
Offsets are Unicode code points. --nth picks the k-th occurrence of --text (1 = first).
--coder records who tagged (the tag's W3C creator); default: the OS user name.`;

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  try {
    switch (sub) {
      case 'add':
        return add(rest);
      case 'list':
        return list(rest);
      case 'remove':
        return remove(rest);
      case '--help':
      case '-h':
        process.stdout.write(USAGE + '\n');
        return 0;
      default:
        throw new UsageError(sub === undefined ? 'missing subcommand (add, list or remove)' : `unknown subcommand '${sub}'`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`seed-annotator tag: ${err.message}\n${USAGE}\n`);
      return 2;
    }
    if (err instanceof TagStoreError) {
      process.stderr.write(`seed-annotator tag: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

function add(args: string[]): number {
  const { values, positionals } = parseStrict(args, {
    start: { type: 'string' },
    end: { type: 'string' },
    text: { type: 'string' },
    nth: { type: 'string' },
    tag: { type: 'string' },
    note: { type: 'string' },
    coder: { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('tag add takes exactly one file');
  const text = stringOption(values.text);
  const note = stringOption(values.note) ?? '';
  const startOption = stringOption(values.start);
  const endOption = stringOption(values.end);
  const nthOption = stringOption(values.nth);
  const coderOption = stringOption(values.coder);
  if (coderOption !== undefined && !coderOption.trim()) throw new UsageError('--coder needs a name');
  if (typeof values.tag !== 'string' || !values.tag.trim()) throw new UsageError('--tag <name> is required');
  if (text !== undefined && text === '') throw new UsageError('--text needs the words to tag (it was empty)');
  const byText = text !== undefined;
  const byOffsets = startOption !== undefined || endOption !== undefined;
  if (byText === byOffsets) throw new UsageError('give either --start and --end, or --text');
  if (!byText && nthOption !== undefined) throw new UsageError('--nth goes with --text');
  const file = positionals[0];
  const store = new TagStore();
  const opened = openUsable(store, file);
  if (!opened.ok) return fail(opened.error);
  let start: number;
  let end: number;
  if (text !== undefined) {
    const nth = nthOption === undefined ? 1 : integer('--nth', nthOption);
    if (nth < 1) throw new UsageError('--nth counts from 1');
    const found = nthOccurrence(opened.text, text, nth);
    if (!found) {
      return fail(`${file}: "${text}" ${nth === 1 ? 'does not occur' : `does not occur ${nth} times`} in the text`);
    }
    ({ start, end } = found);
  } else {
    if (startOption === undefined || endOption === undefined) throw new UsageError('--start and --end go together');
    start = integer('--start', startOption);
    end = integer('--end', endOption);
  }
  const tag = store.add(file, start, end, values.tag, note, coderOption ?? defaultCoder());
  process.stdout.write(tag.id + '\n');
  return 0;
}

function list(args: string[]): number {
  const { values, positionals } = parseStrict(args, { json: { type: 'boolean' } });
  if (positionals.length === 0) throw new UsageError('no files or directories given');
  const { files, errors } = expandSeedPaths(positionals);
  let status = errors.length > 0 ? 1 : 0;
  for (const e of errors) process.stderr.write(`seed-annotator tag: ${e}\n`);
  const rows: ({ file: string; creator: { type: 'Person'; name: string } | null } & Pick<
    PlacedTag,
    'id' | 'tag' | 'note' | 'start' | 'end' | 'text' | 'status'
  >)[] = [];
  const store = new TagStore();
  for (const file of files) {
    const opened = openUsable(store, file);
    if (!opened.ok) {
      process.stderr.write(`seed-annotator tag: ${opened.error}\n`);
      status = 1;
      continue;
    }
    for (const t of store.list(file)) {
      const creator = t.creator === undefined ? null : { type: 'Person' as const, name: t.creator };
      rows.push({ file, id: t.id, tag: t.tag, note: t.note, creator, start: t.start, end: t.end, text: t.text, status: t.status });
    }
    store.close(file);
  }
  if (values.json) {
    process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
  } else {
    for (const r of rows) {
      const note = r.note ? `  (${r.note})` : '';
      const coder = r.creator ? `  by ${r.creator.name}` : '';
      process.stdout.write(`${r.file}:${r.start}-${r.end}  ${r.tag}  ${JSON.stringify(r.text)}  ${r.status}  ${r.id}${coder}${note}\n`);
    }
  }
  return status;
}

function remove(args: string[]): number {
  const { values, positionals } = parseStrict(args, { id: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError('tag remove takes exactly one file');
  if (typeof values.id !== 'string' || !values.id) throw new UsageError('--id <id> is required');
  const file = positionals[0];
  const store = new TagStore();
  const opened = openUsable(store, file);
  if (!opened.ok) return fail(opened.error);
  const removed = store.remove(file, values.id);
  process.stdout.write(`removed ${removed.id} (${removed.tag})\n`);
  return 0;
}

/** [start, end) in code points of the nth (1-based) occurrence of `words`. */
function nthOccurrence(text: string, words: string, nth: number): { start: number; end: number } | null {
  if (!words) return null;
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = text.indexOf(words, at + 1);
    if (at === -1) return null;
  }
  const index = new CodePointIndex(text);
  return { start: index.toCodePoint(at), end: index.toCodePoint(at + words.length) };
}

function integer(flag: string, value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`${flag} expects a non-negative whole number, got '${value}'`);
  const n = Number(value);
  // Past 2^53 a number loses digits (and prints as 1e+21): no text is that long anyway.
  if (!Number.isSafeInteger(n)) throw new UsageError(`${flag} ${value.trim()} is too large; offsets are code points into the file`);
  return n;
}

function stringOption(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function fail(message: string): number {
  process.stderr.write(`seed-annotator tag: ${message}\n`);
  return 1;
}
