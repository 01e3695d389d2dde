// The workspace's seed files for workspace-wide requests: keeps the index in step with the folders, the settings
// and changes on disk, shows indexing progress, and overlays open documents as edited.
import { relative } from 'node:path';
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
import { LANGUAGE_ID, SpeakerNotifications, type SeedAnnotatorSettings } from '../../shared/protocol';
import { throwIfCancelled } from './cancellation';
import type { DocumentAnalyses } from './documents';
import { indexedFileOf, normalizeUri, SeedFileMatcher, WorkspaceIndex, type IndexedFile, type IndexObserver, type IndexOptions } from './workspaceIndex';

export function pathOfUri(uri: string): string | null {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : null;
  } catch {
    return null;
  }
}

export class WorkspaceSeeds {
  private readonly index = new WorkspaceIndex();
  private folders: string[] = [];
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
    this.indexing = new Promise<void>((resolve) => { this.firstIndexStarted = resolve; });
  }

  setFolders(uris: readonly string[]): void {
    this.folders = uris.map(pathOfUri).filter((p): p is string => p !== null);
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

  observe(observer: IndexObserver): void {
    this.index.observe(observer);
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
    try {
      if (await this.index.rebuild(this.folders, this.options(progress))) {
        this.connection.console.log(`Indexed ${this.index.size} seed files in ${Date.now() - started} ms`);
        void this.connection.sendNotification(SpeakerNotifications.changed, {});
      }
    } catch (error) {
      this.connection.console.error(`Indexing the workspace failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }

  /**
   * Every seed file, open documents as edited rather than as on disk. Yields before analysing an open document,
   * so a cancellation sent meanwhile is seen.
   */
  async files(token: CancellationToken): Promise<IndexedFile[]> {
    const open = new Map<string, IndexedFile>();
    for (const document of this.documents.all()) {
      const uri = normalizeUri(document.uri);
      if (!this.index.get(uri) && !this.isSeed(document)) continue;
      if (!this.analyses.peek(document)) await new Promise((resolve) => setImmediate(resolve));
      throwIfCancelled(token);
      open.set(uri, indexedFileOf(this.analyses.get(document)));
    }
    return [...[...this.index.all()].filter((f) => !open.has(f.uri)), ...open.values()];
  }

  /** Follows seed files changed, created or deleted on disk (re-scraped articles, git pull). */
  onWatchedFiles(params: DidChangeWatchedFilesParams): void {
    const options = this.options();
    let changed = false;
    for (const change of params.changes) {
      const path = pathOfUri(change.uri);
      if (!path || path.endsWith('.tags.json')) continue;
      const folder = this.folderOf(path);
      if (!folder) continue;
      const isSeed = change.type !== FileChangeType.Deleted && options.matcher.matches(relative(folder, path));
      changed = this.index.refresh(path, isSeed, options) || changed;
    }
    if (changed) void this.connection.sendNotification(SpeakerNotifications.changed, {});
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
    };
  }
}
