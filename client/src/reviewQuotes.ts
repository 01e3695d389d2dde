// "Review Quotes": walks the quotes with no speaker or an unsure one (lowest confidence first), reveals each,
// offers the document's speakers in a quick pick and saves the choice as an attribution correction in the sidecar.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ClientCommands,
  ClientTagCommands,
  LANGUAGE_ID,
  ReviewRequests,
  type AttributeToOtherArgs,
  type ReviewQuote,
  type ReviewQuotesParams,
} from '../../shared/protocol';
import { toRange } from './locations';
import type { TagsModel } from './tagsModel';

export type ReviewScope = 'file' | 'workspace';
export interface ReviewQuotesArgs {
  scope?: ReviewScope;
}

/** What the analyst chose for one quote. */
export type ReviewChoice = { kind: 'speaker'; name: string } | { kind: 'someoneElse' } | { kind: 'notQuote' } | { kind: 'skip' };

interface ChoiceItem extends vscode.QuickPickItem {
  choice?: ReviewChoice;
}

/** The quick pick's entries for one quote: speakers likeliest first, then "Someone else…", "Not a quote", "Skip". */
export function choiceItems(quote: ReviewQuote): ChoiceItem[] {
  const speakers: ChoiceItem[] = quote.candidates.map((name) => ({
    label: name,
    description: name === quote.speaker ? analyzerNote(quote) : undefined,
    choice: { kind: 'speaker', name },
  }));
  return [
    ...speakers,
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    { label: '$(person-add) Someone else…', choice: { kind: 'someoneElse' } },
    { label: '$(circle-slash) Not a quote', description: 'scare quotes, a title, a name', choice: { kind: 'notQuote' } },
    { label: '$(debug-step-over) Skip', description: 'leave this quote as it is', choice: { kind: 'skip' } },
  ];
}

function analyzerNote(quote: ReviewQuote): string {
  return quote.confidence === null ? "analyzer's choice" : `analyzer's choice, confidence ${quote.confidence.toFixed(2)}`;
}

/** "12 of 40 · confidence 0.55" / "3 of 40 · no speaker found" */
export function progressTitle(index: number, total: number, quote: ReviewQuote): string {
  const state = quote.speaker === null ? 'no speaker found' : `confidence ${quote.confidence?.toFixed(2) ?? '?'}`;
  return `Review Quotes: ${index + 1} of ${total} · ${state}`;
}

export function registerReviewQuotes(context: vscode.ExtensionContext, client: LanguageClient, tags: TagsModel): void {
  const highlight = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
    border: '1px solid',
    borderColor: new vscode.ThemeColor('editor.findMatchBorder'),
  });

  const review = async (args?: ReviewQuotesArgs): Promise<number> => {
    const scope = args?.scope ?? (await pickScope());
    if (!scope) return 0;
    const editor = vscode.window.activeTextEditor;
    if (scope === 'file' && editor?.document.languageId !== LANGUAGE_ID) {
      void vscode.window.showInformationMessage('Seed Annotator: open a seed article to review its quotes, or review the workspace.');
      return 0;
    }
    const params: ReviewQuotesParams = scope === 'file' && editor ? { uri: editor.document.uri.toString() } : {};
    let queue: ReviewQuote[];
    try {
      queue = await client.sendRequest(ReviewRequests.quotes, params);
    } catch (error) {
      void vscode.window.showErrorMessage(`Seed Annotator: could not list the quotes to review: ${messageOf(error)}`);
      return 0;
    }
    if (queue.length === 0) {
      void vscode.window.showInformationMessage('Seed Annotator: every quote has a speaker the analysis is sure of. Nothing to review.');
      return 0;
    }
    let saved = 0;
    for (const [i, quote] of queue.entries()) {
      const shown = await reveal(quote, highlight);
      const choice = await ask(quote, i, queue.length);
      shown?.setDecorations(highlight, []);
      if (!choice) break;
      if (await apply(quote, choice, tags)) saved++;
    }
    return saved;
  };

  context.subscriptions.push(highlight, vscode.commands.registerCommand(ClientCommands.reviewQuotes, review));
}

async function pickScope(): Promise<ReviewScope | undefined> {
  if (vscode.window.activeTextEditor?.document.languageId !== LANGUAGE_ID) return 'workspace';
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'This file', scope: 'file' as const },
      { label: 'Every seed file in the workspace', scope: 'workspace' as const },
    ],
    { title: 'Review Quotes', placeHolder: 'Review the unattributed and unsure quotes of…' },
  );
  return picked?.scope;
}

/** Opens the quote's document with the quote selected, centred and highlighted. */
async function reveal(quote: ReviewQuote, highlight: vscode.TextEditorDecorationType): Promise<vscode.TextEditor | undefined> {
  try {
    const range = toRange(quote.range);
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(quote.uri), { selection: range, preserveFocus: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    editor.setDecorations(highlight, [range]);
    return editor;
  } catch (error) {
    void vscode.window.showWarningMessage(`Seed Annotator: could not open ${quote.uri}: ${messageOf(error)}`);
    return undefined;
  }
}

/** The analyst's choice for one quote; undefined when the walk is cancelled (Escape). */
function ask(quote: ReviewQuote, index: number, total: number): Promise<ReviewChoice | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<ChoiceItem>();
    pick.title = progressTitle(index, total, quote);
    pick.placeholder = `Who said ${clip(quote.text)}?`;
    pick.items = choiceItems(quote);
    pick.ignoreFocusOut = true;
    let chosen: ReviewChoice | undefined;
    pick.onDidAccept(() => {
      chosen = pick.selectedItems[0]?.choice;
      if (chosen) pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(chosen);
    });
    pick.show();
  });
}

async function apply(quote: ReviewQuote, choice: ReviewChoice, tags: TagsModel): Promise<boolean> {
  try {
    switch (choice.kind) {
      case 'skip':
        return false;
      case 'speaker':
        await tags.setAttribution({ uri: quote.uri, quoteRange: quote.range, speaker: choice.name });
        return true;
      case 'notQuote':
        await tags.setAttribution({ uri: quote.uri, quoteRange: quote.range, speaker: null, notQuote: true });
        return true;
      case 'someoneElse': {
        const args: AttributeToOtherArgs = { uri: quote.uri, quoteRange: quote.range };
        return (await vscode.commands.executeCommand(ClientTagCommands.attributeToOther, args)) !== undefined;
      }
    }
  } catch (error) {
    void vscode.window.showErrorMessage(`Seed Annotator: could not save the attribution: ${messageOf(error)}`);
    return false;
  }
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
