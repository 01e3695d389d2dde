// The analyze command's machine output: the per-file object of the CLI contract and its JSON / JSON Lines writers.
import type { Analysis, Dateline, Quote, Speaker } from '../analysis';
import type { Text } from '../workers/transfer';
import { formatFileSummary, LineIndex } from './summary';

/** One file's entry in `analyze --json`, as fixed in docs/contracts.md ("Command line"). `structure` is left out: it is layout
 * bookkeeping for the editor, and every span a consumer needs is already in the other fields. */
export interface FileResult {
  file: string;
  title: string | null;
  datelines: Dateline[];
  speakers: Speaker[];
  quotes: Quote[];
  tags: unknown[];
}

export function toFileResult(file: string, analysis: Analysis, tags: unknown[]): FileResult {
  const { title, datelines, speakers, quotes } = analysis;
  return { file, title, datelines, speakers, quotes, tags };
}

export type OutputMode = 'summary' | 'json' | 'jsonl';

/** What the closing summary line counts for one file. */
export interface ResultCounts {
  quotes: number;
  attributed: number;
  speakers: number;
  tags: number;
}

/**
 * One file's result as printed (formatted where it was analyzed, possibly a worker thread) and its counts. From a
 * worker thread the text comes as UTF-8 bytes, written out as they are.
 */
export interface FormattedResult {
  text: Text;
  counts: ResultCounts;
}

export function formatResult(mode: OutputMode, result: FileResult, source: string): FormattedResult {
  const counts = {
    quotes: result.quotes.length,
    attributed: result.quotes.filter((q) => q.speakerId !== null).length,
    speakers: result.speakers.length,
    tags: result.tags.length,
  };
  const text =
    mode === 'jsonl'
      ? JSON.stringify(result) + '\n'
      : mode === 'json'
        ? indent(JSON.stringify(result, null, 2))
        : formatFileSummary(result, new LineIndex(source));
  return { text, counts };
}

/** Receives formatted results as files finish; `end` closes the stream. */
export interface ResultWriter {
  write(result: FormattedResult): void;
  end(): void;
}

export type Sink = (chunk: Text) => void;

/** One JSON array for the whole run, written element by element so a corpus is never held as one string. */
export function jsonArrayWriter(sink: Sink): ResultWriter {
  let count = 0;
  return {
    write(result) {
      sink(count++ === 0 ? '[\n' : ',\n');
      sink(result.text);
    },
    end() {
      sink(count === 0 ? '[]\n' : '\n]\n');
    },
  };
}

/** JSON Lines: one compact object per line, flushed as each file finishes. */
export function jsonLinesWriter(sink: Sink): ResultWriter {
  return {
    write(result) {
      sink(result.text);
    },
    end() {},
  };
}

function indent(json: string): string {
  return '  ' + json.replace(/\n/g, '\n  ');
}
