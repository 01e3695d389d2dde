// What every tag operation works on: a source file with its store (the live one of an open document, a one-shot
// one read from disk otherwise), and the wire forms of its tags and corrections, in LSP ranges and code points.
import { fileURLToPath } from 'node:url';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AttributionDto, LspRange, TagDto } from '../../../../shared/protocol';
import { CodePointIndex } from '../../analysis/offsets';
import type { AnalyzedDocument } from '../../documents/analyzedDocument';
import { DEFAULT_MAX_SEED_BYTES, formatBytes } from '../../files/seedFile';
import { TagStoreError, type PlacedAttribution, type PlacedTag } from '../../tags/tagStore';
import type { TagStore } from '../../tags/tagStore';

/** A source file ready for a tag operation: the live store for open documents, a one-shot store otherwise. */
export interface TagTarget {
  uri: string;
  path: string;
  store: TagStore;
  text: string;
  document: TextDocument;
  index: CodePointIndex;
}

/** The target over a text (the store's text of an open document, or the file's as read). */
export function targetOver(
  uri: string,
  path: string,
  store: TagStore,
  text: string,
  document?: { languageId: string; version: number },
): TagTarget {
  return {
    uri,
    path,
    store,
    text,
    document: TextDocument.create(uri, document?.languageId ?? 'seed', document?.version ?? 0, text),
    index: new CodePointIndex(text),
  };
}

/** Why an open document is too large to tag (the seed file ceiling), or null. */
export function tooLargeToTag(document: TextDocument): string | null {
  // A UTF-16 unit is at most three UTF-8 bytes: a text this short cannot be over the limit, and needs no count.
  if (document.getText().length <= DEFAULT_MAX_SEED_BYTES / 3) return null;
  const bytes = Buffer.byteLength(document.getText(), 'utf8');
  return bytes > DEFAULT_MAX_SEED_BYTES
    ? `the file is ${formatBytes(bytes)}, over the ${formatBytes(DEFAULT_MAX_SEED_BYTES)} limit for a seed file; it is not analyzed or tagged`
    : null;
}

/** A store refusal becomes a request error the client shows, with the store's code. */
export function attempt<T>(operation: () => T): T {
  try {
    return operation();
  } catch (err) {
    if (err instanceof TagStoreError) throw new ResponseError(ErrorCodes.InvalidRequest, err.message, { code: err.code });
    throw err;
  }
}

export function toDto(target: TagTarget, tag: PlacedTag): TagDto {
  const dto: TagDto = {
    id: tag.id,
    uri: target.uri,
    tag: tag.tag,
    note: tag.note,
    created: tag.created,
    status: tag.status,
    range: rangeOf(target, tag.start, tag.end),
    start: tag.start,
    end: tag.end,
    text: tag.text,
  };
  if (tag.modified !== undefined) dto.modified = tag.modified;
  if (tag.creator !== undefined) dto.creator = tag.creator;
  return dto;
}

export function attributionDto(target: TagTarget, a: PlacedAttribution): AttributionDto {
  return {
    exact: a.exact,
    prefix: a.prefix,
    suffix: a.suffix,
    speaker: a.speaker,
    ...(a.notQuote ? { notQuote: true } : {}),
    range: a.span && rangeOf(target, a.span.start, a.span.end),
  };
}

function rangeOf(target: TagTarget, start: number, end: number): LspRange {
  return { start: target.document.positionAt(target.index.toUtf16(start)), end: target.document.positionAt(target.index.toUtf16(end)) };
}

/** The quote a range is in or overlaps (for an empty range: the quote containing the cursor). */
export function quoteAt(doc: AnalyzedDocument, range: LspRange) {
  const from = doc.offsetAt(range.start);
  const to = doc.offsetAt(range.end);
  return doc.analysis.quotes.find((q) => (from === to ? q.start <= from && from <= q.end : q.start < to && from < q.end)) ?? null;
}

/** The file a `file:` uri names, or null for any other scheme (tags live next to files on disk). */
export function pathOf(uri: string): string | null {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : null;
  } catch {
    return null;
  }
}
