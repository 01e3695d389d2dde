// Shared helpers of the integration suite: the extension's API, the seed workspace, polling, token decoding.
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SeedAnnotatorApi } from '../../../client/src/extension';

export const EXTENSION_ID = 'seed-annotator.seed-annotator';
export const LAVROV_SEED = '004_751050ed58a9faf9.txt';
export const AFP_SEED = '000_2ebd0813046cf1ef.txt';

export async function extensionApi(): Promise<SeedAnnotatorApi> {
  const extension = vscode.extensions.getExtension<SeedAnnotatorApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is installed`);
  const api = await extension.activate();
  await api.ready;
  return api;
}

/** The test workspace must be a scratch copy of seeds/ (the suite tags and edits its files). */
export async function seedFile(name: string): Promise<vscode.Uri> {
  const found = await vscode.workspace.findFiles(`**/${name}`, '**/node_modules/**', 1);
  assert.ok(found[0], `the workspace holds a copy of seeds/${name} (open a scratch copy of seeds/ as the workspace)`);
  return found[0];
}

/** A scratch folder outside the workspace, for files the suite creates itself. */
export function scratchDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'seed-annotator-it-'));
}

export function writeScratchFile(dir: string, relative: string, text: string): vscode.Uri {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text, 'utf8');
  return vscode.Uri.file(file);
}

/** Retries `probe` until it returns a value other than undefined (the server starts and indexes asynchronously). */
export async function eventually<T>(what: string, probe: () => PromiseLike<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out waiting for ${what}${why}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The document as the editor knows it now (a language change re-opens it as a new TextDocument). */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri.toString());
}

export interface DecodedToken {
  line: number;
  character: number;
  length: number;
  type: string;
  modifiers: string[];
  text: string;
}

/** Decodes the relative LSP encoding (5 integers per token) back into absolute positions with names. */
export function decodeTokens(
  document: vscode.TextDocument,
  tokens: vscode.SemanticTokens,
  legend: vscode.SemanticTokensLegend,
): DecodedToken[] {
  const out: DecodedToken[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i + 4 < tokens.data.length; i += 5) {
    const [deltaLine, deltaStart, length, typeIndex, modifierBits] = tokens.data.slice(i, i + 5);
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    const modifiers = legend.tokenModifiers.filter((_, bit) => (modifierBits & (1 << bit)) !== 0);
    const text = document.lineAt(line).text.slice(character, character + length);
    out.push({ line, character, length, type: legend.tokenTypes[typeIndex], modifiers, text });
  }
  return out;
}

/** The editor range of the first occurrence of `text` in the document. */
export function rangeOf(document: vscode.TextDocument, text: string, occurrence = 0): vscode.Range {
  const whole = document.getText();
  let index = -1;
  for (let n = 0; n <= occurrence; n++) {
    index = whole.indexOf(text, index + 1);
    assert.ok(index >= 0, `"${text}" occurs ${occurrence + 1} times in ${document.uri.fsPath}`);
  }
  return new vscode.Range(document.positionAt(index), document.positionAt(index + text.length));
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}
