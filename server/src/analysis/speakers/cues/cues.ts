// Finds attribution cues ("said", "stressed", "told AFP", "according to", "pointed out", a colon before a quote)
// outside quotes. Who is the subject of each is read in subjects.ts; the addressee or medium ("told reporters",
// "quoted by Interfax") joins the cue phrase and is never the subject.
import type { Span } from '../../types';
import type { Token } from '../tokens';
import { isPossessive, textOf } from '../tokenText';
import {
  CLOSING_PHRASAL_CUES,
  closingCueVerbForm,
  CUE_VERB_FORMS,
  SPEECH_NOUNS,
  cueVerbForm,
  cueVerbFormOfLower,
  isAddresseeWord,
  NOUN_HOMOGRAPHS,
} from '../../lexicon/cueVerbs';
import { pronounKind } from '../mentions/descriptions';
import { isRoleHead } from '../../lexicon/roles';
import { isKnownOrganization } from '../../lexicon/gazetteer';
import { documentSubject } from '../mentions/documents';
import { NOUN_DETERMINERS } from '../../lexicon/functionWords';
import { governedInfinitive, heardSaying, isPassiveRecord, namesItsObject, ownerBeforeCopula, ownerPronounKind } from './cueForms';

export interface Cue {
  /** Token index of the verb ("said") or of "according". */
  verb: number;
  /** Token range of the whole cue phrase ("told reporters", "according to", "pointed out"). */
  first: number;
  end: number;
  span: Span;
  according: boolean;
  /** A participle clause (", saying …"): its subject is the subject of the sentence. */
  participle?: boolean;
  /** "quoted X as saying": index of "quoted"/"cited"; the speaker is its object, or its subject when passive. */
  quotedBy?: number;
  /** A colon that introduces a quote with no verb ("Roe was blunt: “…”"); a place before it is a dateline, not a speaker. */
  colon?: boolean;
  /**
   * A sentence with no quote and no cue that hands over to a quote opening the next one ("Ortiz disagreed. “…”",
   * "Roe took to social media: “…”"): its subject is the speaker; the cue is the sentence after its subject.
   */
  lead?: boolean;
  /** A lead cue closing the paragraph before its quote's (only a name or pronoun may hand over so far). */
  across?: boolean;
}

/** Verbs by which only a document speaks ("the statement read", "the email began: “…”"). */
const DOCUMENT_VERBS = new Set(['read', 'reads', 'began', 'begins', 'ended', 'ends', 'closed', 'closes']);
/** Of those, the ones that speak only when a colon or the quote follows ("began: “…”", "ended: “…”", not "began work"). */
const OPENING_VERBS = new Set(['began', 'begins', 'ended', 'ends', 'closed', 'closes']);

const NEGATIONS = new Set(['not', 'never', "n't", 'neither', 'nor']);
const PHRASALS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    pointed: 'out',
    points: 'out',
    point: 'out',
    went: 'on',
    goes: 'on',
    spelled: 'out',
    spelt: 'out',
    summed: 'up',
    hit: 'back',
    hits: 'back',
    fired: 'back',
    lashed: 'out',
    spoke: 'out',
    speaks: 'out',
    put: 'it',
    puts: 'it',
  }),
);
/** Every lower-case word that may be a cue verb below; most words are none, and one look-up tells. */
const MAY_CUE: ReadonlySet<string> = new Set([...PHRASALS.keys(), ...DOCUMENT_VERBS, ...CUE_VERB_FORMS]);

export function findCues(tokens: Token[]): Cue[] {
  const cues = findAllCues(tokens);
  // A lead cue hands over only to a quote whose own sentence has no cue.
  if (!cues.some((c) => c.lead)) return cues;
  const cued = new Set<number>();
  for (const c of cues) if (!c.lead && !c.participle) cued.add(tokens[c.verb].sentence);
  return cues.filter((c) => !c.lead || !cued.has(tokens[c.verb + 1].sentence));
}

function findAllCues(tokens: Token[]): Cue[] {
  const cues: Cue[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // Kinds are shared constants, so the kind is compared before any token's own text is read.
    if (t.kind === 'punct' && t.text === ':') {
      const colon = colonCue(tokens, i, cues[cues.length - 1]);
      if (colon) cues.push(colon);
      continue;
    }
    if (t.kind === 'punct' && (t.text === '.' || t.text === '!')) {
      const lead = leadCue(tokens, i, cues[cues.length - 1]);
      if (lead) cues.push(lead);
      continue;
    }
    if (t.kind !== 'word' || t.quote >= 0 || t.furniture) continue;
    if (t.lower === 'according' && tokens[i + 1]?.lower === 'to') {
      cues.push(makeCue(tokens, i, i, i + 2, true));
      continue;
    }
    if (t.cap || !MAY_CUE.has(t.lower)) continue;
    const particle = PHRASALS.get(t.lower);
    if (particle && tokens[i + 1]?.lower === particle) {
      if (!negated(tokens, i) && (particle !== 'it' || putsItInWords(tokens, i + 2))) cues.push(makeCue(tokens, i, i, i + 2, false));
      continue;
    }
    // "the statement read", "…," reads the letter: a document's text is read out, and it speaks.
    if (
      DOCUMENT_VERBS.has(t.lower) &&
      (!OPENING_VERBS.has(t.lower) || opensQuote(tokens, i + 1) || tokens[i - 1]?.quote >= 0 || subjectAfterQuote(tokens, i)) &&
      documentSubject(tokens, i, i + 1)
    ) {
      cues.push(makeCue(tokens, i, i, i + 1, false));
      continue;
    }
    const closing = closingCueVerbForm(t.lower);
    if (closing !== null) {
      // "an offer.", "for that reason.": after a determiner or an owner the form is a noun.
      const prev = tokens[i - 1];
      if (prev && ((prev.kind === 'word' && NOUN_DETERMINERS.has(prev.lower)) || isPossessive(prev))) continue;
      // "“…,” press secretary Jean Roe said": the form modifies a role noun, and the sentence's verb comes later.
      if (tokens[i + 1]?.kind === 'word' && isRoleHead(tokens[i + 1].text)) continue;
      const particle = CLOSING_PHRASAL_CUES[closing];
      const end = particle === undefined ? i + 1 : tokens[i + 1]?.lower === particle ? i + 2 : -1;
      if (end > 0 && !negated(tokens, i) && (endsClause(tokens, end) || followsQuote(tokens, i) || subjectFollowsQuote(tokens, i)))
        cues.push(makeCue(tokens, i, i, end, false));
      continue;
    }
    if (cueVerbFormOfLower(t.lower) === null || negated(tokens, i)) continue;
    // "TASS quoted Peskov as saying", "Peskov was quoted as saying": the one quoted is the speaker.
    const quotedAs = quotedAsSaying(tokens, i);
    if (quotedAs >= 0) {
      cues.push({ verb: i, first: quotedAs, end: i + 1, according: false, span: cueSpan(tokens, quotedAs, i + 1), quotedBy: quotedAs });
      continue;
    }
    // "She advises parents to ask “…”": an infinitive the clause's own cue governs is no cue of its own.
    if (governedInfinitive(tokens, i, cues[cues.length - 1])) continue;
    // "recalled his father telling him:": the one remembered speaks, and the remembering is no cue of its own.
    const hearing = heardSaying(tokens, i);
    if (hearing >= 0) {
      if (cues.length > 0 && cues[cues.length - 1].verb === hearing) cues.pop();
      const end = addresseeEnd(tokens, i);
      cues.push(makeCue(tokens, i, i, end, false));
      continue;
    }
    // "-ing" forms speak only in a participle clause after a comma (", saying …", ", telling delegates:").
    const ing = t.lower.endsWith('ing');
    // "one volunteer kept shouting", "she keeps saying": after "kept" the "-ing" form is the clause's own verb.
    const participle = ing && !PROGRESSIVE_AUXILIARIES.has(tokens[i - 1]?.lower ?? '');
    if (participle && tokens[i - 1]?.text !== ',' && !statementSaying(tokens, i)) continue;
    if (!participle && NOUN_HOMOGRAPHS.has(t.lower) && !verbContext(tokens, i)) continue;
    // "the officials were told “…”", "the firm was warned that …": the subject of a passive verb of telling heard
    // the words; someone else said them.
    if (LISTENER_PASSIVES.has(t.lower) && PASSIVE_BE.has(tokens[i - 1]?.lower ?? '')) continue;
    // "called for a halt", "called off the talks": an act, not words.
    if (cueVerbForm(t.lower) === 'call' && ['for', 'off', 'up', 'in', 'back'].includes(tokens[i + 1]?.lower ?? '')) continue;
    const end = addresseeEnd(tokens, i);
    cues.push({ verb: i, first: i, end, according: false, span: cueSpan(tokens, i, end), participle });
  }
  return cues;
}

/** Words before an "-ing" cue that make it a verb of its own clause ("kept shouting", "keeps saying"). */
const PROGRESSIVE_AUXILIARIES = new Set(['kept', 'keeps', 'keep']);

const PASSIVE_BE = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be']);
/** Past participles of verbs whose object is the listener ("was told", "were warned", "had been assured"). */
const LISTENER_PASSIVES = new Set(['told', 'warned', 'assured', 'reminded', 'urged', 'advised', 'informed']);

/** What a subject issues with words in it: "released a statement saying", "posted a video saying". */
const ISSUED = new Set(['statement', 'letter', 'post', 'tweet', 'message', 'memo', 'video', 'release']);

/** "X's office released a statement saying he is “…”": the participle reports for the sentence's subject. */
function statementSaying(tokens: Token[], i: number): boolean {
  return tokens[i].lower === 'saying' && ISSUED.has(tokens[i - 1]?.lower ?? '') && ['a', 'an'].includes(tokens[i - 2]?.lower ?? '');
}

/** The quote starts at `k`, or after a colon or comma there ("began: “…”", "began, “…”"). */
function opensQuote(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (!t) return false;
  if (t.quote >= 0) return true;
  return (t.text === ':' || t.text === ',') && (tokens[k + 1]?.quote ?? -1) >= 0;
}

/** For "saying" at `i` in "quoted/cited … as saying", the index of "quoted"/"cited", else -1. */
function quotedAsSaying(tokens: Token[], i: number): number {
  if (tokens[i].lower !== 'saying' || tokens[i - 1]?.lower !== 'as') return -1;
  for (let k = i - 2; k >= Math.max(0, i - 9); k--) {
    const t = tokens[k];
    if (t.quote >= 0 || t.sentence !== tokens[i].sentence || (t.kind === 'punct' && t.text !== '.' && !isPossessive(t))) return -1;
    if (t.lower === 'quoted' || t.lower === 'cited' || isPassiveRecord(tokens, k)) return k;
  }
  return -1;
}

function makeCue(tokens: Token[], verb: number, first: number, end: number, according: boolean): Cue {
  return { verb, first, end, according, span: cueSpan(tokens, first, end) };
}

/** The span of the cue phrase [first, end). */
function cueSpan(tokens: Token[], first: number, end: number): Span {
  return { start: tokens[first].start, end: tokens[end - 1].end, text: textOf(tokens, first, end) };
}

/**
 * A colon that hands its sentence over to a quote, with no reporting verb before it: "Roe was blunt: “…”", "Roe
 * on the delay: “…”", "Roe's reply: “…”". The colon is the cue; its subject is read leftwards as for a verb (a
 * clause that has its own cue verb yields none there, and that verb's cue is used instead). For an owner's
 * speech noun ("Roe's succinct reply"), the subject is the owner, read from before the possessive.
 */
function colonCue(tokens: Token[], i: number, previous: Cue | undefined): Cue | null {
  const next = tokens[i + 1];
  const prev = tokens[i - 1];
  if (!next || next.quote < 0 || !prev || prev.quote >= 0 || prev.furniture || next.paragraph !== tokens[i].paragraph) return null;
  // Words without quote marks after a colon are a transcript turn, which only its speaker label attributes.
  if (next.kind !== 'punct') return null;
  let verb = i;
  // "Roe's reply:", "Roe's succinct reply:", "Her verdict:": the owner of the speech noun, over at most two modifiers.
  if (tokens[i - 1].kind === 'word' && SPEECH_NOUNS.has(tokens[i - 1].lower)) {
    let k = i - 2;
    while (k > i - 4 && tokens[k]?.kind === 'word' && !tokens[k].cap) k--;
    if (isPossessive(tokens[k]) || ownerPronounKind(tokens[k]) !== null) verb = k;
  }
  // "Roe told the news agency:": the sentence's own cue verb introduces the quote.
  if (verb === i && previous && tokens[previous.verb].sentence === tokens[i].sentence) return null;
  // "Roe was blunt:", "Roe seemed less sure:": the subject is the copula's.
  for (let c = i - 1; c >= Math.max(0, i - 4) && verb === i; c--)
    if (tokens[c].kind === 'word' && COPULAS.has(tokens[c].lower)) verb = ownerBeforeCopula(tokens, c) ?? c;
  return { verb, first: i, end: i + 1, according: false, colon: true, span: { start: tokens[i].start, end: tokens[i].end, text: ':' } };
}

/**
 * The stop at `i` closes a sentence with no quote and no cue of its own, and a quote opens the next sentence of the
 * paragraph: "Ortiz disagreed. “We have the votes.”" The stop is the cue; the sentence's subject is read later.
 */
function leadCue(tokens: Token[], i: number, previous: Cue | undefined): Cue | null {
  const t = tokens[i];
  const next = tokens[i + 1];
  if (t.quote >= 0 || t.furniture || !next || next.quote < 0 || next.sentence === t.sentence) return null;
  // The quote opens the same paragraph's next sentence, or a next paragraph that is one closed quote and nothing
  // else, after a paragraph of this one sentence (see acrossParagraphs).
  const across = next.paragraph !== t.paragraph;
  if (across && !acrossParagraphs(tokens, i)) return null;
  if (tokens[i - 1]?.quote === next.quote) return null;
  // "Roe, writing in the Lamp, put it bluntly.": an aside's participle is no cue of the sentence's own.
  if (previous && tokens[previous.verb].sentence === t.sentence && !previous.participle) return null;
  // A subject and a verb at least; a long sentence is a reporter's own account, not a hand-over (known as soon
  // as the walk back has counted too many words).
  let words = 0;
  for (let k = i - 1; k >= 0 && tokens[k].sentence === t.sentence; k--) {
    if (tokens[k].quote >= 0 || tokens[k].furniture) return null;
    if (tokens[k].kind === 'word' && ++words > 16) return null;
  }
  if (words < 2) return null;
  return { verb: i, first: i, end: i + 1, according: false, lead: true, across, span: { start: t.start, end: t.end, text: t.text } };
}

/**
 * "Lund was unconvinced." ¶ "“Rail never comes first.”": the stop at `i` closes a paragraph of one sentence, and the
 * next paragraph is a single quote closed within it (an open quote runs on to a cue of its own further down).
 */
export function acrossParagraphs(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (tokens[i + 1].paragraph !== t.paragraph + 1) return false;
  let first = i;
  while (first > 0 && tokens[first - 1].paragraph === t.paragraph) first--;
  if (tokens[first].sentence !== t.sentence) return false;
  const quote = tokens[i + 1].quote;
  let last = i + 1;
  for (; last + 1 < tokens.length && tokens[last + 1].paragraph === t.paragraph + 1; last++) {
    if (tokens[last + 1].quote !== quote && tokens[last + 1].kind === 'word') return false;
  }
  const close = tokens[last].quote === quote ? tokens[last] : tokens[last - 1];
  return close !== undefined && close.quote === quote && CLOSING_MARKS.has(close.text);
}

const CLOSING_MARKS = new Set(['”', '"', '»', '’', "'"]);

const COPULAS = new Set([
  'was',
  'is',
  'were',
  'are',
  'seemed',
  'seems',
  'sounded',
  'sounds',
  'remained',
  'remains',
  'became',
  'looked',
  'appeared',
  'got',
]);

/** Nothing of the clause follows `at`: a stop, a colon or comma, a quote, or "that" opening the reported clause. */
function endsClause(tokens: Token[], at: number): boolean {
  const t = tokens[at];
  return !t || t.quote >= 0 || t.lower === 'that' || (t.kind === 'punct' && '.,:;!?—–'.includes(t.text));
}

/** The verb stands right after a quote, inverted ("“…,” sighed Roe"). */
function followsQuote(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  return prev !== undefined && (prev.quote >= 0 || (prev.text === ',' && (tokens[i - 2]?.quote ?? -1) >= 0));
}

/**
 * "“…,” Roe yelled at the crowd", "“…,” she laughed as she left": the verb's subject, a name or pronoun, stands
 * right after the quote, so the verb reports it wherever its clause goes on.
 */
function subjectFollowsQuote(tokens: Token[], i: number): boolean {
  let k = i - 1;
  const t = tokens[k];
  if (!t || t.kind !== 'word' || t.sentence !== tokens[i].sentence) return false;
  if (pronounKind(t) !== null) k--;
  else {
    const last = k;
    while (k >= 0 && k > last - 4 && tokens[k].kind === 'word' && tokens[k].cap && tokens[k].quote < 0) k--;
    if (k === last) return false;
  }
  return followsQuote(tokens, k + 1);
}

/** What "put it" is put on, in, back or away with: a thing moved, not words. */
const PLACING = new Set([
  'on',
  'in',
  'into',
  'onto',
  'down',
  'back',
  'away',
  'up',
  'off',
  'out',
  'aside',
  'there',
  'here',
  'together',
  'through',
  'under',
  'over',
  'behind',
  'forward',
  'at',
  'inside',
  'outside',
  'next',
  'near',
  'beside',
  'between',
]);

/** Where "put it" reports words: "put it bluntly", "as she put it later,", "put it this way", "put it to reporters". */
function putsItInWords(tokens: Token[], at: number): boolean {
  const t = tokens[at];
  return !t || t.kind !== 'word' || t.quote >= 0 || !PLACING.has(t.lower);
}

function negated(tokens: Token[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 2); k--) if (NEGATIONS.has(tokens[k].lower)) return true;
  return false;
}

/** A noun-like form ("state", "report", "call") counts as a verb only between a subject and "that"/a quote. */
function verbContext(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if ((prev && prev.kind === 'word' && NOUN_DETERMINERS.has(prev.lower)) || isPossessive(prev)) return false;
  if (modifiedAfterIndefinite(tokens, i)) return false;
  if (next && (next.lower === 'that' || next.text === ':' || next.quote >= 0 || next.text === ',')) return true;
  if (namesItsObject(tokens, i)) return true;
  if (prev && prev.kind === 'word' && (prev.cap || pronounKind(prev) !== null)) return true;
  return next !== undefined && next.kind === 'punct' && '.!?'.includes(next.text) && subjectAfterQuote(tokens, i);
}

/**
 * "in a recorded call that …", "a brief reply to …": the bare form after "a"/"an" and one lower-case modifier is a
 * noun ("a senator call" is no clause; a singular subject takes "calls").
 */
function modifiedAfterIndefinite(tokens: Token[], i: number): boolean {
  const modifier = tokens[i - 1];
  const article = tokens[i - 2];
  return (
    cueVerbForm(tokens[i].lower) === tokens[i].lower &&
    modifier?.kind === 'word' &&
    !modifier.cap &&
    modifier.quote < 0 &&
    (article?.lower === 'a' || article?.lower === 'an')
  );
}

/** "“…,” the lawsuit claims.": a short subject stands between the quote (and its comma) and the form at `i`. */
function subjectAfterQuote(tokens: Token[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && k > i - 5 && tokens[k].kind === 'word' && tokens[k].quote < 0) k--;
  if (k === i - 1 || k < 0) return false;
  return tokens[k].quote >= 0 || (tokens[k].text === ',' && (tokens[k - 1]?.quote ?? -1) >= 0);
}

/** "told reporters", "told the state-run Anadolu news agency": the addressee joins the cue phrase. */
function addresseeEnd(tokens: Token[], i: number): number {
  if (cueVerbForm(tokens[i].lower) !== 'tell') return i + 1;
  for (let k = i + 1; k < Math.min(tokens.length, i + 7); k++) {
    const t = tokens[k];
    if (t.kind !== 'word' && t.text !== '-') break;
    if (isAddresseeWord(t.text) || isKnownOrganization(t.text)) {
      // Take in a following "news agency" / "newspaper" head as well.
      let end = k + 1;
      // "a press conference", "a news briefing": the event's noun closes the phrase.
      while (
        end < tokens.length &&
        end < k + 3 &&
        tokens[end].kind === 'word' &&
        (isAddresseeWord(tokens[end].text) || ['news', 'conference', 'briefing'].includes(tokens[end].lower))
      )
        end++;
      if (tokens[end - 1].lower === 'news') end--;
      // "told broadcaster ZDF", "told the newspaper Kommersant": the medium's name follows its kind.
      if (!tokens[end - 1].cap) {
        const kindEnd = end;
        while (
          end < tokens.length &&
          end < kindEnd + 3 &&
          tokens[end].quote < 0 &&
          ((tokens[end].kind === 'word' && tokens[end].cap) || (tokens[end].kind === 'number' && tokens[end].start === tokens[end - 1].end))
        )
          end++;
      }
      return end;
    }
    if (k > i + 1 && t.kind === 'word' && ['that', 'on', 'in', 'at'].includes(t.lower)) break;
  }
  return i + 1;
}
