// The editor's REFI-QDA export: a .qdpx of the chosen documents (or every tagged file of the first workspace folder),
// built from the files on disk like the CLI's, and sent to the client as base64 to save where the user chooses.
import { fileURLToPath } from 'node:url';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { TagRequests, type QdpxExportParams, type QdpxExportResult } from '../../../shared/protocol';
import type { SeedLanguageServer } from '../languageServer';
import { exportQdpx, type TaggedSource } from '../refi/exportProject';
import { openFromDisk } from '../tags/diskFile';
import { sourcePathFor } from '../tags/sidecar';
import { sidecarsUnder } from '../tags/sidecarFiles';
import { TagStore, TagStoreError } from '../tags/tagStore';

export function registerQdpxExport(server: SeedLanguageServer, live: TagStore): void {
  const { connection } = server;
  connection.onRequest(TagRequests.exportQdpx, async (params: QdpxExportParams = {}): Promise<QdpxExportResult> => {
    const folders = server.clientCapabilities().workspace?.workspaceFolders ? await connection.workspace.getWorkspaceFolders() : null;
    const folderUri = folders?.find((f) => f.uri.startsWith('file:'))?.uri;
    if (!folderUri) throw new ResponseError(ErrorCodes.InvalidParams, 'A REFI-QDA project is made of a workspace folder: open a folder first');
    const root = fileURLToPath(folderUri);
    // Tags of open documents reach disk first: the archive is made from the files as saved.
    for (const path of live.openPaths()) {
      try {
        live.save(path);
      } catch (err) {
        if (!(err instanceof TagStoreError)) throw err;
      }
    }
    const paths = params.uris && params.uris.length > 0
      ? params.uris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u))
      : sidecarsUnder(root).map(sourcePathFor);
    const problems: string[] = [];
    const files: TaggedSource[] = [];
    const store = new TagStore();
    for (const path of paths) {
      const opened = openFromDisk(store, path);
      const problem = opened.ok ? store.problem(path) : opened.error;
      if (problem || !opened.ok) {
        problems.push(problem ?? path);
        continue;
      }
      files.push({ path, text: opened.text, tags: store.list(path) });
      store.close(path);
    }
    const result = await exportQdpx(root, files);
    return { content: result.bytes.toString('base64'), count: result.tags, sources: result.sources, coders: result.coders, problems: [...problems, ...result.problems] };
  });
}
