// The extension in a workspace the editor does not trust (restricted mode): it still analyses and shows tags, and
// nothing is written: the writing commands refuse, and the server refuses write requests sent to it directly.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { ClientCommands, type TagDto } from '../../../shared/protocol';
import { LAVROV_SEED, eventually, extensionApi, hoverText, rangeOf, seedFile } from './helpers';

export function untrustedTests(): void {
  describe('an untrusted workspace', () => {
    it('is what this run opened', () => {
      assert.equal(vscode.workspace.isTrusted, false, 'the e2e runner opens this workspace untrusted');
    });

    it('still analyses: the hover names the speaker', async () => {
      await extensionApi();
      const document = await vscode.workspace.openTextDocument(await seedFile(LAVROV_SEED));
      const position = rangeOf(document, 'Lavrov recalled').start.translate(0, 2);
      const hovers = await eventually('a hover', async () => {
        const result = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
        return result.length > 0 ? result : undefined;
      });
      assert.match(hoverText(hovers), /Sergei Lavrov/);
    });

    it('writes nothing: Tag Selection refuses, and so does the server when asked directly', async () => {
      const api = await extensionApi();
      const uri = await seedFile(LAVROV_SEED);
      const editor = await vscode.window.showTextDocument(uri);
      const range = rangeOf(editor.document, 'Lavrov recalled');
      editor.selection = new vscode.Selection(range.start, range.end);
      const added = await vscode.commands.executeCommand<TagDto[] | undefined>(ClientCommands.tagSelection, { tag: 'claim', note: '' });
      assert.equal(added, undefined, 'the command refused');
      const exported = await vscode.commands.executeCommand(ClientCommands.exportTags, {
        format: 'csv',
        scope: 'workspace',
        target: vscode.Uri.joinPath(uri, '..', 'out.csv').toString(),
      });
      assert.equal(exported, undefined, 'exporting to a file refused');
      const lspRange = {
        start: { line: range.start.line, character: range.start.character },
        end: { line: range.end.line, character: range.end.character },
      };
      await assert.rejects(
        api.tagsModel.add({ uri: uri.toString(), range: lspRange, tag: 'claim' }),
        /not trusted, so Seed Annotator is read-only/,
      );
      assert.deepEqual((await api.tagsModel.forDocument(uri)).tags, []);
      assert.equal(existsSync(`${uri.fsPath}.tags.json`), false, 'no sidecar was written');
      assert.equal(existsSync(vscode.Uri.joinPath(uri, '..', 'out.csv').fsPath), false, 'no export was written');
      assert.ok(readFileSync(uri.fsPath, 'utf8').includes('Lavrov'), 'the article is untouched');
    });
  });
}
