// Converts the protocol's LSP ranges to editor ranges and opens a document at a range.
import * as vscode from 'vscode';
import type { LspRange } from '../../shared/protocol';

export function toRange(range: LspRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function toLspRange(range: vscode.Range): LspRange {
  return {
    start: { line: range.start.line, character: range.start.character },
    end: { line: range.end.line, character: range.end.character },
  };
}

/** A tree item command that opens the document with the range selected. */
export function revealCommand(uri: vscode.Uri, range: LspRange | null, title = 'Reveal'): vscode.Command {
  const options: vscode.TextDocumentShowOptions = range ? { selection: toRange(range) } : {};
  return { command: 'vscode.open', title, arguments: [uri, options] };
}
