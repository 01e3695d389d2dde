// CLI entry: `seed-annotator <command> …` dispatches to one module per command; each returns its exit status.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as agreementCommand from './commands/agreement';
import * as analyzeCommand from './commands/analyze';
import * as codebookCommand from './commands/codebook';
import * as importCommand from './commands/import';
import * as exportCommand from './commands/export';
import * as tagCommand from './commands/tag';
import * as speakersCommand from './commands/speakers';
import * as provenanceCommand from './commands/provenance';
import * as statsCommand from './commands/stats';

type Command = { run(args: string[]): Promise<number> };

const commands: Record<string, Command> = {
  analyze: analyzeCommand,
  tag: tagCommand,
  export: exportCommand,
  agreement: agreementCommand,
  codebook: codebookCommand,
  import: importCommand,
  speakers: speakersCommand,
  provenance: provenanceCommand,
  stats: statsCommand,
};

const USAGE = `usage: seed-annotator <command> [options]

commands:
  analyze <file|dir>... [--json | --jsonl] [--shard i/n]   datelines, speakers and quotes
  tag add|list|remove …                                     tags stored next to each file
  export <file|dir>... --format csv|jsonl|w3c|qdpx [--out f] tags and analysis for other tools
  agreement <file|dir>... [--coders a,b] [--json]          inter-coder agreement per tag
  codebook show|add|edit|rename|delete|undo …              the workspace codebook (.seed-annotator/)
  import <x.qdpx> [--into <folder>]                         codings from a REFI-QDA project (export --format qdpx)
  speakers <file|dir>... [--json]                           one speaker per person across the corpus
  provenance <file|dir>... [--json]                         quotes reused across files, oldest first
  stats <file|dir>... [--json] [--period month|week] …      quotes per speaker, period, tag; co-occurrence

Run 'seed-annotator <command> --help' for a command's options.
`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stderr.write(USAGE);
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${readVersion()}\n`);
    return 0;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(`seed-annotator: unknown command '${name}'\n${USAGE}`);
    return 2;
  }
  return command.run(rest);
}

/** The package version; the bundle lives in dist/, one folder under the manifest, as in the published package. */
function readVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

// A reader that stops early (`| head`) closes the pipe: that is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (err: unknown) => {
    process.stderr.write(`seed-annotator: internal error: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 70;
  },
);
