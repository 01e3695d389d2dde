// Every contributed command is registered, and the Speakers and Tags views exist and show workspace data.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { SpeakerNode } from '../../../client/src/speakersView';
import { EXTENSION_ID, LAVROV_SEED, eventually, extensionApi, seedFile } from './helpers';

interface ContributedCommand {
  command: string;
}

export function commandsAndViewsTests(): void {
  describe('commands and views', () => {
    it('registers every command the manifest contributes', async () => {
      await extensionApi();
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      const contributed = (extension?.packageJSON as { contributes: { commands: ContributedCommand[] } }).contributes.commands;
      assert.ok(contributed.length >= 10);
      const registered = new Set(await vscode.commands.getCommands(true));
      for (const { command } of contributed) assert.ok(registered.has(command), `${command} is registered`);
    });

    it('has a Seed Annotator view container with Speakers and Tags views', async () => {
      await extensionApi();
      const registered = new Set(await vscode.commands.getCommands(true));
      assert.ok(registered.has('seedAnnotator.speakers.focus'), 'Speakers view');
      assert.ok(registered.has('seedAnnotator.tags.focus'), 'Tags view');
      await vscode.commands.executeCommand('workbench.view.extension.seedAnnotator');
      await vscode.commands.executeCommand('seedAnnotator.speakers.focus');
      await vscode.commands.executeCommand('seedAnnotator.tags.focus');
    });

    it('lists Sergei Lavrov in the Speakers view, with his file and quotes that open at the quote', async () => {
      const api = await extensionApi();
      const lavrovFile = (await seedFile(LAVROV_SEED)).toString();
      const lavrov = await eventually('Sergei Lavrov in the Speakers view', async () => {
        const roots = await api.speakers.getChildren();
        return roots.find(
          (node): node is Extract<SpeakerNode, { kind: 'speaker' }> => node.kind === 'speaker' && node.speaker.name === 'Sergei Lavrov',
        );
      });
      const files = await api.speakers.getChildren(lavrov);
      const file = files.find((node) => node.kind === 'file' && node.file.uri === lavrovFile);
      assert.ok(file, `${LAVROV_SEED} is among Lavrov's files`);
      const quotes = await api.speakers.getChildren(file);
      assert.ok(quotes.length >= 1, 'Lavrov is quoted in it');
      const item = api.speakers.getTreeItem(quotes[0]);
      assert.equal(item.command?.command, 'vscode.open');
      await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
      const editor = vscode.window.activeTextEditor;
      assert.equal(editor?.document.uri.toString(), lavrovFile);
      assert.ok(editor && !editor.selection.isEmpty, 'the quote is selected');
      assert.match(editor.document.getText(editor.selection), /[“"]/, 'the selection is the quote');
    });
  });
}
