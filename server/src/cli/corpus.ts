// Loads a corpus for the corpus commands (speakers, provenance, stats): every seed file's contribution with its
// sidecar tags and attribution corrections, and the analyst's speaker decisions of the workspace the files are in.
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze } from '../analysis';
import { corpusFileOf, corpusTagsOf, type CorpusFile } from '../corpus/corpusFile';
import { NO_DECISIONS, type SpeakerDecisions } from '../corpus/decisions';
import { decisionPathOf, findWorkspaceRoot, readSpeakerDecisions } from '../corpus/speakersFile';
import { DEFAULT_MAX_SEED_BYTES, expandSeedPaths, readSeedFile } from '../files/seedFile';
import { parseSize, usageFailure, UsageError } from './args';
import { createProgress } from './progress';
import { readSidecarTagsForOutput } from '../tags/sidecarTags';

export interface LoadedCorpus {
  files: CorpusFile[];
  /** Split files already named as in `files`. */
  decisions: SpeakerDecisions;
  /** Problems reported on stderr (unreadable files, a broken speakers file): the run then exits 1. */
  problems: number;
}

export interface CorpusArgs {
  paths: string[];
  json: boolean;
  maxBytes: number;
  help: boolean;
  values: Record<string, string | boolean | undefined>;
}

type ExtraOptions = Record<string, { type: 'boolean' | 'string' }>;

/** Files and folders, `--json`, `--max-size`, `--help`, plus a command's own options. */
export function parseCorpusArgs(args: readonly string[], extra: ExtraOptions = {}): CorpusArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: { json: { type: 'boolean' }, 'max-size': { type: 'string' }, help: { type: 'boolean', short: 'h' }, ...extra },
      strict: true,
      allowPositionals: true,
    });
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  const { values, positionals } = parsed;
  const help = values.help === true;
  if (!help && positionals.length === 0) throw new UsageError('no files or directories given');
  const maxSize = values['max-size'];
  return {
    paths: positionals,
    json: values.json === true,
    maxBytes: typeof maxSize === 'string' ? parseSize(maxSize) : DEFAULT_MAX_SEED_BYTES,
    help,
    values: values,
  };
}

export interface CorpusCommand<T> {
  name: string;
  usage: string;
  help: string;
  options?: ExtraOptions;
  /** Reads the command's own options (throwing UsageError), before any file is read. */
  prepare(values: CorpusArgs['values']): T;
  /** Prints the result: JSON with `--json`, else a readable summary. */
  print(corpus: LoadedCorpus, prepared: T, json: boolean, write: (text: string) => void): void;
}

/** The shared run of `speakers`, `provenance` and `stats`: usage errors exit 2, unreadable input 1. */
export function runCorpusCommand<T>(command: CorpusCommand<T>, args: readonly string[]): number {
  let options: CorpusArgs;
  let prepared: T;
  try {
    options = parseCorpusArgs(args, command.options);
    prepared = command.prepare(options.values);
  } catch (err) {
    return usageFailure(command.name, command.usage, err);
  }
  if (options.help) {
    process.stdout.write(command.help);
    return 0;
  }
  const corpus = loadCorpus(options.paths, options.maxBytes, (line) => process.stderr.write(`${line}\n`));
  command.print(corpus, prepared, options.json, (text) => process.stdout.write(text));
  return corpus.problems > 0 ? 1 : 0;
}

export function loadCorpus(paths: readonly string[], maxBytes: number, stderr: (line: string) => void): LoadedCorpus {
  const { files: names, errors } = expandSeedPaths(paths);
  let problems = errors.length;
  for (const error of errors) stderr(`seed-annotator: ${error}`);
  const progress = createProgress(names.length);
  const files: CorpusFile[] = [];
  for (const name of names) {
    progress.start(name);
    const read = readSeedFile(name, { maxBytes });
    if (!read.ok) {
      progress.clear();
      stderr(`seed-annotator: ${read.error}`);
      problems++;
      continue;
    }
    const sidecar = readSidecarTagsForOutput(name);
    if (sidecar.problem) {
      progress.clear();
      stderr(`seed-annotator: warning: ${sidecar.problem}`);
    }
    try {
      files.push(corpusFileOf(name, analyze(read.text, { attributions: sidecar.attributions }), corpusTagsOf(sidecar.tags)));
    } catch (err) {
      progress.clear();
      stderr(
        `seed-annotator: ${name}: internal error while analyzing, please report it with this file: ${(err as Error).stack ?? String(err)}`,
      );
      problems++;
    }
  }
  progress.clear();
  const decisions = workspaceDecisions(paths, files, stderr);
  return { files, decisions: decisions ?? NO_DECISIONS, problems: problems + (decisions ? 0 : 1) };
}

/** The decisions of the workspace holding the first path, with split files renamed as the corpus names them. */
export function workspaceDecisions(
  paths: readonly string[],
  files: readonly CorpusFile[],
  stderr: (line: string) => void,
): SpeakerDecisions | null {
  const first = paths[0];
  let start = first;
  try {
    if (!statSync(first).isDirectory()) start = dirname(first);
  } catch {
    start = dirname(first);
  }
  const root = findWorkspaceRoot(start);
  if (!root) return NO_DECISIONS;
  const read = readSpeakerDecisions(root);
  if (!read.ok) {
    stderr(`seed-annotator: ${read.error}; the analyst's merges and splits are not applied`);
    return null;
  }
  const byDecisionPath = new Map(files.map((f) => [decisionPathOf(root, f.file), f.file]));
  return {
    merge: read.decisions.merge,
    split: read.decisions.split.map((s) => ({ name: s.name, files: s.files.map((f) => byDecisionPath.get(f) ?? f) })),
  };
}
