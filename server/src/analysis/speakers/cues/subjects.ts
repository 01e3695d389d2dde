// Reads who is the SUBJECT of a cue: the phrase before the verb ("Lavrov said", "A Turkish diplomatic source
// told AFP", "Nebenzya at a briefing Thursday denied"), after it when inverted ("said Smith"), or after
// "according to"; the sentence's subject for a participle (", saying …"); the one quoted in "quoted X as saying".
import type { Token } from '../tokens';
import { isPhraseBreak, isPossessive, textOf } from '../tokenText';
import type { NameCandidate } from '../mentions/names';
import { cueVerbForm, cueVerbFormOfLower } from '../../lexicon/cueVerbs';
import { HONORIFIC, ROLE_HEAD, ROLE_MODIFIER, isWordOf } from '../../lexicon/wordClasses';
import { isFiniteVerbAfterSubject } from '../../lexicon/commonWords';
import {
  descriptionEndingAt,
  descriptionStartingAt,
  extendPostmodifier,
  isDescriptionHead,
  loneSourceAt,
  memberWordEnd,
  pronounKind,
  type Description,
  type PronounKind,
} from '../mentions/descriptions';
import type { NameIndex } from '../mentions/nameIndex';
import { APPOSITIVE_DETERMINERS, ARTICLES, DEFINITE_DETERMINERS, DETERMINERS } from '../../lexicon/functionWords';
import type { Cue } from './cues';

/** A cue's subject as written; which speaker it stands for is decided by the resolver. */
export type Subject =
  | { type: 'name'; first: number; candidate: NameCandidate }
  | { type: 'description'; first: number; description: Description }
  | { type: 'pronoun'; first: number; token: number; kind: PronounKind; member?: boolean };

/** Words allowed between a subject and its verb without breaking the link ("has also repeatedly said"). */
const SKIPPABLE = new Set(
  `
has have had was were is are be been will would could should may might must can did does do also further later
earlier then again previously once now already repeatedly reportedly separately recently subsequently
today yesterday tonight late early meanwhile still too however publicly privately briefly herself himself
themselves itself last this next
`
    .split(/\s+/)
    .filter(Boolean),
);
const PREPOSITIONS = new Set([
  'at',
  'in',
  'on',
  'during',
  'after',
  'before',
  'with',
  'from',
  'for',
  'by',
  'over',
  'about',
  'since',
  'following',
  'ahead',
  'amid',
  'near',
  'under',
  'into',
  'to',
  'of',
  'via',
]);
const BREAKERS = new Set([
  'that',
  'which',
  'who',
  'whom',
  'whose',
  'and',
  'or',
  'but',
  'because',
  'if',
  'when',
  'while',
  'as',
  'where',
  'than',
  'so',
  'although',
  'though',
]);
const TIME =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|morning|afternoon|evening|night|week|weekend|month|year)s?$/;

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

/**
 * The subject of the verb at `verb`, read leftwards within the sentence; null when there is none or when it
 * is a coordination ("Lavrov and Cavusoglu confirmed"), which no single speaker can own.
 */
export function subjectBefore(tokens: Token[], names: NameIndex, verb: number): Subject | null {
  const sentence = tokens[verb].sentence;
  const member = groupMemberBefore(tokens, verb);
  if (member) return member;
  // "“…,” one said. “…,” another added.", "Another replied:": right after a quote or opening its sentence, a bare
  // "one" or "another" is one of the group (or, with no group named, a source of its own; resolution/reading.ts).
  const bare = tokens[verb - 1]?.lower === 'other' ? verb - 2 : verb - 1;
  if (
    bare >= 0 &&
    tokens[bare].sentence === sentence &&
    memberWordEnd(tokens, bare) === verb &&
    ((tokens[bare - 1]?.quote ?? -1) >= 0 || tokens[bare - 1]?.sentence !== sentence)
  ) {
    return { type: 'pronoun', first: bare, token: verb - 1, kind: 'plural', member: true };
  }
  const someone = loneSomeoneBefore(tokens, verb);
  if (someone) return { type: 'description', first: someone.first, description: someone };
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
      if (tokens[b]?.kind === 'word' && ARTICLES.has(tokens[b].lower)) b--;
      const before = tokens[b];
      // "at a briefing in Moscow said": a name after a preposition is its object, not the subject.
      if (before && before.sentence === sentence && before.kind === 'word' && PREPOSITIONS.has(before.lower)) {
        // "Analysts polled by Reuters said": unless the object closes an unnamed source's participle phrase.
        const around = p === verb - 1 ? descriptionAround(tokens, p) : null;
        if (around && around.first < b && !coordinated(tokens, names, around.first))
          return { type: 'description', first: around.first, description: around };
        p = b - 1;
        continue;
      }
      if (coordinated(tokens, names, found.first)) return null;
      return found.type === 'description' ? withPostmodifier(tokens, found, verb) : found;
    }
    // "Their expedition leader, Nepali guide Mingma Sherpa, said": the name closing an appositive; "One, Rep. Ken
    // Ito of Iowa, said": the name before the place it is "of".
    const named = t.text === ',' && pending === 0 ? nameOfPlace(tokens, names, names.byLast.get(p - 1)) : undefined;
    if (
      named &&
      named.kind !== 'place' &&
      named.governedBy === null &&
      !isBareNoun(named) &&
      !describedByArticle(tokens, named) &&
      !PARTY_AFFILIATION.test(named.text)
    ) {
      return { type: 'name', first: named.phraseFirst, candidate: named };
    }
    if (t.text === ',') {
      const aside = asideStart(tokens, p);
      if (aside < 0) return null;
      p = aside - 1;
      continue;
    }
    // "Rep. Nia Cole (D-Calif.) said": a short parenthesis after the subject (party and state, an age) is skipped.
    if (t.text === ')') {
      const open = parenthesisOpening(tokens, p);
      if (open < 0) return null;
      p = open - 1;
      continue;
    }
    if (t.kind === 'punct') return null;
    if (t.kind === 'number') {
      p--;
      continue;
    }
    // "The ministry said … and called the demands “…”", "Ellis declined to comment but said …": a verb
    // coordinated right after another shares its subject, the subject of the sentence.
    if (COORDINATORS.has(t.lower) && pending === 0) return sharedSubject(tokens, names, p, verb);
    if (BREAKERS.has(t.lower) || (cueVerbForm(t.lower) !== null && !t.cap)) return null;
    if (PREPOSITIONS.has(t.lower)) {
      pending = 0;
      p--;
      continue;
    }
    if (SKIPPABLE.has(t.lower) || TIME.test(t.lower) || (!t.cap && /ly$/.test(t.lower))) {
      p--;
      continue;
    }
    if (++pending > 5) return null;
    p--;
  }
  return null;
}

/**
 * "“…,” one of them said", "“…,” one of the officials said": one member of the group just described speaks for it,
 * the group taken up by "them" or by its plural noun after "the", "those" or "these".
 */
function groupMemberBefore(tokens: Token[], verb: number): Subject | null {
  const group = tokens[verb - 1];
  if (!group) return null;
  const byNoun =
    ['the', 'those', 'these'].includes(tokens[verb - 2]?.lower ?? '') && isDescriptionHead(group.text) && /[a-z]s$/.test(group.lower);
  const first = group.lower === 'them' ? verb - 3 : byNoun ? verb - 4 : -1;
  const one = tokens[first];
  if (!one || one.sentence !== group.sentence || one.quote >= 0 || (one.lower !== 'one' && one.lower !== 'another')) return null;
  if (tokens[first + 1].lower !== 'of') return null;
  return { type: 'pronoun', first, token: verb - 1, kind: 'plural', member: true };
}

/** The "(" of a short parenthesis closing at `close` in the same sentence, outside quotes; -1 when there is none. */
function parenthesisOpening(tokens: Token[], close: number): number {
  const sentence = tokens[close].sentence;
  for (let k = close - 1; k >= 0 && k >= close - 8 && tokens[k].sentence === sentence && tokens[k].quote < 0; k--) {
    if (tokens[k].text === '(') return k;
    if (tokens[k].text === ')') return -1;
  }
  return -1;
}

/** Prepositions whose object is whom words are aimed at, not who says them ("a warning to", "a question for"). */
const ADDRESSEE_PREPOSITIONS = new Set(['to', 'for', 'at', 'against', 'toward', 'towards']);

/**
 * "a warning to the witness, FBI Director Helen Sato:": a name set off by a comma after a short phrase that is the
 * object of "to" or "for" is that addressee's appositive, so it is whom a colon's quote is aimed at.
 */
export function addresseeAppositive(tokens: Token[], phraseFirst: number): boolean {
  const comma = tokens[phraseFirst - 1];
  if (comma?.text !== ',') return false;
  for (let k = phraseFirst - 2, steps = 0; k >= 0 && steps < 4 && tokens[k].sentence === comma.sentence; k--, steps++) {
    const t = tokens[k];
    if (t.kind !== 'word' || t.quote >= 0) return false;
    if (ADDRESSEE_PREPOSITIONS.has(t.lower)) return steps > 0;
  }
  return false;
}

/**
 * "“…,” someone in the gallery shouted": "someone" (with a place after it) right after a quote or opening its
 * sentence, running up to the verb, is an unnamed source.
 */
const CLAUSE_OPENERS = new Set(['then', 'and', 'but', 'suddenly', 'finally', 'soon', 'later', 'eventually', 'meanwhile', 'instead']);

function loneSomeoneBefore(tokens: Token[], verb: number): Description | null {
  const sentence = tokens[verb].sentence;
  for (let i = verb - 1; i >= Math.max(0, verb - 6) && tokens[i].sentence === sentence && tokens[i].quote < 0; i--) {
    if (tokens[i].lower !== 'someone' && tokens[i].lower !== 'somebody') continue;
    const prev = tokens[i - 1];
    if (prev && prev.sentence === sentence && prev.quote < 0 && prev.text !== ',' && !CLAUSE_OPENERS.has(prev.lower)) return null;
    const d = loneSourceAt(tokens, i);
    return d && d.end === verb ? d : null;
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
  // "… with Walter Shay, who said": a non-restrictive clause stands after a comma.
  if (tokens[p]?.text === ',' && p > 0 && tokens[p - 1].sentence === tokens[p].sentence) p--;
  const phrase = phraseEndingAt(tokens, names, p);
  if (!phrase || phrase.type !== 'description') return phrase;
  const comma = tokens[phrase.first - 1];
  const named = comma?.text === ',' ? names.byLast.get(phrase.first - 2) : undefined;
  if (named && named.kind !== 'place' && named.kind !== 'organization' && !isBareNoun(named))
    return { type: 'name', first: named.phraseFirst, candidate: named };
  return phrase;
}
/** For a place (or a name of unknown kind) after "of" or "from" right after a person's name ("Ken Ito of Iowa"), that name; else `named`. */
function nameOfPlace(tokens: Token[], names: NameIndex, named: NameCandidate | undefined): NameCandidate | undefined {
  if (!named || named.kind === 'person') return named;
  // "economist Neil Farraday of the Lakeshore Policy Institute": an institution after "of the" is the person's.
  const article = named.kind === 'organization' && tokens[named.first - 1]?.lower === 'the' ? 1 : 0;
  if (named.kind === 'organization' && article === 0) return named;
  const link = tokens[named.first - 1 - article];
  if (!link || (link.lower !== 'of' && link.lower !== 'from')) return named;
  const person = names.byLast.get(named.first - 2 - article);
  return person && person.kind === 'person' ? person : named;
}

/** "Sen. Tom Hale, R-Texas, said", "Rep. Ann Kent, D-N.Y.,": a party and state after a US lawmaker's name. */
const PARTY_AFFILIATION = /^[RDI]\s?-\s?[A-Z]/;

/**
 * "Jane Roe, a Colorado Democrat, said": capitalised words after an article ("a Colorado Democrat", "the Vermont
 * Independent") are an appositive describing the person before them, never a second speaker's name. Organizations
 * keep their article ("the World Bank"), so only an indefinite article, or "the" before a person-like phrase, counts.
 */
function describedByArticle(tokens: Token[], named: NameCandidate): boolean {
  // "…, her spokesman, Tomas Rieger, said": a role phrase and its comma before the name make the name the appositive.
  for (let p = named.phraseFirst; p < named.first; p++) if (tokens[p].text === ',') return false;
  // Walk back over lower-case modifiers and an owner ("the committee’s top Democrat") to the determiner.
  for (let p = named.phraseFirst - 1; p >= Math.max(0, named.phraseFirst - 6); p--) {
    const t = tokens[p];
    if (t.sentence !== tokens[named.phraseFirst].sentence || t.quote >= 0) return false;
    if (t.kind === 'word' && APPOSITIVE_DETERMINERS.has(t.lower)) {
      if (t.lower === 'the' && p === named.phraseFirst - 1 && named.kind === 'organization') return false;
      // The appositive must follow a comma that closes a name or pronoun: "Roe, a Colorado Democrat,".
      return tokens[p - 1]?.text === ',';
    }
    if (isPossessive(t) || (t.kind === 'word' && !t.cap)) continue;
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
export function sentenceSubject(tokens: Token[], names: NameIndex, sentenceFirst: number, verb: number): Subject | null {
  let first = sentenceFirst;
  // "Then a nurse in the audience took the microphone and declared:": an opening adverb is no subject.
  if (CLAUSE_OPENERS.has(tokens[first].lower) && first + 1 < verb) first++;
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
  // "White House economic adviser Raymond Castellanos defended …": the institution only qualifies the role of the person named after it.
  const served = candidate && candidate.kind !== 'person' ? nameAfterRoleWords(tokens, names, candidate.end) : null;
  if (served) return { ...served, first: p };
  if (candidate && candidate.kind !== 'place' && !isBareNoun(candidate)) {
    return { type: 'name', first: p, candidate };
  }
  const description = descriptionStartingAt(tokens, p);
  if (!description) return null;
  return appositiveName(tokens, names, description, p) ?? { type: 'description', first: p, description };
}

/** The subject written right after an inverted cue or "according to" ("said Smith", "said the minister"). */
export function subjectAfter(tokens: Token[], names: NameIndex, at: number): Subject | null {
  const t = tokens[at];
  if (!t || t.quote >= 0) return null;
  // "wrote its critic, Anna Berg": an owner's description, named after it.
  if (OWNER_DETERMINERS.has(t.lower)) {
    const owned = descriptionStartingAt(tokens, at, true);
    const named = owned && appositiveName(tokens, names, owned, at);
    if (named) return named;
  }
  const kind = pronounKind(t);
  if (kind) return { type: 'pronoun', first: at, token: at, kind };
  // "“…,” said one, who sells pastries. “…,” said another.": one of a group, as "one said" (subjectBefore).
  const memberEnd = memberWordEnd(tokens, at);
  if (memberEnd > 0 && (tokens[memberEnd]?.kind !== 'word' || tokens[memberEnd].lower === 'who'))
    return { type: 'pronoun', first: at, token: memberEnd - 1, kind: 'plural', member: true };
  const candidate = names.byFirst.get(at) ?? (t.lower === 'the' ? names.byFirst.get(at + 1) : undefined);
  const owned = candidate && ownedDescription(tokens, candidate, at);
  if (owned) return owned;
  if (candidate && !isBareNoun(candidate)) {
    return { type: 'name', first: at, candidate };
  }
  const titled = nameAfterRoleWords(tokens, names, at);
  if (titled) return titled;
  const description = descriptionStartingAt(tokens, at, true);
  if (!description) return null;
  return appositiveName(tokens, names, description, at) ?? { type: 'description', first: at, description };
}

/**
 * "wrote its critic, Anna Berg.", "The player's agent, Jordi Pujol Ferrer, had written": a description of a person
 * followed by their name between commas (or closing the sentence) is that person, named.
 */
function appositiveName(tokens: Token[], names: NameIndex, d: Description, first: number): Subject | null {
  if (d.headKind !== 'people' || d.plural || tokens[d.end]?.text !== ',') return null;
  const candidate = names.byFirst.get(d.end + 1);
  if (!candidate || candidate.kind === 'place' || candidate.kind === 'organization' || isBareNoun(candidate)) return null;
  const after = tokens[candidate.end];
  // The name closes the apposition: a comma, the sentence's end or a dash follows it, not more of a phrase.
  if (after && after.sentence === tokens[d.end].sentence && after.quote < 0 && !',.!?;—–'.includes(after.text)) return null;
  return { type: 'name', first, candidate };
}

const OWNER_DETERMINERS = new Set(['its', 'his', 'her', 'their']);

/** Lower-case words that may stand in a role written before a name; never a function word or a verb. */
const ROLE_WORD = /^\p{Ll}[\p{Ll}\-]+$/u;
const NOT_ROLE_WORDS = new Set([...PREPOSITIONS, ...BREAKERS, ...SKIPPABLE, ...DETERMINERS, 'to', 'not']);

/**
 * "says sleep psychologist Ann Roe", "said the family lawyer Tom Keller": after an inverted cue, a role of a few
 * lower-case words the lexicon may not know, then the person's name. The name is the subject.
 */
function nameAfterRoleWords(tokens: Token[], names: NameIndex, at: number): Subject | null {
  let k = at;
  if (tokens[k]?.lower === 'the') k++;
  const from = k;
  while (
    k < at + 5 &&
    tokens[k] &&
    tokens[k].kind === 'word' &&
    tokens[k].quote < 0 &&
    ROLE_WORD.test(tokens[k].text) &&
    !NOT_ROLE_WORDS.has(tokens[k].lower) &&
    cueVerbFormOfLower(tokens[k].lower) === null &&
    !verbNotRole(tokens[k].lower)
  )
    k++;
  if (k === from || k - from > 3) return null;
  // "says psychologist Dr. Ann Roe": an honorific may stand between the role and the name it is not part of.
  const candidate = names.byFirst.get(k) ?? names.byFirst.get(afterHonorific(tokens, k));
  if (
    !candidate ||
    (candidate.first !== k && candidate.first !== afterHonorific(tokens, k)) ||
    candidate.kind === 'place' ||
    candidate.kind === 'organization' ||
    isBareNoun(candidate)
  )
    return null;
  return { type: 'name', first: at, candidate };
}

/** "Ruiz backed Hart": a past or auxiliary verb between two names is the first one's act, not the second's role
 * ("retired", "elected" and other role words excepted). */
function verbNotRole(lower: string): boolean {
  return isFiniteVerbAfterSubject(lower) && !isWordOf(lower, ROLE_HEAD) && !isWordOf(lower, ROLE_MODIFIER);
}

/** The token after an honorific at `k` ("Dr." / "Prof"), or `k` itself when none stands there. */
function afterHonorific(tokens: Token[], k: number): number {
  const t = tokens[k];
  if (!t || !t.cap || !isWordOf(t.lower, HONORIFIC)) return k;
  return tokens[k + 1]?.text === '.' ? k + 2 : k + 1;
}

/**
 * "The European Commission’s spokesperson", "Moscow's ambassador": a name that owns a description head is not
 * the subject; the whole phrase is.
 */
function ownedDescription(tokens: Token[], candidate: NameCandidate, at: number): Subject | null {
  const mark = tokens[candidate.end];
  if (!mark || !isPossessive(mark)) return null;
  const description = descriptionStartingAt(tokens, at);
  if (description && description.possessive && description.headKind === 'people') return { type: 'description', first: at, description };
  // "Whitaker's office released a statement": a name's office or campaign speaks, not the name (read back from its head).
  const head = candidate.end + 1;
  const owned = tokens[head]?.kind === 'word' && isDescriptionHead(tokens[head].text) ? descriptionAround(tokens, head) : null;
  return owned && owned.first <= at && owned.headKind === 'organization'
    ? { type: 'description', first: owned.first, description: owned }
    : null;
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
    // "The Kremlin said": an organization's article belongs to it.
    const first =
      candidate.phraseFirst > 0 && tokens[candidate.phraseFirst - 1].lower === 'the' && candidate.kind === 'organization'
        ? candidate.phraseFirst - 1
        : candidate.phraseFirst;
    return { type: 'name', first, candidate };
  }
  const description = descriptionAround(tokens, p);
  return description ? { type: 'description', first: description.first, description } : null;
}

/** A description whose phrase ends at `p`: its head there, or a post-modifier after the head ("a source close to …"). */
function descriptionAround(tokens: Token[], p: number): Description | null {
  const direct = descriptionEndingAt(tokens, p);
  // "People close to the governor say": the phrase ending at `p` ("the governor") may itself close a post-modifier.
  const floor = direct ? direct.first : p;
  if (direct && !PREPOSITIONS.has(tokens[floor - 1]?.lower ?? '')) return direct;
  // Walk back over a post-modifier to its head: "a spokesman for the Polish Red Cross", and, for an unnamed
  // source, over a participle phrase or a relative clause ("an engineer based in the capital").
  for (let h = floor - 1; h >= Math.max(0, p - 15); h--) {
    if (tokens[h].sentence !== tokens[p].sentence || tokens[h].quote >= 0 || isPhraseBreak(tokens, h)) return direct;
    const d = descriptionEndingAt(tokens, h);
    if (d && extendPostmodifier(tokens, h + 1, !d.definite || d.plural) === p + 1) {
      return { ...d, end: p + 1, stop: tokens[p].end, text: textOf(tokens, d.first, p + 1) };
    }
  }
  return direct;
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
    return phraseEndingAt(tokens, names, prev) !== null || (opening && tokens[prev].kind === 'word' && tokens[prev].cap);
  }
  return false;
}

/** Words that open an aside between a subject and its verb (", who …,", ", a former minister,", ", however,"). */
const ASIDE_OPENERS = new Set([
  'who',
  'which',
  'whose',
  ...ARTICLES,
  ...DEFINITE_DETERMINERS,
  'speaking',
  'however',
  'meanwhile',
  'too',
  'also',
  'though',
  'instead',
  // ", now a partner at …,", ", once an aide to …,": a former or later station in life.
  'now',
  'once',
]);

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
      if (opener && (opener.kind === 'number' || PREPOSITIONS.has(opener.lower) || ASIDE_OPENERS.has(opener.lower))) return q;
      return -1;
    }
    if (t.kind === 'punct' && t.text !== '-' && t.text !== '&' && !isPossessive(t) && t.text !== '.') return -1;
  }
  return -1;
}
