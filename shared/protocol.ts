// Every custom request, notification, command id and setting shared by client, server and tests, declared once.

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
export const SEMANTIC_TOKEN_MODIFIERS = [
  'primary', 'person', 'organization', 'anonymous', 'unattributed', 'partial', 'tagged',
] as const;
export type SemanticTokenType = (typeof SEMANTIC_TOKEN_TYPES)[number];
export type SemanticTokenModifier = (typeof SEMANTIC_TOKEN_MODIFIERS)[number];

// ---------------------------------------------------------------------------------------------------------------
// Speakers across the workspace (issue 4): feeds the client's Speakers view (speaker -> files -> quotes).
// ---------------------------------------------------------------------------------------------------------------

export interface WorkspaceSpeakerQuote { text: string; range: LspRange; /** In [0, 1]; absent from older servers. */ confidence?: number | null }
export interface WorkspaceSpeakerFile { uri: string; mentions: number; quotes: WorkspaceSpeakerQuote[] }
export interface WorkspaceSpeaker {
  /** The fullest name; speakers of different files are merged by this name (case-insensitive). */
  name: string;
  kind: 'person' | 'organization' | 'anonymous';
  role: string | null;
  files: WorkspaceSpeakerFile[];
}
export const SpeakerRequests = {
  /** {} -> WorkspaceSpeaker[] sorted by name (open documents as edited, other seed files as on disk). */
  workspace: 'seedAnnotator/speakers/workspace',
} as const;
export const SpeakerNotifications = {
  /** {} when the workspace index or an open document's analysis changed, so views can refresh. */
  changed: 'seedAnnotator/speakers/changed',
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Tagging (issue 5). Tags live in `<file>.tags.json` sidecars; the server owns them. Offsets: `range` is LSP UTF-16
// into the current document text; `start`/`end` are Unicode code points (the unit on disk and in every JSON output).
// The client registers a file watcher for `**/*.tags.json` (and the seed sources) so the server receives
// workspace/didChangeWatchedFiles and reloads/merges sidecars changed by other editors or git.
// ---------------------------------------------------------------------------------------------------------------

export interface LspPosition { line: number; character: number }
export interface LspRange { start: LspPosition; end: LspPosition }

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
  uri: string; range: LspRange; tag: string; note?: string;
  /** The coder recorded as the tag's creator (the client's `seedAnnotator.coder`); default the server's OS user. */
  coder?: string;
}
export interface TagsUpdateParams { uri: string; id: string; tag?: string; note?: string }
export interface TagsRemoveParams { uri: string; id: string }
export interface TagsUndoParams { uri: string }
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
export interface TagsExportResult { format: ExportFormat; content: string; count: number }
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
  /** TagsListParams -> DocumentTags[] */
  list: 'seedAnnotator/tags/list',
  /** TagsAddParams -> TagDto */
  add: 'seedAnnotator/tags/add',
  /** TagsUpdateParams -> TagDto */
  update: 'seedAnnotator/tags/update',
  /** TagsRemoveParams -> TagDto (the removed tag) */
  remove: 'seedAnnotator/tags/remove',
  /** TagsUndoParams -> TagsUndoResult (undoes the last tag/attribution operation on that document) */
  undo: 'seedAnnotator/tags/undo',
  /** {} -> string[] (sorted, every tag name used in the workspace; the client adds its `tags` setting) */
  vocabulary: 'seedAnnotator/tags/vocabulary',
  /** TagsExportParams -> TagsExportResult */
  export: 'seedAnnotator/tags/export',
  /** AttributionSetParams -> AttributionDto[] (the document's corrections after the change) */
  setAttribution: 'seedAnnotator/attribution/set',
} as const;

/** Notifications (server -> client). */
export const TagNotifications = {
  /** { uri } after any change of a document's tags or attributions (edits, reloads from disk, undo). */
  changed: 'seedAnnotator/tags/changed',
  /** SidecarProblem when a sidecar is found invalid; { uri, sidecar, message: null } once it is valid again. */
  sidecarProblem: 'seedAnnotator/tags/sidecarProblem',
} as const;
export interface TagsChangedParams { uri: string }

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
export interface AttributeToOtherArgs { uri: string; quoteRange: LspRange }
export interface EditTagArgs { uri: string; id: string }

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
  /** The analyser's speaker, or null when it found none. */
  speaker: string | null;
  /** null when unattributed; otherwise below the trusted level (0.8). */
  confidence: number | null;
  /** The document's speakers, likeliest first (the analyser's choice, then the nearest named before the quote). */
  candidates: string[];
}
export const ReviewRequests = {
  /** ReviewQuotesParams -> ReviewQuote[] (unattributed first, then by confidence, lowest first) */
  quotes: 'seedAnnotator/review/quotes',
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
  get: 'seedAnnotator/codebook/get',
  add: 'seedAnnotator/codebook/add',
  describe: 'seedAnnotator/codebook/describe',
  move: 'seedAnnotator/codebook/move',
  recolour: 'seedAnnotator/codebook/recolour',
  rename: 'seedAnnotator/codebook/rename',
  delete: 'seedAnnotator/codebook/delete',
  undo: 'seedAnnotator/codebook/undo',
} as const;
export interface CodebookRequestTypes {
  get: { params: CodebookParams; result: CodebookDto };
  add: { params: CodebookParams & { name: string; description?: string; color?: string; parent?: string | null }; result: CodebookDto };
  describe: { params: CodebookParams & { name: string; description: string }; result: CodebookDto };
  move: { params: CodebookParams & { name: string; parent: string | null }; result: CodebookDto };
  recolour: { params: CodebookParams & { name: string; color: string }; result: CodebookDto };
  rename: { params: CodebookParams & { from: string; to: string }; result: CodebookChangeResult };
  /** Refused while tags use the code, unless `moveTo` names the code they move to. */
  delete: { params: CodebookParams & { name: string; moveTo?: string }; result: CodebookChangeResult };
  /** Undoes the last rename or delete; `label` is '' and counts 0 when there was nothing to undo. */
  undo: { params: CodebookParams; result: CodebookChangeResult };
}
export type CodebookRequestName = keyof CodebookRequestTypes;
export const CodebookNotifications = {
  /** { folder } after the codebook of a folder changed (any request above, or a rename finished on start). */
  changed: 'seedAnnotator/codebook/changed',
} as const;
