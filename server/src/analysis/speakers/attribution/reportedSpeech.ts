// A quote that follows its speaker's paraphrase: "Cynicism is a classic sign, Kent explains. “People tell me
// …”" — the reporter names the speaker in a reported sentence, then gives their words in the next sentence (or
// opens the next paragraph with them) without a new cue. Only for a quote nothing else attributed, whose own
// sentence names no one, and only from the sentence right before it.
import type { Token, TokenizedText } from '../tokens';
import type { ResolvedCue } from '../resolution';
import type { Attribution, QuoteRange } from './attributionTypes';

/** Gives each still unattributed quote the speaker of a reporting cue in the sentence right before it. */
export function continueReportedSpeech(
  tt: TokenizedText,
  ranges: readonly (QuoteRange | null)[],
  resolved: readonly ResolvedCue[],
  result: Attribution[],
): void {
  const { tokens, sentences } = tt;
  const cuesBySentence = new Map<number, ResolvedCue>();
  // The last cue of each sentence outside quotes: the one closest to what follows.
  for (const r of resolved) if (tokens[r.cue.verb].quote < 0) cuesBySentence.set(tokens[r.cue.verb].sentence, r);
  ranges.forEach((range, q) => {
    if (!range || result[q].entity) return;
    const sentence = tokens[range.first].sentence;
    if (sentence === 0 || namesSomeone(tokens, sentences[sentence])) return;
    const previous = sentences[sentence - 1];
    const paragraph = tokens[range.first].paragraph;
    const previousParagraph = tokens[previous.first].paragraph;
    // The sentence before, in the same paragraph; or, for a paragraph that opens with the quote, the last of the previous one.
    if (
      previousParagraph !== paragraph &&
      !(previousParagraph === paragraph - 1 && opensWithQuote(tokens, sentences[sentence].first, range.first))
    )
      return;
    const cue = cuesBySentence.get(sentence - 1);
    // The paraphrase has no quote of its own: a quoted sentence before already passed its speaker on, or another's.
    if (!cue || hasQuote(tokens, previous) || !closesSentence(tokens, cue, previous)) return;
    result[q] = { entity: cue.entity, cue: cue.cue.span, source: cue.source };
  });
}

/** A capitalised word outside quotes after the sentence's first word: someone else may be named. */
function namesSomeone(tokens: Token[], s: { first: number; end: number }): boolean {
  for (let k = s.first + 1; k < s.end; k++) if (tokens[k].kind === 'word' && tokens[k].cap && tokens[k].quote < 0) return true;
  return false;
}

function hasQuote(tokens: Token[], s: { first: number; end: number }): boolean {
  for (let k = s.first; k < s.end; k++) if (tokens[k].quote >= 0) return true;
  return false;
}

/** The sentence starts with the quote (an opening mark at most before it). */
function opensWithQuote(tokens: Token[], sentenceFirst: number, quoteFirst: number): boolean {
  return quoteFirst - sentenceFirst <= 1 && tokens[sentenceFirst].quote >= 0;
}

/**
 * "…, Kent explains." / "…, explains Kent.": the cue and its subject close the paraphrase, after a comma. A
 * sentence that opens with its cue ("Kent said the plan …") may hand over to anyone's words.
 */
function closesSentence(tokens: Token[], cue: ResolvedCue, s: { first: number; end: number }): boolean {
  const from = Math.min(cue.subjectFirst, cue.cue.first);
  if (tokens[from - 1]?.text !== ',') return false;
  let last = s.end - 1;
  while (last > from && tokens[last].kind === 'punct') last--;
  return Math.max(cue.cue.end - 1, cue.subjectFirst) >= last - 2;
}
