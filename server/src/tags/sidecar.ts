// Reads, validates and serialises `<file>.tags.json` sidecars. Parsing never throws: a bad sidecar becomes a
// SidecarProblem that names the file and what is wrong, so callers can refuse to touch it instead of overwriting it.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { formatBytes } from '../files/seedFile';
import { basename } from 'node:path';
import { firstJsonError } from './jsonSyntax';
import { schemaProblems } from './schema';
import {
  SIDECAR_SUFFIX,
  SIDECAR_VERSION,
  type Sidecar,
  type SourceFingerprint,
  type StoredAttribution,
  type StoredTag,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './sidecarTypes';

export type SidecarRead =
  | { kind: 'missing' }
  | { kind: 'ok'; sidecar: Sidecar; /** The bytes as read, to tell whether a write would change anything. */ raw: string }
  | { kind: 'invalid'; message: string };

export function sidecarPathFor(sourcePath: string): string {
  return sourcePath + SIDECAR_SUFFIX;
}

export function isSidecarPath(path: string): boolean {
  return path.endsWith(SIDECAR_SUFFIX);
}

export function sourcePathFor(sidecarPath: string): string {
  return sidecarPath.slice(0, -SIDECAR_SUFFIX.length);
}

/**
 * The largest sidecar read. A tag costs about 500 bytes, so this is tens of thousands of tags on one article; a
 * bigger file is a mistake (or hostile) and is refused without being parsed.
 */
export const MAX_SIDECAR_BYTES = 32 * 1024 * 1024;

function tooLarge(path: string, size: number): string {
  return (
    `${path}: the tag sidecar is ${formatBytes(size)}, over the ${formatBytes(MAX_SIDECAR_BYTES)} limit; ` +
    'it was not read, tagging this file is refused until it is fixed or removed, and it will not be overwritten.'
  );
}

/** Reads the sidecar at `path`; a missing file is not an error (the source simply has no tags yet). */
export function readSidecar(path: string): SidecarRead {
  let raw: string;
  try {
    // Check the size first: a huge file (a mistake, or hostile) is refused without reading it into memory.
    // No sidecar is the common case (every file of a corpus run): asked without an exception, which cost more
    // than the look-up itself.
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat === undefined) return { kind: 'missing' };
    // A pipe or a device (say a link to /dev/zero) would never finish reading: refused without opening it.
    if (!stat.isFile()) {
      return {
        kind: 'invalid',
        message: `${path}: is not a regular file (a pipe, device or folder); it was not read, and tagging this file is refused until it is replaced by a sidecar.`,
      };
    }
    if (stat.size > MAX_SIDECAR_BYTES) return { kind: 'invalid', message: tooLarge(path, stat.size) };
    raw = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'invalid', message: `${path}: cannot read the tag sidecar (${(err as Error).message})` };
  }
  return parseSidecar(raw, path);
}

/** Parses sidecar text; `path` only names the file in messages. */
export function parseSidecar(raw: string, path: string): SidecarRead {
  if (raw.length > MAX_SIDECAR_BYTES) return { kind: 'invalid', message: tooLarge(path, raw.length) };
  let value: unknown;
  try {
    // A BOM is legal in a UTF-8 file written by some editors; JSON.parse would reject it.
    value = JSON.parse(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw);
  } catch (err) {
    const where = jsonErrorLocation(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw);
    return {
      kind: 'invalid',
      message:
        `${path}: not valid JSON at line ${where.line}, column ${where.column} (${(err as Error).message}). ` +
        'Fix or remove the file; tagging this file is refused until then, and the file will not be overwritten.',
    };
  }
  const problems = schemaProblems(value) ?? semanticProblems(value as Sidecar);
  if (problems.length > 0) {
    return {
      kind: 'invalid',
      message:
        `${path}: does not match the tag sidecar schema: ${problems.join('; ')}. ` +
        'Fix the file; tagging this file is refused until then, and the file will not be overwritten.',
    };
  }
  return { kind: 'ok', sidecar: normalise(value as Sidecar), raw };
}

/** Rules JSON Schema cannot express: unique ids, and start <= end. */
function semanticProblems(sidecar: Sidecar): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  sidecar.tags.forEach((tag, i) => {
    if (seen.has(tag.id)) problems.push(`/tags/${i}/id "${tag.id}" is used by more than one tag`);
    seen.add(tag.id);
    const position = tag.target.selector.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
    if (position && position.start > position.end) problems.push(`/tags/${i}/target/selector start is after end`);
  });
  return problems;
}

/** Puts every optional field in place and the selectors in [position, quote] order. */
function normalise(sidecar: Sidecar): Sidecar {
  return {
    version: SIDECAR_VERSION,
    source: { ...sidecar.source },
    tags: sidecar.tags.map((tag) => {
      const selectors = tag.target.selector as (TextPositionSelector | TextQuoteSelector)[];
      const position = selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
      const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
      // The schema guarantees both exist.
      const stored: StoredTag = {
        id: tag.id,
        tag: tag.tag,
        note: tag.note ?? '',
        created: tag.created,
        target: {
          selector: [
            { ...position! },
            { type: 'TextQuoteSelector', exact: quote!.exact, prefix: quote!.prefix ?? '', suffix: quote!.suffix ?? '' },
          ],
        },
        status: tag.status,
      };
      if (tag.modified !== undefined) stored.modified = tag.modified;
      if (tag.creator !== undefined) stored.creator = { type: 'Person', name: tag.creator.name };
      return stored;
    }),
    attributions: sidecar.attributions.map((a) => ({
      quote: { type: 'TextQuoteSelector', exact: a.quote.exact, prefix: a.quote.prefix ?? '', suffix: a.quote.suffix ?? '' },
      speaker: a.speaker ?? '',
      ...(a.notQuote ? { notQuote: true as const } : {}),
    })),
  };
}

/**
 * Stable text for a sidecar: tags sorted by position then id, attributions by quote, fixed key order, 2-space
 * indent, final newline, so two saves of the same tags are byte-identical and diffs in git stay small.
 */
export function serializeSidecar(sidecar: Sidecar): string {
  const tags = [...sidecar.tags].sort(compareTags).map((t) => {
    const [position, quote] = t.target.selector;
    return {
      id: t.id,
      tag: t.tag,
      note: t.note,
      created: t.created,
      ...(t.modified !== undefined ? { modified: t.modified } : {}),
      target: {
        selector: [
          { type: 'TextPositionSelector', start: position.start, end: position.end },
          { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        ],
      },
      status: t.status,
      ...(t.creator !== undefined ? { creator: { type: 'Person', name: t.creator.name } } : {}),
    };
  });
  const attributions = [...sidecar.attributions].sort(compareAttributions).map((a) => ({
    quote: { type: 'TextQuoteSelector', exact: a.quote.exact, prefix: a.quote.prefix, suffix: a.quote.suffix },
    ...(a.notQuote ? { notQuote: true } : { speaker: a.speaker }),
  }));
  const ordered = {
    version: SIDECAR_VERSION,
    source: { file: sidecar.source.file, sha256: sidecar.source.sha256, length: sidecar.source.length },
    tags,
    attributions,
  };
  return JSON.stringify(ordered, null, 2) + '\n';
}

export function compareTags(a: StoredTag, b: StoredTag): number {
  const pa = a.target.selector[0];
  const pb = b.target.selector[0];
  return pa.start - pb.start || pa.end - pb.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function compareAttributions(a: StoredAttribution, b: StoredAttribution): number {
  return (
    cmp(a.quote.exact, b.quote.exact) ||
    cmp(a.quote.prefix, b.quote.prefix) ||
    cmp(a.quote.suffix, b.quote.suffix) ||
    cmp(a.speaker, b.speaker)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What a sidecar records about the text its offsets refer to. */
export function fingerprint(sourcePath: string, text: string): SourceFingerprint {
  return {
    file: basename(sourcePath),
    sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
    length: codePointLength(text),
  };
}

export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++, n++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

export function emptySidecar(sourcePath: string, text: string): Sidecar {
  return { version: SIDECAR_VERSION, source: fingerprint(sourcePath, text), tags: [], attributions: [] };
}

/** 1-based line and column of the first syntax error. */
function jsonErrorLocation(raw: string): { line: number; column: number } {
  const found = firstJsonError(raw);
  const offset = found === -1 ? raw.length : found;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (raw.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
