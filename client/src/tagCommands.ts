// The tagging commands: tag the selection, edit or remove a tag, undo, and attribute a quote to a typed name.
import * as vscode from 'vscode';
import {
  ClientCommands,
  ClientTagCommands,
  LANGUAGE_ID,
  type AttributeToOtherArgs,
  type AttributionDto,
  type EditTagArgs,
  type TagDto,
  type TagsUndoResult,
} from '../../shared/protocol';
import { toLspRange, toRange } from './locations';
import { validateTagName } from './tagNames';
import { inputNote, pickTag } from './tagPicker';
import type { TagsModel } from './tagsModel';
import { currentCoder } from './coderFilter';
import type { CodebookModel } from './codebookModel';
import { whenTrusted } from './workspaceTrust';

/** Arguments that skip the pickers when the command is run from a script or a test. */
export interface TagSelectionArgs {
  tag?: string;
  note?: string;
}
export interface EditTagCommandArgs extends EditTagArgs {
  tag?: string;
  note?: string;
}
export interface AttributeToOtherCommandArgs extends AttributeToOtherArgs {
  /** The speaker's name; null removes the correction. Omit to ask the user. */
  speaker?: string | null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isTagRef(value: unknown): value is EditTagArgs {
  if (typeof value !== 'object' || value === null) return false;
  const ref = value as Record<string, unknown>;
  return typeof ref.uri === 'string' && typeof ref.id === 'string';
}

/** The active editor when it shows a seed article; otherwise tells the user and returns undefined. */
function seedEditor(action: string): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === LANGUAGE_ID) return editor;
  void vscode.window
    .showInformationMessage(`Seed Annotator: ${action} works in a seed article.`, 'Set Language to Seed')
    .then((choice) => choice && vscode.commands.executeCommand(ClientCommands.setLanguage));
  return undefined;
}

export function registerTagCommands(context: vscode.ExtensionContext, tags: TagsModel, codebook?: CodebookModel): void {
  const codes = async () => (codebook ? codebook.codesOrNone() : []);
  const refuseIfBlocked = (uri: vscode.Uri): boolean => {
    const problem = tags.problemOf(uri);
    if (!problem) return false;
    void vscode.window
      .showErrorMessage(`Seed Annotator: cannot tag this file. ${problem.message}`, 'Open Sidecar')
      .then((choice) => choice && vscode.window.showTextDocument(vscode.Uri.file(problem.sidecar)));
    return true;
  };

  const usedTags = async (): Promise<string[]> => {
    try {
      return await tags.vocabulary();
    } catch {
      return []; // The settings' vocabulary is still offered when the server cannot answer.
    }
  };

  /** The tag the command is about: the argument, or the tag under the cursor (asking when several overlap). */
  const resolveTag = async (args: unknown, action: string): Promise<TagDto | undefined> => {
    if (isTagRef(args)) {
      const tagged = await tags.forDocument(vscode.Uri.parse(args.uri));
      const found = tagged.tags.find((tag) => tag.id === args.id);
      if (!found) void vscode.window.showWarningMessage(`Seed Annotator: that tag no longer exists in ${args.uri}.`);
      return found;
    }
    const editor = seedEditor(action);
    if (!editor) return undefined;
    const tagged = await tags.forDocument(editor.document.uri);
    const here = tagged.tags.filter((tag) => {
      const range = toRange(tag.range);
      return (
        tag.status !== 'orphaned' &&
        editor.selections.some((selection) =>
          selection.isEmpty ? range.contains(selection.active) : range.intersection(selection) !== undefined,
        )
      );
    });
    if (here.length === 0) {
      void vscode.window.showInformationMessage('Seed Annotator: there is no tag at the cursor.');
      return undefined;
    }
    if (here.length === 1) return here[0];
    const picked = await vscode.window.showQuickPick(
      here.map((tag) => ({ label: tag.tag, description: tag.text.slice(0, 60), detail: tag.note || undefined, tag })),
      { title: action, placeHolder: 'Several tags cover the cursor: choose one' },
    );
    return picked?.tag;
  };

  const tagSelection = async (args?: TagSelectionArgs): Promise<TagDto[] | undefined> => {
    const editor = seedEditor('Tag Selection');
    if (!editor) return undefined;
    const selections = editor.selections.filter((selection) => !selection.isEmpty);
    if (selections.length === 0) {
      void vscode.window.showInformationMessage('Seed Annotator: select the words to tag first.');
      return undefined;
    }
    if (refuseIfBlocked(editor.document.uri)) return undefined;
    const title = 'Tag Selection';
    const tag = args?.tag ?? (await pickTag(await usedTags(), { title, codes: await codes() }));
    if (tag === undefined) return undefined;
    const invalid = validateTagName(tag);
    if (invalid) {
      void vscode.window.showErrorMessage(`Seed Annotator: ${invalid}`);
      return undefined;
    }
    const note = args?.note ?? (await inputNote({ title: `${title}: ${tag}` }));
    if (note === undefined) return undefined;
    const uri = editor.document.uri.toString();
    const added: TagDto[] = [];
    try {
      for (const selection of selections) {
        added.push(await tags.add({ uri, range: toLspRange(selection), tag: tag.trim(), note, coder: currentCoder() }));
      }
    } catch (error) {
      void vscode.window.showErrorMessage(`Seed Annotator: could not tag: ${messageOf(error)}`);
      return added.length > 0 ? added : undefined;
    }
    vscode.window.setStatusBarMessage(`$(tag) Tagged ${added.length === 1 ? 'a passage' : `${added.length} passages`} "${tag}"`, 3000);
    return added;
  };

  const editTag = async (args?: unknown): Promise<TagDto | undefined> => {
    const target = await resolveTag(args, 'Edit Tag');
    if (!target) return undefined;
    const given = (typeof args === 'object' && args !== null ? args : {}) as Partial<EditTagCommandArgs>;
    const tag = given.tag ?? (await pickTag(await usedTags(), { current: target.tag, title: 'Edit Tag', codes: await codes() }));
    if (tag === undefined) return undefined;
    const note = given.note ?? (await inputNote({ current: target.note, title: `Edit Tag: ${tag}` }));
    if (note === undefined) return undefined;
    try {
      return await tags.update({ uri: target.uri, id: target.id, tag: tag.trim(), note });
    } catch (error) {
      void vscode.window.showErrorMessage(`Seed Annotator: could not edit the tag: ${messageOf(error)}`);
      return undefined;
    }
  };

  const removeTag = async (args?: unknown): Promise<TagDto | undefined> => {
    const target = await resolveTag(args, 'Remove Tag');
    if (!target) return undefined;
    let removed: TagDto;
    try {
      removed = await tags.remove({ uri: target.uri, id: target.id });
    } catch (error) {
      void vscode.window.showErrorMessage(`Seed Annotator: could not remove the tag: ${messageOf(error)}`);
      return undefined;
    }
    // Not awaited: a script that removes a tag must not wait for the user to dismiss a message.
    void vscode.window
      .showInformationMessage(`Seed Annotator: removed the tag "${removed.tag}".`, 'Undo')
      .then((choice) => choice && vscode.commands.executeCommand(ClientCommands.undoTag, { uri: removed.uri }));
    return removed;
  };

  const undoTag = async (args?: { uri?: string }): Promise<TagsUndoResult | undefined> => {
    let uri = args?.uri;
    if (uri === undefined) {
      const editor = seedEditor('Undo Last Tag Operation');
      if (!editor) return undefined;
      uri = editor.document.uri.toString();
    }
    try {
      const result = await tags.undo({ uri });
      if (result.undone === null) void vscode.window.showInformationMessage('Seed Annotator: no tag operation to undo in this file.');
      else vscode.window.setStatusBarMessage(`$(discard) Undid: ${result.undone}`, 3000);
      return result;
    } catch (error) {
      void vscode.window.showErrorMessage(`Seed Annotator: could not undo: ${messageOf(error)}`);
      return undefined;
    }
  };

  const attributeToOther = async (args?: AttributeToOtherCommandArgs): Promise<AttributionDto[] | undefined> => {
    let target: AttributeToOtherArgs;
    if (args && typeof args.uri === 'string' && args.quoteRange) {
      target = { uri: args.uri, quoteRange: args.quoteRange };
    } else {
      const editor = seedEditor('Attribute Quote To…');
      if (!editor) return undefined;
      target = { uri: editor.document.uri.toString(), quoteRange: toLspRange(editor.selection) };
    }
    let speaker = args?.speaker;
    if (speaker === undefined) {
      const typed = await vscode.window.showInputBox({
        title: 'Attribute Quote To…',
        prompt: 'Who said this quote? Leave empty to remove a correction made earlier.',
        placeHolder: 'Full name, e.g. Sergei Lavrov',
        validateInput: (value) => (/[\r\n]/.test(value) ? 'A name is a single line.' : undefined),
      });
      if (typed === undefined) return undefined;
      speaker = typed.trim() === '' ? null : typed.trim();
    }
    try {
      return await tags.setAttribution({ uri: target.uri, quoteRange: target.quoteRange, speaker });
    } catch (error) {
      void vscode.window.showErrorMessage(`Seed Annotator: could not attribute the quote: ${messageOf(error)}`);
      return undefined;
    }
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(ClientCommands.tagSelection, whenTrusted('tagging', tagSelection)),
    vscode.commands.registerCommand(ClientTagCommands.editTag, whenTrusted('editing a tag', editTag)),
    vscode.commands.registerCommand(ClientCommands.removeTag, whenTrusted('removing a tag', removeTag)),
    vscode.commands.registerCommand(ClientCommands.undoTag, whenTrusted('undoing a tag change', undoTag)),
    vscode.commands.registerCommand(ClientTagCommands.attributeToOther, whenTrusted('correcting an attribution', attributeToOther)),
  );
}
