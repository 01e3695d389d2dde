// CSV export (RFC 4180): a header, one row per tag, CRLF line ends, fields quoted when they need it. Cells that a
// spreadsheet would run as a formula are neutralised unless the caller asks for the raw text (see `csvCell`).
import type { ExportRow } from './rows';

const COLUMNS = ['file', 'tag', 'note', 'start', 'end', 'text', 'speaker', 'dateline', 'status', 'id', 'coder'] as const;

export interface CsvOptions {
  /** Keep cells verbatim, even those a spreadsheet would run as a formula (`--raw`). */
  raw?: boolean;
}

export function toCsv(rows: readonly ExportRow[], options: CsvOptions = {}): string {
  const lines = [COLUMNS.join(',')];
  for (const row of rows) lines.push(COLUMNS.map((c) => csvField(options.raw ? row[c] : csvCell(row[c]))).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** What a spreadsheet takes as the start of a formula (OWASP "CSV injection"): `=`, `+`, `-`, `@`, tab, CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell as a spreadsheet will show it, never run it: one starting like a formula gets a leading `'`, which
 * spreadsheets read as "this is text". Numbers (offsets) are left alone.
 */
export function csvCell(value: string | number | null): string | number | null {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** Quotes a field holding a comma, quote, line break or edge space; quotes inside are doubled. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
