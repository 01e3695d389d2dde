// Tells the user, once per problem, that a sidecar cannot be used and which file to fix.
import * as vscode from 'vscode';
import type { TagsModel } from './tagsModel';

export function reportSidecarProblems(tags: TagsModel, output: vscode.LogOutputChannel): vscode.Disposable {
  return tags.onDidReportProblem(async (problem) => {
    output.error(`Sidecar problem: ${problem.message}`);
    const choice = await vscode.window.showErrorMessage(
      // The server's message names the file, says what is wrong and that tagging is refused until it is fixed.
      `Seed Annotator: ${problem.message}`,
      'Open Sidecar',
    );
    if (choice === 'Open Sidecar') {
      await vscode.window.showTextDocument(vscode.Uri.file(problem.sidecar));
    }
  });
}
