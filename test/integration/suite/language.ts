// The `seed` language reaches the right files: built-in patterns, the filePatterns setting and the command.
import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import * as path from 'node:path';
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
      const seedLike = await vscode.workspace.openTextDocument(
        writeScratchFile(dir, 'scrape/017_0123456789abcdef.txt', 'A "quote," he said.\n'),
      );
      assert.equal(seedLike.languageId, LANGUAGE_ID);
      const other = await vscode.workspace.openTextDocument(writeScratchFile(dir, 'scrape/notes.txt', 'Shopping list.\n'));
      assert.equal(other.languageId, 'plaintext');
      // VS Code's own glob matcher on the manifest's patterns: the near misses stay plain text.
      for (const near of ['scrape/017_0123456789abcdeg.txt', 'scrape/17_0123456789abcdef.txt', 'seeds/nested/article.txt']) {
        const document = await vscode.workspace.openTextDocument(writeScratchFile(dir, near, 'Not a seed.\n'));
        assert.equal(document.languageId, 'plaintext', near);
      }
      const nestedSeeds = await vscode.workspace.openTextDocument(writeScratchFile(dir, 'corpus/seeds/any-article.txt', 'A seed.\n'));
      assert.equal(nestedSeeds.languageId, LANGUAGE_ID, 'seeds/ at any depth');
    });

    it('is given to files matching seedAnnotator.filePatterns, read relative to the workspace folder', async () => {
      const settings = vscode.workspace.getConfiguration('seedAnnotator');
      const folder = vscode.workspace.workspaceFolders?.[0];
      assert.ok(folder, 'the suite runs with a workspace folder');
      const inWorkspace = path.join(folder.uri.fsPath, 'articles');
      await settings.update('filePatterns', ['articles/*.txt', '*.article.txt'], vscode.ConfigurationTarget.Global);
      try {
        const scratch = scratchDir();
        const outside = writeScratchFile(scratch, 'articles/elsewhere.txt', '"Not here," she said.\n');
        await vscode.workspace.openTextDocument(outside);
        const relative = writeScratchFile(folder.uri.fsPath, 'articles/ceasefire.txt', '"We are ready," the minister said.\n');
        const anywhere = writeScratchFile(scratch, 'drafts/talks.article.txt', '"Talks resume," the envoy said.\n');
        for (const uri of [relative, anywhere]) {
          await vscode.workspace.openTextDocument(uri);
          await eventually(
            `${uri.fsPath} to become seed`,
            () => (openDocument(uri)?.languageId === LANGUAGE_ID ? true : undefined),
            10_000,
          );
        }
        assert.equal(openDocument(outside)?.languageId, 'plaintext', 'a pattern with a slash applies inside the workspace folder only');
      } finally {
        await settings.update('filePatterns', undefined, vscode.ConfigurationTarget.Global);
        rmSync(inWorkspace, { recursive: true, force: true });
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
