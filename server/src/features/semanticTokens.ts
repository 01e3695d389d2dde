// Semantic tokens for datelines, speakers, quotes and cues: non-overlapping, one token per line, full/delta/range.
// After a keystroke the previous tokens are carried through the edit (those it touched recomputed from the carried
// analysis), so a delta request right after it costs a walk over the token table, not an analysis.
import type { Position, Range, SemanticTokens, SemanticTokensDelta, SemanticTokensEdit, SemanticTokensLegend } from 'vscode-languageserver';
import {
  SEMANTIC_TOKEN_MODIFIERS,
  SEMANTIC_TOKEN_TYPES,
  type SemanticTokenModifier,
  type SemanticTokenType,
} from '../../../shared/protocol';
import type { AnalyzedDocument, CodePointRange } from '../documents/analyzedDocument';
import type { CarriedDocument } from '../documents/carriedDocument';
import { analyzeWindow, documentLine, windowLines } from '../documents/paragraphWindow';
import { contentOf } from '../documents/textSnapshot';

export const legend: SemanticTokensLegend = {
  tokenTypes: [...SEMANTIC_TOKEN_TYPES],
  tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS],
};

/** Gives the code-point ranges of a document that carry tags; the tag store implements it (issue 5). */
export interface TaggedRangesProvider {
  taggedRanges(uri: string): readonly CodePointRange[];
}

/** A decoded token: what `semanticTokens/full` encodes, one entry per line piece. */
export interface SeedToken {
  line: number;
  character: number;
  /** In UTF-16 code units, as LSP counts. */
  length: number;
  type: SemanticTokenType;
  modifiers: SemanticTokenModifier[];
}

interface Layer extends CodePointRange {
  type: SemanticTokenType;
  modifiers: SemanticTokenModifier[];
  /** Higher layers cover lower ones where they overlap: a speaker inside a quote splits the quote. */
  priority: number;
}

/** Whether a span overlaps the region (every span does when there is none). */
const within = (span: CodePointRange, region: CodePointRange | undefined) =>
  !region || (span.start < region.end && span.end > region.start);

/** The layers of the document, or of a region of it (clipped to the region). */
function layersOf(doc: AnalyzedDocument, region?: CodePointRange): Layer[] {
  const analysis = region ? doc.analysisNear(region) : doc.analysis;
  const layers: Layer[] = [];
  for (const q of analysis.quotes) {
    if (!within(q, region) && !(q.cue && within(q.cue, region))) continue;
    const modifiers: SemanticTokenModifier[] = [];
    if (q.speakerId === null) modifiers.push('unattributed');
    if (q.partial) modifiers.push('partial');
    layers.push({ start: q.start, end: q.end, type: 'quote', modifiers, priority: 0 });
    if (q.cue) layers.push({ start: q.cue.start, end: q.cue.end, type: 'cue', modifiers: [], priority: 2 });
  }
  for (const d of analysis.datelines) {
    if (!within(d, region)) continue;
    layers.push({ start: d.start, end: d.end, type: 'dateline', modifiers: d.primary ? ['primary'] : [], priority: 1 });
  }
  for (const s of analysis.speakers) {
    for (const m of s.mentions)
      if (within(m, region)) layers.push({ start: m.start, end: m.end, type: 'speaker', modifiers: [s.kind], priority: 3 });
  }
  if (!region) return layers.filter((l) => l.end > l.start);
  return layers
    .map((l) => ({ ...l, start: Math.max(l.start, region.start), end: Math.min(l.end, region.end) }))
    .filter((l) => l.end > l.start);
}

interface Segment extends CodePointRange {
  layer: Layer;
  tagged: boolean;
}

/** Cuts overlapping layers into disjoint segments, each owned by the highest layer covering it. */
function flatten(layers: Layer[], tagged: readonly CodePointRange[]): Segment[] {
  const cuts = new Set<number>();
  for (const r of [...layers, ...tagged]) {
    cuts.add(r.start);
    cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...layers].sort((a, b) => a.start - b.start);
  const tags = [...tagged].filter((t) => t.end > t.start).sort((a, b) => a.start - b.start);
  let active: Layer[] = [];
  let activeTags: CodePointRange[] = [];
  let nextLayer = 0;
  let nextTag = 0;
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i];
    const to = points[i + 1];
    while (nextLayer < byStart.length && byStart[nextLayer].start <= from) active.push(byStart[nextLayer++]);
    while (nextTag < tags.length && tags[nextTag].start <= from) activeTags.push(tags[nextTag++]);
    active = active.filter((l) => l.end > from);
    activeTags = activeTags.filter((t) => t.end > from);
    if (active.length === 0) continue;
    // Among equals, the innermost (latest-starting) layer wins, so a nested span stays visible.
    const owner = active.reduce((best, l) =>
      l.priority > best.priority || (l.priority === best.priority && l.start > best.start) ? l : best,
    );
    const isTagged = activeTags.length > 0;
    const last = segments[segments.length - 1];
    if (last && last.end === from && last.layer === owner && last.tagged === isTagged) last.end = to;
    else segments.push({ start: from, end: to, layer: owner, tagged: isTagged });
  }
  return segments;
}

/**
 * Every token of the document, sorted, never overlapping; a segment crossing lines yields one token per line.
 * @param region only the tokens of this stretch (code points), cut at its edges.
 */
export function computeTokens(doc: AnalyzedDocument, tagged: readonly CodePointRange[] = [], region?: CodePointRange): SeedToken[] {
  // Read character by character: an edited document's text is not joined into one string for a keystroke's tokens.
  const text = contentOf(doc.document);
  const tokens: SeedToken[] = [];
  const tags = region ? tagged.filter((t) => within(t, region)) : tagged;
  for (const segment of flatten(layersOf(doc, region), tags)) {
    const modifiers = segment.tagged ? [...segment.layer.modifiers, 'tagged' as const] : segment.layer.modifiers;
    const startOffset = doc.toUtf16(segment.start);
    const endOffset = doc.toUtf16(segment.end);
    const start = doc.document.positionAt(startOffset);
    const end = doc.document.positionAt(endOffset);
    for (let line = start.line; line <= end.line; line++) {
      const lineStart = line === start.line ? startOffset : doc.document.offsetAt({ line, character: 0 });
      let lineEnd = line === end.line ? endOffset : doc.document.offsetAt({ line: line + 1, character: 0 });
      // The line break itself is not part of a token: a token may not run past the end of its line.
      while (lineEnd > lineStart && (text.charCodeAt(lineEnd - 1) === 10 || text.charCodeAt(lineEnd - 1) === 13)) lineEnd--;
      if (lineEnd <= lineStart) continue;
      const character = line === start.line ? start.character : 0;
      tokens.push({ line, character, length: lineEnd - lineStart, type: segment.layer.type, modifiers });
    }
  }
  return tokens;
}

function encodeModifiers(modifiers: readonly SemanticTokenModifier[]): number {
  let bits = 0;
  for (const m of modifiers) bits |= 1 << SEMANTIC_TOKEN_MODIFIERS.indexOf(m);
  return bits;
}

/**
 * The LSP encoding: five numbers a token, its line and start relative to the token before.
 * @param from the first token encoded (the one before it is where the first is counted from), `to` after the last.
 */
function encode(tokens: readonly SeedToken[], from = 0, to = tokens.length): number[] {
  const data = new Array<number>((to - from) * 5);
  let line = from > 0 ? tokens[from - 1].line : 0;
  let character = from > 0 ? tokens[from - 1].character : 0;
  // The tokens of one layer share their modifier list: encoded once.
  let modifiers: readonly SemanticTokenModifier[] | undefined;
  let bits = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (t.modifiers !== modifiers) {
      modifiers = t.modifiers;
      bits = encodeModifiers(modifiers);
    }
    const at = (i - from) * 5;
    data[at] = t.line - line;
    data[at + 1] = t.line === line ? t.character - character : t.character;
    data[at + 2] = t.length;
    data[at + 3] = SEMANTIC_TOKEN_TYPES.indexOf(t.type);
    data[at + 4] = bits;
    line = t.line;
    character = t.character;
  }
  return data;
}

/** One edit turning `before` into `after`: what lies between their common beginning and common end. */
function dataEdits(before: Uint32Array, after: Uint32Array): SemanticTokensEdit[] {
  let head = 0;
  const shorter = Math.min(before.length, after.length);
  while (head < shorter && before[head] === after[head]) head++;
  if (head === before.length && head === after.length) return [];
  let tail = 0;
  while (tail < shorter - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return [{ start: head, deleteCount: before.length - head - tail, data: Array.from(after.subarray(head, after.length - tail)) }];
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);

/** Position (l1, c1) comes before (l2, c2). */
const precedes = (l1: number, c1: number, l2: number, c2: number) => l1 < l2 || (l1 === l2 && c1 < c2);

/**
 * Tokens carried from one text to the next: those wholly before `from` stay, those wholly after `to` (old text)
 * move to end where they ended relative to `toAfter` (new text), the rest are dropped. Also says where the dropped
 * ones began and ended, so that the stretch can be filled again. The tokens are sorted and never overlap, so their
 * ends are sorted too: the ones that stay are found by a binary search, and only the dropped ones are walked.
 */
function carryTokens(
  tokens: readonly SeedToken[],
  from: Position,
  to: Position,
  toAfter: Position,
): { kept: SeedToken[]; next: number; dropped: number; reach: Position } {
  // The first token ending after `from`.
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const t = tokens[mid];
    if (precedes(from.line, from.character, t.line, t.character + t.length)) high = mid;
    else low = mid + 1;
  }
  const next = low;
  let reach = to;
  let resumed = next;
  for (; resumed < tokens.length; resumed++) {
    const t = tokens[resumed];
    if (!precedes(t.line, t.character, to.line, to.character) && !precedes(t.line, t.character, reach.line, reach.character)) break;
    if (precedes(reach.line, reach.character, t.line, t.character + t.length)) reach = { line: t.line, character: t.character + t.length };
  }
  const lines = toAfter.line - to.line;
  const kept = new Array<SeedToken>(next + tokens.length - resumed);
  for (let i = 0; i < next; i++) kept[i] = tokens[i];
  for (let i = resumed, at = next; i < tokens.length; i++, at++) {
    const t = tokens[i];
    if (t.line === to.line) kept[at] = { ...t, line: t.line + lines, character: t.character - to.character + toAfter.character };
    else kept[at] = lines === 0 ? t : { ...t, line: t.line + lines };
  }
  return { kept, next, dropped: resumed - next, reach };
}

/**
 * The encoding of `tokens`, made from `base` (that of the tokens before an edit) without encoding it all again:
 * `tokens` are the first `before` tokens of the old table, `filled` new ones, then the old table's tokens after the
 * `dropped` ones, moved. Moved tokens keep their relative encoding, except the first, which now follows another.
 */
function spliced(
  base: Uint32Array,
  tokens: readonly SeedToken[],
  before: number,
  dropped: number,
  filled: number,
): { data: Uint32Array; splice: { base: Uint32Array; edit: SemanticTokensEdit } } {
  const oldCount = base.length / 5;
  const resumed = before + dropped; // the first moved token, in the old table
  const recoded = Math.min(before + filled + 1, tokens.length); // through the first moved token, in the new one
  const middle = encode(tokens, before, recoded);
  const tail = Math.min(resumed + 1, oldCount);
  const edit: SemanticTokensEdit = { start: before * 5, deleteCount: (tail - before) * 5, data: middle };
  // Copied as typed arrays are: a keystroke in a long article moves tens of thousands of numbers.
  const data = new Uint32Array(base.length + middle.length - (tail - before) * 5);
  data.set(base.subarray(0, before * 5));
  data.set(middle, before * 5);
  data.set(base.subarray(tail * 5), before * 5 + middle.length);
  return { data, splice: { base, edit } };
}

/** The LSP encoding of whole token lists (tests compare carried encodings with it). */
export function encodeTokens(tokens: readonly SeedToken[]): number[] {
  return encode(tokens);
}

/** A kept table's tokens, decoded from its data when it came encoded. */
function tokensOf(kept: KeptTokens): SeedToken[] {
  kept.tokens ??= decodeTokens(kept.data!);
  return kept.tokens;
}

/** Decodes LSP token data with the legend: the tokens the analysis worker sent, and what tests check. */
export function decodeTokens(data: ArrayLike<number>): SeedToken[] {
  const tokens: SeedToken[] = [];
  let line = 0;
  let character = 0;
  // Tokens with the same modifier bits share one list, as computed tokens of one layer do.
  const lists = new Map<number, SemanticTokenModifier[]>();
  for (let i = 0; i + 4 < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    const bits = data[i + 4];
    let modifiers = lists.get(bits);
    if (!modifiers) {
      modifiers = SEMANTIC_TOKEN_MODIFIERS.filter((_, bit) => (bits & (1 << bit)) !== 0);
      lists.set(bits, modifiers);
    }
    tokens.push({ line, character, length: data[i + 2], type: SEMANTIC_TOKEN_TYPES[data[i + 3]], modifiers });
  }
  return tokens;
}

function overlaps(token: SeedToken, range: Range): boolean {
  const before = (l1: number, c1: number, l2: number, c2: number) => l1 < l2 || (l1 === l2 && c1 < c2);
  return (
    before(token.line, token.character, range.end.line, range.end.character) &&
    before(range.start.line, range.start.character, token.line, token.character + token.length)
  );
}

/** A document's tokens, their encoding, and when carried through an edit, the one data edit that made it. */
interface KeptTokens {
  doc: AnalyzedDocument;
  /** Decoded from `data` when first needed, for tokens the analysis worker sent encoded. */
  tokens?: SeedToken[];
  /** `tokens` encoded, made once (a carried table is spliced from the one before, not encoded again). */
  data?: Uint32Array;
  /** The edit that turned `base` (the encoding before the keystroke) into `data`: a delta against it is this edit. */
  splice?: { base: Uint32Array; edit: SemanticTokensEdit };
}

/** Results kept per document for delta requests (each is the document's token table, shared when unchanged). */
const SENT_KEPT = 4;

/**
 * Answers full, delta and range requests. Keeps the tokens of each document's latest analysis (computed, or carried
 * through an edit) and the last few results sent, so a delta request that names one gets only the edits.
 */
export class SemanticTokensService {
  private readonly kept = new Map<string, KeptTokens>();
  /**
   * The last results sent or named for each document, most recent last: an editor whose requests were overtaken
   * asks for a delta against an older one, which then costs a comparison instead of the whole table again.
   */
  private readonly sent = new Map<string, { resultId: string; data: Uint32Array }[]>();
  private lastResultId = 0;
  /** The last window of each oversized document, so that repeated range requests (scrolling back) cost nothing. */
  private readonly windows = new Map<string, { doc: AnalyzedDocument; start: number; end: number; tokens: SeedToken[] }>();

  constructor(private tagged?: TaggedRangesProvider) {}

  setTaggedRangesProvider(provider: TaggedRangesProvider | undefined): void {
    this.tagged = provider;
  }

  tokens(doc: AnalyzedDocument): SeedToken[] {
    return tokensOf(this.keptFor(doc));
  }

  /** The tagged ranges of a document, as its tokens mark them (the analysis worker reads them here). */
  taggedRanges(uri: string): readonly CodePointRange[] {
    return this.tagged?.taggedRanges(uri) ?? [];
  }

  /** The encoded tokens of the document: kept, or encoded once. */
  private data(doc: AnalyzedDocument): Uint32Array {
    const kept = this.keptFor(doc);
    kept.data ??= Uint32Array.from(encode(tokensOf(kept)));
    return kept.data;
  }

  private keptFor(doc: AnalyzedDocument): KeptTokens {
    const kept = this.kept.get(doc.uri);
    if (kept?.doc === doc) return kept;
    const fresh: KeptTokens = doc.encodedTokens
      ? { doc, data: doc.encodedTokens }
      : { doc, tokens: computeTokens(doc, this.tagged?.taggedRanges(doc.uri) ?? []) };
    this.kept.set(doc.uri, fresh);
    return fresh;
  }

  /**
   * The document was carried through an edit: its kept tokens follow, and the stretch the edit damaged (grown to
   * the tokens it cut into) is computed again from the carried analysis. Nothing kept for the text before: nothing
   * to do, the tokens are computed when asked for.
   */
  carry({ before: old, after: doc, damaged }: CarriedDocument): void {
    const kept = this.kept.get(doc.uri);
    if (kept?.doc !== old) return;
    const keptTokens = tokensOf(kept);
    const from = old.positionAt(damaged.start);
    const to = old.positionAt(damaged.oldEnd);
    const toAfter = doc.positionAt(damaged.newEnd);
    const carried = carryTokens(keptTokens, from, to, toAfter);
    // Tokens cut by the damaged stretch are computed again whole: the stretch grows to where they began and ended.
    const firstCut = keptTokens[carried.next] as SeedToken | undefined;
    const start =
      firstCut && before({ line: firstCut.line, character: firstCut.character }, from)
        ? old.offsetAt({ line: firstCut.line, character: firstCut.character })
        : damaged.start;
    const reach =
      carried.reach.line === to.line
        ? { line: toAfter.line, character: carried.reach.character - to.character + toAfter.character }
        : { line: carried.reach.line + toAfter.line - to.line, character: carried.reach.character };
    const end = Math.max(doc.offsetAt(reach), damaged.newEnd);
    const filled = computeTokens(doc, this.tagged?.taggedRanges(doc.uri) ?? [], { start, end });
    const head = carried.next;
    const tokens = carried.kept;
    tokens.splice(head, 0, ...filled);
    const dropped = carried.dropped;
    this.kept.set(doc.uri, { doc, tokens, ...(kept.data ? spliced(kept.data, tokens, head, dropped, filled.length) : {}) });
  }

  full(doc: AnalyzedDocument): SemanticTokens {
    const result = this.send(doc);
    return { resultId: result.resultId, data: Array.from(result.data) };
  }

  /** A new result id for the document's current data, remembered as what the editor now holds. */
  private send(doc: AnalyzedDocument): { resultId: string; data: Uint32Array } {
    const result = { resultId: String(++this.lastResultId), data: this.data(doc) };
    const sent = this.sent.get(doc.uri) ?? [];
    sent.push(result);
    if (sent.length > SENT_KEPT) sent.shift();
    this.sent.set(doc.uri, sent);
    return result;
  }

  delta(doc: AnalyzedDocument, previousResultId: string): SemanticTokens | SemanticTokensDelta {
    const sent = this.sent.get(doc.uri) ?? [];
    const at = sent.findIndex((r) => r.resultId === previousResultId);
    if (at < 0) return this.full(doc);
    // What the editor holds stays kept while it keeps naming it (its requests overtaken by keystrokes).
    const [previous] = sent.splice(at, 1);
    sent.push(previous);
    const result = this.send(doc);
    // Right after a keystroke the editor holds the data before it: the splice that carried it is the delta.
    const splice = this.kept.get(doc.uri)?.splice;
    if (splice?.base === previous.data) return { resultId: result.resultId, edits: previous.data === result.data ? [] : [splice.edit] };
    return { resultId: result.resultId, edits: dataEdits(previous.data, result.data) };
  }

  /** A document too large to analyze gets the tokens of the paragraphs around the range, analyzed on their own. */
  range(doc: AnalyzedDocument, range: Range): SemanticTokens {
    const tokens = (doc.oversized ? this.windowTokens(doc, range) : this.tokens(doc)).filter((t) => overlaps(t, range));
    return { data: encode(tokens) };
  }

  /** Drops the kept results of a closed document. */
  forget(uri: string): void {
    this.kept.delete(uri);
    this.sent.delete(uri);
    this.windows.delete(uri);
  }

  /**
   * The tagged ranges in the window's own code points (`shift` = document offset of the part's offset 0), for a file
   * under the ceiling may be tagged; a range past the window's end marks nothing, as no token lies there.
   */
  private taggedIn(doc: AnalyzedDocument, shift: number): CodePointRange[] {
    const tagged = this.tagged?.taggedRanges(doc.uri) ?? [];
    return tagged.filter((r) => r.end > shift).map((r) => ({ start: Math.max(r.start - shift, 0), end: r.end - shift }));
  }

  private windowTokens(doc: AnalyzedDocument, range: Range): SeedToken[] {
    const { start, end } = windowLines(doc.document, range);
    const kept = this.windows.get(doc.uri);
    if (kept && kept.doc === doc && kept.start === start && kept.end === end) return kept.tokens;
    const window = analyzeWindow(doc.document, { start, end });
    // The heading is ASCII: as many code points as UTF-16 units.
    const shift = doc.offsetAt({ line: window.firstLine, character: 0 }) - window.heading.length;
    const tokens = computeTokens(window.part, this.taggedIn(doc, shift))
      .map((t) => ({ ...t, line: documentLine(window, t.line) }))
      .filter((t) => t.line >= 0);
    this.windows.set(doc.uri, { doc, start, end, tokens });
    return tokens;
  }
}
