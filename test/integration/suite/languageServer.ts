// The bundled language server answers for seed documents: semantic tokens with the legend, hovers.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { ClientCommands } from '../../../shared/protocol';
import { LAVROV_SEED, decodeTokens, eventually, extensionApi, hoverText, rangeOf, seedFile, type DecodedToken } from './helpers';

export function languageServerTests(): void {
  describe('the language server', () => {
    let document: vscode.TextDocument;
    before(async () => {
      await extensionApi();
      document = await vscode.workspace.openTextDocument(await seedFile(LAVROV_SEED));
    });

    it('colours datelines, speakers and quotes with semantic tokens', async () => {
      const legend = await eventually('the token legend', () =>
        vscode.commands.executeCommand<vscode.SemanticTokensLegend | undefined>('vscode.provideDocumentSemanticTokensLegend', document.uri),
      );
      for (const type of ['dateline', 'speaker', 'quote', 'cue']) assert.ok(legend.tokenTypes.includes(type), `legend has ${type}`);
      const tokens = await eventually('semantic tokens', async () => {
        const result = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>(
          'vscode.provideDocumentSemanticTokens',
          document.uri,
        );
        return result && result.data.length > 0 ? result : undefined;
      });
      const decoded = decodeTokens(document, tokens, legend);
      const types = new Set(decoded.map((token) => token.type));
      for (const type of ['dateline', 'speaker', 'quote']) assert.ok(types.has(type), `a ${type} token among ${[...types].join(', ')}`);
      const dateline = decoded.find((token: DecodedToken) => token.type === 'dateline' && token.text.startsWith('07.12.2020'));
      assert.ok(dateline, 'the dateline 07.12.2020 12:16 is a dateline token');
      assert.ok(dateline.modifiers.includes('primary'), 'and it is the primary dateline');
      assert.ok(
        decoded.some((token) => token.type === 'speaker' && token.text === 'Lavrov'),
        '"Lavrov" is a speaker token',
      );
    });

    it('shows who "Lavrov" is on hover', async () => {
      const position = rangeOf(document, 'Lavrov recalled').start.translate(0, 2);
      const hovers = await eventually('a hover on Lavrov', async () => {
        const result = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
        return result.length > 0 ? result : undefined;
      });
      assert.match(hoverText(hovers), /Sergei Lavrov/);
    });
  });
}

export function restartTests(): void {
  describe('restarting the language server', () => {
    it('answers again after "Restart Language Server", and the views still get data', async () => {
      const api = await extensionApi();
      const document = await vscode.workspace.openTextDocument(await seedFile(LAVROV_SEED));
      await vscode.commands.executeCommand(ClientCommands.restartServer);
      const position = rangeOf(document, 'Lavrov recalled').start.translate(0, 2);
      const hovers = await eventually('a hover after the restart', async () => {
        const result = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
        return result.length > 0 ? result : undefined;
      });
      assert.match(hoverText(hovers), /Sergei Lavrov/);
      const speakers = await eventually('speakers after the restart', async () => {
        const roots = await api.speakers.getChildren();
        return roots.some((node) => node.kind === 'speaker') ? roots : undefined;
      });
      assert.ok(speakers.length > 0);
    });
  });
}
