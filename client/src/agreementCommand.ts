// "Compute Coder Agreement": asks the server for the figures, shows them as a Markdown preview (a table per code and
// the disagreeing passages), and "Show Coder Disagreements…" opens any of those passages from a quick pick.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient/node';
import { ClientCommands, CodingRequests, type AgreementDto, type AgreementParams } from '../../shared/protocol';
import { agreementMarkdown } from './agreementReport';
import { toRange } from './locations';

/** Arguments for scripts and tests: `show: false` computes without opening anything. */
export interface ComputeAgreementArgs extends AgreementParams {
  show?: boolean;
}

export interface AgreementShown {
  report: AgreementDto;
  markdown: string;
  document?: vscode.TextDocument;
}

/** The report is a read-only virtual document: closing it never asks to save. */
const REPORT_SCHEME = 'seed-annotator-report';
const REPORT_URI = vscode.Uri.from({ scheme: REPORT_SCHEME, path: '/Coder agreement.md' });

export function registerAgreementCommands(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  let last: AgreementDto | undefined;
  let lastMarkdown = '';
  const reportChanged = new vscode.EventEmitter<vscode.Uri>();
  context.subscriptions.push(
    reportChanged,
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, {
      onDidChange: reportChanged.event,
      provideTextDocumentContent: () => lastMarkdown,
    }),
  );

  const compute = async (args?: ComputeAgreementArgs): Promise<AgreementShown | undefined> => {
    let report: AgreementDto;
    try {
      report = await client.sendRequest(CodingRequests.agreement, { coders: args?.coders, uris: args?.uris });
    } catch (error) {
      void vscode.window.showErrorMessage(
        `Seed Annotator: could not compute agreement: ${error instanceof Error ? error.message : String(error)}`,
      );
      return undefined;
    }
    last = report;
    const markdown = agreementMarkdown(report);
    if (args?.show === false) return { report, markdown };
    lastMarkdown = markdown;
    reportChanged.fire(REPORT_URI);
    let document = await vscode.workspace.openTextDocument(REPORT_URI);
    if (document.languageId !== 'markdown') document = await vscode.languages.setTextDocumentLanguage(document, 'markdown');
    // Only the rendered report, as a tab of the active group: the user's layout stays as it was (no side groups).
    // Locked, so it keeps showing the report when another Markdown file becomes active. Without the built-in
    // Markdown extension the command is missing, and the Markdown source opens instead.
    const previewed = await vscode.commands.executeCommand('markdown.showPreview', document.uri, undefined, { locked: true }).then(
      () => true,
      () => false,
    );
    if (!previewed) await vscode.window.showTextDocument(document, { preview: true });
    if (report.disagreements.length > 0) {
      void vscode.window
        .showInformationMessage(`Seed Annotator: ${report.disagreements.length} passage(s) where coders disagree.`, 'Show Disagreements')
        .then((choice) => choice && vscode.commands.executeCommand(ClientCommands.showDisagreements));
    }
    return { report, markdown, document };
  };

  const showDisagreements = async (): Promise<void> => {
    const report = last ?? (await compute({ show: false }))?.report;
    if (!report) return;
    if (report.disagreements.length === 0) {
      void vscode.window.showInformationMessage('Seed Annotator: the coders agree everywhere.');
      return;
    }
    const picked = await vscode.window.showQuickPick(
      report.disagreements.map((d) => ({
        label: `${d.tag}: ${d.markedBy.join(', ')} vs ${d.notMarkedBy.join(', ')}`,
        description: `${d.file}:${d.range.start.line + 1}`,
        detail: d.text.replace(/\s+/g, ' ').slice(0, 120),
        d,
      })),
      { title: 'Coder disagreements', placeHolder: 'Open a passage to reconcile it', matchOnDescription: true, matchOnDetail: true },
    );
    if (!picked) return;
    await vscode.window.showTextDocument(vscode.Uri.parse(picked.d.uri), { selection: toRange(picked.d.range) });
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(ClientCommands.computeAgreement, compute),
    vscode.commands.registerCommand(ClientCommands.showDisagreements, showDisagreements),
  );
}
