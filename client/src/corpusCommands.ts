// Commands over the corpus: "Show Quote Provenance" (every article a quote appears in, oldest first) and the Speakers
// view's "Merge with…" and "Split" actions, which the server saves to `.seed-annotator/speakers.json`.
import * as vscode from 'vscode';
import { type BaseLanguageClient } from 'vscode-languageclient/node';
import { CorpusCommands, CorpusRequests, type CorpusQuoteDto, type ProvenanceParams, type WorkspaceSpeaker } from '../../shared/protocol';
import { toLspRange, toRange } from './locations';
import type { SpeakersView } from './speakersView';

/** A Speakers view node as the view's context menu passes it. */
interface SpeakerNodeArg {
  kind: 'speaker';
  speaker: WorkspaceSpeaker;
}

export function registerCorpusCommands(context: vscode.ExtensionContext, client: BaseLanguageClient, speakers: SpeakersView): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CorpusCommands.showProvenance, (args?: ProvenanceParams) => showProvenance(client, args)),
    vscode.commands.registerCommand(CorpusCommands.mergeSpeaker, async (node?: SpeakerNodeArg, ids?: string[]) => {
      if (await mergeSpeaker(client, node, ids)) speakers.refresh();
    }),
    vscode.commands.registerCommand(CorpusCommands.splitSpeaker, async (node?: SpeakerNodeArg, uris?: string[]) => {
      if (await splitSpeaker(client, node, uris)) speakers.refresh();
    }),
  );
}

/** Opens a quote's article with the quote selected. */
export async function openQuote(quote: Pick<CorpusQuoteDto, 'uri' | 'range'>): Promise<void> {
  const options: vscode.TextDocumentShowOptions = quote.range ? { selection: toRange(quote.range), preview: false } : { preview: false };
  await vscode.window.showTextDocument(vscode.Uri.parse(quote.uri), options);
}

async function showProvenance(client: BaseLanguageClient, args?: ProvenanceParams): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const params = args ?? (editor && { uri: editor.document.uri.toString(), position: toLspRange(editor.selection).start });
  if (!params) {
    void vscode.window.showInformationMessage('Seed Annotator: put the cursor on a quote in a seed article first.');
    return;
  }
  const result = await request(() => client.sendRequest(CorpusRequests.provenance, params));
  if (result === undefined) return;
  if (result === null) {
    void vscode.window.showInformationMessage('Seed Annotator: this quote appears in no other article (or the cursor is not on a quote).');
    return;
  }
  type Item = vscode.QuickPickItem & { occurrence: CorpusQuoteDto };
  const items: Item[] = result.occurrences.map((o, i) => ({
    label: `${i === 0 ? '$(star) ' : ''}${o.date ?? 'undated'}`,
    description: `${o.speaker ?? 'no speaker'} — ${vscode.workspace.asRelativePath(vscode.Uri.parse(o.uri))}`,
    detail: o.text,
    occurrence: o,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: `Quote provenance: ${result.occurrences.length} occurrences, oldest first`,
    placeHolder: 'Open an occurrence',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (picked) await openQuote(picked.occurrence);
}

async function mergeSpeaker(client: BaseLanguageClient, node?: SpeakerNodeArg, ids?: string[]): Promise<boolean> {
  const id = node?.speaker.id;
  if (!id) return false;
  let others = ids;
  if (!others) {
    const all = await request(() => client.sendRequest(CorpusRequests.speakers, {}));
    if (!all) return false;
    type Item = vscode.QuickPickItem & { id: string };
    const items: Item[] = all
      .filter((s) => s.id !== id)
      .map((s) => ({
        label: s.name,
        description: `${s.kind}, ${s.quotes} quotes in ${s.files} files`,
        detail: s.aliases.length > 0 ? `also ${s.aliases.join(', ')}` : undefined,
        id: s.id,
      }));
    const picked = await vscode.window.showQuickPick(items, {
      title: `Merge ${node.speaker.name} with…`,
      canPickMany: true,
      matchOnDetail: true,
    });
    if (!picked || picked.length === 0) return false;
    others = picked.map((p) => p.id);
  }
  return (await request(() => client.sendRequest(CorpusRequests.merge, { ids: [id, ...others] }))) !== undefined;
}

async function splitSpeaker(client: BaseLanguageClient, node?: SpeakerNodeArg, uris?: string[]): Promise<boolean> {
  const id = node?.speaker.id;
  if (!id) return false;
  let chosen = uris;
  if (!chosen) {
    type Item = vscode.QuickPickItem & { uri: string };
    const items: Item[] = node.speaker.files.map((f) => ({
      label: vscode.workspace.asRelativePath(vscode.Uri.parse(f.uri)),
      description: `${f.quotes.length} quotes`,
      uri: f.uri,
    }));
    const picked = await vscode.window.showQuickPick(items, {
      title: `Split ${node.speaker.name}: the files where this is someone else`,
      canPickMany: true,
    });
    if (!picked || picked.length === 0) return false;
    chosen = picked.map((p) => p.uri);
  }
  return (await request(() => client.sendRequest(CorpusRequests.split, { id, uris: chosen }))) !== undefined;
}

/** Runs a request; a failure (e.g. a broken speakers file, named in the message) is shown, and gives undefined. */
async function request<T>(send: () => Promise<T>): Promise<T | undefined> {
  try {
    return await send();
  } catch (error) {
    void vscode.window.showErrorMessage(`Seed Annotator: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
