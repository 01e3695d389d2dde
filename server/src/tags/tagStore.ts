// The tag store: each source file's tags and attribution corrections in memory, kept placed against the current
// text, persisted to its sidecar after every change, reloaded and merged when the sidecar changes on disk.
// Shared by the language server (live documents) and the CLI (one-shot reads and writes); no editor types here.
import { randomUUID } from 'node:crypto';
import { CodePointIndex, type TextReader } from '../analysis/offsets';
import { describeSpan, findQuote, reanchor } from './anchor';
import { characterProblem } from './characters';
import { updateFileLocked } from '../files/lockedWrite';
import { attributionKey, mergeAttributions, mergeTags } from './merge';
import { emptySidecar, fingerprint, parseSidecar, readSidecar, serializeSidecar, sidecarPathFor, compareTags } from './sidecar';
import type { Sidecar, StoredAttribution, StoredTag, TagStatus, TextQuoteSelector } from './sidecarTypes';
import { changeBetween, mapSpan, type KnownChange } from './textEdit';

export type TagStoreErrorCode = 'invalid-sidecar' | 'not-found' | 'bad-range' | 'bad-tag' | 'write-failed' | 'read-only';

/** A refusal a user can act on; the message names the file. */
export class TagStoreError extends Error {
  constructor(
    readonly code: TagStoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TagStoreError';
  }
}

/** A tag placed in the current text (code points). */
export interface PlacedTag {
  id: string;
  tag: string;
  note: string;
  created: string;
  modified?: string;
  status: TagStatus;
  start: number;
  end: number;
  /** The words under the tag now; for an orphaned tag, the words it was given. */
  text: string;
  /** Context either side of `text` (the W3C quote selector's prefix and suffix). */
  prefix: string;
  suffix: string;
  /** The coder's name, when recorded. */
  creator?: string;
}

/** An attribution correction and where its quote is in the current text (code points), if found. */
export interface PlacedAttribution {
  exact: string;
  prefix: string;
  suffix: string;
  speaker: string;
  /** The analyst marked the words as not a quote (then `speaker` is ''). */
  notQuote: boolean;
  span: { start: number; end: number } | null;
}

/**
 * How to take one change back. Undo inverts only that change (not a snapshot of the whole file), so tags merged in
 * from disk since then are never undone along with it.
 */
type UndoStep =
  | { kind: 'tag'; label: string; id: string; /** The tag before the change; null when the change created it. */ before: StoredTag | null }
  | { kind: 'attribution'; label: string; removed: StoredAttribution[]; added: StoredAttribution | null };

const MAX_UNDO = 100;

/** One source file's state. */
class FileTags {
  /** The text as the editor last gave it: an edited document's is joined into one string only when read whole. */
  content: TextReader = '';
  get text(): string {
    return String(this.content);
  }
  set text(text: string) {
    this.content = text;
  }
  index = new CodePointIndex('');
  tags: StoredTag[] = [];
  attributions: StoredAttribution[] = [];
  /** Why the sidecar cannot be used; while set, nothing is written and changes are refused. */
  problem: string | null = null;
  /** The sidecar bytes we last read or wrote; a write that would produce the same bytes is skipped. */
  diskRaw: string | null = null;
  undo: UndoStep[] = [];
  removedTags = new Map<string, string>();
  removedAttributions = new Set<string>();

  constructor(
    readonly path: string,
    readonly sidecarPath: string,
  ) {}
}

export interface TagStoreOptions {
  /** Clock for `created`/`modified`; tests pin it. */
  now?: () => Date;
  /** New tag ids; UUIDs by default so ids from two editors never collide in a merge. */
  newId?: () => string;
  /** Why nothing may be written (an untrusted workspace); changes are then refused with this message. */
  readOnly?: string | null;
}

export class TagStore {
  private readonly files = new Map<string, FileTags>();
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readOnly: string | null;

  constructor(options: TagStoreOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? randomUUID;
    this.readOnly = options.readOnly ?? null;
  }

  /** Turns writing off (with the reason users see when a change is refused) or back on (null). */
  setReadOnly(reason: string | null): void {
    this.readOnly = reason;
  }

  /** Loads (or refreshes) a source file's tags from its sidecar and places them against `text`. */
  open(path: string, text: string): void {
    const file = new FileTags(path, sidecarPathFor(path));
    this.files.set(path, file);
    file.text = text;
    file.index = new CodePointIndex(text);
    const read = readSidecar(file.sidecarPath);
    if (read.kind === 'invalid') {
      file.problem = read.message;
      return;
    }
    if (read.kind === 'ok') {
      file.diskRaw = read.raw;
      file.tags = read.sidecar.tags.map((t) => this.place(file, t));
      file.attributions = read.sidecar.attributions;
    }
  }

  isOpen(path: string): boolean {
    return this.files.has(path);
  }

  close(path: string): void {
    this.files.delete(path);
  }

  openPaths(): string[] {
    return [...this.files.keys()];
  }

  /** The sidecar problem of an open file, or null. */
  problem(path: string): string | null {
    return this.file(path).problem;
  }

  text(path: string): string {
    return this.file(path).text;
  }

  /** The file's tags in position order, placed against the current text. */
  list(path: string): PlacedTag[] {
    const file = this.file(path);
    return [...file.tags].sort(compareTags).map((t) => toPlaced(file, t));
  }

  attributions(path: string): PlacedAttribution[] {
    const file = this.file(path);
    return file.attributions.map((a) => {
      const found = findQuote(file.text, a.quote, 0);
      return {
        exact: a.quote.exact,
        prefix: a.quote.prefix,
        suffix: a.quote.suffix,
        speaker: a.speaker,
        notQuote: a.notQuote === true,
        span: found && { start: file.index.toCodePoint(found.start), end: file.index.toCodePoint(found.end) },
      };
    });
  }

  /** The corrections in the form the analysis takes (`analyze(text, { attributions })`). */
  attributionOverrides(path: string): { exact: string; prefix: string; suffix: string; speaker: string; notQuote?: boolean }[] {
    return this.file(path).attributions.map((a) => ({
      exact: a.quote.exact,
      prefix: a.quote.prefix,
      suffix: a.quote.suffix,
      speaker: a.speaker,
      ...(a.notQuote ? { notQuote: true } : {}),
    }));
  }

  /**
   * The text changed (typing, undo, file replaced): tags follow. Nothing is written until the next save or change.
   * @param edit the edit that made `text` from the text before, when known (UTF-16): a keystroke then costs its own
   * length instead of a comparison of the whole texts.
   */
  updateText(path: string, text: TextReader, edit?: KnownChange & { before: TextReader }): boolean {
    const file = this.file(path);
    if (text === file.content) return false;
    const known = edit && edit.before === file.content ? edit : undefined;
    const newIndex = known ? CodePointIndex.edited(file.index, known, text) : new CodePointIndex(text);
    const change = changeBetween(file.content, text, file.index, newIndex, known);
    const oldText = file.content;
    const oldIndex = file.index;
    file.content = text;
    file.index = newIndex;
    file.tags = file.tags.map((tag) => {
      const [position] = tag.target.selector;
      const mapped =
        change &&
        tag.status !== 'orphaned' &&
        position.end <= oldIndex.length &&
        oldText.slice(oldIndex.toUtf16(position.start), oldIndex.toUtf16(position.end)) === tag.target.selector[1].exact
          ? mapSpan(position.start, position.end, change)
          : null;
      if (mapped) return withSpan(file, tag, mapped.start, mapped.end, tag.status);
      return this.place(file, tag);
    });
    return true;
  }

  /** `coder` is recorded as the tag's W3C creator (blank: none). */
  add(path: string, start: number, end: number, tag: string, note = '', coder?: string): PlacedTag {
    const file = this.writable(path);
    const name = tag.trim();
    if (!name) throw new TagStoreError('bad-tag', `${path}: a tag needs a name`);
    if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= file.index.length)) {
      throw new TagStoreError(
        'bad-range',
        `${path}: cannot tag [${start}, ${end}): the range must be non-empty and inside the text (0..${file.index.length} code points)`,
      );
    }
    const split = characterProblem(file.text, start, end, file.index);
    if (split) throw new TagStoreError('bad-range', `${path}: cannot tag [${start}, ${end}): ${split}`);
    const created = this.timestamp();
    const span = describeSpan(file.text, start, end, file.index);
    const stored: StoredTag = {
      id: this.newId(),
      tag: name,
      note,
      created,
      target: {
        selector: [
          { type: 'TextPositionSelector', start, end },
          { type: 'TextQuoteSelector', exact: span.exact, prefix: span.prefix, suffix: span.suffix },
        ],
      },
      status: 'anchored',
    };
    if (coder?.trim()) stored.creator = { type: 'Person', name: coder.trim() };
    return this.commit(file, () => {
      this.remember(file, { kind: 'tag', label: `add ${name}`, id: stored.id, before: null });
      file.tags = [...file.tags, stored];
      return toPlaced(file, stored);
    });
  }

  update(path: string, id: string, change: { tag?: string; note?: string }): PlacedTag {
    const file = this.writable(path);
    const current = this.find(file, id);
    const name = change.tag === undefined ? current.tag : change.tag.trim();
    if (!name) throw new TagStoreError('bad-tag', `${path}: a tag needs a name`);
    // A reviewed tag is no longer "moved"; an orphan stays orphaned until its words are found.
    const updated: StoredTag = {
      ...current,
      tag: name,
      note: change.note ?? current.note,
      modified: this.timestamp(),
      status: current.status === 'orphaned' ? 'orphaned' : 'anchored',
    };
    return this.commit(file, () => {
      this.remember(file, { kind: 'tag', label: `edit ${current.tag}`, id, before: cloneTag(current) });
      file.tags = file.tags.map((t) => (t.id === id ? updated : t));
      return toPlaced(file, updated);
    });
  }

  remove(path: string, id: string): PlacedTag {
    const file = this.writable(path);
    const current = this.find(file, id);
    return this.commit(file, () => {
      this.remember(file, { kind: 'tag', label: `remove ${current.tag}`, id, before: cloneTag(current) });
      file.tags = file.tags.filter((t) => t.id !== id);
      file.removedTags.set(id, this.timestamp());
      return toPlaced(file, current);
    });
  }

  /**
   * Sets (or with `speaker` null, clears) who said the quote at [start, end) (code points); with `notQuote`, marks
   * the words as no quote at all. One correction per quote: an existing correction for the same words in the same
   * place is replaced.
   */
  setAttribution(path: string, start: number, end: number, speaker: string | null, notQuote = false): PlacedAttribution[] {
    const file = this.writable(path);
    if (!(0 <= start && start < end && end <= file.index.length)) {
      throw new TagStoreError('bad-range', `${path}: no quote at [${start}, ${end})`);
    }
    const span = describeSpan(file.text, start, end, file.index);
    const startUtf16 = file.index.toUtf16(start);
    const samePlace = (a: StoredAttribution) => {
      const found = findQuote(file.text, a.quote, startUtf16);
      return found !== null && found.start === startUtf16 && found.end === file.index.toUtf16(end);
    };
    const name = notQuote ? null : speaker?.trim() || null;
    this.commit(file, () => {
      const removed = file.attributions.filter(samePlace);
      const quote: TextQuoteSelector = { type: 'TextQuoteSelector', exact: span.exact, prefix: span.prefix, suffix: span.suffix };
      const added: StoredAttribution | null = notQuote ? { quote, speaker: '', notQuote: true } : name ? { quote, speaker: name } : null;
      const label = notQuote ? 'mark as not a quote' : name ? `attribute to ${name}` : 'remove attribution';
      this.remember(file, { kind: 'attribution', label, removed, added });
      this.replaceAttributions(file, removed, added ? [added] : []);
    });
    return this.attributions(path);
  }

  /** Undoes the last tag or attribution change of the file; returns its label, or null if there was none. */
  undo(path: string): string | null {
    const file = this.writable(path);
    const last = file.undo[file.undo.length - 1];
    if (!last) return null;
    return this.commit(file, () => {
      file.undo = file.undo.slice(0, -1);
      if (last.kind === 'attribution') {
        this.replaceAttributions(file, last.added ? [last.added] : [], last.removed);
      } else if (last.before === null) {
        file.tags = file.tags.filter((t) => t.id !== last.id);
        file.removedTags.set(last.id, this.timestamp());
      } else {
        // Restoring is a new edit: it must win a later merge against the version it replaces.
        const restored = this.place(file, { ...last.before, modified: this.timestamp() });
        file.tags = [...file.tags.filter((t) => t.id !== last.id), restored];
        file.removedTags.delete(last.id);
      }
      return last.label;
    });
  }

  /** Writes the sidecar with positions against the current text (e.g. after the source was saved). */
  save(path: string): void {
    const file = this.file(path);
    if (file.problem || this.readOnly) return;
    this.persist(file);
  }

  /**
   * The sidecar changed on disk (another editor, git): reload it and merge with what is in memory. An invalid
   * sidecar only sets the problem (memory keeps its tags, nothing is written); a valid one clears it. Returns
   * true when the file's tags, attributions or problem changed.
   */
  reload(path: string): boolean {
    const file = this.file(path);
    const read = readSidecar(file.sidecarPath);
    if (read.kind === 'invalid') {
      const changed = file.problem !== read.message;
      file.problem = read.message;
      return changed;
    }
    const hadProblem = file.problem !== null;
    file.problem = null;
    if (read.kind === 'missing') {
      // Deleted on disk: keep the tags we hold (nothing is lost) and write them back only if there are any.
      file.diskRaw = null;
      if (file.tags.length + file.attributions.length > 0 && !this.readOnly) this.persist(file);
      return hadProblem;
    }
    if (read.raw === file.diskRaw && !hadProblem) return false;
    const before = serializeSidecar(this.sidecarOf(file));
    this.absorb(file, read.sidecar, read.raw);
    const merged = serializeSidecar(this.sidecarOf(file));
    // Write back only what the disk lacks, so our own writes (echoed by the file watcher) cause no further write.
    if (!this.readOnly && merged !== serializeSidecar(this.sidecarFromDisk(read.sidecar, file))) this.persist(file);
    return hadProblem || merged !== before;
  }

  /** Merges a valid sidecar read from disk into memory. */
  private absorb(file: FileTags, disk: Sidecar, raw: string): void {
    file.diskRaw = raw;
    const placed = disk.tags.map((t) => this.place(file, t));
    file.tags = mergeTags({ memory: file.tags, disk: placed, removed: file.removedTags });
    file.attributions = mergeAttributions(file.attributions, disk.attributions, file.removedAttributions);
  }

  private sidecarFromDisk(disk: Sidecar, file: FileTags): Sidecar {
    return { ...disk, source: fingerprint(file.path, file.text), tags: disk.tags.map((t) => this.place(file, t)) };
  }

  private sidecarOf(file: FileTags): Sidecar {
    return { ...emptySidecar(file.path, file.text), tags: file.tags, attributions: file.attributions };
  }

  private persist(file: FileTags): void {
    if (this.readOnly) throw new TagStoreError('read-only', `${file.path}: ${this.readOnly}`);
    if (file.problem) throw new TagStoreError('invalid-sidecar', file.problem);
    // Under the sidecar's lock, re-read the disk just before writing: a sidecar broken since we read it must not be
    // overwritten, and one changed since (another editor, git, the CLI) is merged first, not clobbered. The lock
    // makes the read-merge-write one step, so concurrent writers never lose each other's tags.
    let written: string | null = null;
    try {
      updateFileLocked(file.sidecarPath, (raw) => {
        if (raw !== null) {
          const current = parseSidecar(raw, file.sidecarPath);
          if (current.kind === 'invalid') {
            file.problem = current.message;
            throw new TagStoreError('invalid-sidecar', current.message);
          }
          if (current.kind === 'ok' && raw !== file.diskRaw) this.absorb(file, current.sidecar, raw);
        } else if (file.tags.length === 0 && file.attributions.length === 0) {
          file.diskRaw = null; // nothing to keep: never create an empty sidecar
          return null;
        }
        const next = serializeSidecar(this.sidecarOf(file));
        if (next !== raw) written = next;
        return next;
      });
    } catch (err) {
      if (err instanceof TagStoreError) throw err;
      throw new TagStoreError('write-failed', (err as Error).message);
    }
    if (written !== null) file.diskRaw = written;
  }

  private place(file: FileTags, tag: StoredTag): StoredTag {
    const [position, quote] = tag.target.selector;
    const placement = reanchor(
      file.text,
      { start: position.start, end: position.end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      file.index,
    );
    if (placement.status === 'orphaned') {
      // Keep the words and context it was given: they are how it can be found again, and what the user sees.
      return { ...tag, status: 'orphaned' };
    }
    // "moved" stays visible until the user edits the tag, even once its new place is stored.
    const status: TagStatus = placement.status === 'moved' || tag.status === 'moved' || tag.status === 'orphaned' ? 'moved' : 'anchored';
    return withSpan(file, tag, placement.start, placement.end, status);
  }

  private remember(file: FileTags, step: UndoStep): void {
    file.undo = [...file.undo, step].slice(-MAX_UNDO);
  }

  /** Takes `remove` out of the file's corrections and puts `add` in, remembering removals for later merges. */
  private replaceAttributions(file: FileTags, remove: StoredAttribution[], add: StoredAttribution[]): void {
    const gone = new Set(remove.map(attributionKey));
    for (const key of gone) file.removedAttributions.add(key);
    for (const a of add) file.removedAttributions.delete(attributionKey(a));
    const adding = new Set(add.map(attributionKey));
    file.attributions = [...file.attributions.filter((a) => !gone.has(attributionKey(a)) && !adding.has(attributionKey(a))), ...add];
  }

  /** Applies a change and writes it; if the write is refused, memory goes back to how it was, so refused means undone. */
  private commit<T>(file: FileTags, change: () => T): T {
    const saved = {
      tags: file.tags,
      attributions: file.attributions,
      undo: [...file.undo],
      removedTags: new Map(file.removedTags),
      removedAttributions: new Set(file.removedAttributions),
      diskRaw: file.diskRaw,
    };
    try {
      const result = change();
      this.persist(file);
      return result;
    } catch (err) {
      Object.assign(file, saved);
      throw err;
    }
  }

  private find(file: FileTags, id: string): StoredTag {
    const tag = file.tags.find((t) => t.id === id);
    if (!tag) throw new TagStoreError('not-found', `${file.path}: no tag with id ${id}`);
    return tag;
  }

  private writable(path: string): FileTags {
    if (this.readOnly) throw new TagStoreError('read-only', `${path}: ${this.readOnly}`);
    const file = this.file(path);
    if (file.problem) throw new TagStoreError('invalid-sidecar', file.problem);
    return file;
  }

  private file(path: string): FileTags {
    const file = this.files.get(path);
    if (!file) throw new Error(`tag store: ${path} is not open`);
    return file;
  }

  private timestamp(): string {
    return this.now().toISOString();
  }
}

function withSpan(file: FileTags, tag: StoredTag, start: number, end: number, status: TagStatus): StoredTag {
  const span = describeSpan(file.text, start, end, file.index);
  return {
    ...tag,
    target: {
      selector: [
        { type: 'TextPositionSelector', start, end },
        { type: 'TextQuoteSelector', exact: span.exact, prefix: span.prefix, suffix: span.suffix },
      ],
    },
    status,
  };
}

function toPlaced(file: FileTags, tag: StoredTag): PlacedTag {
  const [position, quote] = tag.target.selector;
  const start = Math.min(position.start, file.index.length);
  const end = Math.max(start, Math.min(position.end, file.index.length));
  const placed: PlacedTag = {
    id: tag.id,
    tag: tag.tag,
    note: tag.note,
    created: tag.created,
    status: tag.status,
    start,
    end,
    text: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
  };
  if (tag.modified !== undefined) placed.modified = tag.modified;
  if (tag.creator !== undefined) placed.creator = tag.creator.name;
  return placed;
}

function cloneTag(tag: StoredTag): StoredTag {
  const [position, quote] = tag.target.selector;
  return { ...tag, target: { selector: [{ ...position }, { ...quote }] }, ...(tag.creator ? { creator: { ...tag.creator } } : {}) };
}
