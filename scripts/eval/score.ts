// Scores one article's analysis against its gold: quote matching, attribution and primary date.
//
// Matching rule (documented in scripts/eval/README.md): a predicted quote matches a gold quote when their texts
// are equal, or when their spans overlap by at least half of the longer span. Pairs are taken best first
// (equal text at the same place, then larger overlap), each quote at most once, so a quote found as one long span
// where the gold has two can match only one of them.
import type { Analysis, Speaker } from '../../server/src/analysis';
import { CodePointIndex } from '../../server/src/analysis';
import type { Gold, GoldQuote } from './gold';

export const MIN_OVERLAP = 0.5;

export interface QuoteMiss {
  text: string;
  start: number;
}

export interface AttributionError {
  quote: string;
  gold: string | null;
  predicted: string | null;
}

export interface FileScore {
  file: string;
  /** The gold's genre, or null for a gold file that names none. */
  genre: string | null;
  goldQuotes: number;
  predictedQuotes: number;
  matched: number;
  /** Matched gold quotes whose predicted speaker is right (see `sameSpeaker`). */
  attributedCorrectly: number;
  goldPrimary: string | null;
  predictedPrimary: string | null;
  primaryCorrect: boolean;
  /** Gold quotes nobody predicted, predictions that match no gold quote, and wrong attributions. */
  missed: QuoteMiss[];
  spurious: QuoteMiss[];
  misattributed: AttributionError[];
  /** Gold texts that do not occur in the article: a gold file to fix, counted as missed. */
  goldNotInText: string[];
  /** Each matched quote the analysis gave a speaker: its confidence and whether the speaker is right. */
  judged: JudgedAttribution[];
}

export interface JudgedAttribution {
  confidence: number | null;
  correct: boolean;
}

interface Located {
  start: number;
  end: number;
  text: string;
}

export function scoreFile(file: string, text: string, gold: Gold, analysis: Analysis): FileScore {
  const index = new CodePointIndex(text);
  const goldNotInText: string[] = [];
  const goldSpans = locateGoldQuotes(text, gold.quotes, index, goldNotInText);
  const predicted = analysis.quotes;

  const pairs = matchQuotes(goldSpans, predicted);
  const goldMatched = new Map(pairs.map(([g, p]) => [g, p]));
  const predictedMatched = new Set(pairs.map(([, p]) => p));

  const speakersById = new Map(analysis.speakers.map((s) => [s.id, s]));
  const misattributed: AttributionError[] = [];
  const judged: JudgedAttribution[] = [];
  let attributedCorrectly = 0;
  for (const [g, p] of pairs) {
    const goldQuote = gold.quotes[g];
    const speakerId = predicted[p].speakerId;
    const speaker = speakerId === null ? null : (speakersById.get(speakerId) ?? null);
    const correct = sameSpeaker(goldQuote.speaker, speaker, gold);
    if (correct) attributedCorrectly++;
    else misattributed.push({ quote: goldQuote.text, gold: goldQuote.speaker, predicted: speaker?.name ?? null });
    if (speaker) judged.push({ confidence: predicted[p].confidence ?? null, correct });
  }

  const predictedPrimary = analysis.datelines.find((d) => d.primary)?.iso ?? null;
  return {
    file,
    genre: gold.genre ?? null,
    goldQuotes: gold.quotes.length,
    predictedQuotes: predicted.length,
    matched: pairs.length,
    attributedCorrectly,
    goldPrimary: gold.primary,
    predictedPrimary,
    primaryCorrect: predictedPrimary === gold.primary,
    missed: gold.quotes.flatMap((q, g) => (goldMatched.has(g) ? [] : [{ text: q.text, start: goldSpans[g]?.start ?? -1 }])),
    spurious: predicted.flatMap((q, p) => (predictedMatched.has(p) ? [] : [{ text: q.text, start: q.start }])),
    misattributed,
    goldNotInText,
    judged,
  };
}

/** Gold quotes in code points; occurrences are taken in order so a repeated text maps to successive places. */
function locateGoldQuotes(text: string, quotes: GoldQuote[], index: CodePointIndex, notFound: string[]): (Located | null)[] {
  const taken = new Set<number>();
  return quotes.map((q) => {
    let at = text.indexOf(q.text);
    while (at !== -1 && taken.has(at)) at = text.indexOf(q.text, at + 1);
    if (at === -1) {
      notFound.push(q.text);
      return null;
    }
    taken.add(at);
    return { start: index.toCodePoint(at), end: index.toCodePoint(at + q.text.length), text: q.text };
  });
}

/** One-to-one pairs [goldIndex, predictedIndex], best pairs first. */
export function matchQuotes(gold: (Located | null)[], predicted: Located[]): [number, number][] {
  const candidates: { g: number; p: number; score: number }[] = [];
  gold.forEach((gq, g) => {
    if (!gq) return;
    predicted.forEach((pq, p) => {
      const sameText = gq.text === pq.text;
      const overlap = Math.min(gq.end, pq.end) - Math.max(gq.start, pq.start);
      const ratio = overlap > 0 ? overlap / Math.max(gq.end - gq.start, pq.end - pq.start) : 0;
      if (!sameText && ratio < MIN_OVERLAP) return;
      // Equal text at the same place beats equal text elsewhere, which beats a partial overlap.
      candidates.push({ g, p, score: (sameText ? 2 : 0) + ratio });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.g - b.g || a.p - b.p);
  const usedGold = new Set<number>();
  const usedPredicted = new Set<number>();
  const pairs: [number, number][] = [];
  for (const { g, p } of candidates) {
    if (usedGold.has(g) || usedPredicted.has(p)) continue;
    usedGold.add(g);
    usedPredicted.add(p);
    pairs.push([g, p]);
  }
  return pairs.sort((a, b) => a[0] - b[0]);
}

/**
 * Attribution rule: null gold needs a null prediction. Otherwise the predicted speaker's name or one of its aliases
 * must equal the gold name (case, spacing and a leading article ignored), or, for people, the last words (surnames)
 * must agree, unless another gold speaker shares that surname, where the surname alone cannot tell them apart.
 */
export function sameSpeaker(goldName: string | null, predicted: Speaker | null, gold: Gold): boolean {
  if (goldName === null || predicted === null) return goldName === null && predicted === null;
  const target = normalizeName(goldName);
  if ([predicted.name, ...predicted.aliases].some((n) => normalizeName(n) === target)) return true;
  const goldSpeaker = gold.speakers.find((s) => s.name === goldName);
  if (predicted.kind !== 'person' || (goldSpeaker && goldSpeaker.kind !== 'person')) return false;
  const surname = lastWord(goldName);
  if (surname === '' || surname !== lastWord(predicted.name)) return false;
  const namesakes = gold.speakers.filter((s) => s.kind === 'person' && lastWord(s.name) === surname);
  return namesakes.length <= 1;
}

export function normalizeName(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s"'“”‘’«»]+|[\s"'“”‘’«».,:;]+$/g, '')
    .replace(/^(the|a|an) /, '');
}

function lastWord(name: string): string {
  const words = normalizeName(name).split(' ');
  return words[words.length - 1] ?? '';
}
