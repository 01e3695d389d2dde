// JSON Lines export: one object per tag per line, for streaming tools (jq, pandas.read_json(lines=True)).
import type { ExportRow } from './rows';

export function toJsonl(rows: readonly ExportRow[]): string {
  return rows
    .map(
      (r) =>
        JSON.stringify({
          file: r.file,
          id: r.id,
          tag: r.tag,
          note: r.note,
          start: r.start,
          end: r.end,
          text: r.text,
          speaker: r.speaker,
          dateline: r.dateline,
          status: r.status,
          created: r.created,
          modified: r.modified,
          coder: r.coder,
        }) + '\n',
    )
    .join('');
}
