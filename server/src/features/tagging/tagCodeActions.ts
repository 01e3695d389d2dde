// Code actions on tags and quotes: edit or remove a tag under the cursor; attribute a quote to a speaker of the
// document, to anyone ("Attribute to…"), or mark it as not a quote; the same choices fix an "unattributed quote".
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command } from 'vscode-languageserver';
import {
  ClientTagCommands,
  ServerTagCommands,
  type AttributeToOtherArgs,
  type AttributionSetParams,
  type EditTagArgs,
  type TagsRemoveParams,
} from '../../../../shared/protocol';
import { DiagnosticCodes } from '../diagnostics';
import type { TaggedFiles } from './taggedFiles';
import { pathOf, quoteAt } from './tagTargets';

/** Speakers offered directly in "Attribute to…"; more would bury the menu (the input box takes any name). */
const MAX_SPEAKER_ACTIONS = 8;

export function registerTagCodeActions(files: TaggedFiles): void {
  const { server, store } = files;
  server.connection.onCodeAction(async (p: CodeActionParams, token): Promise<CodeAction[]> => {
    const document = server.documents.get(p.textDocument.uri);
    const path = pathOf(p.textDocument.uri);
    // Every action here writes: none is offered while the sidecar is unusable or the workspace is read-only.
    if (!document || !path || !store.isOpen(path) || store.problem(path) || files.readOnly) return [];
    // Editors ask on every cursor move: waiting for the scheduled analysis keeps typing at one analysis a pause.
    const doc = await server.scheduler.current(p.textDocument.uri, token);
    if (!doc) return [];
    const actions: CodeAction[] = [];
    const from = doc.offsetAt(p.range.start);
    const to = doc.offsetAt(p.range.end);
    for (const tag of store.list(path)) {
      if (tag.status === 'orphaned' || !touches(tag, from, to)) continue;
      const label = `“${tag.tag}”`;
      actions.push(
        action(`Edit tag ${label}`, {
          title: `Edit tag ${label}`,
          command: ClientTagCommands.editTag,
          arguments: [{ uri: document.uri, id: tag.id } satisfies EditTagArgs],
        }),
      );
      actions.push(
        action(`Remove tag ${label}`, {
          title: `Remove tag ${label}`,
          command: ServerTagCommands.remove,
          arguments: [{ uri: document.uri, id: tag.id } satisfies TagsRemoveParams],
        }),
      );
    }
    const quote = quoteAt(doc, p.range);
    if (quote) {
      const quoteRange = doc.rangeOf(quote);
      const current = quote.speakerId ? doc.analysis.speakers.find((s) => s.id === quote.speakerId)?.name : undefined;
      const speakers = doc.analysis.speakers.filter((s) => s.kind !== 'anonymous' && s.name !== current).slice(0, MAX_SPEAKER_ACTIONS);
      for (const s of speakers) {
        const args: AttributionSetParams = { uri: document.uri, quoteRange, speaker: s.name };
        actions.push(
          action(`Attribute to ${s.name}`, {
            title: `Attribute to ${s.name}`,
            command: ServerTagCommands.setAttribution,
            arguments: [args],
          }),
        );
      }
      const other: AttributeToOtherArgs = { uri: document.uri, quoteRange };
      actions.push(action('Attribute to…', { title: 'Attribute to…', command: ClientTagCommands.attributeToOther, arguments: [other] }));
      const notQuote: AttributionSetParams = { uri: document.uri, quoteRange, speaker: null, notQuote: true };
      actions.push(action('Not a quote', { title: 'Not a quote', command: ServerTagCommands.setAttribution, arguments: [notQuote] }));
      const corrected = store.attributions(path).some((a) => a.span && a.span.start === quote.start && a.span.end === quote.end);
      if (corrected) {
        const args: AttributionSetParams = { uri: document.uri, quoteRange, speaker: null };
        actions.push(
          action('Remove attribution correction', {
            title: 'Remove attribution correction',
            command: ServerTagCommands.setAttribution,
            arguments: [args],
          }),
        );
      }
      // From the Problems panel (an "unattributed quote" diagnostic in the context), the same choices are its fixes.
      const unattributed = p.context.diagnostics.filter((d) => d.code === DiagnosticCodes.unattributedQuote);
      if (unattributed.length > 0) {
        const attributes = (a: CodeAction) =>
          a.command?.command === ServerTagCommands.setAttribution || a.command?.command === ClientTagCommands.attributeToOther;
        for (const a of actions.filter(attributes)) Object.assign(a, { kind: CodeActionKind.QuickFix, diagnostics: unattributed });
      }
    }
    return actions;
  });
}

function touches(span: { start: number; end: number }, from: number, to: number): boolean {
  return from === to ? span.start <= from && from <= span.end : span.start < to && from < span.end;
}

function action(title: string, command: Command): CodeAction {
  return { title, kind: CodeActionKind.Refactor, command };
}
