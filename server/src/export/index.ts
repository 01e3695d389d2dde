// The export formats by name, so the CLI and the server's export request format rows the same way.
import type { ExportFormat } from '../../../shared/protocol';
import { toCsv, type CsvOptions } from './csv';
import { toJsonl } from './jsonl';
import type { ExportRow } from './rows';
import { toW3c } from './w3c';

export { exportRows, type ExportRow, type TaggedFile } from './rows';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'jsonl', 'w3c'];

export function formatRows(rows: readonly ExportRow[], format: ExportFormat, options: CsvOptions = {}): string {
  switch (format) {
    case 'csv':
      return toCsv(rows, options);
    case 'jsonl':
      return toJsonl(rows);
    case 'w3c':
      return toW3c(rows);
  }
}
