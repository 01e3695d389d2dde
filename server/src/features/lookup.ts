// Finds what the analysis says is at an offset (a speaker mention, quote, cue or dateline), shared by the features.
import type { Analysis, Dateline, Mention, Quote, Speaker } from '../analysis/types';

export interface MentionHit {
  speaker: Speaker;
  mention: Mention;
}

/** Whether `offset` is on the span; `touching` also accepts the offset right after it (a cursor at a word's end). */
function on(span: { start: number; end: number }, offset: number, touching: boolean): boolean {
  return span.start <= offset && (offset < span.end || (touching && offset === span.end));
}

export function mentionAt(analysis: Analysis, offset: number, touching = false): MentionHit | null {
  for (const strict of touching ? [false, true] : [false]) {
    for (const speaker of analysis.speakers) {
      for (const mention of speaker.mentions) {
        if (on(mention, offset, strict)) return { speaker, mention };
      }
    }
  }
  return null;
}

export function quoteAt(analysis: Analysis, offset: number, touching = false): Quote | null {
  return (
    analysis.quotes.find((q) => on(q, offset, false) || (q.cue !== null && on(q.cue, offset, touching))) ??
    (touching ? (analysis.quotes.find((q) => on(q, offset, true)) ?? null) : null)
  );
}

export function datelineAt(analysis: Analysis, offset: number, touching = false): Dateline | null {
  return (
    analysis.datelines.find((d) => on(d, offset, false)) ??
    (touching ? (analysis.datelines.find((d) => on(d, offset, true)) ?? null) : null)
  );
}

export function speakerById(analysis: Analysis, id: string | null): Speaker | null {
  return id === null ? null : (analysis.speakers.find((s) => s.id === id) ?? null);
}

export function quotesOf(analysis: Analysis, speaker: Speaker): Quote[] {
  return analysis.quotes.filter((q) => q.speakerId === speaker.id);
}

/**
 * The speaker a position is about: a mention of them, or a quote (or its cue) attributed to them.
 * Mentions win because a mention inside a quote ("…Lavrov said…") is about that person, not the quote's speaker.
 */
export function speakerAt(analysis: Analysis, offset: number): Speaker | null {
  const hit = mentionAt(analysis, offset, true);
  if (hit) return hit.speaker;
  const quote = quoteAt(analysis, offset, true);
  return quote ? speakerById(analysis, quote.speakerId) : null;
}

/** The mention that names the speaker most fully: its `name` text if it occurs, else the longest name-like mention. */
export function fullestMention(speaker: Speaker): Mention | null {
  if (speaker.mentions.length === 0) return null;
  const exact = speaker.mentions.find((m) => m.text === speaker.name);
  if (exact) return exact;
  const rank = (m: Mention) => (m.form === 'name' ? 3 : m.form === 'title' || m.form === 'description' ? 2 : m.form === 'surname' ? 1 : 0);
  return speaker.mentions.reduce((best, m) =>
    rank(m) > rank(best) || (rank(m) === rank(best) && m.end - m.start > best.end - best.start) ? m : best,
  );
}
