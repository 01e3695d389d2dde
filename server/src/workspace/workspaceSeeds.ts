// The workspace's seed files for workspace-wide requests: keeps the index in step with the folders, the settings
// and changes on disk, shows indexing progress, and overlays open documents as edited.
import { join, relative } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  FileChangeType,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type DidChangeWatchedFilesParams,
  type TextDocuments,
  type WorkDoneProgressReporter,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LANGUAGE_ID, SpeakerNotifications, type SeedAnnotatorSettings } from '../../../shared/protocol';
import { throwIfCancelled } from '../lsp/cancellation';
import type { DocumentAnalyses } from '../documents/documentAnalyses';
import { indexedFileOf, normalizeUri, SeedFileMatcher, WorkspaceIndex, type IndexedFile, type IndexOptions } from './workspaceIndex';

/** What the client may pass as `initializationOptions` (the VS Code client passes its storage folder). */
export interface SeedInitializationOptions {
  /** A folder the server may write to for this workspace: the index cache goes in `<storagePath>/index-cache/`. */
  storagePath?: string;
}

export function pathOfUri(uri: string): string | null {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : null;
  } catch {
    return null;
  }
}

export class WorkspaceSeeds {
  /** The index itself, for corpus-wide features: `index.onDidChange(...)` (see workspaceIndex.ts). */
  readonly index = new WorkspaceIndex();
  private folders: string[] = [];
  private storagePath: string | null = null;
  /** The running (or last) rebuild, so a request can wait for a cold index; before the first one, its start. */
  private indexing: Promise<void>;
  private firstIndexStarted: ((build: Promise<void>) => void) | null = null;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly analyses: DocumentAnalyses,
    private readonly settings: () => SeedAnnotatorSettings,
    private readonly client: () => ClientCapabilities,
  ) {
    // A request that comes before `initialized` starts the first build waits for that build, not for nothing.
    this.indexing = new Promise<void>((resolve) => {
      this.firstIndexStarted = resolve;
    });
  }

  setFolders(uris: readonly string[]): void {
    this.folders = uris.map(pathOfUri).filter((p): p is string => p !== null);
  }

  /** Reads the storage folder from `initializationOptions`; without one the cache goes in the first folder. */
  setInitializationOptions(options: unknown): void {
    const storagePath = (options as SeedInitializationOptions | null | undefined)?.storagePath;
    this.storagePath = typeof storagePath === 'string' && storagePath !== '' ? storagePath : null;
  }

  /** `<storage>/index-cache`, else `<first workspace folder>/.seed-annotator/cache`. */
  private cacheRoot(): string | null {
    if (this.storagePath) return join(this.storagePath, 'index-cache');
    return this.folders.length > 0 ? join(this.folders[0], '.seed-annotator', 'cache') : null;
  }

  changeFolders(event: WorkspaceFoldersChangeEvent): void {
    const removed = new Set(event.removed.map((f) => pathOfUri(f.uri)));
    const added = event.added.map((f) => pathOfUri(f.uri)).filter((p): p is string => p !== null);
    this.folders = [...this.folders.filter((f) => !removed.has(f)), ...added];
    void this.rebuild();
  }

  /** The workspace folders (file-system paths). */
  folderPaths(): readonly string[] {
    return this.folders;
  }

  /** Resolves when the index build running now (if any) has finished. */
  whenIndexed(): Promise<void> {
    return this.indexing;
  }

  /** Re-reads every seed file, with work-done progress when the client shows it. Never throws. */
  rebuild(): Promise<void> {
    const run = this.runRebuild();
    this.indexing = run;
    this.firstIndexStarted?.(run);
    this.firstIndexStarted = null;
    return run;
  }

  private async runRebuild(): Promise<void> {
    if (this.folders.length === 0) return;
    let progress: WorkDoneProgressReporter | undefined;
    try {
      progress = this.client().window?.workDoneProgress ? await this.connection.window.createWorkDoneProgress() : undefined;
    } catch {
      progress = undefined; // the client declined a progress token: index without showing progress
    }
    const started = Date.now();
    // The longest the event loop was held up while indexing: the figure that says whether requests stayed quick.
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    try {
      const stats = await this.index.rebuild(this.folders, this.options(progress));
      if (stats) {
        this.connection.console.log(
          `Indexed ${stats.files} seed files in ${stats.readyMs} ms ` +
            `(${stats.fromCache} from the cache, ${stats.analyzed} analyzed on ${stats.threads} worker threads); ` +
            `longest event-loop delay ${(delay.max / 1e6).toFixed(1)} ms; ${stats.cached} new cache entries written ` +
            `in the ${Date.now() - started - stats.readyMs} ms after that`,
        );
        void this.connection.sendNotification(SpeakerNotifications.changed, {});
      }
    } catch (error) {
      this.connection.console.error(`Indexing the workspace failed: ${error instanceof Error ? error.stack : String(error)}`);
    } finally {
      delay.disable();
    }
  }

  /**
   * Every seed file, open documents as edited rather than as on disk. Yields before analyzing an open document,
   * so a cancellation sent meanwhile is seen.
   */
  async files(token: CancellationToken): Promise<IndexedFile[]> {
    const open = new Map<string, IndexedFile>();
    for (const document of this.documents.all()) {
      const uri = normalizeUri(document.uri);
      if (!this.index.get(uri) && !this.isSeed(document)) continue;
      // Off this thread when not cached; an edit meanwhile: the analysis carried through it, else one made here.
      const analyzed = this.analyses.peek(document) ?? (await this.analyses.analyze(document));
      throwIfCancelled(token);
      open.set(uri, indexedFileOf(analyzed ?? this.analyses.peek(document, true) ?? this.analyses.get(document)));
    }
    return [...[...this.index.all()].filter((f) => !open.has(f.uri)), ...open.values()];
  }

  /** Follows seed files changed, created or deleted on disk (re-scraped articles, git pull). Never throws. */
  async onWatchedFiles(params: DidChangeWatchedFilesParams): Promise<void> {
    const options = this.options();
    const refreshes: Promise<boolean>[] = [];
    for (const change of params.changes) {
      const path = pathOfUri(change.uri);
      if (!path || path.endsWith('.tags.json')) continue;
      const folder = this.folderOf(path);
      if (!folder) continue;
      const isSeed = change.type !== FileChangeType.Deleted && options.matcher.matches(relative(folder, path));
      refreshes.push(this.index.refresh(path, isSeed, options));
    }
    try {
      if ((await Promise.all(refreshes)).some((changed) => changed)) {
        void this.connection.sendNotification(SpeakerNotifications.changed, {});
      }
    } catch (error) {
      this.connection.console.error(`Updating the workspace index failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }

  private isSeed(document: TextDocument): boolean {
    if (document.languageId === LANGUAGE_ID) return true;
    const path = pathOfUri(document.uri);
    const folder = path && this.folderOf(path);
    return !!(path && folder && new SeedFileMatcher(this.settings().filePatterns).matches(relative(folder, path)));
  }

  private folderOf(path: string): string | undefined {
    return this.folders.find((f) => !relative(f, path).startsWith('..'));
  }

  private options(progress?: WorkDoneProgressReporter): IndexOptions {
    return {
      matcher: new SeedFileMatcher(this.settings().filePatterns),
      limits: this.settings(),
      progress,
      log: (message: string) => this.connection.console.warn(message),
      cacheRoot: this.cacheRoot(),
    };
  }
}
