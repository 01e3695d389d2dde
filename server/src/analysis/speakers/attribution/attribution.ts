// Decides who said each quote, from the cues around it, in the order journalists write them: a cue right
// after the quote ("…," he said / "…," said Smith), then the reporting clause before it in the same
// sentence (Smith said: "…" / Smith said that … "…"), then a cue later in the sentence. A quote with no cue
// of its own takes the speaker of the neighbouring quote in its paragraph, and a paragraph that only
// continues a quote keeps the previous paragraph's speaker; a quote run over several paragraphs whose cue
// comes only in its last paragraph gives that speaker to the open paragraphs before it. Nothing else: no cue,
// no speaker.
import type { Token, TokenizedText } from '../tokens';
import type { ResolvedCue } from '../resolution';
import type { Attribution, QuoteRange } from './attributionTypes';
export type { Attribution } from './attributionTypes';
import { OPENING_QUOTE_MARKS, QUOTE_MARKS } from '../../lexicon/quoteMarks';
import { continueReportedSpeech } from './reportedSpeech';
import { textOf } from '../tokenText';
import { TokenLookup } from '../tokenLookup';
import { acrossParagraphs } from '../cues/cues';
import { pronounKind } from '../mentions/descriptions';

const LINKING_PUNCT = new Set([',', '—', '–', '-', ':']);

/** `labelled` gives the quotes a speaker label already attributes (speakers/labels.ts); they need no cue. */
export function attributeQuotes(
  tt: TokenizedText,
  quoteCount: number,
  resolved: ResolvedCue[],
  labelled: readonly (Attribution | null)[] = [],
): Attribution[] {
  const { tokens, sentences } = tt;
  const ranges = quoteRanges(tokens, quoteCount);
  const cueAt = new CueIndex(resolved);

  const result: Attribution[] = ranges.map((range, q) => {
    const label = labelled[q];
    if (label) return label;
    if (!range) return none();
    const sentenceFirst = sentences[tokens[range.first].sentence].first;
    const sentenceEnd = sentences[tokens[range.end - 1].sentence].end;
    return (
      inOpeningClause(tokens, range, sentenceFirst, cueAt) ??
      after(tokens, range, cueSentenceEnd(tokens, sentences, range, sentenceEnd), cueAt) ??
      before(range, sentenceFirst, cueAt) ??
      later(range, sentenceEnd, cueAt) ??
      introducedAbove(tokens, sentences, range, cueAt) ??
      leadIn(range, cueAt) ??
      handedOver(tokens, sentences, range, cueAt) ??
      none()
    );
  });
  inheritWithinParagraph(tokens, ranges, result);
  inheritAcrossParagraphs(tokens, ranges, result);
  inheritFromClosingParagraph(tokens, ranges, result);
  continueReportedSpeech(tt, ranges, resolved, result);
  inheritWithinParagraph(tokens, ranges, result);
  // A label that leaves its voice unknown ("UNIDENTIFIED MALE:") keeps its turn unattributed: nothing is inherited.
  labelled.forEach((label, q) => {
    if (label && label.entity === null) result[q] = label;
  });
  return result;
}

function none(): Attribution {
  return { entity: null, cue: null, source: null };
}

function found(r: ResolvedCue): Attribution {
  return { entity: r.entity, cue: r.cue.span, source: r.source };
}

function quoteRanges(tokens: Token[], count: number): (QuoteRange | null)[] {
  const ranges: (QuoteRange | null)[] = new Array<QuoteRange | null>(count).fill(null);
  for (let i = 0; i < tokens.length; i++) {
    const q = tokens[i].quote;
    if (q < 0) continue;
    const r = ranges[q];
    if (r) r.end = i + 1;
    else ranges[q] = { first: i, end: i + 1 };
  }
  return ranges;
}

/** Resolved cues by the token of their verb, so a position finds its cue at once (an array read: asked at every token walked). */
export class CueIndex {
  /** The last resolved cue given for each verb token. */
  private readonly byVerb: TokenLookup<ResolvedCue>;

  constructor(resolved: readonly ResolvedCue[]) {
    let size = 0;
    for (const r of resolved) size = Math.max(size, r.cue.verb + 1);
    this.byVerb = new TokenLookup(resolved, size);
    for (let k = 0; k < resolved.length; k++) this.byVerb.set(resolved[k].cue.verb, k);
  }

  /** The resolved cue whose verb is token `v` (the last one given when several are), or undefined. */
  at(v: number): ResolvedCue | undefined {
    return this.byVerb.get(v);
  }
}

/** "…," he said / "…," said Smith / "…," Lavrov recalled: the cue phrase begins right after the quote. */
function after(tokens: Token[], range: QuoteRange, sentenceEnd: number, cueAt: CueIndex): Attribution | null {
  let k = range.end;
  while (k < sentenceEnd && tokens[k].kind === 'punct' && LINKING_PUNCT.has(tokens[k].text)) k++;
  if (k >= sentenceEnd || tokens[k].quote >= 0) return null;
  for (let v = k; v < Math.min(sentenceEnd, k + 16); v++) {
    if (tokens[v].quote >= 0) break;
    const r = cueAt.at(v);
    if (!r) continue;
    // Inverted cue right after the quote, or a subject that starts right after it.
    if (r.inverted ? r.cue.first === k : r.subjectFirst === k) return found(r);
    // "…," as Roe put it.
    if (!r.inverted && tokens[k].lower === 'as' && r.subjectFirst === k + 1) return found(r);
    // "…," the agency quoted him as saying / "…," TASS quoted Peskov as saying.
    if (r.cue.quotedBy !== undefined && r.cue.first - k <= 4) return found(r);
    break;
  }
  return null;
}

/** Words that open a subordinate clause at the head of a sentence. */
const SUBORDINATORS = new Set(['when', 'after', 'as', 'while', 'if', 'although', 'though', 'because', 'before', 'once', 'since', 'until']);

/**
 * "When Roe said the savings were “not optional,” someone shouted: …": a quote that closes a fronted subordinate
 * clause belongs to that clause's cue, not to the main clause's speaker whose cue follows it.
 */
function inOpeningClause(tokens: Token[], range: QuoteRange, sentenceFirst: number, cueAt: CueIndex): Attribution | null {
  if (!SUBORDINATORS.has(tokens[sentenceFirst].lower) || range.first === sentenceFirst) return null;
  const closesClause = tokens[range.end - 2]?.text === ',' || tokens[range.end]?.text === ',';
  return closesClause ? before(range, sentenceFirst, cueAt) : null;
}

/**
 * Where a cue after the quote may reach: the quote's sentence, or, when the quote closes on a question or
 * exclamation mark ("“Why now?” Roe asked."), the sentence that the tokenizer starts right after it.
 */
function cueSentenceEnd(tokens: Token[], sentences: { first: number; end: number }[], range: QuoteRange, sentenceEnd: number): number {
  const next = tokens[range.end];
  if (range.end < sentenceEnd || !next || next.paragraph !== tokens[range.end - 1].paragraph) return sentenceEnd;
  const closing = tokens[range.end - 2];
  if (!closing || closing.quote < 0 || (closing.text !== '?' && closing.text !== '!')) return sentenceEnd;
  return sentences[next.sentence].end;
}

/** Smith said: "…" / Smith said that … "…": the nearest reporting clause before the quote in its sentence. */
function before(range: QuoteRange, sentenceFirst: number, cueAt: CueIndex): Attribution | null {
  for (let v = range.first - 1; v >= sentenceFirst; v--) {
    const r = cueAt.at(v);
    if (r) return found(r);
  }
  return null;
}

/** A cue further on in the same sentence, outside any quote: "…" was the verdict, a diplomat said. */
function later(range: QuoteRange, sentenceEnd: number, cueAt: CueIndex): Attribution | null {
  for (let v = range.end; v < sentenceEnd; v++) {
    const r = cueAt.at(v);
    if ((r && !r.inverted && r.subjectFirst >= range.end) || (r && r.inverted)) return found(r);
  }
  return null;
}

/** "Jovanović said:" closing one paragraph introduces the quote that opens the next. */
function introducedAbove(
  tokens: Token[],
  sentences: { first: number; end: number }[],
  range: QuoteRange,
  cueAt: CueIndex,
): Attribution | null {
  const opener = tokens[range.first - 1];
  if (!opener || opener.paragraph === tokens[range.first].paragraph || opener.text !== ':') return null;
  for (let v = range.first - 2; v >= sentences[opener.sentence].first; v--) {
    const r = cueAt.at(v);
    if (r) return found(r);
  }
  return null;
}

/** "Ortiz disagreed. “We have the votes.”": the sentence right before the quote hands over to it (cues.ts, leadCue). */
function leadIn(range: QuoteRange, cueAt: CueIndex): Attribution | null {
  const r = cueAt.at(range.first - 1);
  return r && r.cue.lead ? found(r) : null;
}

/**
 * "Ortiz disagreed. “…”", "Podesta responded within minutes. “…”": the quote opens its sentence, and the sentence
 * before it in the paragraph, with no quote of its own, opens with the subject of its cue.
 */
function handedOver(tokens: Token[], sentences: { first: number; end: number }[], range: QuoteRange, cueAt: CueIndex): Attribution | null {
  const stop = tokens[range.first - 1];
  if (!stop || stop.kind !== 'punct' || stop.quote >= 0 || stop.sentence === tokens[range.first].sentence) return null;
  // The sentence before in the paragraph, or a paragraph of one sentence before one that is a single closed quote.
  const across = stop.paragraph !== tokens[range.first].paragraph;
  if (across && !acrossParagraphs(tokens, range.first - 1)) return null;
  const s = sentences[stop.sentence];
  let last: ResolvedCue | undefined;
  for (let k = s.first; k < s.end; k++) {
    if (tokens[k].quote >= 0) return null;
    last = cueAt.at(k) ?? last;
  }
  // The cue's subject opens the sentence, or follows its opening phrase ("Asked about roads, he said …").
  if (!last || last.inverted || (last.subjectFirst !== s.first && tokens[last.subjectFirst - 1]?.text !== ',')) return null;
  // "A reporter asked whether leadership had called him. “They've called.”": what follows an indirect question
  // is the answer, someone else's words.
  if (asksIndirectly(tokens, last.cue.verb, s.end)) return null;
  // Across paragraphs only a name or a pronoun hands over.
  const subject = tokens[last.subjectFirst];
  if (across && !subject.cap && pronounKind(subject) === null) return null;
  // A speech verb closing that sentence ("…, Kent explains.", "Ortiz disagreed.") is the cue as it stands; else
  // the cue is the rest of the sentence ("responded within minutes."), as for a lead cue.
  if (last.cue.end === range.first - 1) return found(last);
  const cue = { start: last.cue.span.start, end: stop.end, text: textOf(tokens, last.cue.first, range.first) };
  return { entity: last.entity, cue, source: last.source };
}

const QUESTION_VERBS = new Set(['asked', 'asks', 'wondered', 'inquired', 'enquired']);
const QUESTION_WORDS = new Set(['whether', 'if', 'why', 'how', 'what', 'when', 'where', 'who', 'about']);

/** The verb at `verb` asks a question in reported form ("asked whether …", "asked him about …") before `end`. */
function asksIndirectly(tokens: Token[], verb: number, end: number): boolean {
  if (!QUESTION_VERBS.has(tokens[verb].lower)) return false;
  for (let k = verb + 1; k < Math.min(end, verb + 5); k++) if (QUESTION_WORDS.has(tokens[k].lower)) return true;
  return false;
}

/**
 * A quote with no cue of its own next to an attributed quote of the same paragraph ("…the conflict, “when
 * Ankara said …” “But now …,” Lavrov recalled") belongs to that speaker: a reporter introduces a new
 * speaker with a cue. The nearest attributed quote in the paragraph wins, an earlier one on a tie.
 */
function inheritWithinParagraph(tokens: Token[], ranges: (QuoteRange | null)[], result: Attribution[]): void {
  for (let q = 0; q < ranges.length; q++) {
    const range = ranges[q];
    if (!range || result[q].entity) continue;
    const paragraph = tokens[range.first].paragraph;
    let best: number | null = null;
    for (let d = 1; d < Math.min(ranges.length, 24); d++) {
      for (const o of [q - d, q + d]) {
        const other = ranges[o];
        if (!other || best !== null) continue;
        if (tokens[other.first].paragraph !== paragraph || !result[o]?.entity) continue;
        best = o;
      }
      if (best !== null) break;
      const prev = ranges[q - d];
      const next = ranges[q + d];
      const prevOut = !prev || tokens[prev.first].paragraph !== paragraph;
      const nextOut = !next || tokens[next.first].paragraph !== paragraph;
      if (prevOut && nextOut) break;
    }
    if (best !== null) result[q] = { entity: result[best].entity, cue: null, source: null };
  }
}

/**
 * A paragraph made only of quoted words (the next paragraph of a multi-paragraph quote, or a quote that
 * follows on without a new cue) keeps the speaker of the previous paragraph's last quote.
 */
function inheritAcrossParagraphs(tokens: Token[], ranges: (QuoteRange | null)[], result: Attribution[]): void {
  for (let q = 1; q < ranges.length; q++) {
    const range = ranges[q];
    const prevRange = ranges[q - 1];
    if (!range || !prevRange || result[q].entity || !result[q - 1].entity) continue;
    const paragraph = tokens[range.first].paragraph;
    const prevParagraph = tokens[prevRange.first].paragraph;
    if (paragraph !== tokens[prevRange.end - 1].paragraph + 1 && paragraph !== prevParagraph + 1) continue;
    if (!onlyQuoted(tokens, range.first, paragraph)) continue;
    result[q] = { entity: result[q - 1].entity, cue: null, source: null };
  }
}

/** True when every word of the paragraph containing token `i` lies inside a quote. */
function onlyQuoted(tokens: Token[], i: number, paragraph: number): boolean {
  let a = i;
  while (a > 0 && tokens[a - 1].paragraph === paragraph) a--;
  for (let k = a; k < tokens.length && tokens[k].paragraph === paragraph; k++) {
    if (tokens[k].kind === 'word' && tokens[k].quote < 0) return false;
  }
  return true;
}

const OPENING_MARKS = OPENING_QUOTE_MARKS;

/**
 * "“A …¶“B …,” she said.": journalists run one speaker's words over several paragraphs by opening each with a
 * quote mark and closing only the last, where the cue stands. A paragraph that is nothing but such an open
 * quote (opening mark, no closing mark) takes the speaker of the quote that opens the next paragraph; walking
 * backwards, the whole run takes it. A paragraph whose quote is closed is a quote of its own, and keeps none.
 */
function inheritFromClosingParagraph(tokens: Token[], ranges: (QuoteRange | null)[], result: Attribution[]): void {
  for (let q = ranges.length - 2; q >= 0; q--) {
    const range = ranges[q];
    const next = ranges[q + 1];
    if (!range || !next || result[q].entity || !result[q + 1].entity) continue;
    const paragraph = tokens[range.first].paragraph;
    if (!opensParagraph(tokens, range.first) || !OPENING_MARKS.has(tokens[range.first].text)) continue;
    // Open to the end of its paragraph: the quote's last token ends the paragraph and is no quote mark.
    const last = tokens[range.end - 1];
    if (tokens[range.end - 1].paragraph !== paragraph || tokens[range.end]?.paragraph === paragraph || QUOTE_MARKS.has(last.text)) continue;
    // The run goes on in the very next paragraph, which opens with its own quote mark.
    if (
      tokens[next.first].paragraph !== paragraph + 1 ||
      !opensParagraph(tokens, next.first) ||
      !OPENING_MARKS.has(tokens[next.first].text)
    )
      continue;
    result[q] = { entity: result[q + 1].entity, cue: null, source: null };
  }
}

function opensParagraph(tokens: Token[], i: number): boolean {
  return i === 0 || tokens[i - 1].paragraph !== tokens[i].paragraph;
}
