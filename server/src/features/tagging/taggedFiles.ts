// The state the tag features share: the store, how the client spells each file's uri, whether the workspace is
// read-only, and the notifications that tell the client a document's tags or its sidecar's health changed.
import { pathToFileURL } from 'node:url';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { TagNotifications, type DocumentTags, type SidecarProblem } from '../../../../shared/protocol';
import type { SeedLanguageServer } from '../../lsp/languageServer';
import { openFromDisk } from '../../tags/diskFile';
import { sidecarsUnder } from '../../tags/sidecarFiles';
import { TagStore } from '../../tags/tagStore';
import { attributionDto, pathOf, targetOver, toDto, tooLargeToTag, type TagTarget } from './tagTargets';

/** Pause in typing after which the client hears that a document's tags moved. */
const TYPING_NOTIFY_DELAY_MS = 150;

export class TaggedFiles {
  /** uri as the client spells it, by file path, for notifications. */
  readonly uriOfPath = new Map<string, string>();
  private readonly typingTimers = new Map<string, NodeJS.Timeout>();
  /** Problems already announced, so a watcher storm does not repeat them. */
  private readonly announced = new Map<string, string>();
  /** Set at initialize from the client's trust: in an untrusted workspace every store here is read-only. */
  readOnly: string | null = null;

  constructor(
    readonly server: SeedLanguageServer,
    readonly store: TagStore,
  ) {}

  uriFor(path: string): string {
    return this.uriOfPath.get(path) ?? pathToFileURL(path).href;
  }

  /** The file closed: nothing more is announced for it. */
  forget(path: string): void {
    clearTimeout(this.typingTimers.get(path));
    this.typingTimers.delete(path);
    this.uriOfPath.delete(path);
    this.announced.delete(path);
  }

  targetOf(uri: string): TagTarget {
    const { documents } = this.server;
    const path = pathOf(uri);
    if (!path) throw new ResponseError(ErrorCodes.InvalidParams, `Tags are stored next to files on disk; save ${uri} first`);
    const open = documents.get(uri) ?? documents.get(this.uriFor(path));
    const tooLarge = open && tooLargeToTag(open);
    if (tooLarge) throw new ResponseError(ErrorCodes.InvalidRequest, `${path}: ${tooLarge}`);
    if (open && this.store.isOpen(path)) return targetOver(open.uri, path, this.store, this.store.text(path), open);
    const oneShot = new TagStore({ readOnly: this.readOnly });
    const opened = openFromDisk(oneShot, path);
    if (!opened.ok) throw new ResponseError(ErrorCodes.InvalidParams, opened.error);
    return targetOver(this.uriFor(path), path, oneShot, opened.text);
  }

  documentTags(uri: string): DocumentTags {
    let target: TagTarget;
    try {
      target = this.targetOf(uri);
    } catch (err) {
      const path = pathOf(uri) ?? uri;
      return { uri, tags: [], attributions: [], problem: { uri, sidecar: `${path}.tags.json`, message: (err as Error).message } };
    }
    const problem = target.store.problem(target.path);
    return {
      uri: target.uri,
      tags: problem ? [] : target.store.list(target.path).map((t) => toDto(target, t)),
      attributions: problem ? [] : target.store.attributions(target.path).map((a) => attributionDto(target, a)),
      problem: problem ? this.problemOf(target.path, problem) : null,
    };
  }

  /** A tag operation changed the target: its tokens and analysis follow, and the client hears of it. */
  changed(target: TagTarget): void {
    if (this.store.isOpen(target.path)) this.server.refresh(target.uri);
    this.notifyChanged(target.path);
  }

  /** While typing, tell the client once per pause: its decorations already move with the text meanwhile. */
  notifyChangedSoon(path: string): void {
    clearTimeout(this.typingTimers.get(path));
    this.typingTimers.set(
      path,
      setTimeout(() => {
        this.typingTimers.delete(path);
        this.notifyChanged(path);
      }, TYPING_NOTIFY_DELAY_MS),
    );
  }

  notifyChanged(path: string): void {
    void this.server.connection.sendNotification(TagNotifications.changed, { uri: this.uriFor(path) });
  }

  /** Tells the client when a sidecar becomes unusable, and when it is usable again. */
  announceProblem(path: string): void {
    const { connection } = this.server;
    const problem = this.store.problem(path);
    const before = this.announced.get(path);
    if (problem === (before ?? null)) return;
    if (problem) {
      this.announced.set(path, problem);
      connection.console.error(problem);
      void connection.sendNotification(TagNotifications.sidecarProblem, this.problemOf(path, problem));
    } else {
      this.announced.delete(path);
      void connection.sendNotification(TagNotifications.sidecarProblem, {
        uri: this.uriFor(path),
        sidecar: `${path}.tags.json`,
        message: null,
      });
    }
  }

  private problemOf(path: string, message: string): SidecarProblem {
    return { uri: this.uriFor(path), sidecar: `${path}.tags.json`, message };
  }

  /** Every sidecar under the client's workspace folders. */
  async workspaceSidecars(): Promise<string[]> {
    const { connection } = this.server;
    if (!this.server.clientCapabilities().workspace?.workspaceFolders) return [];
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
}
