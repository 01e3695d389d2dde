// The reading pass: names, cue subjects and sentence-opening institutions in reading order, each resolved
// against the speakers met before it. A name becomes an entity by the rules in creationRules.ts; a pronoun or
// a description finds the speaker it refers to in the registry (registry.ts).
import type { Token, TokenizedText } from '../tokens';
import { tokenSpan } from '../tokenText';
import { withArticle, type NameCandidate } from '../mentions/names';
import { descriptionStartingAt, loneSourceAt, memberWordEnd, type Description } from '../mentions/descriptions';
import type { Mentions } from '../mentions';
import type { Cue, CueReading, Subject } from '../cues';
import { SpeakerRegistry, type Entity } from './registry';
import { createsEntity, isClauseSubject, isSource, speakerKind, type NameFacts } from './creationRules';
import type { ReadingState } from './readingState';
import { indefiniteIntroduction } from './indefiniteAntecedents';
import { namedWithArticle, opensClauseAfterFrontedPhrase, opensSentenceAfterDescriptor } from '../mentions/clauseSubjects';

/** A stop of the reading pass besides the names: a cue whose subject is no name, or an institution opening a sentence. */
interface ReadingEvent {
  at: number;
  cue: Cue | null;
  latent: Description | null;
}

export function readInOrder(tt: TokenizedText, mentions: Mentions, reading: CueReading): ReadingState {
  const { subjects } = reading;
  const subjectNames = new Set<NameCandidate>();
  // forEach, not for-of: a map's iterator makes an entry object per step, and there is one per cue.
  subjects.forEach((s) => {
    if (s.type === 'name') subjectNames.add(s.candidate);
  });
  const laterSurnames = fullNameSurnames(mentions.names);
  const state: ReadingState = { subjects, entityOf: new Map(), resolvedByCue: new Map(), registry: new SpeakerRegistry(), joints: [] };
  const others = otherEvents(tt, subjects);
  const readOther = (event: ReadingEvent): void => {
    // Not a source yet: an antecedent for a later "it said" / "they said".
    if (event.latent) state.registry.fromDescription(event.latent);
    else readCueSubject(tt, event.cue as Cue, subjects.get(event.cue as Cue) as Subject, state);
  };
  // Names come in reading order already: merged with the other stops, a name first where both start at one token.
  let j = 0;
  for (const c of mentions.names) {
    while (j < others.length && others[j].at < c.first) readOther(others[j++]);
    readName(tt, c, subjectNames, mentions.media, state, laterSurnames);
  }
  while (j < others.length) readOther(others[j++]);
  return state;
}

/** The cues whose subject is no name and the institutions opening sentences, in reading order. */
function otherEvents(tt: TokenizedText, subjects: Map<Cue, Subject>): ReadingEvent[] {
  const subjectStarts = new Set<number>();
  subjects.forEach((s) => subjectStarts.add(s.first));
  const others: ReadingEvent[] = [];
  subjects.forEach((s, cue) => {
    if (s.type !== 'name') others.push({ at: s.first, cue, latent: null });
  });
  for (const d of institutionsOpeningSentences(tt, subjectStarts)) others.push({ at: d.first, cue: null, latent: d });
  return others.sort((a, b) => a.at - b.at);
}

function readName(
  tt: TokenizedText,
  c: NameCandidate,
  subjectNames: Set<NameCandidate>,
  media: Set<NameCandidate>,
  state: ReadingState,
  fullSurnames: Set<string>,
): void {
  const { tokens } = tt;
  // "Okafor is on the floor … Minority Leader Grace Okafor said earlier": a live blog, newest entry first, gives
  // the surname before the full name; a lone word that is a person's surname elsewhere in the text is that person.
  const read: NameCandidate = isSurnameOfFullName(c, fullSurnames) ? { ...c, kind: 'person' } : c;
  const isCueSubject = subjectNames.has(c);
  const sentenceFirst = tt.sentences[tokens[c.first].sentence].first;
  const facts: NameFacts = {
    candidate: read,
    speaks: isCueSubject || media.has(c),
    opensSentence: sentenceFirst === c.phraseFirst || opensClauseAfterFrontedPhrase(tt, c),
    opensAfterArticle:
      (sentenceFirst === c.phraseFirst - 1 && tokens[sentenceFirst].lower === 'the') || opensSentenceAfterDescriptor(tt, c),
  };
  const kind = namedWithArticle(tokens, c) ? 'organization' : speakerKind(read, facts.speaks);
  const entity = state.registry.fromName(
    kind === 'organization' ? withArticle(tokens, c) : read,
    kind ?? 'person',
    createsEntity(facts, kind),
  );
  if (!entity) {
    // "The Ledger first reported it": one capitalised word after "the" is no one's name, but may be the
    // institution a later "the paper" means; it is only noted, not made a speaker.
    if (kind === 'organization' || namedWithArticle(tokens, c, 1)) state.registry.noteInstitutionName(withArticle(tokens, c));
    return;
  }
  if (isSource(facts, kind)) entity.isSource = true;
  if (kind !== null) state.entityOf.set(c, entity);
  if (isClauseSubject(facts, isCueSubject, kind)) state.registry.noteSubject(entity, c.start);
}

/** The surnames of people named in full (two or more words) anywhere in the text. */
function fullNameSurnames(names: NameCandidate[]): Set<string> {
  const out = new Set<string>();
  for (const c of names) if (c.kind === 'person' && c.words.length >= 2) out.add(c.words[c.words.length - 1]);
  return out;
}

/**
 * A one-word name that is the surname of someone named in full in the text, though the words alone read it as
 * unknown, a place or an institution ("Sen. Lisa Park … Park said", "Tom Hall … Hall said").
 */
function isSurnameOfFullName(c: NameCandidate, fullSurnames: Set<string>): boolean {
  return c.kind !== 'person' && c.words.length === 1 && c.governedBy === null && fullSurnames.has(c.words[0]);
}

/** A pronoun or description that is a cue's subject: the speaker it refers to becomes a source. */
function readCueSubject(tt: TokenizedText, cue: Cue, subject: Subject, state: ReadingState): void {
  const { tokens } = tt;
  const { registry } = state;
  // "One member … had wanted to wait. “…,” the member argued": the introduction names the source.
  const introduction = subject.type === 'description' ? indefiniteIntroduction(tt, subject.description) : null;
  if (introduction) registry.fromDescription(introduction);
  const entity =
    subject.type === 'pronoun' && subject.member
      ? (loneSource(tt, subject, registry) ??
        registry.fromGroupMember(tokenSpan(tokens[subject.token]), previousParagraphStart(tt, subject.first)))
      : subject.type === 'pronoun'
        ? registry.fromPronoun(subject.kind, tokenSpan(tokens[subject.token]), 'pronoun', previousSentenceStart(tt, subject.token))
        : subject.type === 'description'
          ? registry.fromDescription(subject.description, previousParagraphStart(tt, subject.first))
          : null;
  if (!entity) return;
  registry.noteSubject(entity, tokens[subject.first].start);
  entity.isSource = true;
  state.resolvedByCue.set(cue, entity);
}

/**
 * "Two aides spoke. “…,” one said. “…,” said the other.": a bare "one", "another" or "the other" is a source of its
 * own, named so, as reporting writes for members of a group it does not name ("one of them" stays the group).
 */
function loneSource(tt: TokenizedText, subject: Subject & { type: 'pronoun' }, registry: SpeakerRegistry): Entity | null {
  if (memberWordEnd(tt.tokens, subject.first) !== subject.token + 1) return null;
  const d = loneSourceAt(tt.tokens, subject.first);
  return d && registry.fromDescription(d);
}

/**
 * "The central bank kept its rate unchanged. … it said": an institution that opens a sentence is the
 * antecedent journalists mean by a later "it" or "they", so it is known before it speaks.
 */
function institutionsOpeningSentences(tt: TokenizedText, taken: Set<number>): Description[] {
  const out: Description[] = [];
  for (const sentence of tt.sentences) {
    const first = sentence.first;
    const t: Token | undefined = tt.tokens[first];
    if (!t || t.quote >= 0 || t.furniture || taken.has(first)) continue;
    if (t.lower !== 'the') {
      const crowd = crowdOpening(tt.tokens, first) ?? someoneOpening(tt.tokens, first);
      if (crowd && !taken.has(crowd.first)) out.push(crowd);
      continue;
    }
    const d = descriptionStartingAt(tt.tokens, first);
    if (d && d.definite && d.headKind === 'organization') out.push(d);
  }
  return out;
}

/** Nouns of number or gathering before "of" and a crowd ("Dozens of protesters", "a group of nurses"). */
const CROWD_COUNTS = new Set(['dozens', 'hundreds', 'thousands', 'scores', 'crowd', 'group', 'handful', 'number', 'line', 'row', 'chorus']);

/** Words that may stand before a crowd's count ("Around 200 protesters", "Some 50 residents"). */
const COUNT_OPENERS = new Set(['around', 'about', 'some', 'nearly', 'almost', 'over', 'roughly']);

/**
 * "Around 200 protesters gathered outside. “Books not cuts,” they chanted": a crowd of people that opens a
 * sentence, without an article, is who a later "they" means, as an institution is for "it".
 */
function crowdOpening(tokens: Token[], first: number): Description | null {
  let p = first;
  if (COUNT_OPENERS.has(tokens[p].lower) && tokens[p + 1]?.kind === 'number') p++;
  if (tokens[p]?.kind === 'number') p++;
  // "Dozens of protesters", "A crowd of supporters", "Hundreds of farmers".
  else if (tokens[p + 1]?.lower === 'of' && CROWD_COUNTS.has(tokens[p].lower)) p += 2;
  else if (
    (tokens[p].lower === 'a' || tokens[p].lower === 'one') &&
    tokens[p + 2]?.lower === 'of' &&
    CROWD_COUNTS.has(tokens[p + 1]?.lower ?? '')
  )
    p += 3;
  const d = descriptionStartingAt(tokens, p);
  return d && d.plural && !d.definite && d.headKind === 'people' && d.first === p ? d : null;
}

/**
 * "One supporter outside the hall was less amused. “…,” he said": one unnamed person introduced with "a" or "one"
 * as a sentence's subject is who a "he" or "she" right after means, not someone named paragraphs before.
 */
function someoneOpening(tokens: Token[], first: number): Description | null {
  if (tokens[first].lower !== 'a' && tokens[first].lower !== 'an' && tokens[first].lower !== 'one') return null;
  const d = descriptionStartingAt(tokens, first);
  return d && !d.plural && !d.definite && !d.possessive && d.headKind === 'people' && d.first === first ? d : null;
}

/** Where the sentence before the one holding token `i` starts, within its paragraph (a pronoun's subject is there). */
function previousSentenceStart(tt: TokenizedText, i: number): number {
  const t = tt.tokens[i];
  const previous = tt.sentences[Math.max(0, t.sentence - 1)];
  const first = tt.tokens[previous.first];
  return first.paragraph === t.paragraph || first.paragraph === t.paragraph - 1
    ? first.start
    : tt.tokens[tt.sentences[t.sentence].first].start;
}

/** Where the paragraph before the one holding token `i` starts (a definite title looks back no further). */
function previousParagraphStart(tt: TokenizedText, i: number): number {
  const paragraph = tt.tokens[i].paragraph;
  return tt.paragraphs[Math.max(0, paragraph - 1)]?.start ?? 0;
}
