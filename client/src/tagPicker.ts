// Asks the user for a tag name (the vocabulary, every tag already used, or a new one) and an optional note.
import * as vscode from 'vscode';
import { tagChoices, validateTagName } from './tagNames';

interface TagPickItem extends vscode.QuickPickItem {
  /** The tag this item stands for; undefined for "New tag…". */
  tag?: string;
}

/**
 * Resolves to the chosen tag name, or undefined when the user cancels. `codes` (the codebook, with definitions) come
 * first; without a codebook, the `seedAnnotator.tags` setting; then names used in the workspace but not in it.
 */
export async function pickTag(
  used: readonly string[],
  options: { current?: string; title: string; codes?: readonly { name: string; description: string }[] },
): Promise<string | undefined> {
  const codes = options.codes && options.codes.length > 0 ? options.codes : undefined;
  const configured = codes ? codes.map((c) => c.name) : (vscode.workspace.getConfiguration('seedAnnotator').get<string[]>('tags') ?? []);
  const definitions = new Map(codes?.map((c) => [c.name, c.description]) ?? []);
  const choices = tagChoices(configured, used);
  const newTag: TagPickItem = { label: '$(add) New tag…', alwaysShow: true };
  const items: TagPickItem[] = choices.map(({ tag, configured: fromSettings }) => ({
    label: tag,
    tag,
    description: [tag === options.current ? 'current' : '', fromSettings ? '' : codes ? 'not in codebook' : 'used in workspace']
      .filter(Boolean)
      .join(' · '),
    detail: definitions.get(tag) || undefined,
  }));

  const quickPick = vscode.window.createQuickPick<TagPickItem>();
  quickPick.title = options.title;
  quickPick.placeholder = 'Choose a tag, or type a new tag name';
  const baseItems = [...items, newTag];
  quickPick.items = baseItems;
  const current = baseItems.find((item) => item.tag === options.current);
  if (current) quickPick.activeItems = [current];
  // Typing a name that is not in the list offers it directly, so a new tag needs no second dialog.
  quickPick.onDidChangeValue((value) => {
    const name = value.trim();
    const known = name === '' || items.some((item) => item.tag === name);
    quickPick.items =
      known || validateTagName(name)
        ? baseItems
        : [{ label: `$(add) ${name}`, description: 'new tag', tag: name, alwaysShow: true }, ...baseItems];
  });

  const picked = await new Promise<TagPickItem | undefined>((resolve) => {
    quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]));
    quickPick.onDidHide(() => resolve(undefined));
    quickPick.show();
  });
  quickPick.dispose();
  if (!picked) return undefined;
  if (picked.tag !== undefined) return picked.tag;
  const typed = await vscode.window.showInputBox({
    title: options.title,
    prompt: 'Name of the new tag',
    placeHolder: 'e.g. ultimatum',
    validateInput: validateTagName,
  });
  return typed?.trim();
}

/** Resolves to the note ('' for none), or undefined when the user cancels. */
export function inputNote(options: { current?: string; title: string }): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: options.title,
    prompt: 'Note (optional): press Enter to leave it empty',
    value: options.current ?? '',
    placeHolder: 'Why this passage matters',
  });
}
