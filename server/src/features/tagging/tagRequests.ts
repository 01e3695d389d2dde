// The custom tag requests (list, add, update, remove, undo, vocabulary, export, attribution) and their
// workspace/executeCommand twins, which take the same params as their single argument.
import { pathToFileURL } from 'node:url';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import {
  ServerTagCommands,
  TagRequests,
  type AttributionDto,
  type AttributionSetParams,
  type DocumentTags,
  type TagDto,
  type TagsAddParams,
  type TagsExportParams,
  type TagsExportResult,
  type TagsListParams,
  type TagsRemoveParams,
  type TagsUndoParams,
  type TagsUndoResult,
  type TagsUpdateParams,
} from '../../../../shared/protocol';
import { defaultCoder } from '../../coding/coder';
import { EXPORT_FORMATS, exportRows, formatRows, type ExportRow } from '../../export';
import { sourcePathFor } from '../../tags/sidecar';
import { sidecarsUnder } from '../../tags/sidecarFiles';
import type { TaggedFiles } from './taggedFiles';
import { attempt, attributionDto, pathOf, quoteAt, toDto } from './tagTargets';

export function registerTagRequests(files: TaggedFiles): void {
  const { server, store } = files;
  const { connection, documents } = server;
  const handlers = {
    list: async (p: TagsListParams = {}): Promise<DocumentTags[]> => {
      if (p.uri) return [files.documentTags(p.uri)];
      const uris = new Set<string>();
      for (const path of store.openPaths()) uris.add(files.uriFor(path));
      for (const sidecar of await files.workspaceSidecars()) uris.add(files.uriFor(sourcePathFor(sidecar)));
      return [...uris]
        .sort()
        .map((uri) => files.documentTags(uri))
        .filter((d) => d.tags.length > 0 || d.attributions.length > 0 || d.problem);
    },
    add: (p: TagsAddParams): TagDto => {
      const target = files.targetOf(p.uri);
      const start = target.index.toCodePoint(target.document.offsetAt(p.range.start));
      const end = target.index.toCodePoint(target.document.offsetAt(p.range.end));
      const tag = attempt(() =>
        target.store.add(target.path, Math.min(start, end), Math.max(start, end), p.tag, p.note ?? '', p.coder?.trim() || defaultCoder()),
      );
      files.changed(target);
      return toDto(target, tag);
    },
    update: (p: TagsUpdateParams): TagDto => {
      const target = files.targetOf(p.uri);
      const tag = attempt(() => target.store.update(target.path, p.id, { tag: p.tag, note: p.note }));
      files.changed(target);
      return toDto(target, tag);
    },
    remove: (p: TagsRemoveParams): TagDto => {
      const target = files.targetOf(p.uri);
      const tag = attempt(() => target.store.remove(target.path, p.id));
      files.changed(target);
      return toDto(target, tag);
    },
    undo: (p: TagsUndoParams): TagsUndoResult => {
      const target = files.targetOf(p.uri);
      if (!store.isOpen(target.path)) return { undone: null }; // undo history lives with the open document
      const undone = attempt(() => target.store.undo(target.path));
      if (undone) files.changed(target);
      return { undone };
    },
    vocabulary: async (): Promise<string[]> => {
      const names = new Set<string>();
      for (const d of await handlers.list({})) for (const t of d.tags) names.add(t.tag);
      return [...names].sort((a, b) => a.localeCompare(b));
    },
    export: async (p: TagsExportParams): Promise<TagsExportResult> => {
      if (!EXPORT_FORMATS.includes(p.format))
        throw new ResponseError(ErrorCodes.InvalidParams, `Unknown export format '${String(p.format)}'`);
      let uris: string[];
      if (p.uris && p.uris.length > 0) uris = p.uris;
      else if (p.folder) {
        const folder = pathOf(p.folder);
        uris = folder ? sidecarsUnder(folder).map((s) => files.uriFor(sourcePathFor(s))) : [];
      } else uris = (await handlers.list({})).map((d) => d.uri);
      const rows: ExportRow[] = [];
      // Speakers under their corpus names (the same person across files, the analyst's merges and splits).
      const grouping = await server.speakerGrouping();
      for (const uri of [...new Set(uris)].sort()) {
        const target = files.targetOf(uri);
        if (target.store.problem(target.path)) continue;
        rows.push(
          ...exportRows(
            {
              file: target.path,
              source: pathToFileURL(target.path).href,
              text: target.text,
              tags: target.store.list(target.path),
              attributions: target.store.attributionOverrides(target.path),
            },
            (_id, own) => grouping?.(target.uri, own)?.name ?? own,
          ),
        );
      }
      return { format: p.format, content: formatRows(rows, p.format), count: rows.length };
    },
    setAttribution: (p: AttributionSetParams): AttributionDto[] => {
      const target = files.targetOf(p.uri);
      const document = documents.get(target.uri) ?? target.document;
      const doc = server.analyses.get(document);
      const quote = quoteAt(doc, p.quoteRange);
      if (!quote) {
        throw new ResponseError(
          ErrorCodes.InvalidParams,
          `${target.path}: there is no quote at line ${p.quoteRange.start.line + 1} to attribute`,
        );
      }
      const result = attempt(() => target.store.setAttribution(target.path, quote.start, quote.end, p.speaker, p.notQuote === true));
      files.changed(target);
      return result.map((a) => attributionDto(target, a));
    },
  };

  connection.onRequest(TagRequests.list, (p) => handlers.list(p));
  connection.onRequest(TagRequests.add, (p) => handlers.add(p));
  connection.onRequest(TagRequests.update, (p) => handlers.update(p));
  connection.onRequest(TagRequests.remove, (p) => handlers.remove(p));
  connection.onRequest(TagRequests.undo, (p) => handlers.undo(p));
  connection.onRequest(TagRequests.vocabulary, () => handlers.vocabulary());
  connection.onRequest(TagRequests.export, (p) => handlers.export(p));
  connection.onRequest(TagRequests.setAttribution, (p) => handlers.setAttribution(p));

  const commandHandlers: Record<string, (arg: never) => unknown> = {
    [ServerTagCommands.list]: handlers.list,
    [ServerTagCommands.add]: handlers.add,
    [ServerTagCommands.update]: handlers.update,
    [ServerTagCommands.remove]: handlers.remove,
    [ServerTagCommands.undo]: handlers.undo,
    [ServerTagCommands.vocabulary]: handlers.vocabulary,
    [ServerTagCommands.export]: handlers.export,
    [ServerTagCommands.setAttribution]: handlers.setAttribution,
  };
  connection.onExecuteCommand((p) => {
    const handler = commandHandlers[p.command];
    if (!handler) throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command ${p.command}`);
    return handler((p.arguments?.[0] ?? {}) as never);
  });
}
