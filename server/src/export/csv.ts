// CSV export (RFC 4180): a header, one row per tag, CRLF line ends, fields quoted when they need it.
import type { ExportRow } from './rows';

const COLUMNS = ['file', 'tag', 'note', 'start', 'end', 'text', 'speaker', 'dateline', 'status', 'id', 'coder'] as const;

export function toCsv(rows: readonly ExportRow[]): string {
  const lines = [COLUMNS.join(',')];
  for (const row of rows) lines.push(COLUMNS.map((c) => csvField(row[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** Quotes a field holding a comma, quote, line break or edge space; quotes inside are doubled. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
