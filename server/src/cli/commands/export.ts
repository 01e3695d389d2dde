// `seed-annotator export <file|dir>... --format csv|jsonl|w3c [--out <file>]`: every tag with its speaker and
// dateline, for spreadsheets, pandas or any W3C Web Annotation tool.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ExportFormat } from '../../../../shared/protocol';
import { analyze, type Analysis } from '../../analysis';
import { corpusFileOf } from '../../corpus/corpusFile';
import { NO_DECISIONS } from '../../corpus/decisions';
import { corpusSpeakers } from '../../corpus/speakers';
import { EXPORT_FORMATS, exportRows, formatRows, type ExportRow, type TaggedFile } from '../../export';
import { expandSeedPaths } from '../../files/seedFile';
import { writeFileAtomic } from '../../tags/atomicWrite';
import { openUsable } from '../../tags/diskFile';
import { TagStore } from '../../tags/tagStore';
import { parseStrict, usageFailure, UsageError } from '../args';
import { workspaceDecisions } from '../corpus';
import { refusesOutputTarget } from '../outputTarget';
import * as qdpx from './exportQdpx';

const USAGE =
  'usage: seed-annotator export <file|dir>... --format csv|jsonl|w3c [--out <file>] [--raw]\n       seed-annotator export <file|dir>... --format qdpx --out <file.qdpx>';

export async function run(args: string[]): Promise<number> {
  if (qdpx.isQdpxRequest(args)) return qdpx.run(args);
  let format: ExportFormat;
  let out: string | undefined;
  let paths: string[];
  let raw = false;
  try {
    const { values, positionals } = parseStrict(args, {
      format: { type: 'string' },
      out: { type: 'string' },
      raw: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    if (positionals.length === 0) throw new UsageError('no files or directories given');
    if (!EXPORT_FORMATS.includes(values.format as ExportFormat)) {
      throw new UsageError(values.format === undefined ? '--format is required' : `unknown format '${values.format}'`);
    }
    format = values.format as ExportFormat;
    out = typeof values.out === 'string' ? values.out : undefined;
    if (out === '') throw new UsageError('--out needs a file name');
    raw = values.raw === true;
    paths = positionals;
  } catch (err) {
    return usageFailure('export', USAGE, err);
  }

  const { files, errors } = expandSeedPaths(paths);
  if (out !== undefined && refusesOutputTarget(out, [...paths, ...files])) return 2;
  const problems = [...errors];
  const tagged: (TaggedFile & { analysis: Analysis })[] = [];
  const store = new TagStore();
  for (const file of files) {
    const opened = openUsable(store, file);
    if (!opened.ok) {
      problems.push(opened.error);
      continue;
    }
    const attributions = store.attributionOverrides(file);
    const source = pathToFileURL(resolve(file)).href;
    tagged.push({
      file,
      source,
      text: opened.text,
      tags: store.list(file),
      attributions,
      analysis: analyze(opened.text, { attributions }),
    });
    store.close(file);
  }
  // Speakers are exported as the corpus of these files names them, with the analyst's merges and splits.
  const corpusFiles = tagged.map((t) => corpusFileOf(t.file, t.analysis));
  const decisions = workspaceDecisions(paths, corpusFiles, (line) => problems.push(line.replace(/^seed-annotator: /, '')));
  const corpus = corpusSpeakers(corpusFiles, decisions ?? NO_DECISIONS);
  const rows: ExportRow[] = tagged.flatMap((t) => exportRows(t, (id, own) => corpus.of(t.file, id)?.name ?? own));
  for (const p of problems) process.stderr.write(`seed-annotator export: ${p}\n`);
  const content = formatRows(rows, format, { raw });
  if (out) {
    try {
      writeFileAtomic(out, content);
    } catch (err) {
      process.stderr.write(`seed-annotator export: ${(err as Error).message}\n`);
      return 1;
    }
    process.stderr.write(`${rows.length} tag${rows.length === 1 ? '' : 's'} written to ${out}\n`);
  } else {
    process.stdout.write(content);
  }
  return problems.length > 0 ? 1 : 0;
}
