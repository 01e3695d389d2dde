// The `seed` language reaches the right files: built-in patterns, the filePatterns setting and the command.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { ClientCommands, LANGUAGE_ID } from '../../../shared/protocol';
import { AFP_SEED, LAVROV_SEED, eventually, extensionApi, openDocument, scratchDir, seedFile, writeScratchFile } from './helpers';

export function languageTests(): void {
  describe('the seed language', () => {
    before(async () => {
      await extensionApi();
    });

    it('is given to the .txt files under seeds/', async () => {
      for (const name of [LAVROV_SEED, AFP_SEED]) {
        const document = await vscode.workspace.openTextDocument(await seedFile(name));
        assert.equal(document.languageId, LANGUAGE_ID, name);
      }
    });

    it('is given to NNN_<16 hex>.txt names outside a seeds/ folder, and not to other text files', async () => {
      const dir = scratchDir();
      const seedLike = await vscode.workspace.openTextDocument(writeScratchFile(dir, 'scrape/017_0123456789abcdef.txt', 'A "quote," he said.\n'));
      assert.equal(seedLike.languageId, LANGUAGE_ID);
      const other = await vscode.workspace.openTextDocument(writeScratchFile(dir, 'scrape/notes.txt', 'Shopping list.\n'));
      assert.equal(other.languageId, 'plaintext');
    });

    it('is given to files matching seedAnnotator.filePatterns', async () => {
      const settings = vscode.workspace.getConfiguration('seedAnnotator');
      await settings.update('filePatterns', ['articles/*.txt'], vscode.ConfigurationTarget.Global);
      try {
        const uri = writeScratchFile(scratchDir(), 'articles/ceasefire.txt', '"We are ready," the minister said.\n');
        await vscode.workspace.openTextDocument(uri);
        await eventually('the filePatterns file to become seed', () => (openDocument(uri)?.languageId === LANGUAGE_ID ? true : undefined), 10_000);
      } finally {
        await settings.update('filePatterns', undefined, vscode.ConfigurationTarget.Global);
      }
    });

    it('is set on the open file by "Set Language to Seed"', async () => {
      const uri = writeScratchFile(scratchDir(), 'drafts/article.txt', 'Moscow said on Friday it was "ready".\n');
      const editor = await vscode.window.showTextDocument(uri);
      assert.equal(editor.document.languageId, 'plaintext');
      await vscode.commands.executeCommand(ClientCommands.setLanguage);
      await eventually('the file to become seed', () => (openDocument(uri)?.languageId === LANGUAGE_ID ? true : undefined), 10_000);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });
  });
}
