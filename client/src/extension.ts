// Composition root of the VS Code extension: starts the language server and wires the views, commands and UI.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { ClientCommands } from '../../shared/protocol';
import { registerCorpusCommands } from './corpusCommands';
import { registerDashboard } from './dashboardPanel';
import { registerExportCommand } from './exportCommand';
import { registerReviewQuotes } from './reviewQuotes';
import { createSeedLanguageClient } from './languageClient';
import { registerSeedLanguage } from './seedLanguage';
import { reportSidecarProblems } from './sidecarProblems';
import { SpeakersView } from './speakersView';
import { TagStatusBar } from './statusBar';
import { registerTagCommands } from './tagCommands';
import { TagDecorations } from './tagDecorations';
import { TagsModel } from './tagsModel';
import { TagsView } from './tagsView';
import { CoderFilter, registerCoderFilterCommand } from './coderFilter';
import { registerCodebookCommands } from './codebookCommands';
import { registerAgreementCommands } from './agreementCommand';
import { CodebookModel } from './codebookModel';
import { CodebookView } from './codebookView';

/** What `activate` returns: the handles the integration tests inspect. */
export interface SeedAnnotatorApi {
  /** Resolves once the language server has started (rejects if it could not). */
  ready: Promise<void>;
  speakers: SpeakersView;
  tags: TagsView;
  tagsModel: TagsModel;
  statusBar: TagStatusBar;
  coderFilter: CoderFilter;
  codebook: CodebookModel;
  codebookView: CodebookView;
  /** Every notice shown about the language server stopping (restarted or not), in order. */
  serverNotices: readonly string[];
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): SeedAnnotatorApi {
  const output = vscode.window.createOutputChannel('Seed Annotator', { log: true });
  context.subscriptions.push(output);
  registerSeedLanguage(context);

  const serverNotices: string[] = [];
  const languageClient = createSeedLanguageClient(context, output, serverNotices);
  client = languageClient;
  const tagsModel = new TagsModel(languageClient);
  const speakers = new SpeakersView(languageClient);
  const coderFilter = new CoderFilter();
  const codebook = new CodebookModel(languageClient);
  const codebookView = new CodebookView(codebook);
  const tags = new TagsView(tagsModel, coderFilter, codebook);
  const statusBar = new TagStatusBar(tagsModel);
  context.subscriptions.push(
    tagsModel,
    speakers,
    tags,
    statusBar,
    coderFilter,
    codebook,
    codebookView,
    vscode.window.createTreeView('seedAnnotator.codebook', { treeDataProvider: codebookView, showCollapseAll: true }),
    // A tag added or renamed changes the codebook's use counts.
    tagsModel.onDidChange(() => codebook.invalidate()),
    new TagDecorations(tagsModel, coderFilter, codebook),
    reportSidecarProblems(tagsModel, output),
    ...createViews(speakers, tags, coderFilter),
    vscode.commands.registerCommand(ClientCommands.refreshSpeakers, () => speakers.refresh()),
    vscode.commands.registerCommand(ClientCommands.refreshTags, () => tagsModel.invalidate()),
    vscode.commands.registerCommand(ClientCommands.showOutput, () => output.show()),
    vscode.commands.registerCommand(ClientCommands.restartServer, async () => {
      await languageClient.restart();
      tagsModel.invalidate();
      speakers.refresh();
    }),
  );
  context.subscriptions.push(
    // Trust granted: restart the server so it may write (it was started read-only).
    vscode.workspace.onDidGrantWorkspaceTrust(() => vscode.commands.executeCommand(ClientCommands.restartServer)),
    // After a restart (the command, or the crash handler), the views ask the new server afresh.
    languageClient.onDidChangeState(({ newState }) => {
      if (newState === State.Running) {
        tagsModel.invalidate();
        codebook.invalidate();
        speakers.refresh();
      }
    }),
  );
  registerTagCommands(context, tagsModel, codebook);
  registerCodebookCommands(context, codebook);
  registerAgreementCommands(context, languageClient);
  registerExportCommand(context, tagsModel);
  registerReviewQuotes(context, languageClient, tagsModel);
  registerCoderFilterCommand(context, coderFilter, tagsModel);
  registerCorpusCommands(context, languageClient, speakers);
  context.subscriptions.push(registerDashboard(context, languageClient));

  // Commands and views exist before the server answers; requests made meanwhile wait for it to start.
  const ready = languageClient.start().then(
    () => {
      tagsModel.invalidate();
      codebook.invalidate();
      speakers.refresh();
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      output.error(`The language server did not start: ${message}`);
      void vscode.window.showErrorMessage(
        `Seed Annotator: the language server did not start (${message}). See the "Seed Annotator" output.`,
      );
      throw error;
    },
  );
  ready.catch(() => undefined); // Reported above; the returned promise still rejects for callers that wait on it.
  return { ready, speakers, tags, tagsModel, statusBar, coderFilter, codebook, codebookView, serverNotices };
}

/** The two tree views; each is refreshed when it comes into sight, as it may have missed changes while hidden. */
function createViews(speakers: SpeakersView, tags: TagsView, coderFilter: CoderFilter): vscode.Disposable[] {
  const speakersView = vscode.window.createTreeView('seedAnnotator.speakers', { treeDataProvider: speakers, showCollapseAll: true });
  const tagsView = vscode.window.createTreeView('seedAnnotator.tags', { treeDataProvider: tags, showCollapseAll: true });
  return [
    speakersView,
    tagsView,
    speakersView.onDidChangeVisibility(({ visible }) => visible && speakers.refresh()),
    tagsView.onDidChangeVisibility(({ visible }) => visible && tags.refresh()),
    coderFilter.onDidChange(() => {
      tagsView.description = coderFilter.label() || undefined;
    }),
  ];
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (running?.isRunning()) await running.stop();
}
