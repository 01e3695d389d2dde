// Finds attribution cues ("said", "stressed", "told AFP", "according to", "pointed out") outside quotes and
// reads who is the SUBJECT of each: the phrase before the verb ("Lavrov said", "A Turkish diplomatic source
// told AFP", "Nebenzya at a briefing Thursday denied"), after it when inverted ("said Smith"), or after
// "according to". The addressee or medium ("told reporters", "quoted by Interfax") is never the subject.
import type { Span } from '../../types';
import { isAbbreviationStop, type Token } from '../tokens';
import type { NameCandidate } from '../mentions/names';
import { CLOSING_PHRASAL_CUES, closingCueVerbForm, SPEECH_NOUNS, cueVerbForm, cueVerbFormOfLower, isAddresseeWord, NOUN_HOMOGRAPHS } from '../../lexicon/cueVerbs';
import { descriptionEndingAt, descriptionStartingAt, extendPostmodifier, isDescriptionHead, pronounKind, type Description, type PronounKind } from '../mentions/descriptions';
import { isKnownOrganisation } from '../../lexicon/gazetteer';
import { documentSubject } from '../mentions/documents';
import type { NameIndex } from '../mentions/nameIndex';
import { APPOSITIVE_DETERMINERS } from '../../lexicon/functionWords';
import { governedInfinitive, isPassiveRecord, namesItsObject } from './cueForms';

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
}

/** A cue's subject as written; which speaker it stands for is decided by the resolver. */
export type Subject =
  | { type: 'name'; first: number; candidate: NameCandidate }
  | { type: 'description'; first: number; description: Description }
  | { type: 'pronoun'; first: number; token: number; kind: PronounKind; member?: boolean };

const NEGATIONS = new Set(['not', 'never', "n't", 'neither', 'nor']);
const PHRASALS: ReadonlyMap<string, string> = new Map(Object.entries({
  pointed: 'out', points: 'out', point: 'out', went: 'on', goes: 'on', spelled: 'out', spelt: 'out', summed: 'up',
  hit: 'back', hits: 'back', fired: 'back', lashed: 'out', spoke: 'out', speaks: 'out',
}));
/** Words allowed between a subject and its verb without breaking the link ("has also repeatedly said"). */
const SKIPPABLE = new Set(`
has have had was were is are be been will would could should may might must can did does do also further later
earlier then again previously once now already repeatedly reportedly separately recently subsequently
today yesterday tonight late early meanwhile still too however publicly privately briefly herself himself
themselves itself last this next
`.split(/\s+/).filter(Boolean));
const PREPOSITIONS = new Set(['at', 'in', 'on', 'during', 'after', 'before', 'with', 'from', 'for', 'by', 'over', 'about', 'since', 'following', 'ahead', 'amid', 'near', 'under', 'into', 'to', 'of', 'via']);
const BREAKERS = new Set(['that', 'which', 'who', 'whom', 'whose', 'and', 'or', 'but', 'because', 'if', 'when', 'while', 'as', 'where', 'than', 'so', 'although', 'though']);
const TIME = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|morning|afternoon|evening|night|week|weekend|month|year)s?$/;

export function findCues(tokens: Token[]): Cue[] {
  const cues: Cue[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.text === ':') {
      const colon = colonCue(tokens, i, cues[cues.length - 1]);
      if (colon) cues.push(colon);
      continue;
    }
    if (t.kind !== 'word' || t.quote >= 0 || t.furniture) continue;
    if (t.lower === 'according' && tokens[i + 1]?.lower === 'to') {
      cues.push(makeCue(tokens, i, i, i + 2, true));
      continue;
    }
    if (t.cap) continue;
    const particle = PHRASALS.get(t.lower);
    if (particle && tokens[i + 1]?.lower === particle) {
      if (!negated(tokens, i)) cues.push(makeCue(tokens, i, i, i + 2, false));
      continue;
    }
    // "the statement read", "…," reads the letter: a document's text is read out, and it speaks.
    if ((t.lower === 'read' || t.lower === 'reads') && documentSubject(tokens, i, i + 1)) {
      cues.push(makeCue(tokens, i, i, i + 1, false));
      continue;
    }
    const closing = closingCueVerbForm(t.lower);
    if (closing !== null) {
      const particle = CLOSING_PHRASAL_CUES[closing];
      const end = particle === undefined ? i + 1 : tokens[i + 1]?.lower === particle ? i + 2 : -1;
      if (end > 0 && !negated(tokens, i) && (endsClause(tokens, end) || followsQuote(tokens, i))) cues.push(makeCue(tokens, i, i, end, false));
      continue;
    }
    if (cueVerbFormOfLower(t.lower) === null || negated(tokens, i)) continue;
    // "TASS quoted Peskov as saying", "Peskov was quoted as saying": the one quoted is the speaker.
    const quotedAs = quotedAsSaying(tokens, i);
    if (quotedAs >= 0) {
      cues.push({ ...makeCue(tokens, i, quotedAs, i + 1, false), quotedBy: quotedAs });
      continue;
    }
    // "She advises parents to ask “…”": an infinitive the clause's own cue governs is no cue of its own.
    if (governedInfinitive(tokens, i, cues[cues.length - 1])) continue;
    // "-ing" forms speak only in a participle clause after a comma (", saying …", ", telling delegates:").
    const participle = t.lower.endsWith('ing');
    if (participle && tokens[i - 1]?.text !== ',') continue;
    if (!participle && NOUN_HOMOGRAPHS.has(t.lower) && !verbContext(tokens, i)) continue;
    // "called for a halt", "called off the talks": an act, not words.
    if (cueVerbForm(t.lower) === 'call' && ['for', 'off', 'up', 'in', 'back'].includes(tokens[i + 1]?.lower ?? '')) continue;
    cues.push({ ...makeCue(tokens, i, i, addresseeEnd(tokens, i), false), participle });
  }
  return cues;
}

/** For "saying" at `i` in "quoted/cited … as saying", the index of "quoted"/"cited", else -1. */
function quotedAsSaying(tokens: Token[], i: number): number {
  if (tokens[i].lower !== 'saying' || tokens[i - 1]?.lower !== 'as') return -1;
  for (let k = i - 2; k >= Math.max(0, i - 9); k--) {
    const t = tokens[k];
    if (t.quote >= 0 || t.sentence !== tokens[i].sentence || t.kind === 'punct' && t.text !== '.' && t.text !== '’s' && t.text !== "'s") return -1;
    if (t.lower === 'quoted' || t.lower === 'cited' || isPassiveRecord(tokens, k)) return k;
  }
  return -1;
}

/** The speaker of "quoted X as saying" (X after the verb) or of "X was quoted as saying" (X before it). */
export function quotedSubject(tokens: Token[], names: NameIndex, cue: Cue): Subject | null {
  const verb = cue.quotedBy as number;
  // Passive: "Peskov was quoted as saying", "Jones was quoted by state media as saying" (the medium after
  // "by" only carried the words); "quoted as saying" with no object is passive whatever comes before it.
  if (verb + 1 === cue.verb - 1 || PASSIVE_AUXILIARIES.has(tokens[verb - 1]?.lower ?? '')) {
    return subjectBefore(tokens, names, verb);
  }
  const object = tokens[verb + 1];
  const kind = object ? OBJECT_PRONOUNS[object.lower] : undefined;
  if (kind) return { type: 'pronoun', first: verb + 1, token: verb + 1, kind };
  return subjectAfter(tokens, names, verb + 1);
}

const PASSIVE_AUXILIARIES = new Set(['was', 'were', 'is', 'are', 'been', 'being', 'be', 'widely', 'also', 'later']);
const OBJECT_PRONOUNS: Readonly<Record<string, PronounKind>> = { him: 'male', her: 'female', them: 'plural' };

function makeCue(tokens: Token[], verb: number, first: number, end: number, according: boolean): Cue {
  return { verb, first, end, according, span: { start: tokens[first].start, end: tokens[end - 1].end, text: textOf(tokens, first, end) } };
}

export function textOf(tokens: Token[], a: number, b: number): string {
  let s = '';
  for (let m = a; m < b; m++) s += (m > a && tokens[m].start > tokens[m - 1].end ? ' ' : '') + tokens[m].text;
  return s;
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
  // "Roe's reply:", "Roe's succinct reply:": the owner of the speech noun, over at most two modifiers.
  if (tokens[i - 1].kind === 'word' && SPEECH_NOUNS.has(tokens[i - 1].lower)) {
    let k = i - 2;
    while (k > i - 4 && tokens[k]?.kind === 'word' && !tokens[k].cap) k--;
    if (tokens[k]?.text === '’s' || tokens[k]?.text === "'s") verb = k;
  }
  // "Roe told the news agency:": the sentence's own cue verb introduces the quote.
  if (verb === i && previous && tokens[previous.verb].sentence === tokens[i].sentence) return null;
  // "Roe was blunt:", "Roe seemed less sure:": the subject is the copula's.
  for (let c = i - 1; c >= Math.max(0, i - 4) && verb === i; c--) if (tokens[c].kind === 'word' && COPULAS.has(tokens[c].lower)) verb = c;
  return { verb, first: i, end: i + 1, according: false, colon: true, span: { start: tokens[i].start, end: tokens[i].end, text: ':' } };
}

const COPULAS = new Set(['was', 'is', 'were', 'are', 'seemed', 'seems', 'sounded', 'sounds', 'remained', 'remains', 'became', 'looked', 'appeared', 'got']);

/** Nothing of the clause follows `at`: a stop, a colon or comma, a quote, or "that" opening the reported clause. */
function endsClause(tokens: Token[], at: number): boolean {
  const t = tokens[at];
  return !t || t.quote >= 0 || t.lower === 'that' || t.kind === 'punct' && '.,:;!?—–'.includes(t.text);
}

/** The verb stands right after a quote, inverted ("“…,” sighed Roe"). */
function followsQuote(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  return prev !== undefined && (prev.quote >= 0 || prev.text === ',' && (tokens[i - 2]?.quote ?? -1) >= 0);
}

function negated(tokens: Token[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 2); k--) if (NEGATIONS.has(tokens[k].lower)) return true;
  return false;
}

/** A noun-like form ("state", "report", "call") counts as a verb only between a subject and "that"/a quote. */
function verbContext(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (prev && prev.kind === 'word' && ['the', 'a', 'an', 'his', 'her', 'its', 'their', 'this', 'that', 'our'].includes(prev.lower)) return false;
  if (next && (next.lower === 'that' || next.text === ':' || next.quote >= 0 || next.text === ',')) return true;
  if (namesItsObject(tokens, i)) return true;
  return !!prev && prev.kind === 'word' && (prev.cap || pronounKind(prev) !== null);
}

/** "told reporters", "told the state-run Anadolu news agency": the addressee joins the cue phrase. */
function addresseeEnd(tokens: Token[], i: number): number {
  if (cueVerbForm(tokens[i].lower) !== 'tell') return i + 1;
  for (let k = i + 1; k < Math.min(tokens.length, i + 7); k++) {
    const t = tokens[k];
    if (t.kind !== 'word' && t.text !== '-') break;
    if (isAddresseeWord(t.text) || isKnownOrganisation(t.text)) {
      // Take in a following "news agency" / "newspaper" head as well.
      let end = k + 1;
      // "a press conference", "a news briefing": the event's noun closes the phrase.
      while (end < tokens.length && end < k + 3 && tokens[end].kind === 'word' &&
        (isAddresseeWord(tokens[end].text) || ['news', 'conference', 'briefing'].includes(tokens[end].lower))) end++;
      if (tokens[end - 1].lower === 'news') end--;
      // "told broadcaster ZDF", "told the newspaper Kommersant": the medium's name follows its kind.
      if (!tokens[end - 1].cap) {
        const kindEnd = end;
        while (end < tokens.length && end < kindEnd + 3 && tokens[end].quote < 0 &&
          (tokens[end].kind === 'word' && tokens[end].cap || tokens[end].kind === 'number' && tokens[end].start === tokens[end - 1].end)) end++;
      }
      return end;
    }
    if (k > i + 1 && t.kind === 'word' && ['that', 'on', 'in', 'at'].includes(t.lower)) break;
  }
  return i + 1;
}

/**
 * The subject of the verb at `verb`, read leftwards within the sentence; null when there is none or when it
 * is a coordination ("Lavrov and Cavusoglu confirmed"), which no single speaker can own.
 */
export function subjectBefore(tokens: Token[], names: NameIndex, verb: number): Subject | null {
  const sentence = tokens[verb].sentence;
  // "“…,” one of them said": one member of the group just described speaks for it.
  const one = tokens[verb - 3];
  if (one && one.sentence === sentence && one.quote < 0 && (one.lower === 'one' || one.lower === 'another') &&
    tokens[verb - 2].lower === 'of' && tokens[verb - 1].lower === 'them') {
    return { type: 'pronoun', first: verb - 3, token: verb - 1, kind: 'plural', member: true };
  }
  // "“…,” one said. “…,” another added.": right after a quote, a bare "one" or "another" is one of the group.
  const bare = tokens[verb - 1];
  if (bare && bare.sentence === sentence && bare.quote < 0 && (bare.lower === 'one' || bare.lower === 'another') && (tokens[verb - 2]?.quote ?? -1) >= 0) {
    return { type: 'pronoun', first: verb - 1, token: verb - 1, kind: 'plural', member: true };
  }
  let pending = 0;
  for (let p = verb - 1, steps = 0; p >= 0 && tokens[p].sentence === sentence && steps < 16; steps++) {
    const t = tokens[p];
    if (t.quote >= 0) return null;
    // "Roe, a strategist who now writes …": a relative pronoun stands for what it follows.
    if (pending === 0) {
      let r = p;
      while (r > 0 && r > p - 3 && SKIPPABLE.has(tokens[r].lower)) r--;
      if (RELATIVES.has(tokens[r].lower) && r > 0 && tokens[r - 1].sentence === sentence) return relativeAntecedent(tokens, names, r - 1);
    }
    const found = pending === 0 ? phraseEndingAt(tokens, names, p) : null;
    if (found) {
      let b = found.first - 1;
      if (tokens[b]?.kind === 'word' && ['the', 'a', 'an'].includes(tokens[b].lower)) b--;
      const before = tokens[b];
      // "at a briefing in Moscow said": a name after a preposition is its object, not the subject.
      if (before && before.sentence === sentence && before.kind === 'word' && PREPOSITIONS.has(before.lower)) {
        // "Analysts polled by Reuters said": unless the object closes an unnamed source's participle phrase.
        const around = p === verb - 1 ? descriptionAround(tokens, p) : null;
        if (around && around.first < b && !coordinated(tokens, names, around.first)) return { type: 'description', first: around.first, description: around };
        p = b - 1;
        continue;
      }
      if (coordinated(tokens, names, found.first)) return null;
      return found.type === 'description' ? withPostmodifier(tokens, found, verb) : found;
    }
    // "Their expedition leader, Nepali guide Mingma Sherpa, said": the name closing an appositive.
    const named = t.text === ',' && pending === 0 ? names.byLast.get(p - 1) : undefined;
    if (named && named.kind !== 'place' && named.governedBy === null && !isBareNoun(named) && !describedByArticle(tokens, named) && !PARTY_AFFILIATION.test(named.text)) {
      return { type: 'name', first: named.phraseFirst, candidate: named };
    }
    if (t.text === ',') {
      const aside = asideStart(tokens, p);
      if (aside < 0) return null;
      p = aside - 1;
      continue;
    }
    if (t.kind === 'punct') return null;
    if (t.kind === 'number') { p--; continue; }
    // "The ministry said … and called the demands “…”", "Ellis declined to comment but said …": a verb
    // coordinated right after another shares its subject, the subject of the sentence.
    if (COORDINATORS.has(t.lower) && pending === 0) return sharedSubject(tokens, names, p, verb);
    if (BREAKERS.has(t.lower) || cueVerbForm(t.lower) !== null && !t.cap) return null;
    if (PREPOSITIONS.has(t.lower)) { pending = 0; p--; continue; }
    if (SKIPPABLE.has(t.lower) || TIME.test(t.lower) || !t.cap && /ly$/.test(t.lower)) { p--; continue; }
    if (++pending > 5) return null;
    p--;
  }
  return null;
}

const COORDINATORS = new Set(['and', 'but']);
const RELATIVES = new Set(['who', 'whom']);

/**
 * The antecedent of a relative pronoun right after `p`: the name or description ending there; for an appositive
 * description after a name ("Roe, a former strategist who …"), the name it describes.
 */
function relativeAntecedent(tokens: Token[], names: NameIndex, p: number): Subject | null {
  const phrase = phraseEndingAt(tokens, names, p);
  if (!phrase || phrase.type !== 'description') return phrase;
  const comma = tokens[phrase.first - 1];
  const named = comma?.text === ',' ? names.byLast.get(phrase.first - 2) : undefined;
  if (named && named.kind !== 'place' && named.kind !== 'organization' && !isBareNoun(named)) return { type: 'name', first: named.phraseFirst, candidate: named };
  return phrase;
}
/** "Sen. Tom Hale, R-Texas, said", "Rep. Ann Kent, D-N.Y.,": a party and state after a US lawmaker's name. */
const PARTY_AFFILIATION = /^[RDI]\s?-\s?[A-Z]/;

/**
 * "Jane Roe, a Colorado Democrat, said": capitalised words after an article ("a Colorado Democrat", "the Vermont
 * Independent") are an appositive describing the person before them, never a second speaker's name. Organisations
 * keep their article ("the World Bank"), so only an indefinite article, or "the" before a person-like phrase, counts.
 */
function describedByArticle(tokens: Token[], named: NameCandidate): boolean {
  // Walk back over lower-case modifiers and an owner ("the committee’s top Democrat") to the determiner.
  for (let p = named.phraseFirst - 1; p >= Math.max(0, named.phraseFirst - 6); p--) {
    const t = tokens[p];
    if (t.sentence !== tokens[named.phraseFirst].sentence || t.quote >= 0) return false;
    if (t.kind === 'word' && APPOSITIVE_DETERMINERS.has(t.lower)) {
      if (t.lower === 'the' && p === named.phraseFirst - 1 && named.kind === 'organization') return false;
      // The appositive must follow a comma that closes a name or pronoun: "Roe, a Colorado Democrat,".
      return tokens[p - 1]?.text === ',';
    }
    if (t.text === '’s' || t.text === "'s" || t.kind === 'word' && !t.cap) continue;
    return false;
  }
  return false;
}

/** The subject of the sentence a coordinated verb at `verb` belongs to (the coordinator at `at`), if any. */
function sharedSubject(tokens: Token[], names: NameIndex, at: number, verb: number): Subject | null {
  const sentence = tokens[verb].sentence;
  let first = at;
  while (first > 0 && tokens[first - 1].sentence === sentence) first--;
  const subject = sentenceSubject(tokens, names, first, at);
  // The shared subject must stand before the first verb; a subject reached only through the coordinator is none.
  return subject && subject.first < at ? subject : null;
}

/** "Russia's embassy in Tallinn said": a description takes in the post-modifier that stands before the verb. */
function withPostmodifier(tokens: Token[], s: Subject & { type: 'description' }, verb: number): Subject {
  const d = s.description;
  const end = extendPostmodifier(tokens, d.end);
  if (end <= d.end || end > verb) return s;
  return { ...s, description: { ...d, end, stop: tokens[end - 1].end, text: textOf(tokens, d.first, end) } };
}

/** The subject of a sentence, read from its first token: the owner of a participle cue (", saying …"). */
export function sentenceSubject(tokens: Token[], names: NameIndex, first: number, verb: number): Subject | null {
  // The subject opens the sentence, or follows an opening phrase and its comma ("Speaking in Tromsø, Virtanen …").
  for (let p = first; p < Math.min(verb, first + 14); p++) {
    if (tokens[p].quote >= 0) return null;
    if (p !== first && tokens[p - 1].text !== ',') continue;
    const subject = phraseStartingAt(tokens, names, p);
    if (subject) return subject;
  }
  return null;
}

function phraseStartingAt(tokens: Token[], names: NameIndex, p: number): Subject | null {
  const t = tokens[p];
  const kind = pronounKind(t);
  if (kind) return { type: 'pronoun', first: p, token: p, kind };
  const candidate = names.byFirst.get(p) ?? (t.lower === 'the' ? names.byFirst.get(p + 1) : undefined);
  const owned = candidate && ownedDescription(tokens, candidate, p);
  if (owned) return owned;
  if (candidate && candidate.kind !== 'place' && !isBareNoun(candidate)) {
    return { type: 'name', first: p, candidate };
  }
  const description = descriptionStartingAt(tokens, p);
  return description ? { type: 'description', first: p, description } : null;
}

/** The subject written right after an inverted cue or "according to" ("said Smith", "said the minister"). */
export function subjectAfter(tokens: Token[], names: NameIndex, at: number): Subject | null {
  const t = tokens[at];
  if (!t || t.quote >= 0) return null;
  const kind = pronounKind(t);
  if (kind) return { type: 'pronoun', first: at, token: at, kind };
  const candidate = names.byFirst.get(at) ?? (t.lower === 'the' ? names.byFirst.get(at + 1) : undefined);
  const owned = candidate && ownedDescription(tokens, candidate, at);
  if (owned) return owned;
  if (candidate && !isBareNoun(candidate)) {
    return { type: 'name', first: at, candidate };
  }
  const titled = nameAfterRoleWords(tokens, names, at);
  if (titled) return titled;
  const description = descriptionStartingAt(tokens, at, true);
  return description ? { type: 'description', first: at, description } : null;
}

/** Lower-case words that may stand in a role written before a name; never a function word or a verb. */
const ROLE_WORD = /^\p{Ll}[\p{Ll}\-]+$/u;
const NOT_ROLE_WORDS = new Set([...PREPOSITIONS, ...BREAKERS, ...SKIPPABLE, 'the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'to', 'not']);

/**
 * "says sleep psychologist Ann Roe", "said the family lawyer Tom Keller": after an inverted cue, a role of a few
 * lower-case words the lexicon may not know, then the person's name. The name is the subject.
 */
function nameAfterRoleWords(tokens: Token[], names: NameIndex, at: number): Subject | null {
  let k = at;
  if (tokens[k]?.lower === 'the') k++;
  const from = k;
  while (k < at + 5 && tokens[k] && tokens[k].kind === 'word' && tokens[k].quote < 0 && ROLE_WORD.test(tokens[k].text) &&
    !NOT_ROLE_WORDS.has(tokens[k].lower) && cueVerbFormOfLower(tokens[k].lower) === null) k++;
  if (k === from || k - from > 3) return null;
  const candidate = names.byFirst.get(k);
  if (!candidate || candidate.first !== k || candidate.kind === 'place' || candidate.kind === 'organization' || isBareNoun(candidate)) return null;
  return { type: 'name', first: at, candidate };
}

/**
 * "The European Commission’s spokesperson", "Moscow's ambassador": a name that owns a description head is not
 * the subject; the whole phrase is.
 */
function ownedDescription(tokens: Token[], candidate: NameCandidate, at: number): Subject | null {
  const mark = tokens[candidate.end];
  if (!mark || mark.text !== '’s' && mark.text !== "'s") return null;
  const description = descriptionStartingAt(tokens, at);
  return description && description.possessive && description.headKind === 'people' ? { type: 'description', first: at, description } : null;
}

/** A capitalised common noun that opens a sentence ("Officials said", "Sources close to …"), not a name. */
function isBareNoun(candidate: NameCandidate): boolean {
  return candidate.kind === 'unknown' && candidate.words.length === 1 && isDescriptionHead(candidate.words[0]);
}

function phraseEndingAt(tokens: Token[], names: NameIndex, p: number): Subject | null {
  const t = tokens[p];
  if (t.kind !== 'word' && t.text !== ',') return null;
  const kind = t.kind === 'word' ? pronounKind(t) : null;
  if (kind) return { type: 'pronoun', first: p, token: p, kind };
  const candidate = names.byLast.get(p);
  if (candidate && !isBareNoun(candidate)) {
    // "The Kremlin said": an organisation's article belongs to it.
    const first = candidate.phraseFirst > 0 && tokens[candidate.phraseFirst - 1].lower === 'the' && candidate.kind === 'organization'
      ? candidate.phraseFirst - 1 : candidate.phraseFirst;
    return { type: 'name', first, candidate };
  }
  const description = descriptionAround(tokens, p);
  return description ? { type: 'description', first: description.first, description } : null;
}

/** A description whose phrase ends at `p`: its head there, or a post-modifier after the head ("a source close to …"). */
function descriptionAround(tokens: Token[], p: number): Description | null {
  const direct = descriptionEndingAt(tokens, p);
  if (direct) return direct;
  // Walk back over a post-modifier to its head: "a spokesman for the Polish Red Cross", and, for an unnamed
  // source, over a participle phrase or a relative clause ("an engineer based in the capital").
  for (let h = p - 1; h >= Math.max(0, p - 15); h--) {
    if (tokens[h].sentence !== tokens[p].sentence || tokens[h].quote >= 0 || tokens[h].kind === 'punct' && tokens[h].text !== '-' && tokens[h].text !== '’s' && tokens[h].text !== "'s" && !isAbbreviationStop(tokens, h)) return null;
    const d = descriptionEndingAt(tokens, h);
    if (d && extendPostmodifier(tokens, h + 1, !d.definite || d.plural) === p + 1) {
      return { ...d, end: p + 1, stop: tokens[p].end, text: textOf(tokens, d.first, p + 1) };
    }
  }
  return null;
}

/** "Lavrov and Cavusoglu", "Russia, Turkey and Iran": the subject is more than one party. */
function coordinated(tokens: Token[], names: NameIndex, first: number): boolean {
  const before = tokens[first - 1];
  if (!before || before.sentence !== tokens[first].sentence) return false;
  if (before.lower === 'and' || before.text === '&') {
    const prev = first - 2;
    if (prev < 0) return false;
    // "Lavrov and Cavusoglu confirmed": a lone capitalised word opening the sentence is a name here too.
    const opening = tokens[prev].sentence === tokens[first].sentence && (prev === 0 || tokens[prev - 1].sentence !== tokens[prev].sentence);
    return phraseEndingAt(tokens, names, prev) !== null || opening && tokens[prev].kind === 'word' && tokens[prev].cap;
  }
  return false;
}

/** For a comma at `p` closing an aside (", who …,", ", a former minister,"), the index of its opening comma. */
function asideStart(tokens: Token[], p: number): number {
  const sentence = tokens[p].sentence;
  for (let q = p - 1; q >= Math.max(0, p - 18); q--) {
    const t = tokens[q];
    if (t.sentence !== sentence || t.quote >= 0) return -1;
    if (t.text === ',') {
      const opener = tokens[q + 1];
      // ", who …,", ", a former minister,", ", 72," (an age): an aside between the subject and its verb.
      // ", in turn,", ", for his part,", ", on Monday,": a prepositional aside.
      // ", R-Texas,", ", D-N.Y.,": a US lawmaker's party and state.
      if (opener && PARTY_AFFILIATION.test(textOf(tokens, q + 1, Math.min(p, q + 4)))) return q;
      // ", asked about the plan,", ", visibly shaken,", ", worried about inflation,": a participle aside.
      if (opener && opener.kind === 'word' && !opener.cap && /^[a-z]{2,}(ed|ing|ly)$/.test(opener.lower)) return q;
      if (opener && (opener.kind === 'number' || PREPOSITIONS.has(opener.lower) ||
        ['who', 'which', 'whose', 'a', 'an', 'the', 'his', 'her', 'its', 'their', 'speaking', 'however', 'meanwhile', 'too', 'also', 'though', 'meanwhile', 'instead'].includes(opener.lower))) return q;
      return -1;
    }
    if (t.kind === 'punct' && t.text !== '-' && t.text !== '’s' && t.text !== "'s" && t.text !== '.') return -1;
  }
  return -1;
}
