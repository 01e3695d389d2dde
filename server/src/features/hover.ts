// Hover: who a speaker mention refers to and what they said; a quote's speaker and cue; a dateline's date.
import { MarkupKind } from 'vscode-languageserver';
import type { Hover, Position } from 'vscode-languageserver';
import type { Dateline, Quote, Speaker } from '../analysis/types';
import { TRUSTED } from '../analysis/confidence';
import type { AnalyzedDocument } from '../documents/analyzedDocument';
import { datelineAt, mentionAt, quoteAt } from './lookup';
import { clip, escapeMarkdown } from './markdown';

/** How many of a speaker's quotes the hover lists. */
const QUOTES_SHOWN = 3;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function hover(doc: AnalyzedDocument, position: Position): Hover | null {
  const offset = doc.offsetAt(position);
  // Only the spans at the cursor: while typing, the analysis carried through the keystrokes is not copied whole.
  const analysis = doc.analysisNear({ start: offset, end: offset + 1 });
  const mention = mentionAt(analysis, offset);
  if (mention) return answer(doc, speakerMarkdown(doc, mention.speaker), mention.mention);
  const dateline = datelineAt(analysis, offset);
  if (dateline) return answer(doc, datelineMarkdown(dateline), dateline);
  const quote = quoteAt(analysis, offset);
  if (quote) {
    const onCue = quote.cue !== null && quote.cue.start <= offset && offset < quote.cue.end;
    return answer(doc, quoteMarkdown(doc, quote), onCue && quote.cue ? quote.cue : quote);
  }
  return null;
}

function answer(doc: AnalyzedDocument, value: string, span: { start: number; end: number }): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range: doc.rangeOf(span) };
}

const KIND_LABEL: Record<Speaker['kind'], string> = {
  person: 'person',
  organization: 'organization',
  anonymous: 'anonymous source',
};

export function speakerMarkdown(doc: AnalyzedDocument, speaker: Speaker): string {
  const lines = [`**${escapeMarkdown(speaker.name)}** (${KIND_LABEL[speaker.kind]})`];
  if (speaker.role) lines.push(`Role: ${escapeMarkdown(speaker.role)}`);
  if (speaker.aliases.length > 0) lines.push(`Also: ${speaker.aliases.map(escapeMarkdown).join(', ')}`);
  const quotes = doc.quotesBy(speaker.id);
  lines.push(quotes.length === 1 ? '1 quote' : `${quotes.length} quotes`);
  const shown = quotes.slice(0, QUOTES_SHOWN).map((q) => `- line ${doc.lineOf(q.start) + 1}: ${escapeMarkdown(clip(q.text))}`);
  if (quotes.length > QUOTES_SHOWN) shown.push(`- and ${quotes.length - QUOTES_SHOWN} more`);
  // Paragraphs need a blank line between them in markdown; the list follows the count directly.
  return lines.join('\n\n') + (shown.length > 0 ? `\n\n${shown.join('\n')}` : '');
}

export function quoteMarkdown(doc: AnalyzedDocument, quote: Quote): string {
  const speaker = doc.speakerById(quote.speakerId);
  const lines = [
    speaker
      ? `Quote by **${escapeMarkdown(speaker.name)}**${speaker.role ? ` (${escapeMarkdown(speaker.role)})` : ''}`
      : 'Quote with no speaker found',
  ];
  if (quote.cue) lines.push(`Cue: ${escapeMarkdown(quote.cue.text)}`);
  if (quote.confidence !== null) lines.push(confidenceLine(quote.confidence));
  if (quote.partial) lines.push('Partial quote, woven into the sentence');
  return lines.join('\n\n');
}

/** The weekday of an ISO `YYYY-MM-DD…` date, computed in UTC so the machine's time zone cannot shift it. */
export function weekdayOf(iso: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(date.getTime()) ? null : WEEKDAYS[date.getUTCDay()];
}

export function datelineMarkdown(dateline: Dateline): string {
  const weekday = weekdayOf(dateline.iso);
  return [
    `**Dateline** ${escapeMarkdown(dateline.iso)}${weekday ? `, ${weekday}` : ''}`,
    dateline.primary ? "The article's own date (primary)" : "Not the article's own date",
  ].join('\n\n');
}

/** "Confidence 0.93", with a nudge to check the attribution below the trusted level. */
export function confidenceLine(confidence: number): string {
  return `Confidence ${confidence.toFixed(2)}${confidence >= TRUSTED ? '' : ' (worth checking)'}`;
}
