// Wires the LSP connection to the features: capabilities from client support, cached analyses, diagnostics,
// the workspace index with progress, and cancellable requests. `server.ts` only creates the connection.
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MarkupContent,
  MarkupKind,
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
import { DEFAULT_SETTINGS, ReviewRequests, SpeakerNotifications, SpeakerRequests, type ReviewQuotesParams } from '../../shared/protocol';
import type { AnalyzedDocument } from './analyzedDocument';
import { throwIfCancelled } from './cancellation';
import { DocumentAnalyses } from './documents';
import { definition } from './features/definition';
import { diagnostics } from './features/diagnostics';
import { documentHighlights } from './features/documentHighlight';
import { documentSymbols } from './features/documentSymbols';
import { foldingRanges } from './features/folding';
import { hover } from './features/hover';
import { references } from './features/references';
import { legend, SemanticTokensService } from './features/semanticTokens';
import { workspaceSpeakers, type SpeakerGrouping } from './features/workspaceSpeakers';
import { reviewQueue } from './features/reviewQuotes';
import { indexedFileOf } from './workspaceIndex';
import { workspaceSymbols } from './features/workspaceSymbols';
import { Settings } from './settings';
import { WorkspaceSeeds } from './workspaceSeeds';

/** Diagnostics wait for a pause in typing so each keystroke does not re-analyse the document. */
const DIAGNOSTICS_DELAY_MS = 250;

export interface SeedLanguageServer {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly analyses: DocumentAnalyses;
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
   * document text, or null for nothing.
   */
  addHoverSection(section: (doc: AnalyzedDocument, position: Position) => string | null): void;
  /** Re-analyses a document after something outside its text changed (tags, attributions): tokens, diagnostics. */
  refresh(uri: string): void;
  /** Groups the Speakers view's speakers across files (issue 9: corpus speakers); by name when not set. */
  setSpeakerGrouping(grouping: SpeakerGrouping | undefined): void;
  /** The grouping set by the corpus feature, for other features that name speakers as the corpus does (exports). */
  speakerGrouping(): SpeakerGrouping | undefined;
}

export function createSeedLanguageServer(connection: Connection, documents: TextDocuments<TextDocument>): SeedLanguageServer {
  let client: ClientCapabilities = {};
  let initializationOptions: unknown;
  let settings: Settings | undefined;
  const currentSettings = () => settings?.current ?? DEFAULT_SETTINGS;
  const analyses = new DocumentAnalyses(
    () => currentSettings(),
    (uri, error) => connection.console.error(`Analysis failed for ${uri}: ${error instanceof Error ? error.stack : String(error)}`),
  );
  const tokens = new SemanticTokensService();
  const workspace = new WorkspaceSeeds(connection, documents, analyses, currentSettings, () => client);
  const contributions: ((client: ClientCapabilities) => ServerCapabilities)[] = [];
  const hoverSections: ((doc: AnalyzedDocument, position: Position) => string | null)[] = [];
  const watchedFileListeners: ((params: DidChangeWatchedFilesParams) => void)[] = [];
  const pending = new Map<string, NodeJS.Timeout>();
  let speakerGrouping: SpeakerGrouping | undefined;

  /**
   * The analysis of an open document, or null when it is not open. A cancelled request is answered with the
   * RequestCancelled error the spec recommends: an empty answer (no tokens, no symbols) would be taken as real.
   */
  const analysed = (uri: string, token?: CancellationToken): AnalyzedDocument | null => {
    throwIfCancelled(token);
    const document = documents.get(uri);
    return document ? analyses.get(document) : null;
  };

  // --- initialize -------------------------------------------------------------------------------------------
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    client = params.capabilities;
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
      // Seed files may change on disk (re-scraped, git pull): the index follows. A pattern without a slash names
      // a file anywhere, as the matcher reads it.
      const globs = ['**/*.txt', ...currentSettings().filePatterns.map((p) => (p.includes('/') ? p : `**/${p}`))];
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
    for (const document of documents.all()) scheduleDiagnostics(document.uri, 0);
    if (client.workspace?.semanticTokens?.refreshSupport) void connection.languages.semanticTokens.refresh();
    void workspace.rebuild();
  });

  // --- documents and diagnostics ----------------------------------------------------------------------------
  const publishDiagnostics = (uri: string) => {
    const doc = analysed(uri);
    if (!doc) return;
    // The unpaired marks come from the cached analysis: publishing diagnostics never analyses the text again.
    const unbalanced = () => doc.unbalancedQuoteMarks;
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: diagnostics(doc, currentSettings().diagnostics, unbalanced) });
    void connection.sendNotification(SpeakerNotifications.changed, {});
  };
  function scheduleDiagnostics(uri: string, delay = DIAGNOSTICS_DELAY_MS): void {
    clearTimeout(pending.get(uri));
    pending.set(uri, setTimeout(() => {
      pending.delete(uri);
      // A timer callback that throws would end the process: a failing check is logged instead.
      try {
        publishDiagnostics(uri);
      } catch (error) {
        connection.console.error(`Diagnostics failed for ${uri}: ${error instanceof Error ? error.stack : String(error)}`);
      }
    }, delay));
  }
  /** Documents that got their first diagnostics: a newly opened one is checked at once, later edits after a pause. */
  const checked = new Set<string>();
  documents.onDidChangeContent((e) => {
    const uri = e.document.uri;
    scheduleDiagnostics(uri, checked.has(uri) ? DIAGNOSTICS_DELAY_MS : 0);
    checked.add(uri);
  });
  documents.onDidClose((e) => {
    checked.delete(e.document.uri);
    clearTimeout(pending.get(e.document.uri));
    pending.delete(e.document.uri);
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
  connection.onHover((p, token) => {
    const doc = analysed(p.textDocument.uri, token);
    if (!doc) return null;
    const main = hover(doc, p.position);
    const extra = hoverSections.map((section) => section(doc, p.position)).filter((s): s is string => !!s);
    if (extra.length === 0) return main;
    const parts = main && MarkupContent.is(main.contents) ? [main.contents.value, ...extra] : extra;
    return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: main?.range };
  });
  connection.onDefinition((p, token) => {
    const doc = analysed(p.textDocument.uri, token);
    return doc && definition(doc, p.position);
  });
  connection.onReferences((p, token) => {
    const doc = analysed(p.textDocument.uri, token);
    return doc ? references(doc, p.position, p.context.includeDeclaration) : null;
  });
  connection.onDocumentHighlight((p, token) => {
    const doc = analysed(p.textDocument.uri, token);
    return doc ? documentHighlights(doc, p.position) : null;
  });
  connection.onDocumentSymbol((p, token) => {
    const doc = analysed(p.textDocument.uri, token);
    return doc ? documentSymbols(doc) : null;
  });
  connection.onFoldingRanges((p, token) => {
    const doc = analysed(p.textDocument.uri, token);
    return doc ? foldingRanges(doc) : null;
  });
  connection.onWorkspaceSymbol(async (p, token) => {
    const found = workspaceSymbols(await workspace.files(token), p.query, token);
    throwIfCancelled(token);
    return found;
  });
  connection.onRequest(SpeakerRequests.workspace, async (_params: unknown, token: CancellationToken) => {
    const found = workspaceSpeakers(await workspace.files(token), token, speakerGrouping);
    throwIfCancelled(token);
    return found;
  });
  connection.onRequest(ReviewRequests.quotes, async (p: ReviewQuotesParams, token: CancellationToken) => {
    const one = p?.uri === undefined ? null : analysed(p.uri, token);
    const found = reviewQueue(p?.uri === undefined ? await workspace.files(token) : one ? [indexedFileOf(one)] : [], token);
    throwIfCancelled(token);
    return found;
  });
  connection.languages.semanticTokens.on((p, token) => {
    const doc = analysed(p.textDocument.uri, token);
    return doc ? tokens.full(doc) : { data: [] };
  });
  connection.languages.semanticTokens.onDelta((p, token) => {
    const doc = analysed(p.textDocument.uri, token);
    return doc ? tokens.delta(doc, p.previousResultId) : { edits: [] };
  });
  connection.languages.semanticTokens.onRange((p, token) => {
    const doc = analysed(p.textDocument.uri, token);
    return doc ? tokens.range(doc, p.range) : { data: [] };
  });

  return {
    connection,
    documents,
    analyses,
    tokens,
    workspace,
    clientCapabilities: () => client,
    initializationOptions: () => initializationOptions,
    addCapabilities: (contribute) => { contributions.push(contribute); },
    addHoverSection: (section) => { hoverSections.push(section); },
    onDidChangeWatchedFiles: (listener) => { watchedFileListeners.push(listener); },
    setSpeakerGrouping: (grouping) => { speakerGrouping = grouping; },
    speakerGrouping: () => speakerGrouping,
    refresh(uri: string): void {
      analyses.invalidate(uri);
      scheduleDiagnostics(uri, 0);
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

