// The Codebook view's actions: add a code (or a sub-code, or a tag name missing from the codebook), edit its
// definition, move it under another code, recolour, rename (every tag too, undoable), delete (moving its tags), undo.
// Each takes an argument that skips its dialogs (scripts and tests): the tree node, or `{ name, … }`.
import * as vscode from 'vscode';
import { ClientCommands, type CodebookChangeResult, type CodeDto } from '../../shared/protocol';
import type { CodebookModel } from './codebookModel';
import type { CodebookNode } from './codebookView';
import { validateTagName } from './tagNames';

export interface CodeArgs {
  name?: string;
  description?: string;
  color?: string;
  parent?: string | null;
  to?: string;
  moveTo?: string;
}

type Target = CodebookNode | CodeArgs | undefined;

const COLOUR = /^#[0-9a-fA-F]{6}$/;

function nameOf(target: Target): string | undefined {
  if (!target) return undefined;
  if ('kind' in target) return target.kind === 'code' ? target.code.name : target.kind === 'missingCode' ? target.name : undefined;
  return target.name;
}

function argsOf(target: Target): CodeArgs {
  return target && !('kind' in target) ? target : {};
}

export function registerCodebookCommands(context: vscode.ExtensionContext, codebook: CodebookModel): void {
  /** Runs a request; a refusal is shown to the user and gives undefined. */
  const run = async <T>(what: string, request: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await request();
    } catch (error) {
      void vscode.window.showErrorMessage(`Seed Annotator: could not ${what}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  };

  const pickCode = async (title: string, exclude?: string): Promise<CodeDto | undefined> => {
    const codes = (await codebook.codesOrNone()).filter((c) => c.name !== exclude);
    const picked = await vscode.window.showQuickPick(
      codes.map((code) => ({ label: code.name, detail: code.description || undefined, code })),
      { title },
    );
    return picked?.code;
  };

  const askName = (title: string, value = ''): Thenable<string | undefined> =>
    vscode.window.showInputBox({ title, value, prompt: 'Code name (as tags will carry it)', validateInput: validateTagName });

  const add = async (target?: Target, parentFromNode?: string | null): Promise<unknown> => {
    const given = argsOf(target);
    const name = given.name ?? nameOf(target) ?? (await askName('Add Code'));
    if (!name) return undefined;
    const description =
      given.description ??
      (await vscode.window.showInputBox({ title: `Definition of "${name}"`, prompt: 'When does this code apply? (optional)' }));
    if (description === undefined) return undefined;
    return run('add the code', () =>
      codebook.send('add', { name: name.trim(), description, color: given.color, parent: given.parent ?? parentFromNode ?? null }),
    );
  };

  /** From the tree: a sub-code of that node; from a script: `{ name, parent, … }` directly. */
  const addChild = async (target?: Target): Promise<unknown> => {
    if (target && !('kind' in target)) return add(target);
    const parent = nameOf(target) ?? (await pickCode('Add a sub-code under'))?.name;
    if (!parent) return undefined;
    return add(undefined, parent);
  };

  const describe = async (target?: Target): Promise<unknown> => {
    const name = nameOf(target) ?? (await pickCode('Edit Definition'))?.name;
    if (!name) return undefined;
    const current = (await codebook.codesOrNone()).find((c) => c.name === name)?.description ?? '';
    const description =
      argsOf(target).description ?? (await vscode.window.showInputBox({ title: `Definition of "${name}"`, value: current }));
    if (description === undefined) return undefined;
    return run('edit the definition', () => codebook.send('describe', { name, description }));
  };

  const move = async (target?: Target): Promise<unknown> => {
    const name = nameOf(target) ?? (await pickCode('Move Code'))?.name;
    if (!name) return undefined;
    let parent = argsOf(target).parent;
    if (parent === undefined) {
      const codes = (await codebook.codesOrNone()).filter((c) => c.name !== name);
      const picked = await vscode.window.showQuickPick(
        [
          { label: '$(list-tree) Top level', parent: null as string | null },
          ...codes.map((c) => ({ label: c.name, detail: c.description || undefined, parent: c.name })),
        ],
        { title: `Move "${name}" under` },
      );
      if (!picked) return undefined;
      parent = picked.parent;
    }
    return run('move the code', () => codebook.send('move', { name, parent: parent ?? null }));
  };

  const recolour = async (target?: Target): Promise<unknown> => {
    const name = nameOf(target) ?? (await pickCode('Recolour Code'))?.name;
    if (!name) return undefined;
    const current = (await codebook.codesOrNone()).find((c) => c.name === name)?.color ?? '';
    const color =
      argsOf(target).color ??
      (await vscode.window.showInputBox({
        title: `Colour of "${name}"`,
        value: current,
        prompt: '#rrggbb',
        validateInput: (value) => (COLOUR.test(value.trim()) ? undefined : 'A colour as #rrggbb, e.g. #e6194b'),
      }));
    if (!color) return undefined;
    return run('recolour the code', () => codebook.send('recolour', { name, color: color.trim() }));
  };

  const rename = async (target?: Target): Promise<CodebookChangeResult | undefined> => {
    const name = nameOf(target) ?? (await pickCode('Rename Code'))?.name;
    if (!name) return undefined;
    const to = argsOf(target).to ?? (await askName(`Rename "${name}" (every tag of the workspace too)`, name));
    if (!to || to.trim() === name) return undefined;
    const result = await run('rename the code', () => codebook.send('rename', { from: name, to: to.trim() }));
    if (result) announce(result);
    return result;
  };

  const remove = async (target?: Target): Promise<CodebookChangeResult | undefined> => {
    const name = nameOf(target) ?? (await pickCode('Delete Code'))?.name;
    if (!name) return undefined;
    const given = argsOf(target);
    let moveTo = given.moveTo;
    const code = (await codebook.codesOrNone()).find((c) => c.name === name);
    if (moveTo === undefined && code && code.uses > 0) {
      const other = await pickCode(`"${name}" is used by ${code.uses} tag${code.uses === 1 ? '' : 's'}: move them to`, name);
      if (!other) return undefined;
      moveTo = other.name;
    }
    const result = await run('delete the code', () => codebook.send('delete', { name, moveTo }));
    if (result) announce(result);
    return result;
  };

  const undo = async (): Promise<CodebookChangeResult | undefined> => {
    const result = await run('undo', () => codebook.send('undo', {}));
    if (result && result.label === '') void vscode.window.showInformationMessage('Seed Annotator: no codebook rename or delete to undo.');
    else if (result) announce(result);
    return result;
  };

  function announce(result: CodebookChangeResult): void {
    const what =
      result.tags > 0 ? ` (${result.tags} tag${result.tags === 1 ? '' : 's'} in ${result.files} file${result.files === 1 ? '' : 's'})` : '';
    void vscode.window
      .showInformationMessage(`Seed Annotator: ${result.label}${what}.`, 'Undo')
      .then((choice) => choice && vscode.commands.executeCommand(ClientCommands.codebookUndo));
  }

  context.subscriptions.push(
    vscode.commands.registerCommand(ClientCommands.codebookAdd, (target?: Target) => add(target)),
    vscode.commands.registerCommand(ClientCommands.codebookAddMissing, (target?: Target) => add(target)),
    vscode.commands.registerCommand(ClientCommands.codebookAddChild, addChild),
    vscode.commands.registerCommand(ClientCommands.codebookDescribe, describe),
    vscode.commands.registerCommand(ClientCommands.codebookMove, move),
    vscode.commands.registerCommand(ClientCommands.codebookRecolour, recolour),
    vscode.commands.registerCommand(ClientCommands.codebookRename, rename),
    vscode.commands.registerCommand(ClientCommands.codebookDelete, remove),
    vscode.commands.registerCommand(ClientCommands.codebookUndo, undo),
    vscode.commands.registerCommand(ClientCommands.refreshCodebook, () => codebook.invalidate()),
  );
}
