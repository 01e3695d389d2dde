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
    // Counted first: most speakers are untouched and wholly before or after the edit, and need no new array.
    let touched = 0;
    let moves = false;
    for (const m of speaker.mentions) {
      if (touches(edit, m)) touched++;
      else if (after(m)) moves = true;
    }
    if (touched === 0 && !moves) {
      speakers.push(speaker);
      continue;
    }
    if (touched === speaker.mentions.length) {
      for (const m of speaker.mentions) drop(m);
      gone.add(speaker.id);
      continue;
    }
    const mentions: Mention[] = [];
    for (const m of speaker.mentions) {
      if (touched > 0 && touches(edit, m)) drop(m);
      else mentions.push(moveMention(m));
    }
    speakers.push({ ...speaker, mentions });
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
  const datelines: Dateline[] = [];
  for (const d of analysis.datelines) if (keep(d)) datelines.push(after(d) ? { ...d, start: d.start + by, end: d.end + by } : d);
  const structure = shiftStructure(analysis.structure, edit, textOf);
  return {
    analysis: { title: structure.title?.text ?? null, datelines, speakers, quotes, structure },
    damaged: { start: damaged.start, oldEnd: damaged.end, newEnd: damaged.end + by },
  };
}

/** @param textOf the new text, for a title the edit changed; null: the caller sets the title's text itself. */
function shiftStructure(structure: Structure, edit: Edit, textOf: ((start: number, end: number) => string) | null): Structure {
  const stretchedTitle = structure.title && stretched(edit, structure.title);
  const title: Span | null =
    stretchedTitle === structure.title || !stretchedTitle || !textOf
      ? stretchedTitle
      : { ...stretchedTitle, text: textOf(stretchedTitle.start, stretchedTitle.end) };
  // Paragraphs the edit joins (a blank line deleted) become one.
  const paragraphs: Range[] = [];
  const by = edit.newEnd - edit.oldEnd;
  for (const paragraph of structure.paragraphs) {
    // Paragraphs are plain ranges: one wholly after the edit is moved without the general (spreading) copy.
    const p =
      paragraph.start > edit.oldEnd && by !== 0 ? { start: paragraph.start + by, end: paragraph.end + by } : stretched(edit, paragraph);
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

// ── Edits carried lazily ─────────────────────────────────────────────────────────────────────────────────────
// A keystroke should cost milliseconds whatever the length of the article: copying every span after it (thousands
// in a long article) is what `shiftAnalysis` does, and a burst of keystrokes would copy them again and again. A
// carried document therefore keeps the analysis it came from and the edits since; the damage of each edit is found
// by a scan that copies nothing, and the spans are copied once, through all the edits at once, when a request
// reads the whole analysis (`carryAll`). Both give what `shiftAnalysis` applied edit by edit gives.

/** The span's place after the edits so far: set by `through`, read right after it (no object per span). */
let placedStart = 0;
let placedEnd = 0;

/** Where `edits[0, count)` reach, in the coordinates before them: most spans lie wholly before or after that. */
interface Reach {
  count: number;
  /** A span ending at or before this is before every edit: none moves or touches it. */
  before: number;
  /** A span starting after this is after every edit: each moves it, none touches it. */
  after: number;
  /** How far the edits move a span after them all. */
  by: number;
}

function reachOf(edits: readonly Edit[], count: number): Reach {
  let before = Infinity;
  let after = -Infinity;
  let by = 0;
  for (let i = 0; i < count; i++) {
    const edit = edits[i];
    // A position of the first text moved by every edit before this one lies `by` further on.
    before = Math.min(before, edit.start - Math.max(by, 0));
    after = Math.max(after, edit.oldEnd - by);
    by += edit.newEnd - edit.oldEnd;
  }
  return { count, before, after, by };
}

/** Takes [start, end) through `edits[0, reach.count)`: false once one touched it, else its place in `placed*`. */
function through(edits: readonly Edit[], reach: Reach, start: number, end: number): boolean {
  if (end <= reach.before || start > reach.after) {
    const by = start > reach.after ? reach.by : 0;
    placedStart = start + by;
    placedEnd = end + by;
    return true;
  }
  const count = reach.count;
  for (let i = 0; i < count; i++) {
    const edit = edits[i];
    if (edit.start === edit.oldEnd ? start < edit.start && edit.start < end : edit.start < end && edit.oldEnd > start) return false;
    const by = edit.newEnd - edit.oldEnd;
    if (end > edit.start && by !== 0) {
      start += by;
      end += by;
    }
  }
  placedStart = start;
  placedEnd = end;
  return true;
}

/**
 * What the last of `edits` damaged: that edit grown over every span it took with it (the spans taken through the
 * edits before it), in the coordinates before and after it, as `shiftAnalysis` of that edit reports it.
 */
export function damageOf(analysis: Analysis, edits: readonly Edit[]): Edit {
  const last = edits.length - 1;
  const edit = edits[last];
  let start = edit.start;
  let end = edit.oldEnd;
  const grow = () => {
    if (placedStart < start) start = placedStart;
    if (placedEnd > end) end = placedEnd;
  };
  const hit = () => touches(edit, { start: placedStart, end: placedEnd });
  const reach = reachOf(edits, last);
  const goneBefore = new Set<string>();
  const goneNow = new Set<string>();
  for (const speaker of analysis.speakers) {
    let kept = 0;
    let survives = 0;
    for (const m of speaker.mentions) {
      if (!through(edits, reach, m.start, m.end)) continue;
      kept++;
      if (hit()) grow();
      else survives++;
    }
    if (kept === 0) goneBefore.add(speaker.id);
    else if (survives === 0) goneNow.add(speaker.id);
  }
  for (const quote of analysis.quotes) {
    if (quote.speakerId !== null && goneBefore.has(quote.speakerId)) continue;
    const parts = [quote, quote.cue, quote.source];
    let keptSoFar = true;
    let touched = quote.speakerId !== null && goneNow.has(quote.speakerId);
    for (const part of parts) {
      if (!part) continue;
      if (!through(edits, reach, part.start, part.end)) keptSoFar = false;
      else if (hit()) touched = true;
    }
    if (!keptSoFar || !touched) continue;
    for (const part of parts) if (part && through(edits, reach, part.start, part.end)) grow();
  }
  for (const d of analysis.datelines) if (through(edits, reach, d.start, d.end) && hit()) grow();
  return { start, oldEnd: end, newEnd: end + edit.newEnd - edit.oldEnd };
}

/**
 * The analysis after all of `edits`, copied once: what `shiftAnalysis` gives applied edit by edit.
 * @param textOf the new text between two code points, for a title the edits changed.
 * @param region only the spans that end up overlapping it (the structure then stays as it was): what the tokens of
 * a stretch need, without copying the rest.
 * @param speakerId only the quotes of that speaker, and no mention nor dateline (the structure stays as it was):
 * what a hover on a speaker lists.
 */
export function carryAll(
  analysis: Analysis,
  edits: readonly Edit[],
  textOf: (start: number, end: number) => string,
  region?: Range,
  speakerId?: string,
): Analysis {
  const reach = reachOf(edits, edits.length);
  const wanted = () => speakerId === undefined && (!region || (placedStart < region.end && placedEnd > region.start));
  const speakers: Speaker[] = [];
  const gone = new Set<string>();
  for (const speaker of analysis.speakers) {
    const mentions: Mention[] = [];
    let kept = 0;
    let same = true;
    for (const m of speaker.mentions) {
      if (!through(edits, reach, m.start, m.end)) {
        same = false;
        continue;
      }
      kept++;
      if (!wanted()) {
        same = false;
        continue;
      }
      if (placedStart === m.start) mentions.push(m);
      else {
        mentions.push({ ...m, start: placedStart, end: placedEnd });
        same = false;
      }
    }
    if (kept === 0) gone.add(speaker.id);
    else if (mentions.length > 0) speakers.push(same ? speaker : { ...speaker, mentions });
  }
  const quotes: Quote[] = [];
  for (const quote of analysis.quotes) {
    if (quote.speakerId !== null && gone.has(quote.speakerId)) continue;
    if (speakerId !== undefined && quote.speakerId !== speakerId) continue;
    // Where the cue and source go, without copying them yet: most quotes lie outside a region.
    const { cue, source } = quote;
    if (cue && !through(edits, reach, cue.start, cue.end)) continue;
    const cueStart = placedStart;
    const cueEnd = placedEnd;
    if (source && !through(edits, reach, source.start, source.end)) continue;
    const sourceStart = placedStart;
    const sourceEnd = placedEnd;
    if (!through(edits, reach, quote.start, quote.end)) continue;
    if (region && !wanted() && !(cue && cueStart < region.end && cueEnd > region.start)) continue;
    const movedCue = cue && cueStart !== cue.start ? { ...cue, start: cueStart, end: cueEnd } : cue;
    const movedSource = source && sourceStart !== source.start ? { ...source, start: sourceStart, end: sourceEnd } : source;
    quotes.push(
      placedStart === quote.start && movedCue === cue && movedSource === source
        ? quote
        : { ...quote, start: placedStart, end: placedEnd, cue: movedCue, source: movedSource },
    );
  }
  const datelines: Dateline[] = [];
  for (const d of analysis.datelines) {
    if (!through(edits, reach, d.start, d.end) || !wanted()) continue;
    datelines.push(placedStart === d.start ? d : { ...d, start: placedStart, end: placedEnd });
  }
  if (region || speakerId !== undefined) return { title: analysis.title, datelines, speakers, quotes, structure: analysis.structure };
  let structure = analysis.structure;
  for (const edit of edits) structure = shiftStructure(structure, edit, null);
  if (structure.title && structure.title !== analysis.structure.title) {
    structure = { ...structure, title: { ...structure.title, text: textOf(structure.title.start, structure.title.end) } };
  }
  return { title: structure.title?.text ?? null, datelines, speakers, quotes, structure };
}
