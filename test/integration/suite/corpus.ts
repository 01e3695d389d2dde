// Corpus speakers from the Speakers view: "Merge with…" and "Split" (given their choices as arguments, as a
// script would), saved to .seed-annotator/speakers.json and shown in the view; the file removed, all is as before.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { SpeakerNode } from '../../../client/src/speakersView';
import { LAVROV_SEED, eventually, extensionApi, seedFile } from './helpers';

type SpeakerRow = Extract<SpeakerNode, { kind: 'speaker' }>;

export function corpusTests(): void {
  describe('corpus speakers in the Speakers view', () => {
    const rows = async (): Promise<SpeakerRow[]> => {
      const api = await extensionApi();
      return (await api.speakers.getChildren()).filter((n): n is SpeakerRow => n.kind === 'speaker');
    };
    const named = async (name: string) => (await rows()).filter((r) => r.speaker.name === name);

    it('merges two speakers with "Merge with…", then splits one file off with "Split"', async () => {
      const lavrov = await eventually('Lavrov in the view', async () => (await named('Sergei Lavrov'))[0]);
      const nebenzya = await eventually('Nebenzya in the view', async () => (await named('Vasily Nebenzya'))[0]);
      assert.ok(lavrov.speaker.id && nebenzya.speaker.id, 'the view shows corpus speakers, with ids');
      await vscode.commands.executeCommand('seedAnnotator.mergeSpeaker', lavrov, [nebenzya.speaker.id]);
      const merged = await eventually('one speaker for both', async () => {
        const all = await rows();
        return all.some((r) => r.speaker.name === 'Vasily Nebenzya') ? undefined : all.find((r) => r.speaker.name === 'Sergei Lavrov');
      });
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      assert.ok(folder);
      const file = vscode.Uri.joinPath(folder, '.seed-annotator', 'speakers.json');
      const saved = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(file)).toString('utf8')) as { merge: string[][] };
      assert.deepEqual(saved.merge, [['Sergei Lavrov', 'Vasily Nebenzya']]);

      const lavrovFile = (await seedFile(LAVROV_SEED)).toString();
      await vscode.commands.executeCommand('seedAnnotator.splitSpeaker', merged, [lavrovFile]);
      await eventually('the split file as a speaker of its own', async () => {
        const owners = (await rows()).filter((r) => r.speaker.files.some((f) => f.uri === lavrovFile));
        return owners.length === 1 && owners[0].speaker.files.length === 1 ? true : undefined;
      });

      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, '.seed-annotator'), { recursive: true });
      await eventually('the speakers as before', async () => ((await named('Vasily Nebenzya')).length === 1 ? true : undefined));
    });

    it('"Show Quote Provenance" lists where a quote appears, oldest first, and opens the one picked', async () => {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      assert.ok(folder);
      const quote = 'Our harbours will stay open to every ship that respects the law of the sea';
      const article = (date: string, outlet: string) =>
        `# Ports Stay Open\n\nBy [${outlet}](#)\n\n${date}\n\n"${quote}," Transport Minister Ilona Várhelyi told reporters.\n`;
      const older = vscode.Uri.joinPath(folder, '901_0a1b2c3d4e5f6071.txt');
      const newer = vscode.Uri.joinPath(folder, '902_1b2c3d4e5f607182.txt');
      await vscode.workspace.fs.writeFile(older, Buffer.from(article('March 2, 2021', 'Harbour Wire')));
      await vscode.workspace.fs.writeFile(newer, Buffer.from(article('March 9, 2021', 'Coast Daily')));
      try {
        const editor = await vscode.window.showTextDocument(newer);
        const line = editor.document
          .getText()
          .split('\n')
          .findIndex((l) => l.includes(quote));
        const args = { uri: newer.toString(), position: { line, character: 5 } };
        // The quick pick lists the older article first; accepting it opens that article. Until the server has
        // indexed both files there is nothing to pick, so the command is tried again.
        await eventually('the older article opened from the provenance list', async () => {
          void vscode.commands.executeCommand('seedAnnotator.showProvenance', args);
          await new Promise((resolve) => setTimeout(resolve, 700));
          await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
          await new Promise((resolve) => setTimeout(resolve, 300));
          return vscode.window.activeTextEditor?.document.uri.toString() === older.toString() ? true : undefined;
        });
        const opened = vscode.window.activeTextEditor;
        assert.ok(opened && opened.document.getText(opened.selection).includes(quote), 'the quote is selected');
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.workspace.fs.delete(older);
        await vscode.workspace.fs.delete(newer);
      }
    });
  });
}
