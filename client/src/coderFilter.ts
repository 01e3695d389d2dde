// The coder filter shared by the Tags view and the decorations, and the view-title command that changes it.
import { userInfo } from 'node:os';
import * as vscode from 'vscode';
import { ClientCommands, type TagDto } from '../../shared/protocol';
import { coderName, filterLabel, showsCoder, type CoderFilterState } from './coders';
import type { TagsModel } from './tagsModel';

/** The coder recorded on new tags: `seedAnnotator.coder`, else the OS user name. */
export function currentCoder(): string {
  let osUser = '';
  try {
    osUser = userInfo().username;
  } catch {
    osUser = process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
  return coderName(vscode.workspace.getConfiguration('seedAnnotator').get<string>('coder'), osUser);
}

export class CoderFilter implements vscode.Disposable {
  private state: CoderFilterState = { kind: 'all' };
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  get current(): CoderFilterState {
    return this.state;
  }

  set(state: CoderFilterState): void {
    this.state = state;
    this.changed.fire();
  }

  shows(tag: TagDto): boolean {
    return showsCoder(this.state, tag.creator, currentCoder());
  }

  label(): string {
    return filterLabel(this.state, currentCoder());
  }

  dispose(): void {
    this.changed.dispose();
  }
}

interface FilterItem extends vscode.QuickPickItem {
  state: CoderFilterState;
}

/** `seedAnnotator.filterByCoder`: a quick pick of all / mine / each coder seen; an argument skips it (scripts). */
export function registerCoderFilterCommand(context: vscode.ExtensionContext, filter: CoderFilter, tags: TagsModel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(ClientCommands.filterByCoder, async (given?: CoderFilterState) => {
      if (given && (given.kind === 'all' || given.kind === 'mine' || (given.kind === 'one' && typeof given.name === 'string'))) {
        filter.set(given);
        return filter.current;
      }
      const coders = new Set<string>();
      try {
        for (const document of await tags.workspace()) for (const tag of document.tags) if (tag.creator) coders.add(tag.creator);
      } catch {
        // The server is not answering: "all" and "mine" are still offered.
      }
      const me = currentCoder();
      const items: FilterItem[] = [
        { label: 'All coders', state: { kind: 'all' } },
        { label: `Only mine (${me})`, state: { kind: 'mine' } },
        ...[...coders]
          .sort((a, b) => a.localeCompare(b))
          .map((name): FilterItem => ({ label: name, description: 'only this coder', state: { kind: 'one', name } })),
      ];
      const picked = await vscode.window.showQuickPick(items, {
        title: 'Show tags by',
        placeHolder: 'Whose tags to show in the Tags view and the editor',
      });
      if (picked) filter.set(picked.state);
      return filter.current;
    }),
  );
}
