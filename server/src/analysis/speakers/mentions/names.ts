// Recognises names in running text: runs of capitalised words outside quotes and page furniture, split from
// the titles and roles journalists put around them ("Russian Foreign Minister Sergei Lavrov", "its foreign
// minister Sergei Lavrov", "Germany's finance minister, Anna Vogt,", "Nino Gelashvili, a member of …,").
// Each run is classified as a person, an organization, a place or unknown; entities are built elsewhere.
import type { Span } from '../../types';
import type { Token, TokenizedText } from '../tokens';
import { isPossessive, spanOf, textOf } from '../tokenText';
import { givenNameGender, type Gender } from '../../lexicon/givenNames';
import { isRegisteredGivenName } from '../../lexicon/registeredGivenNames';
import { titleGender } from '../../lexicon/roles';
import { isPersonNoun } from './descriptions';
// The lexicon's word lists, asked through one remembered look-up per word (lexicon/wordClasses.ts).
import {
  GIVEN_NAME,
  HONORIFIC,
  isWordOf,
  KNOWN_ORGANIZATION,
  NATIONALITY,
  NEVER_NAME,
  ORGANIZATION_DESCRIPTOR,
  ORGANIZATION_HEAD,
  PLACE,
  PLACE_OR_EVENT_HEAD,
  ROLE_HEAD,
  ROLE_MODIFIER,
  wordClasses,
} from '../../lexicon/wordClasses';
import { cueVerbFormOfLower, isAddresseeWord } from '../../lexicon/cueVerbs';
import { isCommonOpener, isFiniteVerbAfterSubject } from '../../lexicon/commonWords';
import { NAME_RUN_PARTICLES, OWNER_DETERMINERS, PHRASE_DETERMINERS, SURNAME_PARTICLES } from '../../lexicon/functionWords';

export type NameKind = 'person' | 'organization' | 'place' | 'unknown';

export interface NameCandidate {
  /** Token range of the name itself (no title). */
  first: number;
  end: number;
  start: number;
  stop: number;
  text: string;
  kind: NameKind;
  role: Span | null;
  /** Token range the whole phrase occupies (role, name, appositive and its closing comma). */
  phraseFirst: number;
  phraseEnd: number;
  gender: Gender | null;
  /** Lower-cased words of the name. */
  words: string[];
  /** A title or honorific stood right before the name ("President Putin", "Mr Lavrov"). */
  titled: boolean;
  /** The company noun written before an organization's name ("carmaker" in "German carmaker Autowerk"). */
  descriptor: string | null;
  /** The preposition the name is the object of ("from" in "a call from Okafor"), or null. */
  governedBy: string | null;
  /**
   * A one-word name of unknown kind known only because it opens a sentence as its subject ("Ryanair
   * cancelled …"): kept as an antecedent, and what a later "it" or "the airline" makes an organization.
   */
  subjectOpener: boolean;
}

const ROLE_LINKS = new Set(['of', 'for', 'to', 'at', 'in', 'from', 'and', 'on']);
/** Prepositions of place: an unknown capitalised word after them is where something happened, not who. */
const LOCATIVES = new Set([
  'in',
  'at',
  'near',
  'outside',
  'inside',
  'across',
  'throughout',
  'around',
  'across',
  'towards',
  'toward',
  'into',
  'via',
]);
/** Every preposition a name may be the object of. */
const GOVERNORS = new Set([
  ...LOCATIVES,
  'from',
  'to',
  'with',
  'by',
  'for',
  'of',
  'on',
  'about',
  'against',
  'between',
  'among',
  'under',
  'over',
  'through',
]);

export function findNames(tt: TokenizedText): NameCandidate[] {
  const { tokens } = tt;
  const out: NameCandidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameWord(tokens[i])) {
      i++;
      continue;
    }
    const runEnd = scanRun(tokens, i);
    // "… said von der Leyen": lower-case particles written before the surname belong to it.
    let runStart = i;
    while (
      runStart > 0 &&
      SURNAME_PARTICLES.has(tokens[runStart - 1].text) &&
      tokens[runStart - 1].sentence === tokens[i].sentence &&
      runStart > i - 3
    )
      runStart--;
    // The run's segments between words that are never part of a name, each read on its own.
    let start = runStart;
    for (let k = runStart; k < runEnd; k++) {
      if (!splitsRun(tokens, k, runStart, runEnd)) continue;
      readSegment(tt, start, k, out);
      start = k + 1;
    }
    readSegment(tt, start, runEnd, out);
    i = runEnd;
  }
  return out;
}

/** Arabic names write the article in lower case and join it with a hyphen ("al-Sisi", "el-Baradei"). */
const ARTICLE_NAME = /^(al|el|ad|as|ash|an|ar|at|az|ibn|bin|abu|bint)-\p{Lu}/u;

function isNameWord(t: Token | undefined): t is Token {
  return (
    t !== undefined && t.kind === 'word' && (t.cap || (t.text.includes('-') && ARTICLE_NAME.test(t.text))) && t.quote < 0 && !t.furniture
  );
}

/** After a run of particles ("von der"), the next token: a name word must follow for them to belong. */
function afterParticles(tokens: Token[], j: number): Token | undefined {
  let k = j;
  while (k < tokens.length && tokens[k].kind === 'word' && NAME_RUN_PARTICLES.has(tokens[k].text) && k < j + 3) k++;
  return tokens[k];
}

/** One past the last token of the capitalised run starting at `i` (particles and initials included). */
function scanRun(tokens: Token[], i: number): number {
  let j = i + 1;
  while (j < tokens.length) {
    const t = tokens[j];
    const prev = tokens[j - 1];
    const next = tokens[j + 1];
    if (t.paragraph !== prev.paragraph || (t.sentence !== prev.sentence && !(prev.text === '.' && isInitial(tokens, j - 2)))) break;
    if (isNameWord(t) && t.start - prev.end <= 1) {
      j++;
      continue;
    }
    if (t.kind === 'word' && NAME_RUN_PARTICLES.has(t.text) && isNameWord(afterParticles(tokens, j)) && t.start - prev.end === 1) {
      j++;
      continue;
    }
    // "Chamber of Commerce", "Ministry of Defence", "Secretary of State": "of" inside an institution or title.
    if (
      t.kind === 'word' &&
      (t.lower === 'of' || t.lower === 'for') &&
      isNameWord(next) &&
      isNameWord(prev) &&
      (isWordOf(prev.lower, ORGANIZATION_HEAD) ||
        isWordOf(prev.lower, ROLE_HEAD) ||
        pluralAfterThe(tokens, i, j - 1) ||
        (t.lower === 'for' && advocatesOpening(tokens, i, j - 1)))
    ) {
      j++;
      continue;
    }
    // "Whitcombe & Hale", "Baker & Lowe LLP": an ampersand joins the names of a firm's partners.
    if (t.text === '&' && isNameWord(prev) && isNameWord(next) && t.start > prev.end && next.start > t.end) {
      j++;
      continue;
    }
    // "the Copper Valley Miners' Union": a plural possessive inside an institution's name.
    if (isPluralPossessiveInName(t, prev, next)) {
      j++;
      continue;
    }
    // "John F. Kennedy", "Mr. Smith": a full stop right after an initial or an abbreviated title.
    if (
      t.text === '.' &&
      t.start === prev.end &&
      (isInitial(tokens, j - 1) || isWordOf(prev.lower, HONORIFIC) || isWordOf(prev.lower, ROLE_HEAD)) &&
      isNameWord(next)
    ) {
      j++;
      continue;
    }
    break;
  }
  return j;
}

/** "The Veterans of Foreign Wars", "the Friends of Redland Park": a plural opening a run after "the" names a body of members. */
function pluralAfterThe(tokens: Token[], runFirst: number, at: number): boolean {
  // A sentence's capitalised "The" opens the run itself.
  return at - runFirst <= 1 && tokens[at - 1]?.lower === 'the' && tokens[at].lower.length > 3 && tokens[at].lower.endsWith('s');
}

/** Plurals of people that open an advocacy group's name before "for" ("Citizens for …", "Parents for …"). */
const ADVOCATES = new Set([
  'citizens',
  'americans',
  'parents',
  'mothers',
  'veterans',
  'doctors',
  'physicians',
  'nurses',
  'teachers',
  'scientists',
  'taxpayers',
  'families',
  'voters',
  'students',
  'patients',
  'farmers',
  'lawyers',
  'neighbors',
  'neighbours',
]);

/** "Citizens for Open Markets", "Parents for Safer Streets": a plural of people opening a run before "for" names a group. */
function advocatesOpening(tokens: Token[], runFirst: number, at: number): boolean {
  return at === runFirst && ADVOCATES.has(tokens[at].lower);
}

function isPluralPossessiveInName(t: Token, prev: Token, next: Token | undefined): boolean {
  return (
    (t.text === "'" || t.text === '’') &&
    t.start === prev.end &&
    /s$/.test(prev.text) &&
    isNameWord(next) &&
    next.start === t.end + 1 &&
    isWordOf(next.lower, ORGANIZATION_HEAD)
  );
}

function isInitial(tokens: Token[], i: number): boolean {
  return i >= 0 && /^\p{Lu}$/u.test(tokens[i].text);
}

/** A word of the run [a, b) at `k` that is never part of a name (sentence openers, months, weekdays) splits it. */
function splitsRun(tokens: Token[], k: number, a: number, b: number): boolean {
  const t = tokens[k];
  return (
    t.kind === 'word' &&
    t.cap &&
    isWordOf(t.lower, NEVER_NAME) &&
    !isWordOf(t.lower, HONORIFIC) &&
    !calendarWordInName(tokens, k, a, b) &&
    !endsInstitutionName(tokens, k, a)
  );
}

/** Words that close a broadcaster's or company's name after a word of it ("Fox News", "Halvorsen Ltd"). */
const NAME_CLOSERS = new Set(['news', 'inc', 'ltd']);

function endsInstitutionName(tokens: Token[], k: number, a: number): boolean {
  return k > a && NAME_CLOSERS.has(tokens[k].lower) && !isWordOf(tokens[k - 1].lower, NEVER_NAME);
}

/** Reads the segment [a, b) of a run, without a trailing full stop that only belonged to an abbreviation, into `out`. */
function readSegment(tt: TokenizedText, a: number, b: number, out: NameCandidate[]): void {
  if (b <= a) return;
  // "the Memorial Day recess", "Labor Day": a holiday, no one's name.
  if (tt.tokens[b]?.lower === 'day' && tt.tokens[b].cap && tt.tokens[b].start === tt.tokens[b - 1].end + 1) return;
  const end = tt.tokens[b - 1].text === '.' ? b - 1 : b;
  if (end <= a) return;
  const candidate = analyzeSegment(tt, a, end);
  if (candidate) out.push(candidate);
}

const MONTH_NAMES = new Set(['jan', 'may', 'april', 'june', 'july', 'august', 'march']);

/**
 * "Mayor Jan Olsen", "Theresa May": a month word that is a given name before a surname, or a surname after a
 * given name, belongs to the name (a date has a number next to it: "Jan 5", "May 2020").
 */
function calendarWordInName(tokens: Token[], k: number, a: number, b: number): boolean {
  const w = tokens[k];
  if (!MONTH_NAMES.has(w.lower) || tokens[k + 1]?.kind === 'number' || tokens[k - 1]?.kind === 'number') return false;
  const givenBefore = k > a && isWordOf(tokens[k - 1].lower, GIVEN_NAME) && !isWordOf(tokens[k - 1].lower, NEVER_NAME);
  // "in April Smith said" is a date then a name: after a preposition or "last"/"next" the word is the month.
  const before = tokens[k - 1];
  const timeWord =
    before !== undefined &&
    before.kind === 'word' &&
    (GOVERNORS.has(before.lower) || ['since', 'until', 'last', 'next', 'early', 'late', 'mid'].includes(before.lower));
  const surnameAfter =
    k + 1 < b && !timeWord && isWordOf(w.lower, GIVEN_NAME) && tokens[k + 1].kind === 'word' && !isWordOf(tokens[k + 1].lower, NEVER_NAME);
  return givenBefore || surnameAfter;
}

/** The word tokens of [a, b), in an array of their exact number (a pushed-to array reserves seventeen slots). */
function words(tokens: Token[], a: number, b: number): Token[] {
  let n = 0;
  for (let k = a; k < b; k++) if (tokens[k].kind === 'word') n++;
  const out = new Array<Token>(n);
  for (let k = a, j = 0; j < n; k++) if (tokens[k].kind === 'word') out[j++] = tokens[k];
  return out;
}

function analyzeSegment(tt: TokenizedText, a: number, b: number): NameCandidate | null {
  const { tokens } = tt;
  let k = a;
  let honorificGender: Gender | null = null;
  let titled = false;
  if (isWordOf(tokens[k].lower, HONORIFIC) && k + 1 < b) {
    honorificGender = titleGender(tokens[k].lower);
    titled = true;
    k++;
    if (tokens[k].text === '.') k++;
  }
  // A capitalised title in front of the name: the title runs to its last head noun ("Senate Minority Whip Ada Brennan"), or on through an "of"
  // phrase ("Secretary of State Antony Blinken"); a given name ends it.
  let lastHead = -1;
  for (let m = k; m < b - 1; m++) {
    const t = tokens[m];
    if (t.kind !== 'word') continue;
    if (isWordOf(t.lower, GIVEN_NAME) && lastHead >= 0) break;
    // "Justice Department", "Justice Ministry": a role word naming an institution's field is no title.
    if (isWordOf(t.lower, ROLE_HEAD) && !isWordOf(t.lower, GIVEN_NAME) && !isWordOf(tokens[m + 1].lower, ORGANIZATION_HEAD)) lastHead = m;
    else if (lastHead >= 0 && isRoleWord(t) && tokens[m - 1]?.lower === 'of') lastHead = m;
  }
  if (lastHead >= 0 && tokens[lastHead + 1]?.text === '.' && tokens[lastHead + 1].start === tokens[lastHead].end) lastHead++;
  let nameFirst = k;
  let roleFirst = -1;
  let roleEnd = -1;
  if (lastHead >= 0) {
    roleFirst = k;
    roleEnd = lastHead + 1;
    nameFirst = lastHead + 1;
    if (tokens[nameFirst]?.text === '.') nameFirst++;
    titled = true;
  }
  if (nameFirst >= b) return null;
  const nameTokens = words(tokens, nameFirst, b);
  if (nameTokens.length === 0) return null;
  // "Turkish", "President", "Foreign Ministry" alone: a title or an adjective, not a name.
  if (onlyTitleWords(nameTokens) || partyMember(tokens, nameFirst, nameTokens)) return null;
  const text = textOf(tokens, nameFirst, b);
  const lowerWords = new Array<string>(nameTokens.length);
  for (let j = 0; j < nameTokens.length; j++) lowerWords[j] = nameTokens[j].lower;
  const before = tokens[(roleFirst >= 0 ? roleFirst : nameFirst) - 1];
  const named =
    before &&
    before.kind === 'word' &&
    !before.cap &&
    before.sentence === tokens[nameFirst].sentence &&
    isWordOf(before.lower, ORGANIZATION_DESCRIPTOR);
  // "German carmaker Autowerk", "the broadcaster ZDF": a company noun right before the name.
  const lowerPhrase = lowerWords.length === 1 ? lowerWords[0] : lowerWords.join(' ');
  let kind =
    named && !titled && classify(nameTokens, lowerWords, lowerPhrase, titled, false) === 'unknown'
      ? 'organization'
      : classify(nameTokens, lowerWords, lowerPhrase, titled, roleFirst >= 0);
  // "MENSAH: So the board …": a capitalised word opening its paragraph before a colon is a transcript's speaker
  // label, a surname written in capitals, not an acronym.
  if (kind === 'organization' && isSpeakerLabel(tokens, nameFirst, b)) kind = 'unknown';
  const governor = roleFirst < 0 ? governingPreposition(tokens, a) : null;
  // "speaking to reporters in Daugavpils", "arrived at Kiruna": an unknown name after a preposition of place
  // is a place ("in Okafor's view" is not: the possessive makes it an owner).
  const possessive = isPossessive(tokens[b]);
  if (
    kind === 'unknown' &&
    !possessive &&
    ((governor !== null && LOCATIVES.has(governor)) || isWordOf(nameTokens[nameTokens.length - 1].lower, PLACE_OR_EVENT_HEAD))
  )
    kind = 'place';
  let phraseFirst = roleFirst >= 0 ? roleFirst : a;
  let phraseEnd = b;

  let role: Span | null = null;
  // "Jo Park, the city's police chief", "Ann Church, a nurse": a kind read off a last word that is also a surname
  // yields to a person's appositive after the name.
  if (surnameMayMislead(kind, nameTokens, lowerWords, lowerPhrase, titled, governor)) {
    const after = appositiveAfter(tokens, b);
    if (after) {
      kind = 'person';
      role = spanOf(tokens, after[0], after[1]);
      phraseEnd = after[2];
    }
  }
  // "Meridian Health, the state's largest insurer,": a name the words alone cannot place, set off by an appositive
  // whose head is a company noun, is that company, not a person with a role.
  const companyAfter = kind === 'unknown' && role === null && roleFirst < 0 && !titled ? companyAppositive(tokens, b) : null;
  if (companyAfter !== null) kind = 'organization';
  if (role === null && (kind === 'person' || kind === 'unknown')) {
    // Lower-case or capitalised role words to the left: "its foreign minister Sergei Lavrov".
    const left = extendRoleLeft(tokens, roleFirst >= 0 ? roleFirst : nameFirst, roleFirst < 0);
    if (left !== null) {
      role = spanOf(tokens, left, roleEnd >= 0 ? roleEnd : nameFirst);
      phraseFirst = left;
    } else if (roleFirst >= 0) {
      role = spanOf(tokens, roleFirst, roleEnd);
    }
    if (role === null) {
      const before = appositiveBefore(tokens, phraseFirst, b);
      if (before) {
        role = spanOf(tokens, before[0], before[1]);
        phraseFirst = before[0];
      }
    }
    if (role === null) {
      const after = appositiveAfter(tokens, b);
      if (after) {
        role = spanOf(tokens, after[0], after[1]);
        phraseEnd = after[2];
      }
    }
  }
  // A lone capitalised word opening a sentence ("Critics have …") is a name only if the text also
  // capitalises it mid-sentence, or if it is no common word and stands as its clause's subject
  // ("Ryanair cancelled …", "Nanotek said …", "Okonkwo, speaking after the vote, said …").
  const loneOpener =
    kind === 'unknown' &&
    role === null &&
    nameTokens.length === 1 &&
    opensSentence(tokens, nameFirst) &&
    !tt.midSentenceCaps.has(nameTokens[0].lower);
  if (loneOpener && !(isUncommonWord(tt, nameTokens[0]) && (standsAsSubject(tokens, b) || givenNameBeforeVerb(tokens, b)))) return null;
  // "The Island Voice, the local weekly,": an appositive that names the kind of institution.
  const kindAfter = kind === 'person' || role !== null ? null : (companyAfter ?? appositiveKind(tokens, b));
  const finalKind: NameKind =
    kindAfter !== null || (kind === 'unknown' && role === null && (pluralAfterThe(tokens, nameFirst, nameFirst) || text.includes(' & ')))
      ? 'organization'
      : kind === 'unknown' && role !== null
        ? 'person'
        : kind;
  const gender = honorificGender ?? givenNameGender(nameTokens[0].lower) ?? roleGender(role) ?? surnameGender(nameTokens);
  return {
    first: nameFirst,
    end: b,
    start: tokens[nameFirst].start,
    stop: tokens[b - 1].end,
    text,
    kind: finalKind,
    role,
    phraseFirst,
    phraseEnd,
    gender: finalKind === 'person' ? gender : null,
    words: lowerWords,
    titled: titled || role !== null,
    descriptor: named && finalKind === 'organization' ? before.lower : kindAfter,
    governedBy: governor,
    subjectOpener: loneOpener,
  };
}

/** Nouns of an institution's kind that "the paper" or "the club" can later take up (resolution/institutionKinds.ts). */
const APPOSITIVE_KINDS = new Set(['newspaper', 'paper', 'daily', 'weekly', 'tabloid', 'magazine', 'broadsheet', 'club']);

/** The article opening an appositive after a name at `b` (", the …", ", a …"), or null when none opens there. */
function appositiveArticle(tokens: Token[], b: number): string | null {
  if (tokens[b]?.text !== ',') return null;
  const article = tokens[b + 1]?.lower;
  return article === 'the' || article === 'a' || article === 'an' ? article : null;
}

/** The kind noun of ", the local weekly," right after a name at `b` ("weekly"), or null. */
function appositiveKind(tokens: Token[], b: number): string | null {
  const article = appositiveArticle(tokens, b);
  if (article === null) return null;
  for (let p = b + 2; p < b + 6 && tokens[p]?.kind === 'word' && !tokens[p].cap; p++) {
    if (article === 'the' ? APPOSITIVE_KINDS.has(tokens[p].lower) : GROUP_KINDS.has(tokens[p].lower)) return tokens[p].lower;
  }
  return null;
}

/**
 * The company noun heading an appositive right after a name at `b` (", the state's largest insurer,", ", a
 * Denver-based lender."), or null. The noun must close the appositive: in ", the company's founder," it only owns
 * the head.
 */
function companyAppositive(tokens: Token[], b: number): string | null {
  if (appositiveArticle(tokens, b) === null) return null;
  for (let p = b + 2; p < b + 8 && ((tokens[p]?.kind === 'word' && !tokens[p].cap) || isPossessive(tokens[p])); p++) {
    if (tokens[p].kind !== 'word' || !isWordOf(tokens[p].lower, ORGANIZATION_DESCRIPTOR)) continue;
    const next = tokens[p + 1];
    return !next || next.sentence !== tokens[p].sentence || next.text === ',' || next.text === '.' ? tokens[p].lower : null;
  }
  return null;
}

/** "Citizens for Fair Rents, a tenants group,": nouns of an appositive introducing a body of members or an advocacy group. */
const GROUP_KINDS = new Set(['group', 'nonprofit', 'coalition', 'organization', 'organisation', 'alliance', 'lobby']);

/**
 * "Ruth disagrees with her son": a registered given name opening a sentence before a lower-case word ending in "s" or
 * "ed" (a verb the lexicon may not list) is a person called by given name, as features do for relatives.
 */
function givenNameBeforeVerb(tokens: Token[], b: number): boolean {
  const name = tokens[b - 1];
  const next = tokens[b];
  return (
    isRegisteredGivenName(name.lower) &&
    next !== undefined &&
    next.kind === 'word' &&
    !next.cap &&
    next.sentence === name.sentence &&
    /^[a-z]{3,}(?:s|ed)$/.test(next.lower)
  );
}

/** A word that is neither a common sentence opener nor written in lower case anywhere else in the text. */
function isUncommonWord(tt: TokenizedText, t: Token): boolean {
  return !isCommonOpener(t.lower) && !tt.lowerCaseWords.has(t.lower) && !isPersonNoun(t.lower);
}

/** Adverbs that may stand between a subject and its verb ("Ryanair also said", "Nanotek later cut"). */
const SUBJECT_ADVERBS = new Set([
  'also',
  'later',
  'then',
  'now',
  'previously',
  'recently',
  'earlier',
  'again',
  'already',
  'still',
  'never',
  'first',
]);

/** A verb that can follow its subject: a cue verb ("said", "warned") or another finite verb ("cancelled", "has"). */
function isVerbAfterSubject(t: Token | undefined, sentence: number): boolean {
  return (
    t !== undefined &&
    t.kind === 'word' &&
    !t.cap &&
    t.quote < 0 &&
    t.sentence === sentence &&
    (cueVerbFormOfLower(t.lower) !== null || isFiniteVerbAfterSubject(t.lower))
  );
}

/**
 * The phrase ending at `end` is its clause's subject: a verb follows, perhaps after an adverb, or an
 * appositive or participial phrase between commas and then a verb ("Okonkwo, speaking after the vote, said").
 */
function standsAsSubject(tokens: Token[], end: number): boolean {
  const sentence = tokens[end - 1].sentence;
  let p = end;
  if (tokens[p]?.kind === 'word' && (SUBJECT_ADVERBS.has(tokens[p].lower) || /^[a-z]{3,}ly$/.test(tokens[p].text))) p++;
  if (isVerbAfterSubject(tokens[p], sentence)) return true;
  if (tokens[end]?.text !== ',') return false;
  const limit = Math.min(tokens.length, end + 16);
  for (let q = end + 2; q < limit && tokens[q].sentence === sentence && tokens[q].quote < 0; q++) {
    if (tokens[q].text === ',') return isVerbAfterSubject(tokens[q + 1], sentence);
  }
  return false;
}

/** The preposition right before the phrase at `a` (across an article: "in the Hague"), in its sentence. */
function governingPreposition(tokens: Token[], a: number): string | null {
  let p = a - 1;
  if (tokens[p]?.lower === 'the') p--;
  const t = tokens[p];
  return t && t.kind === 'word' && !t.cap && t.sentence === tokens[a].sentence && GOVERNORS.has(t.lower) ? t.lower : null;
}

function opensSentence(tokens: Token[], i: number): boolean {
  const before = tokens[i - 1];
  if (!before || before.sentence !== tokens[i].sentence) return true;
  // "“…” — Okonkwo said": a dash right after a quote links it to its cue; the name does not open anything.
  if ((before.text === '—' || before.text === '–') && tokens[i - 2]?.quote >= 0) return false;
  return /^["“«„‘'(\[*#—–-]$/u.test(before.text);
}

/** A word that may stand inside a title: a head, a modifier, a nationality, an acronym, an institution. */
function isRoleWord(t: Token): boolean {
  if (t.kind !== 'word') return t.text === '-';
  return (
    isWordOf(t.lower, ROLE_HEAD) ||
    isWordOf(t.lower, ROLE_MODIFIER) ||
    isWordOf(t.lower, NATIONALITY) ||
    /^\p{Lu}{2,5}$/u.test(t.text) ||
    isWordOf(t.lower, KNOWN_ORGANIZATION) ||
    isWordOf(t.lower, ORGANIZATION_HEAD) ||
    (t.cap && isWordOf(t.lower, PLACE))
  );
}

/**
 * The first token of a role phrase written before `at` ("its foreign minister" -> "foreign minister",
 * "Moscow's UN Ambassador", "Kremlin spokesman"), or null when the word before `at` is no role head.
 * `needHead`: the role must end in a head right before `at` (false when a capitalised title already ends there).
 */
function extendRoleLeft(tokens: Token[], at: number, needHead: boolean): number | null {
  let p = at - 1;
  if (p < 0 || tokens[p].quote >= 0 || tokens[p].sentence !== tokens[at].sentence) return null;
  if (needHead && !(tokens[p].kind === 'word' && isWordOf(tokens[p].lower, ROLE_HEAD))) return null;
  let first = at;
  while (p >= 0 && tokens[p].sentence === tokens[at].sentence && tokens[p].quote < 0) {
    const t = tokens[p];
    if (t.kind === 'word' && PHRASE_DETERMINERS.has(t.lower)) break;
    if (isPossessive(t) && p > 0 && tokens[p - 1].cap) {
      first = p - 1;
      p -= 2;
      continue;
    }
    // "The company's CEO, Jane Doe": a common noun owning the role, with its determiner.
    if (
      isPossessive(t) &&
      p > 1 &&
      tokens[p - 1].kind === 'word' &&
      !tokens[p - 1].cap &&
      OWNER_DETERMINERS.has(tokens[p - 2].lower) &&
      tokens[p - 2].sentence === tokens[at].sentence
    ) {
      first = p - 2;
      break;
    }
    if (t.kind === 'word' && isRoleWord(t)) {
      first = p;
      p--;
      continue;
    }
    break;
  }
  while (first < at && tokens[first].kind === 'word' && ROLE_LINKS.has(tokens[first].lower)) first++;
  if (first >= at) return null;
  return roleAfterInvertedCue(tokens, first) ?? first;
}

/** Words that may follow an inverted cue without being part of the speaker's role ("said yesterday Jane Park"). */
const NOT_ROLE_AFTER_CUE = new Set(['yesterday', 'today', 'tonight', 'also', 'then', 'now', 'later', 'earlier', 'again', 'too']);

/**
 * "“…,” said utility spokeswoman Jane Park", "“…,” said former U.S. ambassador John Doe": between an inverted
 * cue and the role head only the speaker's role can stand, so every word there belongs to it, whether or not
 * the vocabulary knows it as a role word. Returns the role's new first token, or null when `first` does not
 * follow such a cue within a few words.
 */
function roleAfterInvertedCue(tokens: Token[], first: number): number | null {
  const sentence = tokens[first].sentence;
  let p = first - 1;
  let start = first;
  for (let taken = 0; p >= 0 && taken < 7; taken++, p--) {
    const t = tokens[p];
    if (t.sentence !== sentence || t.quote >= 0) return null;
    if (t.kind === 'word' && cueVerbFormOfLower(t.lower) !== null) break;
    if (t.kind === 'word' && PHRASE_DETERMINERS.has(t.lower)) {
      p--;
      break;
    }
    // "U.S.", "U.N.": the full stops of an abbreviation are glued to its letters.
    const glued = t.text === '.' && p > 0 && tokens[p - 1].end === t.start && tokens[p - 1].kind === 'word';
    if (!((t.kind === 'word' && !NOT_ROLE_AFTER_CUE.has(t.lower) && !ROLE_LINKS.has(t.lower)) || glued || t.text === '-')) return null;
    start = p;
  }
  const verb = tokens[p];
  if (!verb || verb.kind !== 'word' || verb.sentence !== sentence || cueVerbFormOfLower(verb.lower) === null) return null;
  // Inverted only right after the quote, or after the quote and its comma.
  const before = tokens[p - 1];
  const quoted = before && (before.quote >= 0 || (before.text === ',' && tokens[p - 2] !== undefined && tokens[p - 2].quote >= 0));
  return quoted && start < first ? start : null;
}

/** "Germany's finance minister, Anna Vogt," : the role before a comma, then the name, then a comma. */
function appositiveBefore(tokens: Token[], nameFirst: number, nameEnd: number): [number, number] | null {
  const comma = nameFirst - 1;
  if (comma < 1 || tokens[comma].text !== ',') return null;
  const after = tokens[nameEnd];
  if (!after || (after.text !== ',' && after.text !== '.' && after.sentence === tokens[nameFirst].sentence)) return null;
  // "the director of the Riverside festival, Bastian Lyle": the role head may carry a short prepositional phrase.
  const head = tokens[comma - 1].kind === 'word' && isWordOf(tokens[comma - 1].lower, ROLE_HEAD) ? comma : headBeforeLink(tokens, comma);
  if (head < 0) return null;
  const first = extendRoleLeft(tokens, head, false);
  return first === null ? null : [first, comma];
}

/** How far back a role head may stand before the comma of its appositive, past its prepositional phrase. */
const LINKED_ROLE_REACH = 7;

/** The index after a role head followed by a link ("of", "to", "at") and a few words up to `comma`, or -1. */
function headBeforeLink(tokens: Token[], comma: number): number {
  const sentence = tokens[comma].sentence;
  for (let p = comma - 2; p >= Math.max(1, comma - LINKED_ROLE_REACH); p--) {
    const t = tokens[p];
    if (t.sentence !== sentence || t.quote >= 0 || t.kind !== 'word') return -1;
    if (ROLE_LINKS.has(t.lower) && t.lower !== 'and' && isWordOf(tokens[p - 1].lower, ROLE_HEAD) && tokens[p - 1].kind === 'word') return p;
  }
  return -1;
}

/**
 * "Nino Gelashvili, a member of the United National Movement, said": an appositive after the name, up to the
 * next comma or the sentence end. Returns [first, end) of the role and one past the phrase.
 */
function appositiveAfter(tokens: Token[], nameEnd: number): [number, number, number] | null {
  const comma = tokens[nameEnd];
  if (!comma || comma.text !== ',') return null;
  const first = nameEnd + 1;
  let p = first;
  let head = -1;
  const sentence = comma.sentence;
  const limit = Math.min(tokens.length, first + 14);
  for (; p < limit; p++) {
    const t = tokens[p];
    if (t.sentence !== sentence || t.quote >= 0) break;
    if (t.text === ',' || t.text === ';' || t.text === ':' || t.text === '.' || t.text === '(' || t.text === ')') break;
    if (t.kind === 'word' && (isWordOf(t.lower, ROLE_HEAD) || isPersonNoun(t.lower)) && head < 0) head = p;
    if (t.kind === 'word' && !t.cap && /(ed|s)$/.test(t.lower) && head < 0 && !isRoleWord(t) && !PHRASE_DETERMINERS.has(t.lower)) {
      // A verb right after the name ("Lavrov, said …") is no appositive.
      if (p === first) return null;
    }
  }
  if (head < 0 || p === first) return null;
  // After its head noun an appositive only goes on with a prepositional phrase ("a member of …", "an analyst
  // at …"); anything else ("resident Luisa Ricci watched …") is a clause, not an appositive.
  const afterHead = tokens[head + 1];
  if (
    head + 1 < p &&
    afterHead &&
    !(afterHead.kind === 'word' && ROLE_LINKS.has(afterHead.lower)) &&
    !isWordOf(afterHead.lower, ROLE_HEAD) &&
    !isPersonNoun(afterHead.lower)
  )
    return null;
  const t = tokens[first];
  const opener = PHRASE_DETERMINERS.has(t.lower) || t.cap || isRoleWord(t) || isPossessive(tokens[first + 1]);
  if (!opener) return null;
  const closer = tokens[p];
  const closes = !closer || closer.sentence !== sentence || closer.text === ',' || closer.text === '.';
  if (!closes) return null;
  return [first, p, closer && closer.text === ',' ? p + 1 : p];
}

/** A one-word name in capitals that opens its paragraph and is followed by a colon ("VANCE:"). */
function isSpeakerLabel(tokens: Token[], first: number, end: number): boolean {
  if (end !== first + 1 || tokens[end]?.text !== ':' || !/^\p{Lu}{2,}$/u.test(tokens[first].text)) return false;
  const prev = tokens[first - 1];
  return !prev || prev.paragraph !== tokens[first].paragraph;
}

/** `lowerWords`: the name's words in lower case; `lowerPhrase`: the same joined by single spaces. */
function classify(nameTokens: Token[], lowerWords: string[], lowerPhrase: string, titled: boolean, hasRolePrefix: boolean): NameKind {
  const lowerLast = lowerWords[lowerWords.length - 1];
  if (isWordOf(lowerPhrase, KNOWN_ORGANIZATION) || someOrganizationHead(lowerWords)) {
    return titled && !isWordOf(lowerLast, ORGANIZATION_HEAD) ? 'person' : 'organization';
  }
  if (titled || hasRolePrefix) return 'person';
  if (isWordOf(lowerPhrase, PLACE) || allPlaces(lowerWords)) return 'place';
  if (nameTokens.length === 1 && /^\p{Lu}{2,6}$/u.test(nameTokens[0].text)) return 'organization';
  if (nameTokens.length >= 2 && isWordOf(lowerWords[0], GIVEN_NAME)) return 'person';
  if (registeredPersonName(lowerWords)) return 'person';
  return 'unknown';
}

/**
 * "Carol Benning", "Travis Lee Kern": a given name from the registry of names (lexicon/registeredGivenNames.ts) and
 * a surname that is no given name, no word of them known to the lexicon otherwise; a middle word must be a given
 * name or an initial too ("Harlow City Museum" is no person).
 */
function registeredPersonName(lowerWords: readonly string[]): boolean {
  const n = lowerWords.length;
  if (n < 2 || n > 3 || !isRegisteredGivenName(lowerWords[0])) return false;
  if (lowerWords.some((w) => wordClasses(w) !== 0)) return false;
  // "Morgan Stanley", "Wells Fargo": a surname that is a given name too may be a firm's founders; it stays unknown.
  if (isRegisteredGivenName(lowerWords[n - 1])) return false;
  return n === 2 || isRegisteredGivenName(lowerWords[1]) || lowerWords[1].length === 1;
}

/**
 * A place or an organization by its last word alone ("Park", "Church", "Bank"), two words long, not placed by a
 * preposition of place and no known institution: the words may be a given name and a surname.
 */
function surnameMayMislead(
  kind: NameKind,
  nameTokens: readonly Token[],
  lowerWords: readonly string[],
  lowerPhrase: string,
  titled: boolean,
  governor: string | null,
): boolean {
  if (titled || nameTokens.length !== 2 || isWordOf(lowerPhrase, KNOWN_ORGANIZATION) || isWordOf(lowerPhrase, PLACE)) return false;
  if (kind === 'place') return !(governor !== null && LOCATIVES.has(governor));
  return kind === 'organization' && !isWordOf(lowerWords[0], ORGANIZATION_HEAD);
}

/** Party nouns that, after "the" or "a", describe a member: "the Ohio Republican", "a Vermont Democrat". */
const PARTY_MEMBERS = new Set(['republican', 'democrat', 'independent', 'conservative', 'liberal', 'tory', 'socialist']);

/** "the Ohio Republican", "a freshman Democrat": a party member described by article, place or nationality. */
function partyMember(tokens: readonly Token[], first: number, nameTokens: readonly Token[]): boolean {
  const last = nameTokens[nameTokens.length - 1];
  if (!PARTY_MEMBERS.has(last.lower)) return false;
  const before = tokens[first - 1];
  if (!before || !(before.lower === 'the' || before.lower === 'a' || before.lower === 'an' || isPossessive(before))) return false;
  for (let k = 0; k < nameTokens.length - 1; k++) {
    const w = nameTokens[k].lower;
    if (!isWordOf(w, PLACE) && !isWordOf(w, NATIONALITY)) return false;
  }
  return true;
}

/** Every word is a nationality, a role head or a role modifier that heads no organization: a title, not a name. */
function onlyTitleWords(nameTokens: readonly Token[]): boolean {
  for (const t of nameTokens) {
    const w = t.lower;
    if (!(isWordOf(w, NATIONALITY) || isWordOf(w, ROLE_HEAD) || (isWordOf(w, ROLE_MODIFIER) && !isWordOf(w, ORGANIZATION_HEAD))))
      return false;
  }
  return true;
}

/** Some word of the name heads an organization's name ("side" excepted). */
function someOrganizationHead(lowerWords: readonly string[]): boolean {
  for (const w of lowerWords) if (isWordOf(w, ORGANIZATION_HEAD) && w !== 'side') return true;
  return false;
}

function allPlaces(lowerWords: readonly string[]): boolean {
  for (const w of lowerWords) if (!isWordOf(w, PLACE)) return false;
  return true;
}

function roleGender(role: Span | null): Gender | null {
  if (!role) return null;
  for (const w of role.text.split(/\s+/)) {
    const g = titleGender(w);
    if (g) return g;
    const lower = w.toLowerCase();
    if (lower === 'his') return 'male';
    if (lower === 'her') return 'female';
  }
  return null;
}

/** Slavic and Baltic surnames mark gender in their ending (Petrova, Kazlauskienė). */
function surnameGender(nameTokens: Token[]): Gender | null {
  if (nameTokens.length < 2) return null;
  const last = nameTokens[nameTokens.length - 1].lower;
  if (/(ova|eva|ina|skaya|ienė|aitė|ytė|ová|ská)$/u.test(last)) return 'female';
  if (/(ov|ev|in|sky|skiy|ski|enko|vich)$/u.test(last)) return 'male';
  return null;
}

/** "The Kremlin", "the Belarusian Foreign Ministry": an institution is named with its article, as written. */
export function withArticle(tokens: Token[], c: NameCandidate): NameCandidate {
  const article = tokens[c.first - 1];
  if (!article || article.lower !== 'the' || c.phraseFirst !== c.first || article.end + 1 !== c.start) return c;
  // "the Interfax news agency": the article belongs to the agency phrase, not to the name.
  const next = tokens[c.end];
  if (next && next.kind === 'word' && (isAddresseeWord(next.text) || next.lower === 'news')) return c;
  return { ...c, start: article.start, text: `${article.text} ${c.text}` };
}
