// Tagging through the commands: add, edit, undo, remove, re-anchor after an edit, attribute, export, bad sidecars.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SeedAnnotatorApi } from '../../../client/src/extension';
import type { TagNode } from '../../../client/src/tagsView';
import { ClientCommands, ClientTagCommands, type AttributionDto, type TagDto, type TagsUndoResult } from '../../../shared/protocol';
import { AFP_SEED, LAVROV_SEED, eventually, extensionApi, hoverText, rangeOf, scratchDir, seedFile } from './helpers';

const PASSAGE = 'thanks to the efforts of President Putin';

interface SidecarOnDisk {
  tags: { id: string; tag: string; note: string }[];
}

function readSidecar(source: vscode.Uri): SidecarOnDisk {
  return JSON.parse(readFileSync(`${source.fsPath}.tags.json`, 'utf8')) as SidecarOnDisk;
}

export function taggingTests(): void {
  describe('tagging', () => {
    let api: SeedAnnotatorApi;
    let editor: vscode.TextEditor;
    let uri: string;
    let tagged: TagDto;

    before(async () => {
      api = await extensionApi();
      editor = await vscode.window.showTextDocument(await seedFile(LAVROV_SEED));
      uri = editor.document.uri.toString();
    });

    const currentTags = async (): Promise<TagDto[]> => {
      api.tagsModel.invalidate(uri);
      return (await api.tagsModel.forDocument(editor.document.uri)).tags;
    };

    it('tags the selection with "Tag Selection" and saves the sidecar next to the file', async () => {
      const range = rangeOf(editor.document, PASSAGE);
      editor.selection = new vscode.Selection(range.start, range.end);
      const added = await vscode.commands.executeCommand<TagDto[] | undefined>(ClientCommands.tagSelection, {
        tag: 'claim',
        note: 'integration test',
      });
      assert.ok(added && added.length === 1, 'one tag added');
      tagged = added[0];
      assert.equal(tagged.tag, 'claim');
      assert.equal(tagged.text, PASSAGE);
      assert.deepEqual(tagged.range.start, { line: range.start.line, character: range.start.character });
      const sidecar = readSidecar(editor.document.uri);
      assert.ok(sidecar.tags.some((tag) => tag.id === tagged.id && tag.tag === 'claim' && tag.note === 'integration test'));
    });

    it('shows the tag in the Tags view and the status bar', async () => {
      const roots = await eventually('the claim group in the Tags view', async () => {
        const nodes = await api.tags.getChildren();
        return nodes.some((node) => node.kind === 'tag' && node.name === 'claim') ? nodes : undefined;
      });
      const claim = roots.find((node): node is Extract<TagNode, { kind: 'tag' }> => node.kind === 'tag' && node.name === 'claim');
      assert.ok(claim?.tags.some((tag) => tag.id === tagged.id));
      await eventually('the status bar count', async () => {
        await api.statusBar.update();
        return api.statusBar.text?.includes('$(tag) 1') ? true : undefined;
      });
    });

    it('edits the tag, and undoes the edit', async () => {
      const edited = await vscode.commands.executeCommand<TagDto | undefined>(ClientTagCommands.editTag, {
        uri,
        id: tagged.id,
        tag: 'denial',
        note: 'edited',
      });
      assert.equal(edited?.tag, 'denial');
      assert.equal(readSidecar(editor.document.uri).tags.find((tag) => tag.id === tagged.id)?.tag, 'denial');
      const undone = await vscode.commands.executeCommand<TagsUndoResult | undefined>(ClientCommands.undoTag, { uri });
      assert.ok(undone?.undone, 'something was undone');
      const [restored] = (await currentTags()).filter((tag) => tag.id === tagged.id);
      assert.equal(restored?.tag, 'claim');
      assert.equal(restored?.note, 'integration test');
    });

    it('keeps the tag on the same words when text is inserted before it', async () => {
      const ok = await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'BREAKING: \n'));
      assert.ok(ok);
      const moved = await eventually('the re-anchored tag', async () => {
        const tag = (await currentTags()).find((t) => t.id === tagged.id);
        return tag && tag.range.start.line === tagged.range.start.line + 1 ? tag : undefined;
      });
      assert.equal(
        editor.document.getText(
          new vscode.Range(moved.range.start.line, moved.range.start.character, moved.range.end.line, moved.range.end.character),
        ),
        PASSAGE,
      );
      await vscode.commands.executeCommand('undo');
      await eventually('the tag back in place', async () => {
        const tag = (await currentTags()).find((t) => t.id === tagged.id);
        return tag && tag.range.start.line === tagged.range.start.line ? tag : undefined;
      });
    });

    it('lists a tag whose words were deleted among the orphans, and places it again when they come back', async () => {
      const words = rangeOf(editor.document, PASSAGE);
      assert.ok(await editor.edit((edit) => edit.delete(words)));
      const orphan = await eventually('the orphaned tag', async () => {
        const tag = (await currentTags()).find((t) => t.id === tagged.id);
        return tag?.status === 'orphaned' ? tag : undefined;
      });
      assert.equal(orphan.text, PASSAGE, 'an orphan keeps its words');
      const roots = await eventually('the Orphaned group', async () => {
        const nodes = await api.tags.getChildren();
        return nodes.some((node) => node.kind === 'orphans') ? nodes : undefined;
      });
      const orphans = roots.find((node): node is Extract<TagNode, { kind: 'orphans' }> => node.kind === 'orphans');
      assert.ok(orphans?.tags.some((tag) => tag.id === tagged.id));
      assert.ok(!roots.some((node) => node.kind === 'tag' && node.tags.some((tag) => tag.id === tagged.id)), 'not under its tag meanwhile');
      await vscode.commands.executeCommand('undo');
      await eventually('the tag placed again', async () => {
        const tag = (await currentTags()).find((t) => t.id === tagged.id);
        return tag && tag.status !== 'orphaned' && tag.range.start.line === tagged.range.start.line ? tag : undefined;
      });
    });

    it('removes the tag and brings it back with undo', async () => {
      const removed = await vscode.commands.executeCommand<TagDto | undefined>(ClientCommands.removeTag, { uri, id: tagged.id });
      assert.equal(removed?.id, tagged.id);
      assert.ok(!(await currentTags()).some((tag) => tag.id === tagged.id));
      await vscode.commands.executeCommand(ClientCommands.undoTag, { uri });
      assert.ok((await currentTags()).some((tag) => tag.id === tagged.id && tag.tag === 'claim'));
    });

    it("offers Edit and Remove code actions on a tagged span; the server's Remove runs through the client", async () => {
      const range = new vscode.Range(
        tagged.range.start.line,
        tagged.range.start.character + 1,
        tagged.range.start.line,
        tagged.range.start.character + 2,
      );
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        editor.document.uri,
        range,
      );
      assert.ok(
        actions.some((a) => a.command?.command === ClientTagCommands.editTag),
        'an Edit Tag action calls the client command',
      );
      const remove = actions.find((a) => /^Remove tag/.test(a.title));
      assert.ok(remove?.command, 'a Remove Tag action');
      await vscode.commands.executeCommand(remove.command.command, ...(remove.command.arguments ?? []));
      await eventually('the tag removed', async () => ((await currentTags()).some((tag) => tag.id === tagged.id) ? undefined : true));
      await vscode.commands.executeCommand(ClientCommands.undoTag, { uri });
      assert.ok(
        (await currentTags()).some((tag) => tag.id === tagged.id),
        'undo brings it back',
      );
    });

    it('attributes a quote to a typed name, shown by the hover', async () => {
      const quote = rangeOf(editor.document, 'when Ankara said that this conflict could have a military solution.');
      const attributions = await vscode.commands.executeCommand<AttributionDto[] | undefined>(ClientTagCommands.attributeToOther, {
        uri,
        quoteRange: {
          start: { line: quote.start.line, character: quote.start.character },
          end: { line: quote.end.line, character: quote.end.character },
        },
        speaker: 'Mevlut Cavusoglu',
      });
      assert.ok(
        attributions?.some((a) => a.speaker === 'Mevlut Cavusoglu' && a.range !== null),
        'the correction is stored and placed',
      );
      const inside = quote.start.translate(0, 10);
      const hover = await eventually('the corrected speaker in the hover', async () => {
        const text = hoverText(
          await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, inside),
        );
        return text.includes('Mevlut Cavusoglu') ? text : undefined;
      });
      assert.match(hover, /Mevlut Cavusoglu/);
      await vscode.commands.executeCommand(ClientCommands.undoTag, { uri });
    });

    it('exports the tags as CSV, JSON Lines and W3C annotations', async () => {
      const dir = scratchDir();
      for (const format of ['csv', 'jsonl', 'w3c'] as const) {
        const target = vscode.Uri.file(path.join(dir, `tags.${format}`));
        const result = await vscode.commands.executeCommand<{ count: number } | undefined>(ClientCommands.exportTags, {
          format,
          scope: 'workspace',
          target: target.toString(),
        });
        assert.ok(result && result.count >= 1, `${format}: at least the claim`);
        const content = readFileSync(target.fsPath, 'utf8');
        assert.ok(content.includes('claim') && content.includes(PASSAGE), `${format} holds the tag and its words`);
      }
    });

    it('refuses to tag a file whose sidecar is invalid, and leaves the sidecar untouched', async () => {
      const source = await seedFile(AFP_SEED);
      const sidecar = `${source.fsPath}.tags.json`;
      const broken = '{"version": 1, "tags": [ this is not json';
      writeFileSync(sidecar, broken, 'utf8');
      const other = await vscode.window.showTextDocument(source);
      const range = rangeOf(other.document, 'close coordination');
      other.selection = new vscode.Selection(range.start, range.end);
      const problem = await eventually('the sidecar problem', async () => {
        api.tagsModel.invalidate(source.toString());
        return (await api.tagsModel.forDocument(source)).problem ?? undefined;
      });
      assert.match(problem.message, new RegExp(path.basename(sidecar).replace(/\./g, '\\.')), 'the message names the sidecar');
      const added = await vscode.commands.executeCommand<TagDto[] | undefined>(ClientCommands.tagSelection, { tag: 'claim', note: '' });
      assert.equal(added, undefined, 'tagging is refused');
      assert.equal(readFileSync(sidecar, 'utf8'), broken, 'the sidecar is unchanged');
      assert.ok(existsSync(sidecar));
      await eventually('the status bar warning', async () => {
        await api.statusBar.update();
        return api.statusBar.text?.startsWith('$(warning)') ? true : undefined;
      });
      const roots = await api.tags.getChildren();
      const problems = roots.find((node): node is Extract<TagNode, { kind: 'problems' }> => node.kind === 'problems');
      assert.ok(
        problems?.problems.some((p) => p.sidecar === sidecar),
        'the Tags view lists the unusable sidecar',
      );
    });

    it('lets the file be tagged again once the bad sidecar is removed', async () => {
      const source = await seedFile(AFP_SEED);
      rmSync(`${source.fsPath}.tags.json`);
      await eventually('the problem to clear', async () => {
        api.tagsModel.invalidate(source.toString());
        return (await api.tagsModel.forDocument(source)).problem === null ? true : undefined;
      });
      await eventually('the status bar count back', async () => {
        await api.statusBar.update();
        return api.statusBar.text?.startsWith('$(tag)') ? true : undefined;
      });
      const added = await vscode.commands.executeCommand<TagDto[] | undefined>(ClientCommands.tagSelection, { tag: 'claim', note: '' });
      assert.equal(added?.length, 1, 'tagging works again');
      await vscode.commands.executeCommand(ClientCommands.undoTag, { uri: source.toString() });
    });

    after(async () => {
      if (tagged) await vscode.commands.executeCommand(ClientCommands.removeTag, { uri, id: tagged.id });
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });
  });
}
