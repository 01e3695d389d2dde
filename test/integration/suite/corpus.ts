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
  });
}
