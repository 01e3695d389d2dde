// The tagged files of the first workspace folder as saved on disk, for workspace-wide requests (agreement, REFI-QDA
// export): open documents' tags are written first, then every source with a sidecar (or the given ones) is read.
import { fileURLToPath } from 'node:url';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { SeedLanguageServer } from '../lsp/languageServer';
import { openFromDisk } from '../tags/diskFile';
import { sourcePathFor } from '../tags/sidecar';
import { sidecarsUnder } from '../tags/sidecarFiles';
import { TagStore, TagStoreError, type PlacedTag } from '../tags/tagStore';

export interface SavedTaggedFile {
  path: string;
  text: string;
  tags: PlacedTag[];
}

export interface TaggedWorkspace {
  root: string;
  files: SavedTaggedFile[];
  /** Files left out, each naming why (unreadable source, unusable sidecar). */
  problems: string[];
}

export async function taggedWorkspace(
  server: SeedLanguageServer,
  live: TagStore,
  uris: readonly string[] | undefined,
  what: string,
): Promise<TaggedWorkspace> {
  const { connection } = server;
  const folders = server.clientCapabilities().workspace?.workspaceFolders ? await connection.workspace.getWorkspaceFolders() : null;
  const folderUri = folders?.find((f) => f.uri.startsWith('file:'))?.uri;
  if (!folderUri) throw new ResponseError(ErrorCodes.InvalidParams, `${what} needs a workspace folder: open a folder first`);
  const root = fileURLToPath(folderUri);
  for (const path of live.openPaths()) {
    try {
      live.save(path);
    } catch (err) {
      if (!(err instanceof TagStoreError)) throw err;
    }
  }
  const paths =
    uris && uris.length > 0
      ? uris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u))
      : sidecarsUnder(root).map(sourcePathFor);
  const store = new TagStore();
  const files: SavedTaggedFile[] = [];
  const problems: string[] = [];
  for (const path of paths) {
    const opened = openFromDisk(store, path);
    const problem = opened.ok ? store.problem(path) : opened.error;
    if (problem !== null || !opened.ok) {
      problems.push(problem ?? path);
      continue;
    }
    files.push({ path, text: opened.text, tags: store.list(path) });
    store.close(path);
  }
  return { root, files, problems };
}
