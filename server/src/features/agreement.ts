// Inter-coder agreement for the editor: the same figures as `seed-annotator agreement`, over the tagged files of the
// workspace as saved, with each disagreeing passage given as an LSP location to open.
import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodingRequests, type AgreementDto, type AgreementParams } from '../../../shared/protocol';
import { CodePointIndex } from '../analysis/offsets';
import { agreementOf } from '../coding/codedFiles';
import type { SeedLanguageServer } from '../lsp/languageServer';
import type { TagStore } from '../tags/tagStore';
import { taggedWorkspace } from './taggedWorkspace';

export function registerAgreement(server: SeedLanguageServer, live: TagStore): void {
  server.connection.onRequest(CodingRequests.agreement, async (params: AgreementParams = {}): Promise<AgreementDto> => {
    const { root, files } = await taggedWorkspace(server, live, params.uris, 'Coder agreement');
    const byName = new Map(files.map((f) => [relative(root, f.path).split(sep).join('/'), f]));
    const result = agreementOf(
      [...byName].map(([file, f]) => ({ file, text: f.text, tags: f.tags })),
      params.coders && params.coders.length >= 2 ? { coders: params.coders } : {},
    );
    return {
      ...result,
      disagreements: result.disagreements.map((d) => {
        const source = byName.get(d.file)!;
        const index = new CodePointIndex(source.text);
        const doc = TextDocument.create('', 'seed', 0, source.text);
        return {
          ...d,
          uri: pathToFileURL(source.path).href,
          range: { start: doc.positionAt(index.toUtf16(d.start)), end: doc.positionAt(index.toUtf16(d.end)) },
        };
      }),
    };
  });
}
