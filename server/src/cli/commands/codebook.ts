// `seed-annotator codebook …`: the workspace codebook (.seed-annotator/codebook.json) from the command line — show,
// add, edit, rename (every sidecar too, undoable), delete (refused while tags use the code, unless moved), undo.
import { CodebookError, type Code } from '../../coding/codebook';
import { CodebookWorkspace } from '../../coding/codebookWorkspace';
import type { RetagResult } from '../../coding/retag';
import { LockTimeoutError } from '../../files/fileLock';
import { WriteRefusedError } from '../../files/lockedWrite';
import { parseStrict, UsageError } from '../args';

const USAGE = `usage:
  seed-annotator codebook show [<folder>] [--json]
  seed-annotator codebook add <name> [<folder>] [--description <text>] [--color #rrggbb] [--parent <code>]
  seed-annotator codebook edit <name> [<folder>] [--description <text>] [--color #rrggbb] [--parent <code> | --top]
  seed-annotator codebook rename <old> <new> [<folder>]
  seed-annotator codebook delete <name> [<folder>] [--move-to <code>]
  seed-annotator codebook undo [<folder>]
<folder> is the workspace folder holding .seed-annotator/ (default: the current folder). A rename changes every
tag of that name in the folder's sidecars as one operation; undo takes back the last rename or delete.`;

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  try {
    switch (sub) {
      case 'show':
        return show(rest);
      case 'add':
        return add(rest);
      case 'edit':
        return edit(rest);
      case 'rename':
        return rename(rest);
      case 'delete':
        return remove(rest);
      case 'undo':
        return undo(rest);
      case '--help':
      case '-h':
        process.stdout.write(USAGE + '\n');
        return 0;
      default:
        throw new UsageError(
          sub === undefined ? 'missing subcommand (show, add, edit, rename, delete or undo)' : `unknown subcommand '${sub}'`,
        );
    }
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`seed-annotator codebook: ${err.message}\n${USAGE}\n`);
      return 2;
    }
    if (err instanceof CodebookError || err instanceof LockTimeoutError || err instanceof WriteRefusedError) {
      process.stderr.write(`seed-annotator codebook: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

/** The workspace, after finishing any rename a crash interrupted (said on stderr). */
function workspace(folder: string | undefined): CodebookWorkspace {
  const ws = new CodebookWorkspace(folder ?? '.');
  const finished = ws.recover();
  if (finished) process.stderr.write(`seed-annotator codebook: finished an interrupted "${finished.label}" (${describe(finished)})\n`);
  return ws;
}

function show(args: string[]): number {
  const { values, positionals } = parseStrict(args, { json: { type: 'boolean' } });
  const folder: string | undefined = atMost(positionals, 1, 'show')[0];
  const { codebook } = workspace(folder).state();
  if (values.json) {
    process.stdout.write(JSON.stringify(codebook, null, 2) + '\n');
    return 0;
  }
  if (codebook.codes.length === 0) process.stdout.write('The codebook is empty.\n');
  const lines: string[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const code of codebook.codes.filter((c) => c.parent === parent)) {
      lines.push(`${'  '.repeat(depth)}${code.name}  ${code.color}${code.description ? `  ${code.description}` : ''}`);
      walk(code.name, depth + 1);
    }
  };
  walk(null, 0);
  process.stdout.write(lines.map((l) => l + '\n').join(''));
  return 0;
}

const CODE_OPTIONS = { description: { type: 'string' }, color: { type: 'string' }, parent: { type: 'string' } } as const;

function add(args: string[]): number {
  const { values, positionals } = parseStrict(args, CODE_OPTIONS);
  if (positionals.length === 0) throw new UsageError('codebook add needs a code name');
  const [name, folder] = atMost(positionals, 2, 'add');
  const code: { name: string; description?: string; color?: string; parent?: string } = { name };
  if (typeof values.description === 'string') code.description = values.description;
  if (typeof values.color === 'string') code.color = values.color;
  if (typeof values.parent === 'string') code.parent = values.parent;
  const codebook = workspace(folder).add(code);
  process.stdout.write(`added ${describeCode(codebook.codes.find((c) => c.name === name.trim())!)}\n`);
  return 0;
}

function edit(args: string[]): number {
  const { values, positionals } = parseStrict(args, { ...CODE_OPTIONS, top: { type: 'boolean' } });
  if (positionals.length === 0) throw new UsageError('codebook edit needs a code name');
  const [name, folder] = atMost(positionals, 2, 'edit');
  if (values.top && typeof values.parent === 'string') throw new UsageError('--parent and --top cannot be used together');
  if (values.description === undefined && values.color === undefined && values.parent === undefined && !values.top) {
    throw new UsageError('nothing to change: give --description, --color, --parent or --top');
  }
  const ws = workspace(folder);
  if (typeof values.description === 'string') ws.describe(name, values.description);
  if (typeof values.color === 'string') ws.recolour(name, values.color);
  if (typeof values.parent === 'string' || values.top) ws.move(name, typeof values.parent === 'string' ? values.parent : null);
  process.stdout.write(`changed ${describeCode(ws.state().codebook.codes.find((c) => c.name === name)!)}\n`);
  return 0;
}

function rename(args: string[]): number {
  const { positionals } = parseStrict(args, {});
  if (positionals.length < 2) throw new UsageError('codebook rename needs the old and the new name');
  const [from, to, folder] = atMost(positionals, 3, 'rename');
  const result = workspace(folder).rename(from, to);
  process.stdout.write(`${result.label}: ${describe(result)}\n`);
  return 0;
}

function remove(args: string[]): number {
  const { values, positionals } = parseStrict(args, { 'move-to': { type: 'string' } });
  if (positionals.length === 0) throw new UsageError('codebook delete needs a code name');
  const [name, folder] = atMost(positionals, 2, 'delete');
  const moveTo = typeof values['move-to'] === 'string' ? values['move-to'] : undefined;
  const result = workspace(folder).delete(name, moveTo);
  process.stdout.write(`${result.label}${moveTo === undefined ? '' : `: ${describe(result)}`}\n`);
  return 0;
}

function undo(args: string[]): number {
  const { positionals } = parseStrict(args, {});
  const folder: string | undefined = atMost(positionals, 1, 'undo')[0];
  const result = workspace(folder).undo();
  process.stdout.write(result ? `${result.label}: ${describe(result)}\n` : 'nothing to undo\n');
  return 0;
}

function atMost(positionals: string[], n: number, sub: string): string[] {
  if (positionals.length > n) throw new UsageError(`codebook ${sub}: too many arguments (${positionals.slice(n).join(' ')})`);
  return positionals;
}

function describe(result: RetagResult): string {
  return `${result.tags} tag${result.tags === 1 ? '' : 's'} in ${result.files} file${result.files === 1 ? '' : 's'}`;
}

function describeCode(code: Code): string {
  return `${code.name} (${code.color}${code.parent ? `, under ${code.parent}` : ''})`;
}
