// Corpus insight in the language server: keeps the corpus index in step with the workspace index (files on disk)
// and open documents (as edited), one file at a time; serves provenance, corpus speakers, the analyst's merges and
// splits, the dashboard's numbers, and hover sections for quotes and speakers.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ErrorCodes, ResponseError, type CancellationToken, type DidChangeWatchedFilesParams } from 'vscode-languageserver';
import {
  CorpusNotifications,
  CorpusRequests,
  SpeakerNotifications,
  type CorpusQuoteDto,
  type CorpusSpeakerDto,
  type DashboardParams,
  type DashboardQuotesParams,
  type DashboardResult,
  type ProvenanceParams,
  type ProvenanceResult,
  type SpeakerMergeParams,
  type SpeakerSplitParams,
} from '../../../shared/protocol';
import type { AnalyzedDocument } from '../documents/analyzedDocument';
import { throwIfCancelled, untilCancelled } from '../lsp/cancellation';
import { readSidecarTagsForOutput } from '../tags/sidecarTags';
import { corpusFileOf, corpusTagsOf, type CorpusFile, type CorpusFileTag } from '../corpus/corpusFile';
import { IndexedContribution } from './indexedContribution';
import { CorpusIndex } from '../corpus/corpusIndex';
import type { SpeakerDecisions } from '../corpus/decisions';
import { runSliced, type Sliced } from '../corpus/slices';
import { corpusStatsSliced, selectQuotesSliced } from '../corpus/stats';
import type { CorpusSpeaker, CorpusSpeakers } from '../corpus/speakers';
import {
  decisionPathOf,
  readSpeakerDecisions,
  SpeakersFileError,
  speakersFileOf,
  updateSpeakerDecisions,
  withMerge,
  withSplit,
} from '../corpus/speakersFile';
import type { SeedLanguageServer } from '../lsp/languageServer';
import { normalizeUri } from '../workspace/workspaceIndex';
import { corpusSpeakerMarkdown, provenanceMarkdown } from './corpusHover';
import { mentionAt, quoteAt } from './lookup';

/** Clients hear of corpus changes at most this often (a cold index changes once per file). */
const CHANGED_NOTIFY_MS = 500;
/**
 * ...and never sooner than this many times the last corpus-wide computation took: each notice makes an open
 * dashboard ask for numbers over the whole corpus, which on a large workspace takes the server's thread for long.
 */
const NOTIFY_PER_COMPUTE = 5;
/** An edited document joins the corpus after this pause in typing. */
const OPEN_DOCUMENT_DELAY_MS = 300;
/**
 * Corpus work that took less than this the last time is done again right after an edited document joins the
 * corpus (in slices, like all of it), so that the next hover finds it ready; larger corpora wait to be asked.
 */
const PREPARE_BELOW_MS = 100;
const DEFAULT_TOP = 20;

export function registerCorpus(server: SeedLanguageServer, index = new CorpusIndex()): CorpusIndex {
  const { connection, documents } = server;
  const timers = new Map<string, NodeJS.Timeout>();
  let decisionsLoadedFrom: string | null = null;
  let lastDecisionsProblem: string | null = null;

  const announce = () => void connection.sendNotification(SpeakerNotifications.changed, {});
  let notifyTimer: NodeJS.Timeout | undefined;
  index.onChange(() => {
    notifyTimer ??= setTimeout(
      () => {
        notifyTimer = undefined;
        void connection.sendNotification(CorpusNotifications.changed, {});
      },
      Math.max(CHANGED_NOTIFY_MS, NOTIFY_PER_COMPUTE * index.lastComputeMs),
    );
  });
  const root = (): string | null => server.workspace.folderPaths()[0] ?? null;

  // --- the analyst's decisions ----------------------------------------------------------------------------------
  const loadDecisions = (): void => {
    const folder = root();
    decisionsLoadedFrom = folder;
    if (!folder) return;
    const read = readSpeakerDecisions(folder);
    if (!read.ok) {
      // The last good decisions stay in force; the analyst hears once what is wrong with the file.
      if (read.error !== lastDecisionsProblem) void connection.window.showWarningMessage(read.error);
      lastDecisionsProblem = read.error;
      return;
    }
    lastDecisionsProblem = null;
    index.setDecisions(resolveDecisions(folder, read.decisions));
  };
  const ensureDecisions = () => {
    if (decisionsLoadedFrom !== root()) loadDecisions();
  };
  const corpus = (): CorpusIndex => {
    ensureDecisions();
    return index;
  };
  /** Corpus speakers, worked out in slices; the request's cancellation ends the wait, not the shared work. */
  const speakers = (token?: CancellationToken) => untilCancelled(corpus().speakersAsync(), token);
  const changeDecisions = async (
    change: (d: SpeakerDecisions) => SpeakerDecisions,
    token: CancellationToken,
  ): Promise<CorpusSpeakerDto[]> => {
    const folder = root();
    if (!folder)
      throw new ResponseError(
        ErrorCodes.InvalidRequest,
        'Open a folder first: merges and splits are saved in its .seed-annotator/speakers.json',
      );
    try {
      index.setDecisions(resolveDecisions(folder, updateSpeakerDecisions(folder, change)));
    } catch (error) {
      if (error instanceof SpeakersFileError) throw new ResponseError(ErrorCodes.InvalidRequest, error.message);
      throw new ResponseError(ErrorCodes.InternalError, `${speakersFileOf(folder)}: ${(error as Error).message}`);
    }
    decisionsLoadedFrom = folder;
    announce();
    return (await speakers(token)).list.map((s) => speakerDto(corpus(), s));
  };

  // --- files on disk, through the workspace index: one file's contribution at a time ------------------------------
  /** Sources whose sidecar changed on disk before the file was in the corpus: their tags are read when it comes. */
  const sidecarChanged = new Set<string>();
  server.workspace.index.onDidChange((change) => {
    if (change.kind === 'indexed') {
      const uri = change.file.uri;
      // During a full index the walk says which files have a sidecar: the rest need no file system call each.
      const tags = change.sidecar === false && !sidecarChanged.delete(uri) ? [] : tagsOf(uri);
      index.setFile(new IndexedContribution(change.file, tags));
    } else {
      sidecarChanged.delete(change.uri);
      index.removeFile(normalizeUri(change.uri));
    }
  });

  // --- open documents, as edited --------------------------------------------------------------------------------
  const syncOpen = (doc: AnalyzedDocument): void => {
    const uri = normalizeUri(doc.uri);
    if (index.openVersion(uri) === doc.version) return;
    index.setOpen(
      corpusFileOf(uri, doc.analysis, tagsOf(uri), (span) => doc.rangeOf(span)),
      doc.version,
    );
  };
  documents.onDidChangeContent((e) => {
    const uri = e.document.uri;
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        if (!documents.get(uri)) return;
        // The scheduler's analysis (never one of its own, which would block the server's thread).
        server.scheduler.current(uri).then(
          (doc) => {
            try {
              if (doc) syncOpen(doc);
              if (index.lastComputeMs < PREPARE_BELOW_MS) void index.provenanceAsync().catch(() => undefined);
            } catch (error) {
              connection.console.error(`Corpus index: ${uri}: ${error instanceof Error ? error.stack : String(error)}`);
            }
          },
          () => undefined, // overtaken by an edit: its own timer follows
        );
      }, OPEN_DOCUMENT_DELAY_MS),
    );
  });
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    index.closeOpen(normalizeUri(e.document.uri));
  });

  // --- sidecars and the speakers file changed on disk -----------------------------------------------------------
  server.onDidChangeWatchedFiles((params: DidChangeWatchedFilesParams) => {
    let decisionsChanged = false;
    for (const change of params.changes) {
      const uri = normalizeUri(change.uri);
      if (uri.endsWith('/.seed-annotator/speakers.json')) decisionsChanged = true;
      else if (uri.endsWith('.tags.json')) {
        const source = uri.slice(0, -'.tags.json'.length);
        if (index.has(source)) index.setTags(source, tagsOf(source));
        else sidecarChanged.add(source);
      }
    }
    if (decisionsChanged) {
      loadDecisions();
      announce();
    }
  });

  // --- the Speakers view groups by corpus speaker ---------------------------------------------------------------
  server.setSpeakerGrouping(async (token) => {
    if (token?.isCancellationRequested) return undefined;
    const known = await speakers(token).catch(() => undefined);
    if (!known) return undefined;
    return (uri, name) => {
      const file = corpus().get(normalizeUri(uri));
      const own = file?.speakers.find((s) => s.name === name);
      const speaker = own && known.of(file!.file, own.id);
      return speaker && { id: speaker.id, name: speaker.name, kind: speaker.kind, role: speaker.roles[0] ?? null };
    };
  });

  // --- hovers ---------------------------------------------------------------------------------------------------
  server.addHoverSection(async (doc, position, token) => {
    // An analysis carried through keystrokes is not indexed (that would cost a pass over the article per hover
    // while typing): the corpus answers from the last analysis until the new one lands.
    if (!doc.provisional) syncOpen(doc);
    const uri = normalizeUri(doc.uri);
    const offset = doc.offsetAt(position);
    const near = doc.analysisNear({ start: offset, end: offset + 1 });
    const mention = mentionAt(near, offset);
    // A cancelled hover gives up its corpus section rather than its whole answer. While typing (a carried analysis)
    // it never waits for corpus work: it shows what is worked out already, and the section comes back once typing
    // pauses (the work then runs in slices between keystrokes, a hover waiting for it waited for all of it).
    const done = <T>(work: () => Promise<T>, ready: () => T | undefined) =>
      doc.provisional ? Promise.resolve(ready()) : untilCancelled(work(), token).catch(() => undefined);
    if (mention) {
      const index = corpus();
      const speaker = (
        await done(
          () => index.speakersAsync(),
          () => index.readySpeakers(),
        )
      )?.of(uri, mention.speaker.id);
      return speaker ? corpusSpeakerMarkdown(speaker) : null;
    }
    const quote = quoteAt(near, offset);
    if (!quote) return null;
    const index = corpus();
    const group = (
      await done(
        () => index.provenanceAsync(),
        () => index.readyProvenance(),
      )
    )?.of(uri, quote.start);
    return group ? provenanceMarkdown(group, uri, quote.start) : null;
  });

  // --- requests -------------------------------------------------------------------------------------------------
  connection.onRequest(
    CorpusRequests.provenance,
    async (p: ProvenanceParams, token: CancellationToken): Promise<ProvenanceResult | null> => {
      const document = documents.get(p.uri);
      if (!document) throw new ResponseError(ErrorCodes.InvalidParams, `${p.uri} is not open`);
      const doc = server.analyses.get(document);
      syncOpen(doc);
      const quote = quoteAt(doc.analysis, doc.offsetAt(p.position), true);
      if (!quote) return null;
      const group = (await untilCancelled(corpus().provenanceAsync(), token)).of(normalizeUri(doc.uri), quote.start);
      if (!group) return null;
      return {
        text: group.text,
        occurrences: group.occurrences.map((o) => ({
          uri: o.file,
          range: o.range ?? null,
          start: o.start,
          end: o.end,
          speaker: o.speaker,
          date: o.date,
          text: textOf(corpus(), o.file, o.start),
        })),
      };
    },
  );
  connection.onRequest(CorpusRequests.speakers, async (_p: unknown, token: CancellationToken) => {
    await server.workspace.whenIndexed();
    throwIfCancelled(token);
    return (await speakers(token)).list.map((s) => speakerDto(corpus(), s));
  });
  connection.onRequest(CorpusRequests.merge, async (p: SpeakerMergeParams, token: CancellationToken) => {
    const known = await speakers(token);
    const names = p.ids.map((id) => nameOf(known, id));
    if (names.length < 2) throw new ResponseError(ErrorCodes.InvalidParams, 'Name at least two speakers to merge');
    return changeDecisions((d) => withMerge(d, names), token);
  });
  connection.onRequest(CorpusRequests.split, async (p: SpeakerSplitParams, token: CancellationToken) => {
    const folder = root();
    const speaker = (await speakers(token)).list.find((s) => s.id === p.id);
    if (!speaker) throw new ResponseError(ErrorCodes.InvalidParams, `No corpus speaker '${p.id}'`);
    const wanted = new Set(p.uris.map(normalizeUri));
    const taken = speaker.occurrences.filter((o) => wanted.has(o.file));
    if (taken.length === 0 || taken.length === speaker.occurrences.length) {
      throw new ResponseError(ErrorCodes.InvalidParams, `Choose some, not all, of the files ${speaker.name} appears in`);
    }
    // A split names the speaker as its files call it, so the entry still matches if the corpus name changes; files
    // that spell the name differently (joined by a merge) get an entry of their own.
    const byName = new Map<string, string[]>();
    for (const o of taken) {
      const own = ownName(corpus(), o.file, o.speakerId) ?? speaker.name;
      byName.set(own, [...(byName.get(own) ?? []), decisionPathOf(folder ?? '', fileURLToPath(o.file))]);
    }
    return changeDecisions(
      (d) => [...byName].reduce((acc, [name, files]) => withSplit(acc, { name, files: [...new Set(files)] }), d),
      token,
    );
  });
  connection.onRequest(CorpusRequests.dashboard, async (p: DashboardParams, token: CancellationToken): Promise<DashboardResult> => {
    await server.workspace.whenIndexed();
    throwIfCancelled(token);
    const started = performance.now();
    const known = await speakers(token);
    const files = inFolder(corpus().files(), p.folder);
    const stats = await slicedFor(token, corpusStatsSliced(files, known, p.filter, { period: p.period, top: p.top ?? DEFAULT_TOP }));
    const tags = [...new Set(files.flatMap((f) => f.tags.map((t) => t.tag)))].sort();
    const dates = files
      .map((f) => f.date)
      .filter((d): d is string => d !== null)
      .sort();
    return {
      stats,
      tags,
      firstDate: dates[0]?.slice(0, 10) ?? null,
      lastDate: dates[dates.length - 1]?.slice(0, 10) ?? null,
      elapsedMs: Math.round(performance.now() - started),
    };
  });
  connection.onRequest(
    CorpusRequests.dashboardQuotes,
    async (p: DashboardQuotesParams, token: CancellationToken): Promise<CorpusQuoteDto[]> => {
      await server.workspace.whenIndexed();
      throwIfCancelled(token);
      const known = await speakers(token);
      const quotes = await slicedFor(
        token,
        selectQuotesSliced(inFolder(corpus().files(), p.folder), known, p.filter, p.selection, p.period),
      );
      return quotes.map((q) => ({
        uri: q.file,
        range: q.range ?? null,
        start: q.start,
        end: q.end,
        text: q.text,
        speaker: q.speaker,
        date: q.date,
      }));
    },
  );

  return index;
}

/** Split files named relative to the workspace folder, as the uris the index uses. */
function resolveDecisions(root: string, decisions: SpeakerDecisions): SpeakerDecisions {
  return {
    merge: decisions.merge,
    split: decisions.split.map((s) => ({ name: s.name, files: s.files.map((f) => normalizeUri(pathToFileURL(join(root, f)).href)) })),
  };
}

function tagsOf(uri: string): CorpusFileTag[] {
  if (!uri.startsWith('file:')) return [];
  return corpusTagsOf(readSidecarTagsForOutput(fileURLToPath(uri)).tags);
}

function inFolder(files: CorpusFile[], folder: string | undefined): CorpusFile[] {
  if (!folder) return files;
  const prefix = `${normalizeUri(folder).replace(/\/$/, '')}/`;
  return files.filter((f) => f.file.startsWith(prefix));
}

/** Runs one request's own sliced work (not shared), ending it when the client cancels. */
async function slicedFor<T>(token: CancellationToken, work: Sliced<T>): Promise<T> {
  const run = await runSliced(work, { stale: () => token.isCancellationRequested });
  throwIfCancelled(token);
  return run.value as T;
}

function nameOf(speakers: CorpusSpeakers, id: string): string {
  const speaker = speakers.list.find((s) => s.id === id);
  if (!speaker) throw new ResponseError(ErrorCodes.InvalidParams, `No corpus speaker '${id}'`);
  return speaker.name;
}

function ownName(index: CorpusIndex, uri: string, speakerId: string): string | undefined {
  return index.get(uri)?.speakers.find((s) => s.id === speakerId)?.name;
}

function textOf(index: CorpusIndex, uri: string, start: number): string {
  return index.get(uri)?.quotes.find((q) => q.start === start)?.text ?? '';
}

function speakerDto(index: CorpusIndex, speaker: CorpusSpeaker): CorpusSpeakerDto {
  return {
    id: speaker.id,
    name: speaker.name,
    kind: speaker.kind,
    roles: speaker.roles,
    aliases: speaker.aliases,
    files: speaker.files,
    quotes: speaker.quotes,
    occurrences: speaker.occurrences.map((o) => ({
      uri: o.file,
      speakerId: o.speakerId,
      name: ownName(index, o.file, o.speakerId) ?? speaker.name,
    })),
  };
}
