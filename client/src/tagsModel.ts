// The client's view of the server's tag store: typed requests, a per-document cache and change events.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient/node';
import {
  TagNotifications,
  TagRequests,
  type AttributionDto,
  type AttributionSetParams,
  type DocumentTags,
  type QdpxExportParams,
  type QdpxExportResult,
  type SidecarProblem,
  type SidecarProblemNotice,
  type TagDto,
  type TagsAddParams,
  type TagsExportParams,
  type TagsExportResult,
  type TagsRemoveParams,
  type TagsUndoParams,
  type TagsUndoResult,
  type TagsUpdateParams,
} from '../../shared/protocol';

export class TagsModel implements vscode.Disposable {
  private readonly documents = new Map<string, Promise<DocumentTags>>();
  private readonly problems = new Map<string, SidecarProblem>();
  private readonly changed = new vscode.EventEmitter<string | undefined>();
  private readonly problemReported = new vscode.EventEmitter<SidecarProblem>();
  private readonly subscriptions: vscode.Disposable[] = [];

  /** Fires with a document's uri when its tags changed, or with undefined when anything may have changed. */
  readonly onDidChange = this.changed.event;
  /** Fires when the server finds a sidecar it cannot use (each distinct problem once). */
  readonly onDidReportProblem = this.problemReported.event;

  private readonly editTimers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly client: BaseLanguageClient) {
    this.subscriptions.push(
      client.onNotification(TagNotifications.changed, ({ uri }) => this.invalidate(uri)),
      client.onNotification(TagNotifications.sidecarProblem, (notice) => this.recordProblem(notice, true)),
      // Edits move tags; the server re-anchors them, and a pause in typing is the moment to ask again.
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.invalidateAfterEdits(event.document.uri.toString());
      }),
    );
  }

  /** The document's tags, from the cache when they have not changed since they were fetched. */
  forDocument(uri: vscode.Uri): Promise<DocumentTags> {
    const key = uri.toString();
    let entry = this.documents.get(key);
    if (!entry) {
      entry = this.client.sendRequest(TagRequests.list, { uri: key }).then((result) => {
        const tags = result.find((doc) => doc.uri === key) ?? { uri: key, tags: [], attributions: [], problem: null };
        this.noteProblemState(key, tags.problem);
        return tags;
      });
      // A failed request must not stay cached, or the document would never be asked about again.
      entry.catch(() => {
        if (this.documents.get(key) === entry) this.documents.delete(key);
      });
      this.documents.set(key, entry);
    }
    return entry;
  }

  /** Every tagged document of the workspace (open documents and sidecars on disk). */
  async workspace(): Promise<DocumentTags[]> {
    const result = await this.client.sendRequest(TagRequests.list, {});
    for (const doc of result) this.noteProblemState(doc.uri, doc.problem);
    return result;
  }

  /** The sidecar problem that currently blocks tagging of this document, if any. */
  problemOf(uri: vscode.Uri): SidecarProblem | undefined {
    return this.problems.get(uri.toString());
  }

  async add(params: TagsAddParams): Promise<TagDto> {
    return this.changing(params.uri, this.client.sendRequest(TagRequests.add, params));
  }

  async update(params: TagsUpdateParams): Promise<TagDto> {
    return this.changing(params.uri, this.client.sendRequest(TagRequests.update, params));
  }

  async remove(params: TagsRemoveParams): Promise<TagDto> {
    return this.changing(params.uri, this.client.sendRequest(TagRequests.remove, params));
  }

  async undo(params: TagsUndoParams): Promise<TagsUndoResult> {
    return this.changing(params.uri, this.client.sendRequest(TagRequests.undo, params));
  }

  async setAttribution(params: AttributionSetParams): Promise<AttributionDto[]> {
    return this.changing(params.uri, this.client.sendRequest(TagRequests.setAttribution, params));
  }

  /** Every tag name used in the workspace, sorted. */
  vocabulary(): Promise<string[]> {
    return this.client.sendRequest(TagRequests.vocabulary, {});
  }

  exportQdpx(params: QdpxExportParams): Promise<QdpxExportResult> {
    return this.client.sendRequest(TagRequests.exportQdpx, params);
  }

  export(params: TagsExportParams): Promise<TagsExportResult> {
    return this.client.sendRequest(TagRequests.export, params);
  }

  /** Forgets cached tags (of one document, or all) and tells the views. */
  invalidate(uri?: string): void {
    if (uri === undefined) this.documents.clear();
    else this.documents.delete(uri);
    this.changed.fire(uri);
  }

  dispose(): void {
    for (const timer of this.editTimers.values()) clearTimeout(timer);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
    this.problemReported.dispose();
  }

  private invalidateAfterEdits(uri: string): void {
    if (!this.documents.has(uri)) return;
    clearTimeout(this.editTimers.get(uri));
    this.editTimers.set(
      uri,
      setTimeout(() => {
        this.editTimers.delete(uri);
        this.invalidate(uri);
      }, 300),
    );
  }

  // The server also notifies `changed`, but refreshing at once keeps decorations in step with the user's action.
  private async changing<T>(uri: string, request: Promise<T>): Promise<T> {
    try {
      return await request;
    } finally {
      this.invalidate(uri);
    }
  }

  /** A listing says how the sidecar is now: a problem, or none (fixed, perhaps without a notice reaching us). */
  private noteProblemState(uri: string, problem: SidecarProblem | null): void {
    if (problem) this.recordProblem(problem, false);
    else if (this.problems.delete(uri)) this.changed.fire(uri);
  }

  /** `refetch`: the notice came from the server on its own, so cached tags of that document are stale. */
  private recordProblem(notice: SidecarProblemNotice, refetch: boolean): void {
    const previous = this.problems.get(notice.uri);
    if (notice.message === null) {
      if (!previous) return;
      this.problems.delete(notice.uri);
      this.invalidate(notice.uri);
      return;
    }
    const problem: SidecarProblem = { uri: notice.uri, sidecar: notice.sidecar, message: notice.message };
    this.problems.set(notice.uri, problem);
    if (previous?.message === problem.message) return;
    this.problemReported.fire(problem);
    if (refetch) this.invalidate(notice.uri);
    else this.changed.fire(notice.uri);
  }
}
