// The language server killed while the analyst tags: the client restarts it, shows one notice, and every tag the
// server had confirmed is in the sidecar; tagging works again after the restart. Also: tree views show hostile
// tag names and notes as plain text.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { RESTARTED_NOTICE } from '../../../client/src/serverCrashes';
import type { TagNode } from '../../../client/src/tagsView';
import { ClientCommands, type TagDto } from '../../../shared/protocol';
import { LAVROV_SEED, eventually, extensionApi, rangeOf, scratchDir, seedFile, writeScratchFile } from './helpers';

/** The pid of the language server this extension host started (dist/server.js over IPC). */
function serverPid(): number {
  const table = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
  const row = table
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .find(([, ppid, ...args]) => Number(ppid) === process.pid && args.join(' ').includes('dist/server.js'));
  assert.ok(row, 'the language server runs as a child of the extension host');
  return Number(row[0]);
}

export function serverCrashTests(): void {
  describe('the language server crashing', () => {
    it('is restarted with one notice, and every confirmed tag is in the sidecar', async () => {
      const api = await extensionApi();
      const text = readFileSync((await seedFile(LAVROV_SEED)).fsPath, 'utf8');
      const uri = writeScratchFile(scratchDir(), 'seeds/crash.txt', text);
      const editor = await vscode.window.showTextDocument(uri);
      const tagAt = async (words: string, tag: string): Promise<TagDto> => {
        const range = rangeOf(editor.document, words);
        editor.selection = new vscode.Selection(range.start, range.end);
        const added = await vscode.commands.executeCommand<TagDto[] | undefined>(ClientCommands.tagSelection, { tag, note: '' });
        assert.ok(added?.length === 1, `tagging "${words}" failed`);
        return added[0];
      };
      const confirmed = [await tagAt('Lavrov recalled', 'before-1'), await tagAt('common denominator', 'before-2')];
      const noticesBefore = api.serverNotices.length;
      const pid = serverPid();
      process.kill(pid, 'SIGKILL');
      await eventually('the restart notice', () => (api.serverNotices.length > noticesBefore ? true : undefined));
      assert.deepEqual(api.serverNotices.slice(noticesBefore), [RESTARTED_NOTICE]);
      // Tagging works again once the new server is up (the command may fail while it starts).
      const after = await eventually('a tag after the restart', async () => {
        try {
          return await tagAt('Nagorno-Karabakh', 'after');
        } catch {
          return undefined;
        }
      });
      assert.notEqual(serverPid(), pid, 'a new server process');
      const stored = (JSON.parse(readFileSync(`${uri.fsPath}.tags.json`, 'utf8')) as { tags: { id: string }[] }).tags.map((t) => t.id);
      for (const tag of [...confirmed, after]) assert.ok(stored.includes(tag.id), `${tag.tag} is in the sidecar`);
      assert.equal(api.serverNotices.length, noticesBefore + 1, 'exactly one notice for one crash');
    });

    it('shows hostile tag names and notes as plain text in the Tags view', async () => {
      const api = await extensionApi();
      const uri = writeScratchFile(scratchDir(), 'seeds/hostile.txt', '“We will not [click](command:workbench.action.quit),” she said.\n');
      const editor = await vscode.window.showTextDocument(uri);
      const range = rangeOf(editor.document, 'We will not');
      editor.selection = new vscode.Selection(range.start, range.end);
      const hostile = '[x](command:workbench.action.quit) <img src=x> `y`';
      const added = await vscode.commands.executeCommand<TagDto[] | undefined>(ClientCommands.tagSelection, {
        tag: hostile,
        note: hostile,
      });
      assert.ok(added?.length === 1);
      const roots = await eventually('the hostile tag in the Tags view', async () => {
        api.tagsModel.invalidate();
        const nodes = await api.tags.getChildren();
        return nodes.some((node) => node.kind === 'tag' && node.name === hostile) ? nodes : undefined;
      });
      const group = roots.find((node): node is Extract<TagNode, { kind: 'tag' }> => node.kind === 'tag' && node.name === hostile)!;
      const item = api.tags.getTreeItem(group);
      assert.equal(typeof item.label === 'string' ? item.label : item.label?.label, hostile, 'the label is the name, verbatim');
      const passages = await api.tags.getChildren(group);
      const leaves = (await Promise.all(passages.map((p) => (p.kind === 'passage' ? [p] : api.tags.getChildren(p))))).flat();
      for (const leaf of leaves) {
        const tooltip = api.tags.getTreeItem(leaf).tooltip;
        if (tooltip instanceof vscode.MarkdownString) {
          assert.notEqual(tooltip.isTrusted, true, 'no command link can run from the tooltip');
          assert.doesNotMatch(tooltip.value, /(?<!\\)\]\(command:/, 'the note cannot form a link');
          assert.notEqual(tooltip.supportHtml, true, 'HTML in a note is shown as text, never rendered');
        }
      }
    });
  });
}
