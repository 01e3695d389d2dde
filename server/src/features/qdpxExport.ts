// The editor's REFI-QDA export: a .qdpx of the chosen documents (or every tagged file of the first workspace folder),
// built from the files on disk like the CLI's, and sent to the client as base64 to save where the user chooses.
import { TagRequests, type QdpxExportParams, type QdpxExportResult } from '../../../shared/protocol';
import type { SeedLanguageServer } from '../lsp/languageServer';
import { exportQdpx } from '../refi/exportProject';
import type { TagStore } from '../tags/tagStore';
import { taggedWorkspace } from './taggedWorkspace';

export function registerQdpxExport(server: SeedLanguageServer, live: TagStore): void {
  server.connection.onRequest(TagRequests.exportQdpx, async (params: QdpxExportParams = {}): Promise<QdpxExportResult> => {
    const { root, files, problems } = await taggedWorkspace(server, live, params.uris, 'A REFI-QDA project');
    const result = await exportQdpx(root, files);
    return {
      content: result.bytes.toString('base64'),
      count: result.tags,
      sources: result.sources,
      coders: result.coders,
      problems: [...problems, ...result.problems],
    };
  });
}
