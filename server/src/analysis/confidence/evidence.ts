// What an attribution rests on, read back from a finished Analysis: the cue and its kind, how the source is
// mentioned, how far the cue stands from the quote, whether the quote only continues an earlier one. Pure; the
// mapping from this evidence to a number is in mapping.ts.
import type { Analysis, AttributionOverride, MentionForm, Quote, Speaker, SpeakerKind } from '../types';
import { bareQuoteText } from '../corrections/notQuotes';
import { ANY_STYLE_OPENING_MARKS } from '../lexicon/quoteMarks';
import { givenNameGender, type Gender } from '../lexicon/givenNames';
import { isOrganizationHead } from '../lexicon/gazetteer';
import { BOLD } from '../quotes/boldInterview';

/** The kind of cue that carries the attribution. */
export type CueKind =
  /** A reporting verb or phrase: said, told reporters, wrote, asked, called … */
  | 'verb'
  /** "according to X" */
  | 'according'
  /** A colon with no verb in front of the quote ("Abedin's reply: “…”", "Jane Roe, The Planet: “…”"). */
  | 'colon'
  /** A transcript turn: the speaker label's colon, and words with no quote marks ("MS. VANCE: We …"). */
  | 'transcript'
  /** A sentence with no speech verb of its own that hands over to the quote ("Ortiz disagreed. “…”", "Roe took to X: “…”"). */
  | 'lead';

/** Marks that open a quotation; a quote without one is a transcript turn. */
const OPENING_MARKS = ANY_STYLE_OPENING_MARKS;

/** Where the cue stands relative to the quote. */
export type Placement = 'sentence' | 'paragraph' | 'farther';

export interface AttributionEvidence {
  /** The analyst named the speaker in the sidecar: nothing to weigh. */
  override: boolean;
  /** Null when the speaker was carried over without a cue of its own (a continuation paragraph). */
  cue: CueKind | null;
  /** How the source is mentioned at the cue; null when there is no source mention. */
  source: MentionForm | null;
  placement: Placement | null;
  /** Characters between the quote and its cue (0 when they touch); null without a cue. */
  distance: number | null;
  partial: boolean;
  speakerKind: SpeakerKind;
  /** Other speakers of the same kind mentioned from the previous paragraph up to the cue: who else it could be. */
  rivals: number;
  /**
   * Other speakers of the speaker's kind mentioned since the speaker's own previous mention, up to the cue; null
   * when the cue's mention is the first. An organization named again with none between is the one in view.
   */
  othersSinceLastMention?: number | null;
  /** A description source ("the company") taken up for a speaker named otherwise ("Nordhavn Capital"). */
  linkedToName?: boolean;
  /**
   * A bare colon right after a source that does not open its line ("… to Jane Roe: “…”"): the name may be whom the
   * words were for or about, unlike a round-up line or a speaker label that opens the line ("Jane Roe, The Planet:").
   */
  colonMidLine?: boolean;
}

/** The evidence for each attributed quote of `analysis` (UTF-16 offsets into `text`); null for unattributed ones. */
export function evidenceOf(text: string, analysis: Analysis, overrides: readonly AttributionOverride[]): (AttributionEvidence | null)[] {
  const byId = new Map(analysis.speakers.map((s) => [s.id, s]));
  const layout = new Layout(analysis);
  return analysis.quotes.map((q) => {
    const speaker = q.speakerId === null ? undefined : byId.get(q.speakerId);
    if (!speaker) return null;
    const cueSpan = q.cue;
    return {
      override: isOverridden(q, speaker, overrides),
      cue: cueSpan ? cueKind(cueSpan.text, q.text) : null,
      source: q.source ? sourceForm(q.source, speaker) : null,
      placement: cueSpan ? placement(text, layout, q, cueSpan) : null,
      distance: cueSpan ? Math.max(0, cueSpan.start - q.end, q.start - cueSpan.end) : null,
      partial: q.partial,
      speakerKind: speaker.kind,
      rivals: layout.rivals(q, speaker, sourceGender(q.source?.text)),
      othersSinceLastMention: layout.othersSinceLastMention(q, speaker),
      linkedToName: q.source !== null && linkedToName(q.source.text, speaker),
      colonMidLine: cueSpan !== null && q.source !== null && colonMidLine(text, q.source, cueSpan),
    };
  });
}

/**
 * A description source taken up for a speaker named otherwise, whose name reads as an institution's: it holds the
 * description's head ("the union" for "Hospital Workers Union"), opens with "The", or holds an institution's word
 * or an acronym ("ESB Networks", "Riverside FC") — not "Malcolm Tierney", a person the reading took for one.
 */
function linkedToName(source: string, speaker: Speaker): boolean {
  const described = source.trim().toLowerCase();
  if (speaker.name.trim().toLowerCase() === described) return false;
  const head = described.slice(described.lastIndexOf(' ') + 1);
  const words = speaker.name.trim().split(/\s+/u);
  return (
    words[0].toLowerCase() === 'the' || words.some((w) => w.toLowerCase() === head || isOrganizationHead(w) || /^\p{Lu}{2,}$/u.test(w))
  );
}

/** Markup that may stand before a label at a line's start: list bullets, emphasis, a heading's hashes. */
const LINE_OPENING_MARKUP = /^[\s*_#>•–—-]*$/u;

function colonMidLine(text: string, source: { start: number; end: number }, cue: { start: number; text: string }): boolean {
  if (cue.text.trim() !== ':' || cue.start - source.end > 2) return false;
  const lineStart = text.lastIndexOf('\n', source.start - 1) + 1;
  return !LINE_OPENING_MARKUP.test(text.slice(lineStart, source.start));
}

/** An override names this quote (by its text) and this speaker; the analyzer keeps no cue for it then. */
function isOverridden(q: Quote, speaker: Speaker, overrides: readonly AttributionOverride[]): boolean {
  // Most analyses have no override at all: nothing to compare the quote's text and the speaker's names with.
  if (overrides.length === 0) return false;
  const bare = bareQuoteText(q.text);
  const names = [speaker.name, ...speaker.aliases].map((n) => n.trim().toLowerCase());
  return overrides.some((o) => !o.notQuote && bareQuoteText(o.exact) === bare && names.includes(o.speaker.trim().toLowerCase()));
}

function cueKind(cue: string, quote: string): CueKind {
  const words = cue.trim().toLowerCase();
  // A turn after a speaker label, after a press transcript's "Q", or of a bold Q-and-A (quotes/boldInterview.ts).
  // A congressional transcript closes its labels with a full stop ("Mr. FELD. …").
  if ((words === ':' || words === '.' || words === 'q' || words === BOLD) && !OPENING_MARKS.has(quote[0] ?? '')) return 'transcript';
  if (words === ':' || words === '') return 'colon';
  // The rest of a sentence up to its stop or colon: no reporting clause of the quote's own.
  if (words.length > 1 && /[.!:]$/u.test(words)) return 'lead';
  if (words.startsWith('according to')) return 'according';
  return 'verb';
}

/** The form of the speaker's mention at the source span; a mention the speaker does not list is its name. */
function sourceForm(source: { start: number; end: number }, speaker: Speaker): MentionForm {
  // Mentions are in text order: the one starting last at or before the source's end is the only candidate.
  const at = lastAtOrBefore(speaker.mentions, source.end - 1, (m) => m.start);
  const mention = at >= 0 && speaker.mentions[at].end > source.start ? speaker.mentions[at] : undefined;
  return mention?.form ?? 'name';
}

function placement(text: string, layout: Layout, q: Quote, cue: { start: number; end: number }): Placement {
  if (layout.paragraphOf(q.start) !== layout.paragraphOf(cue.start)) return 'farther';
  const after = cue.start >= q.end;
  const between = after ? text.slice(q.end, cue.start) : text.slice(cue.end, q.start);
  // A sentence ends between them: a full stop, question or exclamation mark outside the quote, or a quote that
  // closes on a full stop with more than the cue's subject after it ("“…end.” The next day he said").
  const ended =
    /[.!?]["”’»]?\s+["“«‘]?\p{Lu}/u.test(between + (after ? '' : text.slice(q.start, q.start + 2))) ||
    (after && /\.["”’»]?$/u.test(q.text) && between.trim().split(/\s+/).length > 3);
  return ended ? 'paragraph' : 'sentence';
}

/** Paragraphs and every speaker mention in text order, looked up by binary search (a long file has thousands). */
class Layout {
  private readonly paragraphStarts: number[];
  private readonly mentions: { start: number; speaker: Speaker }[];

  constructor(analysis: Analysis) {
    this.paragraphStarts = analysis.structure.paragraphs.map((p) => p.start);
    // Pushed one by one, not flat-mapped: no array per speaker on the way. The sort is stable, as before.
    const mentions: { start: number; speaker: Speaker }[] = [];
    for (const speaker of analysis.speakers) for (const m of speaker.mentions) mentions.push({ start: m.start, speaker });
    this.mentions = mentions.sort((a, b) => a.start - b.start);
  }

  /** The index of the paragraph holding `at` (the last one starting at or before it), or -1 before the first. */
  paragraphOf(at: number): number {
    return lastAtOrBefore(this.paragraphStarts, at, (x) => x);
  }

  /**
   * Distinct other speakers of the speaker's kind mentioned between the previous paragraph's start and the cue;
   * for a "he" or "she", a person known to be of the other gender is no rival.
   */
  rivals(q: Quote, speaker: Speaker, gender: Gender | null = null): number {
    const here = this.paragraphOf(q.start);
    const from = here > 0 ? this.paragraphStarts[here - 1] : here === 0 ? this.paragraphStarts[0] : q.start;
    const to = Math.max(q.end, q.cue ? q.cue.end : q.end);
    const others = new Set<string>();
    for (
      let i = lastAtOrBefore(this.mentions, from - 1, (m) => m.start) + 1;
      i < this.mentions.length && this.mentions[i].start < to;
      i++
    ) {
      const s = this.mentions[i].speaker;
      if (s.id !== speaker.id && s.kind === speaker.kind && (gender === null || speakerGender(s) !== otherGender(gender))) others.add(s.id);
    }
    return others.size;
  }

  othersSinceLastMention(q: Quote, speaker: Speaker): number | null {
    const to = Math.min(q.start, q.cue ? q.cue.start : q.start, q.source ? q.source.start : q.start);
    const last = lastAtOrBefore(speaker.mentions, to - 1, (m) => m.start);
    if (last < 0) return null;
    const others = new Set<string>();
    const from = speaker.mentions[last].start;
    for (let i = lastAtOrBefore(this.mentions, from, (m) => m.start) + 1; i < this.mentions.length && this.mentions[i].start < to; i++) {
      const s = this.mentions[i].speaker;
      if (s.id !== speaker.id && s.kind === speaker.kind) others.add(s.id);
    }
    return others.size;
  }
}

/** The gender a pronoun source states ("he", "she"), or null for any other source. */
function sourceGender(text: string | undefined): Gender | null {
  const lower = text?.toLowerCase();
  return lower === 'he' ? 'male' : lower === 'she' ? 'female' : null;
}

function otherGender(g: Gender): Gender {
  return g === 'male' ? 'female' : 'male';
}

/** A speaker's gender as the analysis shows it: the pronouns that refer to them, else their given name. */
function speakerGender(s: Speaker): Gender | null {
  for (const m of s.mentions) {
    if (m.form !== 'pronoun') continue;
    const g = sourceGender(m.text);
    if (g) return g;
  }
  return givenNameGender(s.name.split(' ')[0].toLowerCase());
}

/** The last index whose key is at or before `at` in an array sorted by key; -1 when none is. */
function lastAtOrBefore<T>(sorted: readonly T[], at: number, key: (x: T) => number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(sorted[mid]) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
