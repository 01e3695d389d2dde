// Reads the noun phrases that stand for a source without naming it: organizations ("The Russian ministry",
// "Russia's foreign ministry"), anonymous sources ("a Turkish diplomatic source", "one official", "sources
// close to the talks") and title-only references ("the minister"), plus subject pronouns. Works on tokens
// around a cue, in either direction; it never scans the whole text.
import type { Token } from '../tokens';
import { isPhraseBreak, isPossessive, textOf } from '../tokenText';
import { isOrganizationHead } from '../../lexicon/gazetteer';
import { BARE_COLLECTIVES, MORE_ORGANIZATION_HEADS, MORE_PEOPLE_HEADS } from '../../lexicon/sourceNouns';
import { isRoleHead } from '../../lexicon/roles';
import { cueVerbForm } from '../../lexicon/cueVerbs';
import { lowerCase } from '../../lexicon/lowerCase';
import { AUXILIARIES } from '../../lexicon/commonWords';
import { DEFINITE_DETERMINERS, INDEFINITE_DETERMINERS, NOUN_DETERMINERS } from '../../lexicon/functionWords';

/** Words that carry a clause's verb: a post-modifier never runs past them. */
const VERB_CARRIERS: ReadonlySet<string> = new Set([...AUXILIARIES, 'do', 'also', 'not', 'kept', 'keeps']);

export interface Description {
  first: number;
  end: number;
  start: number;
  stop: number;
  text: string;
  /** Lower-cased head noun ("ministry", "source"). */
  head: string;
  /** Lower-cased words before the head, without the determiner. */
  modifiers: string[];
  definite: boolean;
  plural: boolean;
  /** What the head names: an institution, or a person or people. */
  headKind: 'organization' | 'people';
  /** An owner is written before the head ("the ministry's spokeswoman", "the European Commission’s spokesperson"). */
  possessive: boolean;
}

/** What a pronoun (or "the 59-year-old") can refer to. */
export type PronounKind = 'male' | 'female' | 'plural' | 'thing' | 'person';

/** Nouns for people that journalists use as unnamed sources; role heads count too. */
const PEOPLE_HEADS = new Set(
  `
source sources official officials diplomat diplomats analyst analysts expert experts witness witnesses resident
residents observer observers insider insiders person people man men woman women aide aides adviser advisers advisor
advisors lawmaker lawmakers deputy deputies member members employee employees worker workers officer officers activist
activists leader leaders spokesman spokeswoman spokesperson spokespeople representative representatives negotiator
negotiators mediator envoy envoys minister ministers ambassador president premier chancellor secretary governor mayor
senator commander general prosecutor judge executive executives economist economists researcher researchers
scientist scientists investigator investigators protester protesters protestor protestors demonstrator
demonstrators villager villagers doctor doctors nurse nurses medic medics journalist journalists student students
teacher teachers farmer farmers soldier soldiers fighter fighters rebel rebels militant militants politician
politicians figure figures insider rescuer rescuers survivor survivors victim victims relative relatives colleague
colleagues friend friends neighbour neighbours neighbor neighbors owner owners director manager chief head
counterpart counterparts critic critics supporter supporters opponent opponents voter voters parent parents
citizen citizens shopper shoppers commuter commuters passenger passengers fan fans user users customer customers
survivor eyewitness eyewitnesses onlooker onlookers bystander bystanders delegate delegates participant participants
consultant consultants lawyer lawyers attorney attorneys trader traders banker bankers engineer engineers
professor professors pilot pilots driver drivers vendor vendors shopkeeper shopkeepers investor investors
contractor contractors miner miners clerk clerks guard guards firefighter firefighters policeman policemen
candidate candidates scholar scholars commentator commentators correspondent correspondents planner planners
regulator regulators auditor auditors inspector inspectors coordinator administrator administrators
tourist tourists visitor visitors pensioner pensioners retiree retirees homeowner homeowners tenant tenants
landlord landlords patient patients mourner mourners pilgrim pilgrims refugee refugees migrant migrants
volunteer volunteers campaigner campaigners organiser organisers organizer organizers pollster pollsters
entrepreneur entrepreneurs fisherman fishermen labourer labourers laborer laborers staffer staffers
negotiators lobbyist lobbyists insurer insurers developer developers broker brokers dealer dealers
narrator narrators reviewer reviewers caller callers viewer viewers reader readers listener listeners
agent agents
`
    .split(/\s+/)
    .filter(Boolean),
);

/** Agent nouns built with a suffix ("epidemiologist", "technician", "strategist") name people too. */
const PERSON_SUFFIX = /^[a-z]{3,}(ist|ician)s?$/;
const NOT_PERSONS = new Set([
  'list',
  'lists',
  'mist',
  'twist',
  'twists',
  'fist',
  'wrist',
  'gist',
  'exist',
  'exists',
  'assist',
  'assists',
  'insist',
  'insists',
  'resist',
  'resists',
  'persist',
  'persists',
  'consist',
  'consists',
  'checklist',
  'wishlist',
  'playlist',
  'shortlist',
  'blacklist',
  'whitelist',
  'waitlist',
  'desist',
]);

/** A noun for a person or people: from the list, or an agent noun in "-ist" / "-ician". */
function isPeopleHead(lower: string): boolean {
  return PEOPLE_HEADS.has(lower) || MORE_PEOPLE_HEADS.has(lower) || (PERSON_SUFFIX.test(lower) && !NOT_PERSONS.has(lower));
}

const INDEFINITE = INDEFINITE_DETERMINERS;
const DEFINITE = DEFINITE_DETERMINERS;
const STOP_WORDS = new Set([
  'that',
  'which',
  'who',
  'whom',
  'and',
  'or',
  'but',
  'as',
  'than',
  'to',
  'said',
  'says',
  'if',
  'when',
  'while',
  'because',
  'after',
  'before',
  'with',
  'by',
  'for',
  'from',
  'in',
  'on',
  'at',
  'of',
  'into',
  'not',
  'was',
  'were',
  'is',
  'are',
  'had',
  'has',
  'have',
  'would',
  'will',
  'could',
]);
/** Words that carry a noun phrase on after its head ("sources close to the talks", "a spokesman for …"). */
const POSTMODIFIERS = new Set([
  'for',
  'of',
  'at',
  'in',
  'from',
  'with',
  'close',
  'familiar',
  'near',
  'inside',
  'within',
  'based',
  'who',
  'on',
]);
const TIME_WORDS =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|earlier|later|last|this|morning|evening|night|week|month|year|january|february|march|april|may|june|july|august|september|october|november|december|\d.*)$/;

/** A noun for a person or people ("employee", "residents", "spokesman"). */
export function isPersonNoun(word: string): boolean {
  return isPeopleHead(lowerCase(word));
}

export function isDescriptionHead(word: string): boolean {
  return isDescriptionHeadLower(lowerCase(word));
}

/**
 * Answers by lower-cased word, remembered: the cue stage asks about the same few hundred words at every step
 * it reads back from a verb. Bounded, so a long-running server does not keep every word it ever saw.
 */
const descriptionHeads = new Map<string, boolean>();

/** `isDescriptionHead` for a word already in lower case (a token's `lower`). */
function isDescriptionHeadLower(lower: string): boolean {
  let known = descriptionHeads.get(lower);
  if (known === undefined) {
    known =
      lower === 'year-old' || isPeopleHead(lower) || isOrganizationHead(lower) || MORE_ORGANIZATION_HEADS.has(lower) || isRoleHead(lower);
    if (descriptionHeads.size >= 50_000) descriptionHeads.clear();
    descriptionHeads.set(lower, known);
  }
  return known;
}

export function pronounKind(t: Token): PronounKind | null {
  switch (t.lower) {
    case 'he':
      return 'male';
    case 'she':
      return 'female';
    case 'they':
      return 'plural';
    case 'it':
      return 'thing';
    default:
      return null;
  }
}

/** The description whose head is token `h`, read leftwards to its determiner. */
export function descriptionEndingAt(tokens: Token[], h: number): Description | null {
  const headTok = tokens[h];
  if (!headTok || headTok.kind !== 'word' || headTok.quote >= 0 || !isDescriptionHeadLower(headTok.lower)) return null;
  const sentence = headTok.sentence;
  let p = h - 1;
  let first = h;
  let definite: boolean | null = null;
  let steps = 0;
  while (p >= 0 && tokens[p].sentence === sentence && tokens[p].quote < 0 && steps < 7) {
    const t = tokens[p];
    if (t.kind === 'word' && INDEFINITE.has(t.lower)) {
      first = p;
      definite = false;
      break;
    }
    if (t.kind === 'word' && (DEFINITE.has(t.lower) || demonstrativeBefore(tokens, p, h))) {
      first = p;
      definite = true;
      break;
    }
    if (isPossessive(t) && p > 0 && tokens[p - 1].kind === 'word' && tokens[p - 1].cap) {
      // "Russia's foreign ministry", "the European Union's ambassador": the owner is the determiner.
      let q = p - 1;
      while (q > 0 && tokens[q - 1].kind === 'word' && tokens[q - 1].cap && tokens[q - 1].sentence === sentence) q--;
      if (q > 0 && tokens[q - 1].lower === 'the') q--;
      first = q;
      definite = true;
      break;
    }
    // "the ministry's spokeswoman": a common noun owning the head; the phrase runs on to its determiner.
    if (isPossessive(t) && p > 0 && tokens[p - 1].kind === 'word' && !tokens[p - 1].cap && tokens[p - 1].sentence === sentence) {
      first = p;
      p--;
      steps++;
      continue;
    }
    // "the teachers' union": a plural possessive's apostrophe stays inside the phrase.
    const pluralPossessive =
      (t.text === "'" || t.text === '’') && p > 0 && tokens[p - 1].lower.endsWith('s') && tokens[p - 1].end === t.start;
    if (t.kind === 'punct' && t.text !== '-' && !pluralPossessive) break;
    if (t.kind === 'word' && STOP_WORDS.has(t.lower)) break;
    first = p;
    p--;
    steps++;
  }
  const plural = (/s$/.test(headTok.lower) && !/(ss|us)$/.test(headTok.lower)) || headTok.lower === 'people';
  if (definite === null) {
    // No determiner: only bare plurals stand alone as sources ("Turkish officials said", "Witnesses said").
    if (!BARE_COLLECTIVES.has(headTok.lower) && (!plural || !isPeopleHead(headTok.lower))) return null;
    definite = false;
  }
  const modifiers: string[] = [];
  for (let k = first; k < h; k++) {
    const t = tokens[k];
    if (t.kind === 'word' && !INDEFINITE.has(t.lower) && !DEFINITE.has(t.lower) && !demonstrativeBefore(tokens, k, h))
      modifiers.push(t.lower);
  }
  return build(tokens, first, h + 1, headTok, modifiers, definite, plural);
}

/**
 * "That person said", "this official added": "this"/"that" right before a singular head points back like "the"
 * (before a plural, "that" is a conjunction: "said that officials …").
 */
function demonstrativeBefore(tokens: Token[], p: number, h: number): boolean {
  const t = tokens[p];
  if ((t.lower !== 'this' && t.lower !== 'that') || p !== h - 1) return false;
  return !/s$/.test(tokens[h].lower) && isPeopleHead(tokens[h].lower);
}

/** A description that starts at token `s` ("the minister", "a spokesman for the Polish Red Cross"). */
export function descriptionStartingAt(tokens: Token[], s: number, clauses = false): Description | null {
  const det = tokens[s];
  if (!det || det.kind !== 'word' || det.quote >= 0) return null;
  const sentence = det.sentence;
  const definite = DEFINITE.has(det.lower) ? true : INDEFINITE.has(det.lower) ? false : null;
  let p = definite === null ? s : s + 1;
  let head = -1;
  for (let steps = 0; p < tokens.length && steps < 7; p++, steps++) {
    const t = tokens[p];
    if (t.sentence !== sentence || t.quote >= 0 || (t.kind !== 'word' && t.text !== '-' && !isPossessive(t))) break;
    if (t.kind === 'word' && STOP_WORDS.has(t.lower)) break;
    if (t.kind === 'word' && isDescriptionHeadLower(t.lower)) head = p;
    // "The European Commission’s spokesperson": the owner's head is not the phrase's head yet.
    else if (head >= 0 && t.kind !== 'word' && t.text !== '-' && head === p - 1 && isDescriptionHead(tokens[p + 1]?.text ?? '')) continue;
    else if (head >= 0) break;
  }
  if (head < 0) return null;
  const headTok = tokens[head];
  const plural = /s$/.test(headTok.lower) && !/(ss|us)$/.test(headTok.lower);
  if (definite === null && !(plural && isPeopleHead(headTok.lower)) && !BARE_COLLECTIVES.has(headTok.lower)) return null;
  // A bare plural ("Opposition lawmakers") has at most a couple of modifiers and no article inside it.
  if (definite === null && (head - s > 2 || hasArticleOrParticiple(tokens, s, head))) return null;
  const first = s;
  const end = extendPostmodifier(tokens, head + 1, clauses && (definite !== true || plural));
  const modifiers: string[] = [];
  for (let k = definite === null ? s : s + 1; k < head; k++) if (tokens[k].kind === 'word') modifiers.push(tokens[k].lower);
  return build(tokens, first, end, headTok, modifiers, definite ?? false, plural);
}

/** Words that stand alone for an unnamed speaker: "said one", "another replied", "someone shouted" (and "the other"). */
const LONE_SOURCES = new Set(['one', 'another', 'someone', 'somebody']);

/** "one", "another" or "the other" (its "the" at `i`): one member of a group, who speaks as a source of its own. */
export function memberWordEnd(tokens: Token[], i: number): number {
  const t = tokens[i];
  if (!t || t.quote >= 0) return -1;
  if (t.lower === 'one' || t.lower === 'another') return i + 1;
  return t.lower === 'the' && tokens[i + 1]?.lower === 'other' ? i + 2 : -1;
}

/**
 * "“…,” said one, who sells pastries.", "Another replied:", "someone in the gallery shouted:": a lone "one",
 * "another" or "someone" that is a cue's subject is an unnamed source of its own (real reporting writes "one" and
 * "another" for members of a crowd it does not name). "someone" keeps a place after it ("in the gallery").
 */
export function loneSourceAt(tokens: Token[], i: number): Description | null {
  const t = tokens[i];
  // "“…,” said the other": the second of a pair.
  if (t?.lower === 'the' && t.quote < 0 && tokens[i + 1]?.lower === 'other') return build(tokens, i, i + 2, tokens[i + 1], [], true, false);
  if (!t || t.kind !== 'word' || t.quote >= 0 || !LONE_SOURCES.has(t.lower)) return null;
  const end = t.lower.startsWith('some') ? extendPostmodifier(tokens, i + 1) : i + 1;
  return build(tokens, i, end, t, [], false, false);
}

/** An article or an "-ed" word among tokens [a, b). */
function hasArticleOrParticiple(tokens: Token[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const lower = tokens[k].lower;
    if (DEFINITE.has(lower) || INDEFINITE.has(lower) || /ed$/.test(lower)) return true;
  }
  return false;
}

/**
 * One past a post-modifier that belongs to an anonymous source ("close to the talks", "for the Polish Red
 * Cross", "in Moscow"), stopping at punctuation, a time expression or a verb-like word; `from` if none.
 * With `clauses` (the caller knows where the cue verb stands), a participle phrase ("based in the
 * capital", "speaking from the port") or a relative clause ("who declined to give a name") counts too.
 */
export function extendPostmodifier(tokens: Token[], from: number, clauses = false): number {
  const t = tokens[from];
  if (!t || t.kind !== 'word' || t.quote >= 0) return from;
  if (clauses && t.lower === 'who') return relativeClauseEnd(tokens, from);
  if (clauses && isParticiple(t)) return participleEnd(tokens, from);
  // "an aide to the president", "the ambassador to Washington": heads that take "to" for whom they serve.
  const servesWhom = t.lower === 'to' && TO_HEADS.has(tokens[from - 1]?.lower ?? '');
  if (!POSTMODIFIERS.has(t.lower) && !servesWhom) return from;
  const sentence = t.sentence;
  let p = from + 1;
  if (t.lower === 'close' || t.lower === 'familiar' || t.lower === 'based') {
    if (!tokens[p] || !['to', 'with', 'in'].includes(tokens[p].lower)) return from;
    p++;
  }
  let end = from;
  for (let steps = 0; p < tokens.length && steps < 8; p++, steps++) {
    const w = tokens[p];
    if (w.sentence !== sentence || w.quote >= 0) break;
    if (isPhraseBreak(tokens, p)) break;
    // "on Saturday", "last week": time, not part of who the source is.
    if (w.kind === 'word' && (TIME_WORDS.test(w.lower) || ['that', 'said', 'says', 'told', 'who', 'which', 'and', 'on'].includes(w.lower)))
      break;
    // The verb of the clause ends the phrase ("a source close to the talks said").
    if (w.kind === 'word' && !w.cap && (isCueVerbHere(tokens, p) || VERB_CARRIERS.has(w.lower) || isPastVerbAfterNoun(tokens, p))) break;
    end = p + 1;
  }
  return end > from + 1 ? end : from;
}

/** Past forms of what a speaker does before speaking: "a nurse in the audience took the microphone and declared". */
const ACTION_PASTS = new Set([
  'took',
  'stood',
  'rose',
  'got',
  'came',
  'went',
  'ran',
  'sat',
  'began',
  'threw',
  'broke',
  'shook',
  'held',
  'grabbed',
]);

/**
 * The word at `p` is a past-tense verb right after the noun that closes a post-modifier ("in the audience took …",
 * "at the back stepped forward"): the clause's own verb, not part of who the source is. After a determiner or a
 * preposition an "-ed" word is an adjective ("in the crowded hall").
 */
function isPastVerbAfterNoun(tokens: Token[], p: number): boolean {
  const prev = tokens[p - 1];
  if (!prev || prev.kind !== 'word' || NOUN_OPENERS.has(prev.lower) || POSTMODIFIERS.has(prev.lower)) return false;
  const w = tokens[p].lower;
  return ACTION_PASTS.has(w) || /[a-z]{3}ed$/.test(w);
}

/** Words after which a cue verb's form is a noun ("close to the talks", "familiar with reports"). */
const NOUN_OPENERS = new Set([...NOUN_DETERMINERS, 'of', 'with', 'about', 'over', 'from', 'into', 'among', 'at', 'in']);
NOUN_OPENERS.delete('that');

/** A cue verb's form at `p` that stands as a verb, not as a noun after a determiner or preposition. */
function isCueVerbHere(tokens: Token[], p: number): boolean {
  if (cueVerbForm(tokens[p].lower) === null) return false;
  const prev = tokens[p - 1];
  return !(prev && ((prev.kind === 'word' && NOUN_OPENERS.has(prev.lower)) || isPossessive(prev)));
}

const TO_HEADS = new Set([
  'aide',
  'aides',
  'adviser',
  'advisers',
  'advisor',
  'advisors',
  'ambassador',
  'ambassadors',
  'envoy',
  'envoys',
  'counsel',
  'assistant',
  'assistants',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'consultant',
  'consultants',
  'deputy',
  'lawyer',
  'lawyers',
  'attorney',
  'successor',
  'delegate',
  'delegates',
]);

/** Words that open a clause of their own: the source's description ends before them. */
const CLAUSE_BOUNDARIES = new Set([
  'because',
  'since',
  'although',
  'though',
  'while',
  'whereas',
  'as',
  'but',
  'and',
  'that',
  'so',
  'after',
  'before',
  'when',
  'if',
  'until',
  'unless',
]);
/** Past participles not ending in "-ed" that journalists put after an unnamed source ("a diplomat known for …"). */
const IRREGULAR_PARTICIPLES = new Set([
  'known',
  'given',
  'taken',
  'chosen',
  'sworn',
  'drawn',
  'shown',
  'held',
  'sent',
  'kept',
  'met',
  'led',
  'hit',
  'caught',
  'brought',
]);

/** "involved", "working", "briefed", "known": a participle, not a cue verb ("speaking" stays an aside's cue). */
function isParticiple(t: Token): boolean {
  if (t.cap || t.kind !== 'word' || VERB_CARRIERS.has(t.lower) || cueVerbForm(t.lower) !== null) return false;
  return /[a-z]{2}(ed|ing)$/.test(t.lower) || IRREGULAR_PARTICIPLES.has(t.lower);
}

/** One past "based in the capital": the phrase runs to punctuation, a quote, a clause boundary or a cue verb. */
function participleEnd(tokens: Token[], from: number): number {
  const sentence = tokens[from].sentence;
  let end = from + 1;
  for (let p = from + 1; p < tokens.length && p < from + 10; p++) {
    const w = tokens[p];
    if (w.sentence !== sentence || w.quote >= 0 || isPhraseBreak(tokens, p)) break;
    if (w.kind === 'word' && !w.cap && (CLAUSE_BOUNDARIES.has(w.lower) || isCueVerbHere(tokens, p) || VERB_CARRIERS.has(w.lower))) break;
    // "on Monday", "last week": when the source spoke, not who they are.
    if (w.kind === 'word' && isWhen(tokens, p)) break;
    end = p + 1;
  }
  // "gathered in Geneva on Monday": the preposition of the time phrase goes with it.
  while (end > from + 1 && WHEN_PREPOSITIONS.has(tokens[end - 1].lower)) end--;
  return end;
}

const WHEN_PREPOSITIONS = new Set(['on', 'in', 'at', 'during', 'over', 'since', 'by']);
const DAYS_AND_MONTHS =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|january|february|march|april|june|july|august|september|october|november|december)$/;

/** A word that starts a time expression: a weekday or a month, "today", or "last/this/next week". */
function isWhen(tokens: Token[], p: number): boolean {
  const w = tokens[p];
  if (DAYS_AND_MONTHS.test(w.lower)) return true;
  return (
    ['last', 'this', 'next', 'earlier', 'later'].includes(w.lower) &&
    /^(week|month|year|weekend|morning|afternoon|evening|night)$/.test(tokens[p + 1]?.lower ?? '')
  );
}

/**
 * One past "who declined to give a name": the clause keeps its own first verb (even a cue verb like "asked")
 * and its auxiliaries, and ends at punctuation, a quote, a clause boundary ("because …") or the next cue verb.
 */
function relativeClauseEnd(tokens: Token[], from: number): number {
  const sentence = tokens[from].sentence;
  const verb = tokens[from + 1];
  if (!verb || verb.kind !== 'word' || verb.cap || verb.quote >= 0 || verb.sentence !== sentence) return from;
  let end = from + 2;
  for (let p = from + 2; p < tokens.length && p < from + 14; p++) {
    const w = tokens[p];
    if (w.sentence !== sentence || w.quote >= 0 || isPhraseBreak(tokens, p)) break;
    if (
      w.kind === 'word' &&
      !w.cap &&
      (CLAUSE_BOUNDARIES.has(w.lower) ||
        (cueVerbForm(w.lower) !== null && !VERB_CARRIERS.has(tokens[p - 1].lower) && tokens[p - 1].lower !== 'to'))
    )
      break;
    end = p + 1;
  }
  return end;
}

function build(
  tokens: Token[],
  first: number,
  end: number,
  headTok: Token,
  modifiers: string[],
  definite: boolean,
  plural: boolean,
): Description {
  const start = tokens[first].start;
  const stop = tokens[end - 1].end;
  const text = textOf(tokens, first, end);
  let possessive = false;
  for (let m = first; m < end && tokens[m] !== headTok; m++) if (isPossessive(tokens[m])) possessive = true;
  return {
    first,
    end,
    start,
    stop,
    text,
    head: headTok.lower,
    modifiers,
    definite,
    plural,
    possessive,
    headKind:
      (isOrganizationHead(headTok.lower) || MORE_ORGANIZATION_HEADS.has(headTok.lower)) && !isPeopleHead(headTok.lower)
        ? 'organization'
        : 'people',
  };
}
