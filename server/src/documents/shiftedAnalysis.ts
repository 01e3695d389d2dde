// Carries an analysis through one edit of its text without analyzing again: spans after the edit move with it,
// spans the edit touched are dropped (a quote with them when its cue or source was touched, since its attribution
// may no longer hold), and the layout's containers (paragraphs, body, title) stretch over it. What is left is true
// of the new text; what was dropped comes back with the analysis of the new text, which is already scheduled.
import type { Analysis, Dateline, Mention, Quote, Span, Speaker, Structure } from '../analysis/types';

/** The old text's [start, oldEnd) became [start, newEnd); in code points or in UTF-16 units, the same rules apply. */
export interface Edit {
  start: number;
  oldEnd: number;
  newEnd: number;
}

interface Range {
  start: number;
  end: number;
}

/** Whether the edit changed text inside the span: an insertion at either edge leaves the span as it was. */
export function touches(edit: Edit, span: Range): boolean {
  return edit.start === edit.oldEnd ? span.start < edit.start && edit.start < span.end : edit.start < span.end && edit.oldEnd > span.start;
}

/** A span the edit did not touch, moved when it lies after the edit (one before it stays the same object). */
function moved<T extends Range>(edit: Edit, span: T): T {
  const by = edit.newEnd - edit.oldEnd;
  return span.end <= edit.start || by === 0 ? span : { ...span, start: span.start + by, end: span.end + by };
}

/** Ranges carried through an edit, the touched ones dropped: the other half of a token or diagnostic table. */
export function shiftRanges<T extends Range>(edit: Edit, ranges: readonly T[]): T[] {
  return ranges.filter((r) => !touches(edit, r)).map((r) => moved(edit, r));
}

/** A container (paragraph, body, title) over the edit grows or shrinks with it; typing at its edge extends it. */
function stretched<T extends Range>(edit: Edit, range: T): T {
  const insertion = edit.start === edit.oldEnd;
  if (range.end < edit.start || (range.end === edit.start && !insertion)) return range;
  const by = edit.newEnd - edit.oldEnd;
  if (range.start > edit.oldEnd || (range.start === edit.oldEnd && !insertion))
    return by === 0 ? range : { ...range, start: range.start + by, end: range.end + by };
  return { ...range, start: Math.min(range.start, edit.start), end: Math.max(range.end + by, edit.newEnd) };
}

export interface ShiftedAnalysis {
  analysis: Analysis;
  /** The edit grown over every span it took with it: where something was dropped, before and after. */
  damaged: Edit;
}

/**
 * @param textOf the new text between two code points, for a title the edit changed.
 */
export function shiftAnalysis(analysis: Analysis, edit: Edit, textOf: (start: number, end: number) => string): ShiftedAnalysis {
  const damaged = { start: edit.start, end: edit.oldEnd };
  const drop = (span: Range) => {
    damaged.start = Math.min(damaged.start, span.start);
    damaged.end = Math.max(damaged.end, span.end);
  };
  const keep = (span: Range | null) => {
    if (span && touches(edit, span)) {
      drop(span);
      return false;
    }
    return true;
  };

  // One copying function a kind of span, so that each copy site sees one object shape (a 1 MB article has
  // thousands of spans after an edit, and a keystroke should cost milliseconds).
  const by = edit.newEnd - edit.oldEnd;
  const after = (span: Range) => span.end > edit.start && by !== 0;
  const moveMention = (m: Mention): Mention => (after(m) ? { ...m, start: m.start + by, end: m.end + by } : m);
  const moveSpan = (c: Span | null): Span | null => (c && after(c) ? { ...c, start: c.start + by, end: c.end + by } : c);
  const speakers: Speaker[] = [];
  const gone = new Set<string>();
  for (const speaker of analysis.speakers) {
    const mentions = speaker.mentions.filter(keep);
    if (mentions.length === 0) {
      gone.add(speaker.id);
      continue;
    }
    const unchanged = mentions.length === speaker.mentions.length && !mentions.some(after);
    speakers.push(unchanged ? speaker : { ...speaker, mentions: mentions.map(moveMention) });
  }
  const quotes: Quote[] = [];
  for (const quote of analysis.quotes) {
    const kept = keep(quote) && keep(quote.cue) && keep(quote.source);
    if (!kept || (quote.speakerId !== null && gone.has(quote.speakerId))) {
      // Its cue's token goes with it.
      for (const part of [quote, quote.cue, quote.source]) if (part) drop(part);
      continue;
    }
    const moves = after(quote) || (quote.cue !== null && after(quote.cue)) || (quote.source !== null && after(quote.source));
    quotes.push(
      moves
        ? {
            ...quote,
            start: quote.start + (after(quote) ? by : 0),
            end: quote.end + (after(quote) ? by : 0),
            cue: moveSpan(quote.cue),
            source: moveSpan(quote.source),
          }
        : quote,
    );
  }
  const datelines: Dateline[] = analysis.datelines.filter(keep).map((d) => (after(d) ? { ...d, start: d.start + by, end: d.end + by } : d));
  const structure = shiftStructure(analysis.structure, edit, textOf);
  return {
    analysis: { title: structure.title?.text ?? null, datelines, speakers, quotes, structure },
    damaged: { start: damaged.start, oldEnd: damaged.end, newEnd: damaged.end + by },
  };
}

function shiftStructure(structure: Structure, edit: Edit, textOf: (start: number, end: number) => string): Structure {
  const stretchedTitle = structure.title && stretched(edit, structure.title);
  const title: Span | null =
    stretchedTitle === structure.title || !stretchedTitle
      ? stretchedTitle
      : { ...stretchedTitle, text: textOf(stretchedTitle.start, stretchedTitle.end) };
  // Paragraphs the edit joins (a blank line deleted) become one.
  const paragraphs: Range[] = [];
  for (const paragraph of structure.paragraphs) {
    const p = stretched(edit, paragraph);
    const last = paragraphs[paragraphs.length - 1];
    if (last && p.start < last.end) paragraphs[paragraphs.length - 1] = { start: last.start, end: Math.max(last.end, p.end) };
    else paragraphs.push(p);
  }
  const boilerplateStart =
    structure.boilerplateStart === null
      ? null
      : structure.boilerplateStart >= edit.oldEnd
        ? structure.boilerplateStart + edit.newEnd - edit.oldEnd
        : structure.boilerplateStart > edit.start
          ? edit.start
          : structure.boilerplateStart;
  return { title, body: stretched(edit, structure.body), paragraphs, boilerplateStart };
}
