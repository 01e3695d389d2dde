// Workspace symbols over the index: speakers by name, alias or role, and quotes by their words ("ceasefire").
import { SymbolKind } from 'vscode-languageserver';
import type { CancellationToken, SymbolInformation } from 'vscode-languageserver';
import type { IndexedFile } from '../workspace/workspaceIndex';

/** Enough for any picker; a bare query over a large corpus would otherwise send everything. */
export const MAX_WORKSPACE_SYMBOLS = 500;
const SNIPPET = 100;

function fold(text: string): string {
  return text.replace(/\s+/g, ' ').toLowerCase();
}

/** Case-insensitive subsequence match, the way editors filter symbol names ("nebz" finds "Nebenzya"). */
function fuzzy(query: string, text: string): boolean {
  let i = 0;
  for (const c of fold(text)) if (c === query[i]) i++;
  return i >= query.length;
}

/**
 * A quote's symbol name: the whole quote when short, else a window around the match, so that the editor's own
 * filtering (on the name) still sees the query in it.
 */
function quoteName(text: string, query: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= SNIPPET) return flat;
  const at = query ? flat.toLowerCase().indexOf(query) : -1;
  if (at < 0) return `${flat.slice(0, SNIPPET)}…`;
  const from = Math.max(0, at - Math.floor((SNIPPET - query.length) / 2));
  const to = Math.min(flat.length, from + Math.max(SNIPPET, query.length));
  return `${from > 0 ? '…' : ''}${flat.slice(from, to)}${to < flat.length ? '…' : ''}`;
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

/** Returns null when cancelled. */
export function workspaceSymbols(files: Iterable<IndexedFile>, rawQuery: string, token?: CancellationToken): SymbolInformation[] | null {
  const query = fold(rawQuery.trim());
  const result: SymbolInformation[] = [];
  for (const file of files) {
    if (token?.isCancellationRequested) return null;
    const where = fileName(file.uri);
    for (const s of file.speakers) {
      if (query && ![s.name, ...s.aliases].some((n) => fuzzy(query, n)) && !fold(s.role ?? '').includes(query)) continue;
      result.push({
        name: s.name,
        kind: s.kind === 'person' ? SymbolKind.Constructor : SymbolKind.Class,
        location: { uri: file.uri, range: s.range },
        containerName: s.role ? `${s.role} — ${where}` : where,
      });
    }
    for (const q of file.quotes) {
      const text = fold(q.text);
      if (query && !text.includes(query) && !(q.speaker && fuzzy(query, q.speaker))) continue;
      result.push({
        name: quoteName(q.text, query),
        kind: SymbolKind.String,
        location: { uri: file.uri, range: q.range },
        containerName: `${q.speaker ?? 'no speaker'} — ${where}`,
      });
    }
    if (result.length >= MAX_WORKSPACE_SYMBOLS) break;
  }
  return result.slice(0, MAX_WORKSPACE_SYMBOLS);
}
