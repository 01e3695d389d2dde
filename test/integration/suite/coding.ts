// Research coding inside the editor: two coders tag the same passage, "Compute Coder Agreement" shows the figures the
// CLI computes (run here as a child process on the same folder), the Codebook view lists a new code, and the coder
// filter narrows the Tags view.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AgreementShown } from '../../../client/src/agreementCommand';
import type { SeedAnnotatorApi } from '../../../client/src/extension';
import { ClientCommands, type TagDto } from '../../../shared/protocol';
import { EXTENSION_ID, LAVROV_SEED, eventually, extensionApi, rangeOf, seedFile } from './helpers';

const CODE = 'it-agreement';
const FIRST = 'an agreement has been reached';
const SECOND = 'thanks to the efforts of President Putin and his fellow leaders';

export function codingTests(): void {
  describe('research coding', () => {
    let api: SeedAnnotatorApi;
    let uri: vscode.Uri;
    const added: TagDto[] = [];

    before(async () => {
      api = await extensionApi();
      uri = await seedFile(LAVROV_SEED);
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const toLsp = (r: vscode.Range) => ({
        start: { line: r.start.line, character: r.start.character },
        end: { line: r.end.line, character: r.end.character },
      });
      const first = rangeOf(document, FIRST);
      const second = rangeOf(document, SECOND);
      // ana marks both passages; ben only the second, and a few words longer.
      added.push(await api.tagsModel.add({ uri: uri.toString(), range: toLsp(first), tag: CODE, coder: 'ana' }));
      added.push(await api.tagsModel.add({ uri: uri.toString(), range: toLsp(second), tag: CODE, coder: 'ana' }));
      added.push(
        await api.tagsModel.add({
          uri: uri.toString(),
          range: toLsp(new vscode.Range(second.start, second.end.translate(0, 20))),
          tag: CODE,
          coder: 'ben',
        }),
      );
    });

    after(async () => {
      await vscode.commands.executeCommand(ClientCommands.filterByCoder, { kind: 'all' });
      for (const tag of added) await api.tagsModel.remove({ uri: tag.uri, id: tag.id }).catch(() => undefined);
    });

    it("records each coder as the tag's creator", () => {
      assert.deepEqual(
        added.map((t) => t.creator),
        ['ana', 'ana', 'ben'],
      );
    });

    it('"Compute Coder Agreement" shows the same numbers as `seed-annotator agreement --json`', async () => {
      const shown = await vscode.commands.executeCommand<AgreementShown | undefined>(ClientCommands.computeAgreement, {
        coders: ['ana', 'ben'],
      });
      assert.ok(shown?.document, 'the report opened');
      assert.ok(vscode.workspace.textDocuments.some((d) => d === shown.document && d.languageId === 'markdown'));
      const folder = vscode.workspace.getWorkspaceFolder(uri)!.uri.fsPath;
      const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
      const cliPath = path.join(extension.extensionPath, 'bin', 'seed-annotator.js');
      assert.ok(existsSync(cliPath), `the CLI is built next to the extension (${cliPath})`);
      const run = spawnSync(process.execPath, [cliPath, 'agreement', '.', '--coders', 'ana,ben', '--json'], {
        cwd: folder,
        encoding: 'utf8',
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
        timeout: 60_000,
      });
      assert.equal(run.status, 0, run.stderr);
      const cli = JSON.parse(run.stdout) as {
        tags: { tag: string; alpha: number; kappa: number; agreement: number; units: { total: number } }[];
      };
      const fromCli = cli.tags.find((t) => t.tag === CODE)!;
      const fromEditor = shown.report.tags.find((t) => t.tag === CODE)!;
      assert.deepEqual(fromEditor, fromCli);
      const row = `| ${CODE} | ${fromCli.alpha.toFixed(3)} | ${fromCli.kappa.toFixed(3)} | ${(fromCli.agreement * 100).toFixed(1)}% | ${fromCli.units.total} |`;
      assert.ok(shown.document.getText().includes(row), `the report shows ${row}`);
      assert.ok(
        shown.report.disagreements.some((d) => d.tag === CODE && d.markedBy.join() === 'ana' && d.text === FIRST),
        'ana alone marked the first passage',
      );
    });

    it('lists a new code in the Codebook view, and filters the Tags view by coder', async () => {
      await vscode.commands.executeCommand(ClientCommands.codebookAdd, { name: CODE, description: 'Integration test code' });
      await eventually('the code in the Codebook view', async () => {
        const roots = await api.codebookView.getChildren();
        return roots.some((n) => n.kind === 'code' && n.code.name === CODE && n.code.uses === 3) ? true : undefined;
      });
      await vscode.commands.executeCommand(ClientCommands.filterByCoder, { kind: 'one', name: 'ben' });
      const roots = await api.tags.getChildren();
      const group = roots.find((n) => n.kind === 'tag' && n.name === CODE);
      assert.ok(group && group.kind === 'tag');
      assert.deepEqual(
        group.tags.map((t) => t.creator),
        ['ben'],
      );
    });
  });
}
