// Tags follow their documents: opened with the document, moved by live edits, dropped on close; sidecars changed
// on disk (another editor, git) are reloaded and merged, and a saved source stores its tags against the saved text.
import { FileChangeType, type DidChangeWatchedFilesParams } from 'vscode-languageserver';
import { isSidecarPath, sourcePathFor } from '../../tags/sidecar';
import { TagStoreError } from '../../tags/tagStore';
import type { TaggedFiles } from './taggedFiles';
import { pathOf, tooLargeToTag } from './tagTargets';
import { contentOf } from '../../documents/textSnapshot';

export function registerTagSync(files: TaggedFiles): void {
  const { server, store } = files;
  const { connection, documents } = server;

  documents.onDidOpen((e) => {
    const path = pathOf(e.document.uri);
    if (!path) return;
    files.uriOfPath.set(path, e.document.uri);
    // Over the seed file ceiling nothing is analyzed or tagged (see tooLargeToTag); keep memory for the rest.
    if (tooLargeToTag(e.document)) return;
    store.open(path, e.document.getText());
    files.announceProblem(path);
    // Only a document with corrections needs its first analysis redone; tags alone only change tokens.
    if (store.attributionOverrides(path).length > 0 || store.list(path).length > 0) server.refresh(e.document.uri);
    files.notifyChanged(path);
  });
  documents.onDidChangeContent((e) => {
    const path = pathOf(e.document.uri);
    if (!path || !store.isOpen(path)) return;
    const edit = server.changeOf(e.document) ?? undefined;
    if (store.updateText(path, contentOf(e.document), edit) && store.list(path).length > 0) files.notifyChangedSoon(path);
  });
  documents.onDidClose((e) => {
    const path = pathOf(e.document.uri);
    if (!path) return;
    store.close(path);
    files.forget(path);
  });

  server.onDidChangeWatchedFiles((params: DidChangeWatchedFilesParams) => {
    for (const change of params.changes) {
      const path = pathOf(change.uri);
      if (!path) continue;
      if (isSidecarPath(path)) {
        const source = sourcePathFor(path);
        if (store.isOpen(source)) {
          let changed = true;
          try {
            changed = store.reload(source);
          } catch (err) {
            if (!(err instanceof TagStoreError)) throw err;
            connection.console.error(err.message);
          }
          files.announceProblem(source);
          // The watcher also echoes our own writes: those change nothing and need no re-analysis.
          if (!changed) continue;
          server.refresh(files.uriFor(source));
        }
        // Closed files are read fresh on every request; the Tags view still needs to hear about it.
        files.notifyChanged(source);
      } else if (store.isOpen(path) && change.type !== FileChangeType.Deleted) {
        // The source was saved: store positions against the saved text (no write when nothing moved).
        const document = documents.get(files.uriFor(path));
        if (document && document.getText() === store.text(path)) {
          try {
            store.save(path);
          } catch (err) {
            if (!(err instanceof TagStoreError)) throw err;
            connection.console.error(err.message);
          }
        }
      }
    }
  });
}
