// Wires the LSP connection to the features: capabilities from client support, cached analyses, diagnostics,
// the workspace index with progress, and cancellable requests. `server.ts` only creates the connection.
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  LSPErrorCodes,
  MarkupContent,
  MarkupKind,
  ResponseError,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type DidChangeWatchedFilesParams,
  type InitializeParams,
  type InitializeResult,
  type Position,
  type ServerCapabilities,
  type TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { patternScope } from '../../../shared/filePatterns';
import { DEFAULT_SETTINGS, ReviewRequests, SpeakerNotifications, SpeakerRequests, type ReviewQuotesParams } from '../../../shared/protocol';
import type { AnalyzedDocument } from '../documents/analyzedDocument';
import { throwIfCancelled } from './cancellation';
import { DocumentAnalyses } from '../documents/documentAnalyses';
import type { TextChange, TextChanges } from '../documents/textChange';
import { contentOf } from '../documents/textSnapshot';
import { sameText, type TextReader } from '../documents/pieceText';
import { AnalysisScheduler, DEFAULT_ANALYSIS_DELAY_MS } from '../documents/analysisScheduler';
import { definition } from '../features/definition';
import { diagnostics } from '../features/diagnostics';
import { documentHighlights } from '../features/documentHighlight';
import { documentSymbols } from '../features/documentSymbols';
import { foldingRanges } from '../features/folding';
import { hover } from '../features/hover';
import { references } from '../features/references';
import { legend, SemanticTokensService } from '../features/semanticTokens';
import { workspaceSpeakers, type SpeakerGrouping, type SpeakerGroupingSource } from '../features/workspaceSpeakers';
import { reviewQueue } from '../features/reviewQuotes';
import { indexedFileOf } from '../workspace/workspaceIndex';
import { workspaceSymbols } from '../features/workspaceSymbols';
import { Settings } from './settings';
import { WorkspaceSeeds } from '../workspace/workspaceSeeds';
import { createJobRunner, type JobRunner } from '../workers/pool';

/** The pause in typing the analysis waits for; tests and benchmarks may set it (milliseconds). */
function analysisDelayMs(): number {
  const set = Number(process.env.SEED_ANALYSIS_DELAY_MS);
  return process.env.SEED_ANALYSIS_DELAY_MS && Number.isFinite(set) && set >= 0 ? set : DEFAULT_ANALYSIS_DELAY_MS;
}

/**
 * The worker thread the open documents' analyses run on, so that the server's own thread keeps answering keystrokes
 * and hovers (at the server's priority, unlike the workspace index's background workers; it stops when idle).
 * SEED_ANALYSIS_WORKERS=0 analyses on the server's thread instead, as does a worker that fails.
 */
function editorAnalysisRunner(): JobRunner | undefined {
  if (process.env.SEED_ANALYSIS_WORKERS === '0') return undefined;
  return createJobRunner({ size: 1, threads: true, unref: true, idleMs: EDITOR_WORKER_IDLE_MS });
}

/** How long the editor's analysis worker stays up with nothing to do (starting it again costs a few hundred ms). */
const EDITOR_WORKER_IDLE_MS = 10 * 60_000;

/** A section of hovers: markdown or null, at once or once the work it needs is done; the hover's token with it. */
export type HoverSection = (doc: AnalyzedDocument, position: Position, token: CancellationToken) => string | null | Promise<string | null>;

export interface SeedLanguageServer {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly analyses: DocumentAnalyses;
  /** Debounces the analysis of edited documents; requests wait on it for the current version's analysis. */
  readonly scheduler: AnalysisScheduler;
  readonly tokens: SemanticTokensService;
  /** The workspace's seed files; `workspace.index.onDidChange` reports each file indexed or removed. */
  readonly workspace: WorkspaceSeeds;
  /** The client's capabilities, known after `initialize`. */
  readonly clientCapabilities: () => ClientCapabilities;
  /** The client's `initializationOptions` (e.g. `{ trusted: false }`), known before capabilities are contributed. */
  readonly initializationOptions: () => unknown;
  /** Adds capabilities to the initialize result (other feature sets, e.g. the tags of issue 5). */
  addCapabilities(contribute: (client: ClientCapabilities) => ServerCapabilities): void;
  /** Adds a listener to workspace/didChangeWatchedFiles (the connection itself accepts only one handler). */
  onDidChangeWatchedFiles(listener: (params: DidChangeWatchedFilesParams) => void): void;
  /**
   * Adds a section to hovers (e.g. the tags on a span): return markdown, built with `escapeMarkdown` for any
   * document text, or null for nothing; or a promise of it, for a section that waits for work done in slices.
   */
  addHoverSection(section: HoverSection): void;
  /**
   * The edit that made the document's current text (UTF-16, with the text before it), when the client sent it as a
   * range: listeners of `documents.onDidChangeContent` (the tag store) follow it without comparing whole texts.
   */
  changeOf(document: TextDocument): TextChange | null;
  /** Re-analyses a document after something outside its text changed (tags, attributions): tokens, diagnostics. */
  refresh(uri: string): void;
  /**
   * Groups the Speakers view's speakers across files (issue 9: corpus speakers); by name when not set. The source
   * gives the grouping once the corpus speakers are known (worked out in slices on a large workspace).
   */
  setSpeakerGrouping(source: SpeakerGroupingSource | undefined): void;
  /** The grouping set by the corpus feature, for other features that name speakers as the corpus does (exports). */
  speakerGrouping(): Promise<SpeakerGrouping | undefined>;
}

/**
 * @param changes the changes `documents` applied (its configuration): with them, requests right after an edit are
 * answered from the previous analysis carried through it while the new one waits for a pause in typing.
 */
export function createSeedLanguageServer(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  changes?: TextChanges,
): SeedLanguageServer {
  let client: ClientCapabilities = {};
  let initializationOptions: unknown;
  let settings: Settings | undefined;
  const currentSettings = () => settings?.current ?? DEFAULT_SETTINGS;
  const analyses = new DocumentAnalyses(
    () => currentSettings(),
    (uri, error) => connection.console.error(`Analysis failed for ${uri}: ${error instanceof Error ? error.stack : String(error)}`),
    editorAnalysisRunner(),
  );
  const tokens = new SemanticTokensService();
  analyses.setTaggedRanges((uri) => tokens.taggedRanges(uri));
  const workspace = new WorkspaceSeeds(connection, documents, analyses, currentSettings, () => client);
  const contributions: ((client: ClientCapabilities) => ServerCapabilities)[] = [];
  const hoverSections: HoverSection[] = [];
  const watchedFileListeners: ((params: DidChangeWatchedFilesParams) => void)[] = [];
  let speakerGrouping: SpeakerGroupingSource | undefined;
  if (process.env.SEED_TRACE_ANALYSES) {
    analyses.onDidAnalyze((uri, version, ms, where) =>
      connection.console.log(
        `analyzed ${uri} v${version} in ${ms.toFixed(1)} ms (${where === 'worker' ? 'on a worker' : 'in the server thread'})`,
      ),
    );
  }
  const scheduler = new AnalysisScheduler(
    analyses,
    (uri) => documents.get(uri),
    (doc, replacedProvisional) => {
      // A throw here would end the process from a timer: a failing check is logged instead.
      try {
        publishDiagnostics(doc);
      } catch (error) {
        connection.console.error(`Diagnostics failed for ${doc.uri}: ${error instanceof Error ? error.stack : String(error)}`);
      }
      // The editor may show tokens of the carried analysis: it asks again for those of the new one.
      if (replacedProvisional && refreshesTokens()) void connection.languages.semanticTokens.refresh();
    },
    analysisDelayMs(),
  );
  /** Whether the client can be told to ask for tokens again; only then may tokens come from a carried analysis. */
  const refreshesTokens = () => client.workspace?.semanticTokens?.refreshSupport === true;

  /**
   * The analysis of an open document's current text, or null when it is not open: after an edit, the previous one
   * carried through it (provisional), or when none could be carried, the pending one waited for. A cancelled request is answered with the RequestCancelled error the spec recommends: an empty
   * answer (no tokens, no symbols) would be taken as real; one overtaken by an edit gets ContentModified.
   */
  const analyzed = (uri: string, token?: CancellationToken): Promise<AnalyzedDocument | null> => scheduler.current(uri, token, true);
  /** The same for tokens, which may be provisional only where the editor will ask again once the analysis is done. */
  const tokenSource = (uri: string, token: CancellationToken): Promise<AnalyzedDocument | null> =>
    scheduler.current(uri, token, refreshesTokens());

  // --- initialize -------------------------------------------------------------------------------------------
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    client = params.capabilities;
    analyses.warmUp();
    initializationOptions = params.initializationOptions;
    settings = new Settings(connection, client.workspace?.configuration === true);
    workspace.setFolders(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    workspace.setInitializationOptions(params.initializationOptions);
    const capabilities: ServerCapabilities = {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      documentSymbolProvider: { label: 'Seed' },
      foldingRangeProvider: true,
      workspaceSymbolProvider: true,
    };
    if (client.textDocument?.semanticTokens) {
      capabilities.semanticTokensProvider = { legend, full: { delta: true }, range: true };
    }
    if (client.workspace?.workspaceFolders) {
      capabilities.workspace = { workspaceFolders: { supported: true, changeNotifications: true } };
    }
    for (const contribute of contributions) mergeCapabilities(capabilities, contribute(client));
    return { capabilities, serverInfo: { name: 'seed-annotator-ls', version: '0.1.0' } };
  });

  connection.onInitialized(async () => {
    await settings?.refresh();
    if (client.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'seedAnnotator' });
    }
    if (client.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      // Seed files may change on disk (re-scraped, git pull): the index follows, each pattern read as it reads them.
      const globs = ['**/*.txt', ...currentSettings().filePatterns.flatMap((p) => patternScope(p)?.glob ?? [])];
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: globs.map((globPattern) => ({ globPattern })) });
    }
    if (client.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => workspace.changeFolders(event));
    }
    void workspace.rebuild();
  });

  // --- settings ---------------------------------------------------------------------------------------------
  connection.onDidChangeConfiguration(async (change) => {
    const before = JSON.stringify(currentSettings());
    await settings?.refresh(change.settings);
    if (JSON.stringify(currentSettings()) === before) return;
    analyses.invalidateAll();
    for (const document of documents.all()) scheduler.reanalyze(document.uri);
    if (client.workspace?.semanticTokens?.refreshSupport) void connection.languages.semanticTokens.refresh();
    void workspace.rebuild();
  });

  // --- documents and diagnostics ----------------------------------------------------------------------------
  /** Published from the scheduler's analysis of each version: diagnostics never analyze the text themselves. */
  function publishDiagnostics(doc: AnalyzedDocument): void {
    const unbalanced = () => doc.unbalancedQuoteMarks;
    void connection.sendDiagnostics({
      uri: doc.uri,
      version: doc.version,
      diagnostics: diagnostics(doc, currentSettings().diagnostics, unbalanced),
    });
    void connection.sendNotification(SpeakerNotifications.changed, {});
  }
  /** Documents analyzed once: a newly opened one is analyzed at once, later edits after a pause in typing. */
  const checked = new Set<string>();
  /** Each open document's last edit, with the text it made (see `changeOf`). */
  const lastChanges = new Map<string, { text: TextReader; change: TextChange }>();
  documents.onDidChangeContent((e) => {
    const uri = e.document.uri;
    const change = changes?.take(uri) ?? null;
    if (change) lastChanges.set(uri, { text: contentOf(e.document), change });
    else lastChanges.delete(uri);
    // After every listener of this change (the tag store moves its tags in its own), before the next message.
    if (change) queueMicrotask(() => carry(e.document, change));
    scheduler.edited(uri, checked.has(uri) ? scheduler.delayMs : 0);
    checked.add(uri);
  });
  function carry(document: TextDocument, change: TextChange): void {
    if (documents.get(document.uri) !== document) return; // closed in between
    const carried = analyses.carry(document, change);
    if (carried) tokens.carry(carried);
  }
  documents.onDidClose((e) => {
    checked.delete(e.document.uri);
    lastChanges.delete(e.document.uri);
    scheduler.forget(e.document.uri);
    analyses.invalidate(e.document.uri);
    tokens.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  // --- the workspace index ----------------------------------------------------------------------------------
  watchedFileListeners.push((params) => void workspace.onWatchedFiles(params));
  connection.onDidChangeWatchedFiles((params) => {
    for (const listener of watchedFileListeners) listener(params);
  });

  // --- requests ---------------------------------------------------------------------------------------------
  connection.onHover(async (p, token) => {
    const doc = await analyzed(p.textDocument.uri, token);
    if (!doc) return null;
    const main = hover(doc, p.position);
    const extra = (await Promise.all(hoverSections.map(async (section) => section(doc, p.position, token)))).filter(
      (s): s is string => !!s,
    );
    if (extra.length === 0) return main;
    const parts = main && MarkupContent.is(main.contents) ? [main.contents.value, ...extra] : extra;
    return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: main?.range };
  });
  connection.onDefinition(async (p, token) => {
    const doc = await analyzed(p.textDocument.uri, token);
    return doc && definition(doc, p.position);
  });
  connection.onReferences(async (p, token) => {
    const doc = await analyzed(p.textDocument.uri, token);
    return doc ? references(doc, p.position, p.context.includeDeclaration) : null;
  });
  connection.onDocumentHighlight(async (p, token) => {
    const doc = await analyzed(p.textDocument.uri, token);
    return doc ? documentHighlights(doc, p.position) : null;
  });
  connection.onDocumentSymbol(async (p, token) => {
    const doc = await analyzed(p.textDocument.uri, token);
    return doc ? documentSymbols(doc) : null;
  });
  connection.onFoldingRanges(async (p, token) => {
    const doc = await analyzed(p.textDocument.uri, token);
    return doc ? foldingRanges(doc) : null;
  });
  connection.onWorkspaceSymbol(async (p, token) => {
    const found = workspaceSymbols(await workspace.files(token), p.query, token);
    throwIfCancelled(token);
    return found;
  });
  connection.onRequest(SpeakerRequests.workspace, async (_params: unknown, token: CancellationToken) => {
    const files = await workspace.files(token);
    const found = workspaceSpeakers(files, token, await speakerGrouping?.(token));
    throwIfCancelled(token);
    return found ?? [];
  });
  connection.onRequest(ReviewRequests.quotes, async (p: ReviewQuotesParams, token: CancellationToken) => {
    const one = p?.uri === undefined ? null : await scheduler.current(p.uri, token);
    const found = reviewQueue(p?.uri === undefined ? await workspace.files(token) : one ? [indexedFileOf(one)] : [], token);
    throwIfCancelled(token);
    return found ?? [];
  });
  /**
   * A document too large to analyze whole has only range tokens. An empty full answer would tell an editor the
   * document is done (VS Code then never asks for ranges), so a client that allows it is told the request was
   * cancelled by the server, without a retry; it then asks for the visible range.
   */
  const declineWholeTokens = (doc: AnalyzedDocument | null) => {
    const semantic = client.textDocument?.semanticTokens;
    if (doc?.oversized && semantic?.serverCancelSupport && semantic.requests.range) {
      throw new ResponseError(LSPErrorCodes.ServerCancelled, `${doc.uri} is only highlighted by ranges (${doc.skipped})`, {
        retriggerRequest: false,
      });
    }
  };
  connection.languages.semanticTokens.on(async (p, token) => {
    const doc = await tokenSource(p.textDocument.uri, token);
    declineWholeTokens(doc);
    return doc ? tokens.full(doc) : { data: [] };
  });
  connection.languages.semanticTokens.onDelta(async (p, token) => {
    const doc = await tokenSource(p.textDocument.uri, token);
    declineWholeTokens(doc);
    return doc ? tokens.delta(doc, p.previousResultId) : { edits: [] };
  });
  connection.languages.semanticTokens.onRange(async (p, token) => {
    const doc = await tokenSource(p.textDocument.uri, token);
    return doc ? tokens.range(doc, p.range) : { data: [] };
  });

  return {
    connection,
    documents,
    analyses,
    scheduler,
    tokens,
    workspace,
    clientCapabilities: () => client,
    initializationOptions: () => initializationOptions,
    addCapabilities: (contribute) => {
      contributions.push(contribute);
    },
    addHoverSection: (section) => {
      hoverSections.push(section);
    },
    onDidChangeWatchedFiles: (listener) => {
      watchedFileListeners.push(listener);
    },
    setSpeakerGrouping: (source) => {
      speakerGrouping = source;
    },
    speakerGrouping: async () => speakerGrouping?.(),
    changeOf: (document) => {
      const last = lastChanges.get(document.uri);
      // The text, not the document object, says whether this edit made it (a `TextDocument` is updated in place).
      return last && sameText(last.text, contentOf(document)) ? last.change : null;
    },
    refresh(uri: string): void {
      analyses.invalidate(uri);
      if (documents.get(uri)) scheduler.reanalyze(uri);
      if (client.workspace?.semanticTokens?.refreshSupport) void connection.languages.semanticTokens.refresh();
    },
  };
}

/** Adds `extra` to `target`; object-valued entries both sides set (such as `workspace`) are merged, not replaced. */
function mergeCapabilities(target: ServerCapabilities, extra: ServerCapabilities): void {
  const t = target as Record<string, unknown>;
  for (const [key, value] of Object.entries(extra)) {
    const current = t[key];
    const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
    t[key] = isObject(current) && isObject(value) ? { ...current, ...value } : value;
  }
}
