// Semantic tokens for datelines, speakers, quotes and cues: non-overlapping, one token per line, full/delta/range.
import { SemanticTokensBuilder } from 'vscode-languageserver';
import type { Range, SemanticTokens, SemanticTokensDelta, SemanticTokensLegend } from 'vscode-languageserver';
import {
  SEMANTIC_TOKEN_MODIFIERS,
  SEMANTIC_TOKEN_TYPES,
  type SemanticTokenModifier,
  type SemanticTokenType,
} from '../../../shared/protocol';
import type { AnalyzedDocument, CodePointRange } from '../documents/analyzedDocument';
import { analyzeWindow, documentLine, windowLines } from '../documents/paragraphWindow';

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

function layersOf(doc: AnalyzedDocument): Layer[] {
  const { analysis } = doc;
  const layers: Layer[] = [];
  for (const q of analysis.quotes) {
    const modifiers: SemanticTokenModifier[] = [];
    if (q.speakerId === null) modifiers.push('unattributed');
    if (q.partial) modifiers.push('partial');
    layers.push({ start: q.start, end: q.end, type: 'quote', modifiers, priority: 0 });
    if (q.cue) layers.push({ start: q.cue.start, end: q.cue.end, type: 'cue', modifiers: [], priority: 2 });
  }
  for (const d of analysis.datelines) {
    layers.push({ start: d.start, end: d.end, type: 'dateline', modifiers: d.primary ? ['primary'] : [], priority: 1 });
  }
  for (const s of analysis.speakers) {
    for (const m of s.mentions) layers.push({ start: m.start, end: m.end, type: 'speaker', modifiers: [s.kind], priority: 3 });
  }
  return layers.filter((l) => l.end > l.start);
}

interface Segment extends CodePointRange {
  layer: Layer;
  tagged: boolean;
}

/** Cuts overlapping layers into disjoint segments, each owned by the highest layer covering it. */
function flatten(layers: Layer[], tagged: readonly CodePointRange[]): Segment[] {
  const cuts = new Set<number>();
  for (const r of [...layers, ...tagged]) { cuts.add(r.start); cuts.add(r.end); }
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
      l.priority > best.priority || (l.priority === best.priority && l.start > best.start) ? l : best);
    const isTagged = activeTags.length > 0;
    const last = segments[segments.length - 1];
    if (last && last.end === from && last.layer === owner && last.tagged === isTagged) last.end = to;
    else segments.push({ start: from, end: to, layer: owner, tagged: isTagged });
  }
  return segments;
}

/** Every token of the document, sorted, never overlapping; a segment crossing lines yields one token per line. */
export function computeTokens(doc: AnalyzedDocument, tagged: readonly CodePointRange[] = []): SeedToken[] {
  const text = doc.document.getText();
  const tokens: SeedToken[] = [];
  for (const segment of flatten(layersOf(doc), tagged)) {
    const modifiers = segment.tagged ? [...segment.layer.modifiers, 'tagged' as const] : segment.layer.modifiers;
    const startOffset = doc.toUtf16(segment.start);
    const endOffset = doc.toUtf16(segment.end);
    const start = doc.document.positionAt(startOffset);
    const end = doc.document.positionAt(endOffset);
    for (let line = start.line; line <= end.line; line++) {
      const lineStart = line === start.line ? startOffset : doc.document.offsetAt({ line, character: 0 });
      let lineEnd = line === end.line ? endOffset : doc.document.offsetAt({ line: line + 1, character: 0 });
      // The line break itself is not part of a token: a token may not run past the end of its line.
      while (lineEnd > lineStart && (text[lineEnd - 1] === '\n' || text[lineEnd - 1] === '\r')) lineEnd--;
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

function push(builder: SemanticTokensBuilder, tokens: readonly SeedToken[]): void {
  for (const t of tokens) {
    builder.push(t.line, t.character, t.length, SEMANTIC_TOKEN_TYPES.indexOf(t.type), encodeModifiers(t.modifiers));
  }
}

/** Decodes LSP token data with the legend: used by tests and by anyone checking what the server sent. */
export function decodeTokens(data: readonly number[]): SeedToken[] {
  const tokens: SeedToken[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    const modifiers = SEMANTIC_TOKEN_MODIFIERS.filter((_, bit) => (data[i + 4] & (1 << bit)) !== 0);
    tokens.push({ line, character, length: data[i + 2], type: SEMANTIC_TOKEN_TYPES[data[i + 3]], modifiers });
  }
  return tokens;
}

function overlaps(token: SeedToken, range: Range): boolean {
  const before = (l1: number, c1: number, l2: number, c2: number) => l1 < l2 || (l1 === l2 && c1 < c2);
  return before(token.line, token.character, range.end.line, range.end.character)
    && before(range.start.line, range.start.character, token.line, token.character + token.length);
}

/**
 * Answers full, delta and range requests. Keeps the last full result of each document so a delta request
 * that names it gets only the edits.
 */
export class SemanticTokensService {
  private readonly builders = new Map<string, SemanticTokensBuilder>();
  /** The last window of each oversized document, so that repeated range requests (scrolling back) cost nothing. */
  private readonly windows = new Map<string, { doc: AnalyzedDocument; start: number; end: number; tokens: SeedToken[] }>();

  constructor(private tagged?: TaggedRangesProvider) {}

  setTaggedRangesProvider(provider: TaggedRangesProvider | undefined): void {
    this.tagged = provider;
  }

  tokens(doc: AnalyzedDocument): SeedToken[] {
    return computeTokens(doc, this.tagged?.taggedRanges(doc.uri) ?? []);
  }

  full(doc: AnalyzedDocument): SemanticTokens {
    const builder = new SemanticTokensBuilder();
    push(builder, this.tokens(doc));
    this.builders.set(doc.uri, builder);
    return builder.build();
  }

  delta(doc: AnalyzedDocument, previousResultId: string): SemanticTokens | SemanticTokensDelta {
    const builder = this.builders.get(doc.uri);
    if (!builder || builder.id !== previousResultId) return this.full(doc);
    builder.previousResult(previousResultId);
    push(builder, this.tokens(doc));
    return builder.buildEdits();
  }

  /** A document too large to analyse gets the tokens of the paragraphs around the range, analysed on their own. */
  range(doc: AnalyzedDocument, range: Range): SemanticTokens {
    const builder = new SemanticTokensBuilder();
    push(builder, (doc.oversized ? this.windowTokens(doc, range) : this.tokens(doc)).filter((t) => overlaps(t, range)));
    return builder.build();
  }

  /** Drops the kept results of a closed document. */
  forget(uri: string): void {
    this.builders.delete(uri);
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
