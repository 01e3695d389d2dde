// Tags in the language server, wired here: the custom tag requests and their executeCommand twins
// (tagging/tagRequests.ts), tags following live edits and sidecar reloads on file-watcher events (tagSync.ts),
// "Attribute to…"/"Edit tag"/"Remove tag" code actions (tagCodeActions.ts), the tag section of hovers, the `tagged`
// token modifier, and the attribution corrections fed into the analysis.
import { CodeActionKind, type Position } from 'vscode-languageserver';
import { ServerTagCommands } from '../../../shared/protocol';
import type { AnalyzedDocument } from '../documents/analyzedDocument';
import type { SeedLanguageServer } from '../lsp/languageServer';
import { TagStore } from '../tags/tagStore';
import { clip, escapeMarkdown } from './markdown';
import { registerTagCodeActions } from './tagging/tagCodeActions';
import { TaggedFiles } from './tagging/taggedFiles';
import { registerTagRequests } from './tagging/tagRequests';
import { registerTagSync } from './tagging/tagSync';
import { pathOf } from './tagging/tagTargets';
import { readOnlyReason } from './workspaceTrust';

export function registerTagging(server: SeedLanguageServer, store = new TagStore()): TagStore {
  const files = new TaggedFiles(server, store);
  server.addCapabilities(() => {
    files.readOnly = readOnlyReason(server.initializationOptions());
    store.setReadOnly(files.readOnly);
    return {
      codeActionProvider: { codeActionKinds: [CodeActionKind.Refactor, CodeActionKind.QuickFix] },
      executeCommandProvider: { commands: Object.values(ServerTagCommands) },
    };
  });
  server.analyses.setAttributionSource({
    attributionsFor: (uri) => {
      const path = pathOf(uri);
      return path && store.isOpen(path) ? store.attributionOverrides(path) : [];
    },
  });
  server.tokens.setTaggedRangesProvider({
    taggedRanges: (uri) => {
      const path = pathOf(uri);
      if (!path || !store.isOpen(path)) return [];
      return store
        .list(path)
        .filter((t) => t.status !== 'orphaned')
        .map((t) => ({ start: t.start, end: t.end }));
    },
  });
  registerTagSync(files);
  registerTagRequests(files);
  registerTagCodeActions(files);
  server.addHoverSection((doc, position) => tagsHover(store, doc, position));
  return store;
}

/** The tags over a position, for the hover. */
function tagsHover(store: TagStore, doc: AnalyzedDocument, position: Position): string | null {
  const path = pathOf(doc.uri);
  if (!path || !store.isOpen(path)) return null;
  const at = doc.offsetAt(position);
  const lines = store
    .list(path)
    .filter((t) => t.status !== 'orphaned' && t.start <= at && at < t.end)
    .map(
      (t) =>
        `- **${escapeMarkdown(t.tag)}**${t.creator ? ` by ${escapeMarkdown(t.creator)}` : ''}${t.note ? `: ${escapeMarkdown(clip(t.note))}` : ''}${t.status === 'moved' ? ' _(moved: check its place)_' : ''}`,
    );
  if (lines.length === 0) return null;
  return ['**Tags**', ...lines].join('\n');
}
