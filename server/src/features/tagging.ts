// Tags in the language server: the custom tag requests and their executeCommand twins, tags following live edits,
// sidecar reloads on file-watcher events, "Attribute to…"/"Edit tag"/"Remove tag" code actions, the tag section of
// hovers, the `tagged` token modifier, and the attribution corrections fed into the analysis.
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  FileChangeType,
  ResponseError,
  ErrorCodes,
  type CodeAction,
  type CodeActionParams,
  type Command,
  type Connection,
  type DidChangeWatchedFilesParams,
  type Position,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ClientTagCommands,
  ServerTagCommands,
  TagNotifications,
  TagRequests,
  type AttributeToOtherArgs,
  type AttributionDto,
  type AttributionSetParams,
  type DocumentTags,
  type EditTagArgs,
  type LspRange,
  type SidecarProblem,
  type TagDto,
  type TagsAddParams,
  type TagsExportParams,
  type TagsExportResult,
  type TagsListParams,
  type TagsRemoveParams,
  type TagsUndoParams,
  type TagsUndoResult,
  type TagsUpdateParams,
} from '../../../shared/protocol';
import { CodePointIndex } from '../analysis/offsets';
import type { AnalyzedDocument } from '../documents/analyzedDocument';
import { EXPORT_FORMATS, exportRows, formatRows, type ExportRow } from '../export';
import { DEFAULT_MAX_SEED_BYTES, formatBytes } from '../files/seedFile';
import type { SeedLanguageServer } from '../lsp/languageServer';
import { openFromDisk } from '../tags/diskFile';
import { isSidecarPath, sourcePathFor } from '../tags/sidecar';
import { sidecarsUnder } from '../tags/sidecarFiles';

export { sidecarsUnder };
import { TagStore, TagStoreError, type PlacedAttribution, type PlacedTag } from '../tags/tagStore';
import { defaultCoder } from '../coding/coder';
import { clip, escapeMarkdown } from './markdown';
import { readOnlyReason } from './workspaceTrust';
import { DiagnosticCodes } from './diagnostics';

/** A source file ready for a tag operation: the live store for open documents, a one-shot store otherwise. */
interface TagTarget {
  uri: string;
  path: string;
  store: TagStore;
  text: string;
  document: TextDocument;
  index: CodePointIndex;
}

/** Speakers offered directly in "Attribute to…"; more would bury the menu (the input box takes any name). */
const MAX_SPEAKER_ACTIONS = 8;
/** Pause in typing after which the client hears that a document's tags moved. */
const TYPING_NOTIFY_DELAY_MS = 150;

export function registerTagging(server: SeedLanguageServer, store = new TagStore()): TagStore {
  const { connection, documents } = server;
  /** uri as the client spells it, by file path, for notifications. */
  const uriOfPath = new Map<string, string>();
  const typingTimers = new Map<string, NodeJS.Timeout>();
  /** Problems already announced, so a watcher storm does not repeat them. */
  const announced = new Map<string, string>();

  /** Set at initialize from the client's trust: in an untrusted workspace every store here is read-only. */
  let readOnly: string | null = null;
  server.addCapabilities(() => {
    readOnly = readOnlyReason(server.initializationOptions());
    store.setReadOnly(readOnly);
    return {
      codeActionProvider: { codeActionKinds: [CodeActionKind.Refactor, CodeActionKind.QuickFix] },
      executeCommandProvider: { commands: Object.values(ServerTagCommands) },
    };
  });
  server.analyses.setAttributionSource({
    attributionsFor: (uri) => {
      const path = pathOf(uri);
      return path && store.isOpen(path) ? store.attributionOverrides(path) : [];
    },
  });
  server.tokens.setTaggedRangesProvider({
    taggedRanges: (uri) => {
      const path = pathOf(uri);
      if (!path || !store.isOpen(path)) return [];
      return store.list(path).filter((t) => t.status !== 'orphaned').map((t) => ({ start: t.start, end: t.end }));
    },
  });

  // --- documents ----------------------------------------------------------------------------------------------
  documents.onDidOpen((e) => {
    const path = pathOf(e.document.uri);
    if (!path) return;
    uriOfPath.set(path, e.document.uri);
    // Over the seed file ceiling nothing is analysed or tagged (see tooLargeToTag); keep memory for the rest.
    if (tooLargeToTag(e.document)) return;
    store.open(path, e.document.getText());
    announceProblem(path);
    // Only a document with corrections needs its first analysis redone; tags alone only change tokens.
    if (store.attributionOverrides(path).length > 0 || store.list(path).length > 0) server.refresh(e.document.uri);
    notifyChanged(path);
  });
  documents.onDidChangeContent((e) => {
    const path = pathOf(e.document.uri);
    if (!path || !store.isOpen(path)) return;
    if (store.updateText(path, e.document.getText()) && store.list(path).length > 0) notifyChangedSoon(path);
  });
  documents.onDidClose((e) => {
    const path = pathOf(e.document.uri);
    if (!path) return;
    store.close(path);
    clearTimeout(typingTimers.get(path));
    typingTimers.delete(path);
    uriOfPath.delete(path);
    announced.delete(path);
  });

  // --- files changed on disk ------------------------------------------------------------------------------------
  server.onDidChangeWatchedFiles((params: DidChangeWatchedFilesParams) => {
    for (const change of params.changes) {
      const path = pathOf(change.uri);
      if (!path) continue;
      if (isSidecarPath(path)) {
        const source = sourcePathFor(path);
        if (store.isOpen(source)) {
          let changed = true;
          try {
            changed = store.reload(source);
          } catch (err) {
            if (!(err instanceof TagStoreError)) throw err;
            connection.console.error(err.message);
          }
          announceProblem(source);
          // The watcher also echoes our own writes: those change nothing and need no re-analysis.
          if (!changed) continue;
          server.refresh(uriFor(source));
        }
        // Closed files are read fresh on every request; the Tags view still needs to hear about it.
        notifyChanged(source);
      } else if (store.isOpen(path) && change.type !== FileChangeType.Deleted) {
        // The source was saved: store positions against the saved text (no write when nothing moved).
        const document = documents.get(uriFor(path));
        if (document && document.getText() === store.text(path)) {
          try {
            store.save(path);
          } catch (err) {
            if (!(err instanceof TagStoreError)) throw err;
            connection.console.error(err.message);
          }
        }
      }
    }
  });

  // --- requests and their executeCommand twins ------------------------------------------------------------------
  const handlers = {
    list: async (p: TagsListParams = {}): Promise<DocumentTags[]> => {
      if (p.uri) return [documentTags(p.uri)];
      const uris = new Set<string>();
      for (const path of store.openPaths()) uris.add(uriFor(path));
      for (const sidecar of await workspaceSidecars()) uris.add(uriFor(sourcePathFor(sidecar)));
      return [...uris].sort().map(documentTags).filter((d) => d.tags.length > 0 || d.attributions.length > 0 || d.problem);
    },
    add: (p: TagsAddParams): TagDto => {
      const target = targetOf(p.uri);
      const start = target.index.toCodePoint(target.document.offsetAt(p.range.start));
      const end = target.index.toCodePoint(target.document.offsetAt(p.range.end));
      const tag = attempt(() => target.store.add(target.path, Math.min(start, end), Math.max(start, end), p.tag, p.note ?? '', p.coder?.trim() || defaultCoder()));
      changed(target);
      return toDto(target, tag);
    },
    update: (p: TagsUpdateParams): TagDto => {
      const target = targetOf(p.uri);
      const tag = attempt(() => target.store.update(target.path, p.id, { tag: p.tag, note: p.note }));
      changed(target);
      return toDto(target, tag);
    },
    remove: (p: TagsRemoveParams): TagDto => {
      const target = targetOf(p.uri);
      const tag = attempt(() => target.store.remove(target.path, p.id));
      changed(target);
      return toDto(target, tag);
    },
    undo: (p: TagsUndoParams): TagsUndoResult => {
      const target = targetOf(p.uri);
      if (!store.isOpen(target.path)) return { undone: null }; // undo history lives with the open document
      const undone = attempt(() => target.store.undo(target.path));
      if (undone) changed(target);
      return { undone };
    },
    vocabulary: async (): Promise<string[]> => {
      const names = new Set<string>();
      for (const d of await handlers.list({})) for (const t of d.tags) names.add(t.tag);
      return [...names].sort((a, b) => a.localeCompare(b));
    },
    export: async (p: TagsExportParams): Promise<TagsExportResult> => {
      if (!EXPORT_FORMATS.includes(p.format)) throw new ResponseError(ErrorCodes.InvalidParams, `Unknown export format '${String(p.format)}'`);
      let uris: string[];
      if (p.uris && p.uris.length > 0) uris = p.uris;
      else if (p.folder) {
        const folder = pathOf(p.folder);
        uris = folder ? sidecarsUnder(folder).map((s) => uriFor(sourcePathFor(s))) : [];
      } else uris = (await handlers.list({})).map((d) => d.uri);
      const rows: ExportRow[] = [];
      for (const uri of [...new Set(uris)].sort()) {
        const target = targetOf(uri);
        if (target.store.problem(target.path)) continue;
        // Speakers under their corpus names (the same person across files, the analyst's merges and splits).
        const grouping = server.speakerGrouping();
        rows.push(...exportRows({
          file: target.path,
          source: pathToFileURL(target.path).href,
          text: target.text,
          tags: target.store.list(target.path),
          attributions: target.store.attributionOverrides(target.path),
        }, (_id, own) => grouping?.(target.uri, own)?.name ?? own));
      }
      return { format: p.format, content: formatRows(rows, p.format), count: rows.length };
    },
    setAttribution: (p: AttributionSetParams): AttributionDto[] => {
      const target = targetOf(p.uri);
      const document = documents.get(target.uri) ?? target.document;
      const doc = server.analyses.get(document);
      const quote = quoteAt(doc, p.quoteRange);
      if (!quote) {
        throw new ResponseError(ErrorCodes.InvalidParams, `${target.path}: there is no quote at line ${p.quoteRange.start.line + 1} to attribute`);
      }
      const result = attempt(() => target.store.setAttribution(target.path, quote.start, quote.end, p.speaker, p.notQuote === true));
      changed(target);
      return result.map((a) => attributionDto(target, a));
    },
  };

  connection.onRequest(TagRequests.list, (p: TagsListParams) => handlers.list(p));
  connection.onRequest(TagRequests.add, (p: TagsAddParams) => handlers.add(p));
  connection.onRequest(TagRequests.update, (p: TagsUpdateParams) => handlers.update(p));
  connection.onRequest(TagRequests.remove, (p: TagsRemoveParams) => handlers.remove(p));
  connection.onRequest(TagRequests.undo, (p: TagsUndoParams) => handlers.undo(p));
  connection.onRequest(TagRequests.vocabulary, () => handlers.vocabulary());
  connection.onRequest(TagRequests.export, (p: TagsExportParams) => handlers.export(p));
  connection.onRequest(TagRequests.setAttribution, (p: AttributionSetParams) => handlers.setAttribution(p));

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

  // --- code actions -------------------------------------------------------------------------------------------
  connection.onCodeAction(async (p: CodeActionParams, token): Promise<CodeAction[]> => {
    const document = documents.get(p.textDocument.uri);
    const path = pathOf(p.textDocument.uri);
    // Every action here writes: none is offered while the sidecar is unusable or the workspace is read-only.
    if (!document || !path || !store.isOpen(path) || store.problem(path) || readOnly) return [];
    // Editors ask on every cursor move: waiting for the scheduled analysis keeps typing at one analysis a pause.
    const doc = await server.scheduler.current(p.textDocument.uri, token);
    if (!doc) return [];
    const actions: CodeAction[] = [];
    const from = doc.offsetAt(p.range.start);
    const to = doc.offsetAt(p.range.end);
    for (const tag of store.list(path)) {
      if (tag.status === 'orphaned' || !touches(tag, from, to)) continue;
      const label = `“${tag.tag}”`;
      actions.push(action(`Edit tag ${label}`, { title: `Edit tag ${label}`, command: ClientTagCommands.editTag, arguments: [{ uri: document.uri, id: tag.id } satisfies EditTagArgs] }));
      actions.push(action(`Remove tag ${label}`, { title: `Remove tag ${label}`, command: ServerTagCommands.remove, arguments: [{ uri: document.uri, id: tag.id } satisfies TagsRemoveParams] }));
    }
    const quote = quoteAt(doc, p.range);
    if (quote) {
      const quoteRange = doc.rangeOf(quote);
      const current = quote.speakerId ? doc.analysis.speakers.find((s) => s.id === quote.speakerId)?.name : undefined;
      const speakers = doc.analysis.speakers.filter((s) => s.kind !== 'anonymous' && s.name !== current).slice(0, MAX_SPEAKER_ACTIONS);
      for (const s of speakers) {
        const args: AttributionSetParams = { uri: document.uri, quoteRange, speaker: s.name };
        actions.push(action(`Attribute to ${s.name}`, { title: `Attribute to ${s.name}`, command: ServerTagCommands.setAttribution, arguments: [args] }));
      }
      const other: AttributeToOtherArgs = { uri: document.uri, quoteRange };
      actions.push(action('Attribute to…', { title: 'Attribute to…', command: ClientTagCommands.attributeToOther, arguments: [other] }));
      const notQuote: AttributionSetParams = { uri: document.uri, quoteRange, speaker: null, notQuote: true };
      actions.push(action('Not a quote', { title: 'Not a quote', command: ServerTagCommands.setAttribution, arguments: [notQuote] }));
      const corrected = store.attributions(path).some((a) => a.span && a.span.start === quote.start && a.span.end === quote.end);
      if (corrected) {
        const args: AttributionSetParams = { uri: document.uri, quoteRange, speaker: null };
        actions.push(action('Remove attribution correction', { title: 'Remove attribution correction', command: ServerTagCommands.setAttribution, arguments: [args] }));
      }
      // From the Problems panel (an "unattributed quote" diagnostic in the context), the same choices are its fixes.
      const unattributed = p.context.diagnostics.filter((d) => d.code === DiagnosticCodes.unattributedQuote);
      if (unattributed.length > 0) {
        const attributes = (a: CodeAction) =>
          a.command?.command === ServerTagCommands.setAttribution || a.command?.command === ClientTagCommands.attributeToOther;
        for (const a of actions.filter(attributes)) Object.assign(a, { kind: CodeActionKind.QuickFix, diagnostics: unattributed });
      }
    }
    return actions;
  });

  // --- hover ----------------------------------------------------------------------------------------------------
  server.addHoverSection((doc: AnalyzedDocument, position: Position) => {
    const path = pathOf(doc.uri);
    if (!path || !store.isOpen(path)) return null;
    const at = doc.offsetAt(position);
    const lines = store.list(path)
      .filter((t) => t.status !== 'orphaned' && t.start <= at && at < t.end)
      .map((t) => `- **${escapeMarkdown(t.tag)}**${t.creator ? ` by ${escapeMarkdown(t.creator)}` : ''}${t.note ? `: ${escapeMarkdown(clip(t.note))}` : ''}${t.status === 'moved' ? ' _(moved: check its place)_' : ''}`);
    if (lines.length === 0) return null;
    return [`**Tags**`, ...lines].join('\n');
  });

  // --- helpers ----------------------------------------------------------------------------------------------------
  function targetOf(uri: string): TagTarget {
    const path = pathOf(uri);
    if (!path) throw new ResponseError(ErrorCodes.InvalidParams, `Tags are stored next to files on disk; save ${uri} first`);
    const open = documents.get(uri) ?? documents.get(uriFor(path));
    const tooLarge = open && tooLargeToTag(open);
    if (tooLarge) throw new ResponseError(ErrorCodes.InvalidRequest, `${path}: ${tooLarge}`);
    if (open && store.isOpen(path)) {
      const text = store.text(path);
      return { uri: open.uri, path, store, text, document: TextDocument.create(open.uri, open.languageId, open.version, text), index: new CodePointIndex(text) };
    }
    const oneShot = new TagStore({ readOnly });
    const opened = openFromDisk(oneShot, path);
    if (!opened.ok) throw new ResponseError(ErrorCodes.InvalidParams, opened.error);
    return { uri: uriFor(path), path, store: oneShot, text: opened.text, document: TextDocument.create(uri, 'seed', 0, opened.text), index: new CodePointIndex(opened.text) };
  }

  function documentTags(uri: string): DocumentTags {
    let target: TagTarget;
    try {
      target = targetOf(uri);
    } catch (err) {
      const path = pathOf(uri) ?? uri;
      return { uri, tags: [], attributions: [], problem: { uri, sidecar: `${path}.tags.json`, message: (err as Error).message } };
    }
    const problem = target.store.problem(target.path);
    return {
      uri: target.uri,
      tags: problem ? [] : target.store.list(target.path).map((t) => toDto(target, t)),
      attributions: problem ? [] : target.store.attributions(target.path).map((a) => attributionDto(target, a)),
      problem: problem ? problemOf(target.path, problem) : null,
    };
  }

  function changed(target: TagTarget): void {
    if (store.isOpen(target.path)) server.refresh(target.uri);
    notifyChanged(target.path);
  }

  /** While typing, tell the client once per pause: its decorations already move with the text meanwhile. */
  function notifyChangedSoon(path: string): void {
    clearTimeout(typingTimers.get(path));
    typingTimers.set(path, setTimeout(() => { typingTimers.delete(path); notifyChanged(path); }, TYPING_NOTIFY_DELAY_MS));
  }

  function notifyChanged(path: string): void {
    void connection.sendNotification(TagNotifications.changed, { uri: uriFor(path) });
  }

  function announceProblem(path: string): void {
    const problem = store.problem(path);
    const before = announced.get(path);
    if (problem === (before ?? null)) return;
    if (problem) {
      announced.set(path, problem);
      connection.console.error(problem);
      void connection.sendNotification(TagNotifications.sidecarProblem, problemOf(path, problem));
    } else {
      announced.delete(path);
      void connection.sendNotification(TagNotifications.sidecarProblem, { uri: uriFor(path), sidecar: `${path}.tags.json`, message: null });
    }
  }

  function problemOf(path: string, message: string): SidecarProblem {
    return { uri: uriFor(path), sidecar: `${path}.tags.json`, message };
  }

  function uriFor(path: string): string {
    return uriOfPath.get(path) ?? pathToFileURL(path).href;
  }

  async function workspaceSidecars(): Promise<string[]> {
    if (!server.clientCapabilities().workspace?.workspaceFolders) return [];
    let folders;
    try {
      folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
    } catch (err) {
      connection.console.warn(`Tags: could not ask the client for its workspace folders (${(err as Error).message})`);
      return [];
    }
    return folders.flatMap((f) => {
      const folder = pathOf(f.uri);
      return folder ? sidecarsUnder(folder) : [];
    });
  }

  return store;
}

/** Why an open document is too large to tag (the seed file ceiling), or null. */
function tooLargeToTag(document: TextDocument): string | null {
  // A UTF-16 unit is at most three UTF-8 bytes: a text this short cannot be over the limit, and needs no count.
  if (document.getText().length <= DEFAULT_MAX_SEED_BYTES / 3) return null;
  const bytes = Buffer.byteLength(document.getText(), 'utf8');
  return bytes > DEFAULT_MAX_SEED_BYTES
    ? `the file is ${formatBytes(bytes)}, over the ${formatBytes(DEFAULT_MAX_SEED_BYTES)} limit for a seed file; it is not analysed or tagged`
    : null;
}

function attempt<T>(operation: () => T): T {
  try {
    return operation();
  } catch (err) {
    if (err instanceof TagStoreError) throw new ResponseError(ErrorCodes.InvalidRequest, err.message, { code: err.code });
    throw err;
  }
}

function toDto(target: TagTarget, tag: PlacedTag): TagDto {
  const dto: TagDto = {
    id: tag.id,
    uri: target.uri,
    tag: tag.tag,
    note: tag.note,
    created: tag.created,
    status: tag.status,
    range: rangeOf(target, tag.start, tag.end),
    start: tag.start,
    end: tag.end,
    text: tag.text,
  };
  if (tag.modified !== undefined) dto.modified = tag.modified;
  if (tag.creator !== undefined) dto.creator = tag.creator;
  return dto;
}

function attributionDto(target: TagTarget, a: PlacedAttribution): AttributionDto {
  return { exact: a.exact, prefix: a.prefix, suffix: a.suffix, speaker: a.speaker, ...(a.notQuote ? { notQuote: true } : {}), range: a.span && rangeOf(target, a.span.start, a.span.end) };
}

function rangeOf(target: TagTarget, start: number, end: number): LspRange {
  return { start: target.document.positionAt(target.index.toUtf16(start)), end: target.document.positionAt(target.index.toUtf16(end)) };
}

/** The quote a range is in or overlaps (for an empty range: the quote containing the cursor). */
function quoteAt(doc: AnalyzedDocument, range: LspRange) {
  const from = doc.offsetAt(range.start);
  const to = doc.offsetAt(range.end);
  return doc.analysis.quotes.find((q) => (from === to ? q.start <= from && from <= q.end : q.start < to && from < q.end)) ?? null;
}

function touches(span: { start: number; end: number }, from: number, to: number): boolean {
  return from === to ? span.start <= from && from <= span.end : span.start < to && from < span.end;
}

function action(title: string, command: Command): CodeAction {
  return { title, kind: CodeActionKind.Refactor, command };
}

function pathOf(uri: string): string | null {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : null;
  } catch {
    return null;
  }
}
