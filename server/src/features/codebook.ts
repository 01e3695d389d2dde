// The codebook requests of the language server: get, add, describe, move, recolour, rename, delete, undo, for a
// workspace folder. Renames and deletes rewrite sidecars on disk; open documents reload them so their tags follow.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import {
  CodebookNotifications,
  CodebookRequests,
  TagNotifications,
  type CodebookDto,
  type CodebookParams,
  type CodebookRequestName,
  type CodebookRequestTypes,
} from '../../../shared/protocol';
import { CodebookError } from '../coding/codebook';
import { CodebookWorkspace } from '../coding/codebookWorkspace';
import { tagCounts, undoLabel, type RetagResult } from '../coding/retag';
import { LockTimeoutError } from '../files/fileLock';
import { WriteRefusedError } from '../files/lockedWrite';
import type { SeedLanguageServer } from '../lsp/languageServer';
import { sidecarsUnder } from '../tags/sidecarFiles';
import { sourcePathFor } from '../tags/sidecar';
import { TagStoreError, type TagStore } from '../tags/tagStore';
import { readOnlyReason } from './workspaceTrust';

type Handler<K extends CodebookRequestName> = (params: CodebookRequestTypes[K]['params']) => Promise<CodebookRequestTypes[K]['result']>;

export function registerCodebook(server: SeedLanguageServer, store: TagStore): void {
  const { connection } = server;
  /** Folders whose interrupted rename (if any) was finished: once per folder per server start. */
  const recovered = new Set<string>();

  async function workspaceOf(params: CodebookParams): Promise<CodebookWorkspace> {
    let uri = params.folder;
    if (!uri) {
      const folders = server.clientCapabilities().workspace?.workspaceFolders ? await connection.workspace.getWorkspaceFolders() : null;
      uri = folders?.[0]?.uri;
    }
    if (!uri || !uri.startsWith('file:'))
      throw new ResponseError(ErrorCodes.InvalidParams, 'The codebook belongs to a workspace folder: open a folder first');
    const root = fileURLToPath(uri);
    const ws = new CodebookWorkspace(root, params.seed ?? []);
    if (!recovered.has(root) && !readOnlyReason(server.initializationOptions())) {
      const finished = attempt(() => ws.recover());
      recovered.add(root);
      if (finished) {
        connection.console.info(`Codebook: finished an interrupted "${finished.label}" (${finished.tags} tags in ${finished.files} files)`);
        followDisk(root);
      }
    }
    return ws;
  }

  function dto(ws: CodebookWorkspace): CodebookDto {
    const { codebook, exists } = attempt(() => ws.state());
    const counts = tagCounts(ws.root);
    const names = new Set(codebook.codes.map((c) => c.name));
    return {
      folder: pathToFileURL(ws.root).href,
      exists,
      codes: codebook.codes.map((c) => ({ ...c, uses: counts.get(c.name) ?? 0 })),
      notInCodebook: [...counts]
        .filter(([name]) => !names.has(name))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, uses]) => ({ name, uses })),
      undo: undoLabel(ws.root),
    };
  }

  /** Open documents take the sidecars as rewritten on disk (their tags merge, the newer names win). */
  function followDisk(root: string): void {
    for (const sidecar of sidecarsUnder(root)) {
      const source = sourcePathFor(sidecar);
      if (store.isOpen(source)) {
        try {
          store.reload(source);
        } catch (err) {
          if (!(err instanceof TagStoreError)) throw err;
          connection.console.error(err.message);
        }
        server.refresh(pathToFileURL(source).href);
      }
      void connection.sendNotification(TagNotifications.changed, { uri: pathToFileURL(source).href });
    }
  }

  function changed(ws: CodebookWorkspace): CodebookDto {
    const result = dto(ws);
    void connection.sendNotification(CodebookNotifications.changed, { folder: result.folder });
    return result;
  }

  function retagged(ws: CodebookWorkspace, result: RetagResult | null): CodebookRequestTypes['rename']['result'] {
    if (result && result.tags > 0) followDisk(ws.root);
    return { codebook: changed(ws), label: result?.label ?? '', tags: result?.tags ?? 0, files: result?.files ?? 0 };
  }

  const handlers: { [K in CodebookRequestName]: Handler<K> } = {
    get: async (p) => dto(await workspaceOf(p)),
    add: async (p) => {
      const ws = await workspaceOf(p);
      attempt(() => ws.add({ name: p.name, description: p.description, color: p.color, parent: p.parent ?? null }));
      return changed(ws);
    },
    describe: async (p) => {
      const ws = await workspaceOf(p);
      attempt(() => ws.describe(p.name, p.description));
      return changed(ws);
    },
    move: async (p) => {
      const ws = await workspaceOf(p);
      attempt(() => ws.move(p.name, p.parent));
      return changed(ws);
    },
    recolour: async (p) => {
      const ws = await workspaceOf(p);
      attempt(() => ws.recolour(p.name, p.color));
      return changed(ws);
    },
    rename: async (p) => {
      const ws = await workspaceOf(p);
      // Tags in open documents reach disk first, so the rename sees them.
      for (const path of store.openPaths()) attempt(() => store.save(path));
      return retagged(
        ws,
        attempt(() => ws.rename(p.from, p.to)),
      );
    },
    delete: async (p) => {
      const ws = await workspaceOf(p);
      for (const path of store.openPaths()) attempt(() => store.save(path));
      return retagged(
        ws,
        attempt(() => ws.delete(p.name, p.moveTo)),
      );
    },
    undo: async (p) => {
      const ws = await workspaceOf(p);
      return retagged(
        ws,
        attempt(() => ws.undo()),
      );
    },
  };

  for (const name of Object.keys(CodebookRequests) as CodebookRequestName[]) {
    const handler = handlers[name] as (params: unknown) => Promise<unknown>;
    // Registered by method: the handlers above are typed by name, each request object is one of them.
    connection.onRequest(CodebookRequests[name].method, (params: unknown) => {
      // An untrusted workspace is read-only: the codebook is shown, never changed.
      const readOnly = name === 'get' ? null : readOnlyReason(server.initializationOptions());
      if (readOnly) throw new ResponseError(ErrorCodes.InvalidRequest, `The codebook cannot be changed: ${readOnly}`);
      return handler(params ?? {});
    });
  }
}

function attempt<T>(operation: () => T): T {
  try {
    return operation();
  } catch (err) {
    if (
      err instanceof CodebookError ||
      err instanceof TagStoreError ||
      err instanceof LockTimeoutError ||
      err instanceof WriteRefusedError
    ) {
      throw new ResponseError(ErrorCodes.InvalidRequest, err.message);
    }
    throw err;
  }
}
