// One file of `analyze`: read it, apply its sidecar's attribution corrections, analyze it and format the result for
// the chosen output. Runs in an analysis worker (or in the CLI's own thread with --jobs 1), so it returns plain data
// and the text it prints: the main thread only writes, and never holds more than the files in flight.
import { analyze } from '../analysis';
import { readSeedFile } from '../files/seedFile';
import { formatResult, toFileResult, type FormattedResult, type OutputMode } from './output';
import { readSidecarTagsForOutput } from '../tags/sidecarTags';

export interface FileJob {
  file: string;
  maxBytes: number;
  output: OutputMode;
}

/** Several files in one job: one message each way for the batch instead of one per file. */
export interface FileBatch {
  files: string[];
  maxBytes: number;
  output: OutputMode;
}

export type FileOutcome = { ok: true; formatted: FormattedResult; warnings: string[] } | { ok: false; error: string; warnings: string[] };

export function analyzeFileForOutput(job: FileJob): FileOutcome {
  const read = readSeedFile(job.file, { maxBytes: job.maxBytes });
  if (!read.ok) return { ok: false, error: read.error, warnings: [] };
  const sidecar = readSidecarTagsForOutput(job.file);
  const warnings = sidecar.problem ? [sidecar.problem] : [];
  let analysis;
  try {
    analysis = analyze(read.text, { attributions: sidecar.attributions });
  } catch (err) {
    // One article that trips the analyzer must not cost the rest of a corpus run.
    return {
      ok: false,
      error: `${job.file}: internal error while analyzing, please report it with this file: ${(err as Error).stack ?? String(err)}`,
      warnings,
    };
  }
  return { ok: true, formatted: formatResult(job.output, toFileResult(job.file, analysis, sidecar.tags), read.text), warnings };
}

export function analyzeFilesForOutput(batch: FileBatch): FileOutcome[] {
  return batch.files.map((file) => analyzeFileForOutput({ file, maxBytes: batch.maxBytes, output: batch.output }));
}
