// Every custom request, notification, command id and setting shared by client, server and tests, declared once.
// Requests and notifications are typed objects (method, params and result together, as rust-analyzer's lsp_ext.ts
// declares them): the client sends and the server handles the same object, so neither spells a method or a type.
import { NotificationType, RequestType } from 'vscode-jsonrpc';

/** A request with no parameters takes an empty object. */
export type NoParams = Record<string, never>;

export const LANGUAGE_ID = 'seed';

/** Commands contributed by the client (`seedAnnotator.*`). */
export const ClientCommands = {
  setLanguage: 'seedAnnotator.setLanguage',
  /** Optional argument TagSelectionArgs skips the pickers (scripts and tests). */
  tagSelection: 'seedAnnotator.tagSelection',
  removeTag: 'seedAnnotator.removeTag',
  undoTag: 'seedAnnotator.undoTag',
  exportTags: 'seedAnnotator.exportTags',
  refreshSpeakers: 'seedAnnotator.refreshSpeakers',
  refreshTags: 'seedAnnotator.refreshTags',
  showOutput: 'seedAnnotator.showOutput',
  restartServer: 'seedAnnotator.restartServer',
  /** Walks the unattributed and unsure quotes; optional argument { scope: 'file' | 'workspace' } skips the scope pick. */
  reviewQuotes: 'seedAnnotator.reviewQuotes',
  /** Shows all coders' tags, only mine, or one coder's, in the Tags view and the decorations. */
  filterByCoder: 'seedAnnotator.filterByCoder',
  /** The Codebook view's actions; each takes an optional argument that skips its dialogs (scripts and tests). */
  codebookAdd: 'seedAnnotator.codebook.add',
  codebookAddChild: 'seedAnnotator.codebook.addChild',
  codebookAddMissing: 'seedAnnotator.codebook.addMissing',
  codebookDescribe: 'seedAnnotator.codebook.describe',
  codebookMove: 'seedAnnotator.codebook.move',
  codebookRecolour: 'seedAnnotator.codebook.recolour',
  codebookRename: 'seedAnnotator.codebook.rename',
  codebookDelete: 'seedAnnotator.codebook.delete',
  codebookUndo: 'seedAnnotator.codebook.undo',
  refreshCodebook: 'seedAnnotator.codebook.refresh',
  /** Optional ComputeAgreementArgs; returns the AgreementDto it showed. */
  computeAgreement: 'seedAnnotator.computeAgreement',
  /** A quick pick of the last agreement's disagreeing passages; the chosen one opens. */
  showDisagreements: 'seedAnnotator.showDisagreements',
} as const;

/** Settings under `seedAnnotator.*` that the server reads. */
export interface SeedAnnotatorSettings {
  filePatterns: string[];
  maxFileSizeKb: number;
  diagnostics: {
    unattributedQuotes: boolean;
    unbalancedQuotes: boolean;
    missingPrimaryDateline: boolean;
  };
  tags: string[];
}

/** Used when the client does not answer `workspace/configuration` or leaves a setting out. */
export const DEFAULT_SETTINGS: SeedAnnotatorSettings = {
  filePatterns: [],
  maxFileSizeKb: 1024,
  diagnostics: { unattributedQuotes: true, unbalancedQuotes: true, missingPrimaryDateline: true },
  tags: [],
};

/** The semantic token legend: the server encodes with it and the manifest declares it (order matters). */
export const SEMANTIC_TOKEN_TYPES = ['dateline', 'speaker', 'quote', 'cue'] as const;
export const SEMANTIC_TOKEN_MODIFIERS = ['primary', 'person', 'organization', 'anonymous', 'unattributed', 'partial', 'tagged'] as const;
export type SemanticTokenType = (typeof SEMANTIC_TOKEN_TYPES)[number];
export type SemanticTokenModifier = (typeof SEMANTIC_TOKEN_MODIFIERS)[number];

// ---------------------------------------------------------------------------------------------------------------
// Speakers across the workspace (issue 4): feeds the client's Speakers view (speaker -> files -> quotes).
// ---------------------------------------------------------------------------------------------------------------

export interface WorkspaceSpeakerQuote {
  text: string;
  range: LspRange;
  /** In [0, 1]; absent from older servers. */ confidence?: number | null;
}
export interface WorkspaceSpeakerFile {
  uri: string;
  mentions: number;
  quotes: WorkspaceSpeakerQuote[];
}
export interface WorkspaceSpeaker {
  /** The corpus speaker's id (issue 9), when speakers are grouped as corpus speakers. */
  id?: string;
  /** The fullest name; speakers of different files are merged as corpus speakers, else by this name (case-insensitive). */
  name: string;
  kind: 'person' | 'organization' | 'anonymous';
  role: string | null;
  files: WorkspaceSpeakerFile[];
}
export const SpeakerRequests = {
  /** Sorted by name (open documents as edited, other seed files as on disk). */
  workspace: new RequestType<NoParams, WorkspaceSpeaker[], void>('seedAnnotator/speakers/workspace'),
} as const;
export const SpeakerNotifications = {
  /** When the workspace index or an open document's analysis changed, so views can refresh. */
  changed: new NotificationType<NoParams>('seedAnnotator/speakers/changed'),
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Tagging (issue 5). Tags live in `<file>.tags.json` sidecars; the server owns them. Offsets: `range` is LSP UTF-16
// into the current document text; `start`/`end` are Unicode code points (the unit on disk and in every JSON output).
// The client registers a file watcher for `**/*.tags.json` (and the seed sources) so the server receives
// workspace/didChangeWatchedFiles and reloads/merges sidecars changed by other editors or git.
// ---------------------------------------------------------------------------------------------------------------

export interface LspPosition {
  line: number;
  character: number;
}
export interface LspRange {
  start: LspPosition;
  end: LspPosition;
}

/** anchored: found where it was stored; moved: found elsewhere (quote/fuzzy match); orphaned: not found, kept. */
export type TagStatus = 'anchored' | 'moved' | 'orphaned';

/** One tag on the wire. For an orphaned tag, `range`/`start`/`end` are its last known place, clamped to the text. */
export interface TagDto {
  id: string;
  /** The source document this tag belongs to. */
  uri: string;
  tag: string;
  note: string;
  /** ISO 8601 UTC. */
  created: string;
  /** ISO 8601 UTC of the last edit of tag/note, when edited. */
  modified?: string;
  status: TagStatus;
  range: LspRange;
  start: number;
  end: number;
  /** The tagged words (for an orphaned tag: the words as they were when tagged). */
  text: string;
  /** Who tagged it (the sidecar's W3C creator name); absent for tags recorded before coders were. */
  creator?: string;
}

/** A manual "this quote was said by …" correction stored in the sidecar. */
export interface AttributionDto {
  exact: string;
  prefix?: string;
  suffix?: string;
  speaker: string;
  /** The analyst marked the words as not a quote ('' speaker). Absent from older servers. */
  notQuote?: boolean;
  /** Where the quote is in the current text, or null when it cannot be found. */
  range: LspRange | null;
}

/** A sidecar that cannot be used (bad JSON or schema); tagging its source is refused until it is fixed. */
export interface SidecarProblem {
  /** The source document's uri. */
  uri: string;
  /** The sidecar's file-system path. */
  sidecar: string;
  /** Names the file and what is wrong (line/column for JSON errors, schema path for schema errors). */
  message: string;
}

export interface DocumentTags {
  uri: string;
  tags: TagDto[];
  attributions: AttributionDto[];
  /** Non-null when the sidecar is invalid (then `tags` is empty and tagging is refused). */
  problem: SidecarProblem | null;
}

export interface TagsListParams {
  /** One document; omit for every tagged document in the workspace (open documents and sidecars on disk). */
  uri?: string;
}
export interface TagsAddParams {
  uri: string;
  range: LspRange;
  tag: string;
  note?: string;
  /** The coder recorded as the tag's creator (the client's `seedAnnotator.coder`); default the server's OS user. */
  coder?: string;
}
export interface TagsUpdateParams {
  uri: string;
  id: string;
  tag?: string;
  note?: string;
}
export interface TagsRemoveParams {
  uri: string;
  id: string;
}
export interface TagsUndoParams {
  uri: string;
}
export interface TagsUndoResult {
  /** What was undone ("add claim", "remove claim", …), or null when there was nothing to undo. */
  undone: string | null;
}
export type ExportFormat = 'csv' | 'jsonl' | 'w3c';
export interface TagsExportParams {
  /** Source documents to export; or `folder` (a uri) for every seed file under it; neither = whole workspace. */
  uris?: string[];
  folder?: string;
  format: ExportFormat;
}
export interface TagsExportResult {
  format: ExportFormat;
  content: string;
  count: number;
}
/** A REFI-QDA project (.qdpx, a zip) of the given source documents, or of every tagged file of the first folder. */
export interface QdpxExportParams {
  uris?: string[];
}
export interface QdpxExportResult {
  /** The archive's bytes, base64. */
  content: string;
  /** Tags (coded selections), sources, coders. */
  count: number;
  sources: number;
  coders: number;
  /** What the user should know (orphaned tags left out, an unusable codebook or sidecar). */
  problems: string[];
}
export interface AttributionSetParams {
  uri: string;
  /** Any range inside or over the quote (UTF-16); the server finds the quote it touches. */
  quoteRange: LspRange;
  /** The speaker's name; null removes the correction. */
  speaker: string | null;
  /** true: the words are not a quote at all (scare quotes, a title); `speaker` is ignored. */
  notQuote?: boolean;
}

/** Custom requests (client -> server). Failures come back as ResponseError with a message naming the file. */
export const TagRequests = {
  list: new RequestType<TagsListParams, DocumentTags[], void>('seedAnnotator/tags/list'),
  add: new RequestType<TagsAddParams, TagDto, void>('seedAnnotator/tags/add'),
  update: new RequestType<TagsUpdateParams, TagDto, void>('seedAnnotator/tags/update'),
  /** Answers the removed tag. */
  remove: new RequestType<TagsRemoveParams, TagDto, void>('seedAnnotator/tags/remove'),
  /** Undoes the last tag/attribution operation on that document. */
  undo: new RequestType<TagsUndoParams, TagsUndoResult, void>('seedAnnotator/tags/undo'),
  /** Sorted, every tag name used in the workspace; the client adds its `tags` setting. */
  vocabulary: new RequestType<NoParams, string[], void>('seedAnnotator/tags/vocabulary'),
  export: new RequestType<TagsExportParams, TagsExportResult, void>('seedAnnotator/tags/export'),
  exportQdpx: new RequestType<QdpxExportParams, QdpxExportResult, void>('seedAnnotator/tags/exportQdpx'),
  /** Answers the document's corrections after the change. */
  setAttribution: new RequestType<AttributionSetParams, AttributionDto[], void>('seedAnnotator/attribution/set'),
} as const;

/** A sidecar found invalid, or `message: null` once it is valid again. */
export type SidecarProblemNotice = SidecarProblem | { uri: string; sidecar: string; message: null };

/** Notifications (server -> client). */
export const TagNotifications = {
  /** After any change of a document's tags or attributions (edits, reloads from disk, undo). */
  changed: new NotificationType<TagsChangedParams>('seedAnnotator/tags/changed'),
  sidecarProblem: new NotificationType<SidecarProblemNotice>('seedAnnotator/tags/sidecarProblem'),
} as const;
export interface TagsChangedParams {
  uri: string;
}

/** The same operations as workspace/executeCommand commands; the single argument is the request's params. */
export const ServerTagCommands = {
  list: 'seedAnnotator.server.tags.list',
  add: 'seedAnnotator.server.tags.add',
  update: 'seedAnnotator.server.tags.update',
  remove: 'seedAnnotator.server.tags.remove',
  undo: 'seedAnnotator.server.tags.undo',
  vocabulary: 'seedAnnotator.server.tags.vocabulary',
  export: 'seedAnnotator.server.tags.export',
  setAttribution: 'seedAnnotator.server.attribution.set',
} as const;

/**
 * Client commands that the server's code actions invoke (the client implements them):
 * - attributeToOther({ uri, quoteRange }): input box for a name, then TagRequests.setAttribution.
 * - editTag({ uri, id }): QuickPick of the vocabulary + note input, then TagRequests.update.
 */
export const ClientTagCommands = {
  attributeToOther: 'seedAnnotator.attributeToOther',
  editTag: 'seedAnnotator.editTag',
} as const;
export interface AttributeToOtherArgs {
  uri: string;
  quoteRange: LspRange;
}
export interface EditTagArgs {
  uri: string;
  id: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Review Quotes (issue 14): unattributed and low-confidence quotes, lowest confidence first, for the client's
// "Review Quotes" walk. The choice is saved through TagRequests.setAttribution, like "Attribute Quote To…".
// ---------------------------------------------------------------------------------------------------------------

export interface ReviewQuotesParams {
  /** One document; omit for every seed file of the workspace. */
  uri?: string;
}
export interface ReviewQuote {
  uri: string;
  text: string;
  range: LspRange;
  /** The analyzer's speaker, or null when it found none. */
  speaker: string | null;
  /** null when unattributed; otherwise below the trusted level (0.8). */
  confidence: number | null;
  /** The document's speakers, likeliest first (the analyzer's choice, then the nearest named before the quote). */
  candidates: string[];
}
export const ReviewRequests = {
  /** Unattributed first, then by confidence, lowest first. */
  quotes: new RequestType<ReviewQuotesParams, ReviewQuote[], void>('seedAnnotator/review/quotes'),
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Codebook (issue 10): `.seed-annotator/codebook.json` of a workspace folder. Every request takes CodebookParams;
// `seed` is the client's old `seedAnnotator.tags` list, the codebook until the file exists (written on the first
// change). Refusals (duplicate names, a code still in use, an invalid file) come back as ResponseError messages.
// ---------------------------------------------------------------------------------------------------------------

export interface CodebookParams {
  /** The workspace folder (uri); default the first. */
  folder?: string;
  seed?: string[];
}
export interface CodeDto {
  name: string;
  description: string;
  /** #rrggbb */
  color: string;
  parent: string | null;
  /** Tags in the folder's sidecars that use this code. */
  uses: number;
}
export interface CodebookDto {
  /** The workspace folder's uri. */
  folder: string;
  /** False while the codebook is only the seed (no file yet). */
  exists: boolean;
  codes: CodeDto[];
  /** Tag names used in the folder that are not in the codebook, with their counts. */
  notInCodebook: { name: string; uses: number }[];
  /** The operation "Undo" would take back ("rename claim → assertion"), or null. */
  undo: string | null;
}
export interface CodebookChangeResult {
  codebook: CodebookDto;
  /** What was done, and how many tags in how many sidecars it changed (renames and deletes that move tags). */
  label: string;
  tags: number;
  files: number;
}

/** Each codebook request: its method, params and result, declared together. */
export const CodebookRequests = {
  get: new RequestType<CodebookParams, CodebookDto, void>('seedAnnotator/codebook/get'),
  add: new RequestType<CodebookParams & { name: string; description?: string; color?: string; parent?: string | null }, CodebookDto, void>(
    'seedAnnotator/codebook/add',
  ),
  describe: new RequestType<CodebookParams & { name: string; description: string }, CodebookDto, void>('seedAnnotator/codebook/describe'),
  move: new RequestType<CodebookParams & { name: string; parent: string | null }, CodebookDto, void>('seedAnnotator/codebook/move'),
  recolour: new RequestType<CodebookParams & { name: string; color: string }, CodebookDto, void>('seedAnnotator/codebook/recolour'),
  rename: new RequestType<CodebookParams & { from: string; to: string }, CodebookChangeResult, void>('seedAnnotator/codebook/rename'),
  /** Refused while tags use the code, unless `moveTo` names the code they move to. */
  delete: new RequestType<CodebookParams & { name: string; moveTo?: string }, CodebookChangeResult, void>('seedAnnotator/codebook/delete'),
  /** Undoes the last rename or delete; `label` is '' and counts 0 when there was nothing to undo. */
  undo: new RequestType<CodebookParams, CodebookChangeResult, void>('seedAnnotator/codebook/undo'),
} as const;
export type CodebookRequestName = keyof typeof CodebookRequests;
/** The params and result of each codebook request, read off the request objects. */
export type CodebookRequestTypes = {
  [K in CodebookRequestName]: (typeof CodebookRequests)[K] extends RequestType<infer P, infer R, void> ? { params: P; result: R } : never;
};
export const CodebookNotifications = {
  /** After the codebook of a folder changed (any request above, or a rename finished on start). */
  changed: new NotificationType<{ folder: string }>('seedAnnotator/codebook/changed'),
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Inter-coder agreement (issue 10): the figures of `seed-annotator agreement --json` for the workspace's tagged files,
// with each disagreeing passage as a location the editor can open.
// ---------------------------------------------------------------------------------------------------------------

export interface AgreementParams {
  /** Compare only these coders; default every coder found. */
  coders?: string[];
  /** Source documents; default every tagged file of the first workspace folder. */
  uris?: string[];
}
export interface AgreementFiguresDto {
  alpha: number | null;
  kappa: number | null;
  agreement: number | null;
  units: { total: number; coded: Record<string, number> };
}
export interface DisagreementDto {
  uri: string;
  /** Relative to the workspace folder. */
  file: string;
  tag: string;
  /** Code points, and the same span as an LSP range. */
  start: number;
  end: number;
  range: LspRange;
  text: string;
  markedBy: string[];
  notMarkedBy: string[];
}
export interface AgreementDto {
  coders: string[];
  tags: (AgreementFiguresDto & { tag: string })[];
  overall: AgreementFiguresDto;
  disagreements: DisagreementDto[];
  /** Tags left out because they record no coder. */
  withoutCoder: number;
}
export const CodingRequests = {
  agreement: new RequestType<AgreementParams, AgreementDto, void>('seedAnnotator/coding/agreement'),
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Corpus insight (issue 9): corpus speakers (one person across files, the analyst's merges and splits in
// `.seed-annotator/speakers.json`), quote provenance, and the dashboard's numbers. Offsets: `range` is LSP UTF-16,
// `start`/`end` code points.
// ---------------------------------------------------------------------------------------------------------------

export type CorpusSpeakerKind = 'person' | 'organization' | 'anonymous';
export type StatsPeriod = 'month' | 'week';

export interface StatsFilter {
  /** Inclusive ISO dates (`YYYY-MM-DD`); with either bound, undated articles are left out. */
  from?: string;
  to?: string;
  /** Speaker kinds to keep; with this filter, quotes with no speaker are left out. */
  kinds?: CorpusSpeakerKind[];
  /** Keep only quotes that a tag of this name overlaps. */
  tag?: string;
}
export interface SpeakerCount {
  id: string;
  name: string;
  kind: CorpusSpeakerKind;
  quotes: number;
  files: number;
}
export interface PeriodCount {
  /** `YYYY-MM` or ISO week `YYYY-Www`. */
  period: string;
  quotes: number;
  /** Quotes per corpus speaker id in this period. */
  speakers: Record<string, number>;
}
export interface TagCount {
  tag: string;
  count: number;
  coders: Record<string, number>;
}
export interface PairCount {
  a: string;
  b: string;
  files: number;
}
export interface CorpusStats {
  files: number;
  quotes: number;
  /** Quotes kept by the filter whose file has no primary date. */
  undated: number;
  period: StatsPeriod;
  speakers: SpeakerCount[];
  periods: PeriodCount[];
  tags: TagCount[];
  cooccurrence: PairCount[];
}
/** What a click on a chart asks for: the quotes behind one bar, point or cell. */
export interface QuoteSelection {
  speakerId?: string;
  period?: string;
  tag?: string;
  coder?: string;
  /** Two speaker ids: quotes of either, in the files where both are quoted. */
  pair?: [string, string];
}

/** One place a quote (or a speaker's quote) occurs. */
export interface CorpusQuoteDto {
  uri: string;
  range: LspRange | null;
  start: number;
  end: number;
  text: string;
  speaker: string | null;
  date: string | null;
}
export interface ProvenanceParams {
  uri: string;
  position: LspPosition;
}
/** The utterance at the position and every article it occurs in, oldest first; null when it occurs in one file only. */
export interface ProvenanceResult {
  text: string;
  occurrences: CorpusQuoteDto[];
}

export interface CorpusSpeakerDto {
  id: string;
  name: string;
  kind: CorpusSpeakerKind;
  roles: string[];
  aliases: string[];
  files: number;
  quotes: number;
  /** The file's own speaker name, per file. */
  occurrences: { uri: string; speakerId: string; name: string }[];
}
/** Joins corpus speakers (by id) into one; written to `.seed-annotator/speakers.json`. */
export interface SpeakerMergeParams {
  ids: string[];
}
/** Carves the speaker's occurrences in `uris` out into a corpus speaker of their own. */
export interface SpeakerSplitParams {
  id: string;
  uris: string[];
}

export interface DashboardParams {
  /** A folder uri to restrict the numbers to (the explorer's context menu); the whole workspace when absent. */
  folder?: string;
  filter: StatsFilter;
  period: StatsPeriod;
  /** How many most quoted speakers the co-occurrence covers (default 20). */
  top?: number;
}
export interface DashboardResult {
  stats: CorpusStats;
  /** Every tag name and date bound in the (unfiltered) scope, for the filter controls. */
  tags: string[];
  firstDate: string | null;
  lastDate: string | null;
  /** Milliseconds the server spent on the numbers. */
  elapsedMs: number;
}
export interface DashboardQuotesParams extends DashboardParams {
  selection: QuoteSelection;
}

export const CorpusRequests = {
  /** Null when the utterance occurs in one file only. */
  provenance: new RequestType<ProvenanceParams, ProvenanceResult | null, void>('seedAnnotator/corpus/provenance'),
  /** Most quoted first. */
  speakers: new RequestType<NoParams, CorpusSpeakerDto[], void>('seedAnnotator/corpus/speakers'),
  merge: new RequestType<SpeakerMergeParams, CorpusSpeakerDto[], void>('seedAnnotator/corpus/merge'),
  split: new RequestType<SpeakerSplitParams, CorpusSpeakerDto[], void>('seedAnnotator/corpus/split'),
  /** Waits for a cold index. */
  dashboard: new RequestType<DashboardParams, DashboardResult, void>('seedAnnotator/corpus/dashboard'),
  /** Oldest first. */
  dashboardQuotes: new RequestType<DashboardQuotesParams, CorpusQuoteDto[], void>('seedAnnotator/corpus/dashboardQuotes'),
} as const;

export const CorpusNotifications = {
  /** At most every half second, when the corpus index changed: files, open documents, tags, decisions. */
  changed: new NotificationType<NoParams>('seedAnnotator/corpus/changed'),
} as const;

/** Client commands of issue 9. */
export const CorpusCommands = {
  /** Optional argument ProvenanceParams (else the active editor's cursor). */
  showProvenance: 'seedAnnotator.showProvenance',
  /** Optional argument: a folder uri (the explorer's context menu passes one). */
  openDashboard: 'seedAnnotator.openDashboard',
  /** From the Speakers view: argument a speaker node; optional second argument the ids to merge with. */
  mergeSpeaker: 'seedAnnotator.mergeSpeaker',
  /** From the Speakers view: argument a speaker node; optional second argument the file uris to split off. */
  splitSpeaker: 'seedAnnotator.splitSpeaker',
} as const;
