// Language server entry: serves `seed` documents over --stdio, --node-ipc or --socket=<port> (chosen by the
// command line, as vscode-languageserver/node reads it). The composition root only: features live elsewhere.
import { createConnection, ProposedFeatures, TextDocuments } from 'vscode-languageserver/node';
import { TextChanges } from '../documents/textChange';
import { registerAgreement } from '../features/agreement';
import { registerCodebook } from '../features/codebook';
import { registerQdpxExport } from '../features/qdpxExport';
import { registerCorpus } from '../features/corpus';
import { registerTagging } from '../features/tagging';
import { createSeedLanguageServer } from './languageServer';

const connection = createConnection(ProposedFeatures.all);
const changes = new TextChanges();
const documents = new TextDocuments(changes);
const server = createSeedLanguageServer(connection, documents, changes);

// ── Tag features (issue 5) register here, before `listen`: e.g. `registerTagFeatures(server)`. Through `server`
//    they can add capabilities (code actions, executeCommand), a hover section, a listener for watched files,
//    `server.analyses.setAttributionSource(...)`, `server.tokens.setTaggedRangesProvider(...)` and
//    `server.refresh(uri)` after a document's tags or attributions change.
const tagStore = registerTagging(server);
registerCodebook(server, tagStore);
registerQdpxExport(server, tagStore);
registerAgreement(server, tagStore);
// Corpus insight (issue 9): corpus speakers, quote provenance, the dashboard's numbers.
registerCorpus(server);

documents.listen(connection);
connection.listen();
