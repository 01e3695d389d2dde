// Finds speakers (people, organisations, anonymous sources) and attributes each quote to one, or to none.
// One pass in reading order over tokens: names become speakers when they carry a role or are the subject of
// a speech cue; pronouns and descriptions resolve to the speakers met before them; documents and joint
// subjects are resolved after that pass (speakers/sharedSources.ts); then each quote takes the speaker of its cue. UTF-16 indices, like every module under analysis/.
import type { AttributionOverride, Quote, Speaker, SpeakerKind, Structure } from '../types';
import { tokenize } from './tokens';
import { findNames, withArticle, type NameCandidate } from './mentions/names';
import { findCues, quotedSubject, sentenceSubject, subjectAfter, subjectBefore, type Cue, type Subject } from './cues/cues';
import { indexNames, type NameIndex } from './mentions/nameIndex';
import { DOCUMENT_NOUNS } from './mentions/documents';
import { resolveSharedSources } from './resolution/sharedSources';
import { SpeakerRegistry, type Entity } from './resolution/registry';
import { attributeQuotes, type ResolvedCue } from './attribution/attribution';
import { indefiniteIntroduction } from './resolution/indefiniteAntecedents';
import { applyOverrides } from './attribution/overrides';
import { labelAttributions } from './attribution/labels';
import { signatureAttributions } from './attribution/signatures';
import { descriptionStartingAt, isDescriptionHead, type Description } from './mentions/descriptions';
import { isPlace } from '../lexicon/gazetteer';
import { namedWithArticle, opensClauseAfterFrontedPhrase, opensSentenceAfterDescriptor } from './mentions/clauseSubjects';
import { isAddresseeWord, MEDIUM_INTRODUCERS } from '../lexicon/cueVerbs';
import type { Token, TokenizedText } from './tokens';

export function findSpeakers(
  text: string,
  structure: Structure,
  quotes: Quote[],
  overrides: AttributionOverride[],
): { speakers: Speaker[]; quotes: Quote[] } {
  const tt = tokenize(text, structure, quotes);
  const { tokens } = tt;
  const names = findNames(tt);
  const index = indexNames(names);
  const cues = findCues(tokens);

  // Each cue's subject, as written.
  const subjects = new Map<Cue, Subject>();
  const subjectNames = new Set<NameCandidate>();
  for (const cue of cues) {
    const subject = cue.quotedBy !== undefined ? quotedSubject(tokens, index, cue)
      : cue.according ? accordingSubject(tokens, index, cue.end)
      : cue.participle ? sentenceSubject(tokens, index, tt.sentences[tokens[cue.verb].sentence].first, cue.verb)
      : subjectBefore(tokens, index, cue.verb) ?? invertedSubject(tokens, index, cue);
    if (!subject || cue.colon && subject.type === 'name' && subject.candidate.kind === 'place') continue;
    subjects.set(cue, subject);
    if (subject.type === 'name') subjectNames.add(subject.candidate);
  }
  const media = mediaNames(tokens, names);

  // Reading order: names and cue subjects resolve against what came before them.
  const registry = new SpeakerRegistry();
  const entityOf = new Map<NameCandidate, Entity>();
  const subjectStarts = new Set([...subjects.values()].map((s) => s.first));
  // Names come in reading order already; only the few other events need sorting before the merge.
  interface ReadingEvent { at: number; candidate: NameCandidate | null; cue: Cue | null; latent: Description | null }
  const others: ReadingEvent[] = [
    ...[...subjects].filter(([, s]) => s.type !== 'name').map(([cue, s]) => ({ at: s.first, candidate: null, cue, latent: null })),
    ...institutionsOpeningSentences(tt, subjectStarts).map((d) => ({ at: d.first, candidate: null, cue: null, latent: d })),
  ].sort((a, b) => a.at - b.at);
  const events = mergeByPosition<ReadingEvent>(names.map((candidate) => ({ at: candidate.first, candidate, cue: null, latent: null })), others);
  const resolved: ResolvedCue[] = [];
  const resolvedByCue = new Map<Cue, Entity>();
  for (const event of events) {
    if (event.candidate) {
      const c = event.candidate;
      const kind = namedWithArticle(tokens, c) ? 'organization' : speakerKind(c, subjectNames.has(c) || media.has(c));
      // A source: the subject of a cue, a medium that carried the words, or a person named with a title.
      const source = kind !== null && (subjectNames.has(c) || media.has(c) || c.kind === 'person' && c.titled);
      // Any other recognised person is kept too, unlisted, so that a later "he said" can find them; so is an
      // unknown two- or three-word name that opens a sentence ("Nana Kapanadze has picked grapes …").
      const sentenceFirst = tt.sentences[tokens[c.first].sentence].first;
      const opensSentence = sentenceFirst === c.phraseFirst || opensClauseAfterFrontedPhrase(tt, c);
      // An organisation that opens a sentence is its subject, and so what a later "the group" or "it" means.
      const subjectOrganisation = kind === 'organization' && (opensSentence || sentenceFirst === c.phraseFirst - 1 && tokens[sentenceFirst].lower === 'the' || opensSentenceAfterDescriptor(tt, c));
      // A name that is only the object of a preposition ("a letter from Okafor") is not kept as an antecedent
      // unless it is plainly a person: a pronoun's antecedent is a subject far more often than such an object.
      const create = source || c.kind === 'person' && (c.governedBy === null || c.titled || c.gender !== null) ||
        c.kind === 'unknown' && opensSentence && (c.words.length >= 2 && c.words.length <= 3 || c.subjectOpener) || subjectOrganisation;
      const entity = registry.fromName(kind === 'organization' ? withArticle(tokens, c) : c, kind ?? 'person', create && kind !== null);
      if (entity && source) entity.isSource = true;
      if (entity && kind !== null) entityOf.set(c, entity);
      if (entity && (subjectNames.has(c) || opensSentence || subjectOrganisation)) registry.noteSubject(entity, c.start);
      continue;
    }
    if (event.latent) {
      // Not a source yet: an antecedent for a later "it said" / "they said".
      registry.fromDescription(event.latent);
      continue;
    }
    const cue = event.cue as Cue;
    const subject = subjects.get(cue) as Subject;
    // "One member … had wanted to wait. “…,” the member argued": the introduction names the source.
    const introduction = subject.type === 'description' ? indefiniteIntroduction(tt, subject.description) : null;
    if (introduction) registry.fromDescription(introduction);
    const entity = subject.type === 'pronoun' && subject.member
      ? registry.fromGroupMember(spanOf(tokens[subject.token]), previousParagraphStart(tt, subject.first))
      : subject.type === 'pronoun'
      ? registry.fromPronoun(subject.kind, spanOf(tokens[subject.token]), 'pronoun', previousSentenceStart(tt, subject.token))
      : subject.type === 'description' ? registry.fromDescription(subject.description, previousParagraphStart(tt, subject.first)) : null;
    if (entity) {
      registry.noteSubject(entity, tokens[subject.first].start);
      entity.isSource = true;
      resolvedByCue.set(cue, entity);
    }
  }
  for (const [cue, subject] of subjects) {
    const entity = subject.type === 'name' ? entityOf.get(subject.candidate) : resolvedByCue.get(cue);
    if (!entity || entity.plural && subject.type !== 'description' && !(subject.type === 'pronoun' && subject.member)) continue;
    resolved.push({
      cue, entity, source: sourceSpan(tokens, subject), subjectFirst: subject.first,
      inverted: subject.first > cue.verb,
    });
  }
  // Documents that speak, joint speakers and what refers back to them.
  resolveSharedSources(tt, index, cues, { subjects, entityOf, resolvedByCue, registry, joints: [] }, resolved);
  resolved.sort((a, b) => a.cue.verb - b.cue.verb);

  const signed = signatureAttributions(text, tt.paragraphs, quotes, registry);
  const labelled = labelAttributions(text, tt.paragraphs, quotes, registry).map((label, q) => label ?? signed[q]);
  const attributions = attributeQuotes(tt, quotes.length, resolved, labelled);
  const speakerOf = attributions.map((a) => a.entity);
  applyOverrides(text, quotes, overrides, registry, speakerOf);

  const ids = assignIds(registry.entities, speakerOf);
  const speakers = registry.entities.filter((e) => ids.has(e)).sort((a, b) => (ids.get(a) as number) - (ids.get(b) as number)).map(toSpeaker(ids, text));
  const attributed = quotes.map((q, i) => {
    const entity = speakerOf[i];
    const overridden = entity !== attributions[i].entity;
    return {
      ...q,
      speakerId: entity ? `s${ids.get(entity) as number}` : null,
      cue: overridden ? null : raw(text, attributions[i].cue),
      source: overridden ? null : raw(text, attributions[i].source),
    };
  });
  return { speakers, quotes: attributed };
}

/** The kind of speaker a name would be, or null when it cannot speak (a place that is not a cue's subject). */
function speakerKind(c: NameCandidate, isSource: boolean): SpeakerKind | null {
  switch (c.kind) {
    case 'person': return 'person';
    case 'organization': return 'organization';
    // A state speaks only as the subject of a cue ("Russia said"); otherwise it is a place.
    case 'place': return isSource ? 'organization' : null;
    case 'unknown':
      if (c.words.length === 1 && isDescriptionHead(c.words[0])) return null;
      return isPlace(c.text) ? (isSource ? 'organization' : null) : 'person';
  }
}

/**
 * "The central bank kept its rate unchanged. … it said": an institution that opens a sentence is the
 * antecedent journalists mean by a later "it" or "they", so it is known before it speaks.
 */
function institutionsOpeningSentences(tt: TokenizedText, taken: Set<number>): Description[] {
  const out: Description[] = [];
  for (const sentence of tt.sentences) {
    const first = sentence.first;
    const t = tt.tokens[first];
    if (!t || t.quote >= 0 || t.furniture || taken.has(first) || t.lower !== 'the') continue;
    const d = descriptionStartingAt(tt.tokens, first);
    if (d && d.definite && d.headKind === 'organization') out.push(d);
  }
  return out;
}

/** Names right after "quoted by", "cited by" …: the agency that carried the words, an organisation. */
function mediaNames(tokens: Token[], names: NameCandidate[]): Set<NameCandidate> {
  const out = new Set<NameCandidate>();
  const introducers = MEDIUM_INTRODUCERS.filter((m) => m !== 'told').map((m) => m.split(' '));
  // Most names follow no introducer at all: a look at the word before settles them at once.
  const lastWords = new Set(introducers.map((words) => words[words.length - 1]));
  for (const c of names) {
    let p = c.phraseFirst - 1;
    if (p >= 0 && tokens[p].lower === 'the') p--;
    if (p < 0 || !lastWords.has(tokens[p].lower)) continue;
    for (const words of introducers) {
      let ok = true;
      for (let k = 0; k < words.length; k++) {
        const t = tokens[p - words.length + 1 + k];
        if (!t || t.lower !== words[k]) { ok = false; break; }
      }
      if (ok && (c.kind === 'organization' || isAddresseeWord(tokens[c.end]?.text ?? '') || isAddresseeWord(c.text))) out.add(c);
    }
  }
  return out;
}

/** "according to Smith", and "according to a statement from the ministry": the author of the document. */
function accordingSubject(tokens: Token[], index: NameIndex, at: number): Subject | null {
  let p = at;
  if (tokens[p] && ['a', 'an', 'the'].includes(tokens[p].lower)) p++;
  while (tokens[p] && tokens[p].kind === 'word' && !DOCUMENT_NOUNS.has(tokens[p].lower) && p < at + 4 && !tokens[p].cap) p++;
  if (tokens[p] && DOCUMENT_NOUNS.has(tokens[p].lower) && ['from', 'by', 'of'].includes(tokens[p + 1]?.lower ?? '')) {
    return subjectAfter(tokens, index, p + 2);
  }
  return subjectAfter(tokens, index, at);
}

/** Merges two lists sorted by `at` (stable: on a tie, the first list's item comes first). */
function mergeByPosition<T extends { at: number }>(a: T[], b: T[]): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || i < a.length && a[i].at <= b[j].at) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}

/** Where the sentence before the one holding token `i` starts, within its paragraph (a pronoun's subject is there). */
function previousSentenceStart(tt: TokenizedText, i: number): number {
  const t = tt.tokens[i];
  const previous = tt.sentences[Math.max(0, t.sentence - 1)];
  const first = tt.tokens[previous.first];
  return first.paragraph === t.paragraph || first.paragraph === t.paragraph - 1 ? first.start : tt.tokens[tt.sentences[t.sentence].first].start;
}

/** Where the paragraph before the one holding token `i` starts (a definite title looks back no further). */
function previousParagraphStart(tt: TokenizedText, i: number): number {
  const paragraph = tt.tokens[i].paragraph;
  return tt.paragraphs[Math.max(0, paragraph - 1)]?.start ?? 0;
}

function invertedSubject(tokens: Token[], index: NameIndex, cue: Cue): Subject | null {
  // "…," said Smith: only right after a quote and a comma.
  const before = tokens[cue.first - 1];
  const beforeThat = tokens[cue.first - 2];
  if (!before || !(before.quote >= 0 || before.text === ',' && beforeThat && beforeThat.quote >= 0)) return null;
  // "“…,” said another.": one of the group just described.
  const member = tokens[cue.end];
  if (member && (member.lower === 'one' || member.lower === 'another') && tokens[cue.end + 1]?.kind === 'punct' && tokens[cue.end + 1].sentence === member.sentence) {
    return { type: 'pronoun', first: cue.end, token: cue.end, kind: 'plural', member: true };
  }
  const subject = subjectAfter(tokens, index, cue.end);
  return subject && subject.type !== 'pronoun' ? subject : null;
}

function spanOf(t: Token): { start: number; end: number; text: string } {
  return { start: t.start, end: t.end, text: t.text };
}

function sourceSpan(tokens: Token[], s: Subject): { start: number; end: number; text: string } {
  switch (s.type) {
    case 'pronoun': return spanOf(tokens[s.token]);
    case 'name': return { start: s.candidate.start, end: s.candidate.stop, text: s.candidate.text };
    case 'description': return { start: s.description.start, end: s.description.stop, text: s.description.text };
  }
}

/**
 * Speaker ids in order of first mention, for every entity that was mentioned (or named by an override).
 * Entities whose only mentions are pronouns that nothing attributes are still kept: they were resolved.
 */
function assignIds(entities: Entity[], speakerOf: (Entity | null)[]): Map<Entity, number> {
  const named = new Set(speakerOf);
  const used = entities.filter((e) => named.has(e) || e.mentions.length > 0 && (e.isSource || e.role !== null));
  const firstAt = (e: Entity) => e.mentions.reduce((min, m) => Math.min(min, m.start), Infinity);
  const order = used.map((e) => ({ e, at: firstAt(e) })).sort((a, b) => a.at - b.at || a.e.key - b.e.key);
  return new Map(order.map(({ e }, i) => [e, i + 1]));
}

/** A span's text exactly as in the source (a name read across a tab or a no-break space keeps it). */
function raw<T extends { start: number; end: number; text: string }>(text: string, span: T | null): T | null {
  return span && { ...span, text: text.slice(span.start, span.end) };
}

function toSpeaker(ids: Map<Entity, number>, text: string): (e: Entity) => Speaker {
  return (e) => {
    const mentions = [...e.mentions].sort((a, b) => a.start - b.start).map((m) => raw(text, m) as typeof m);
    const aliases: string[] = [];
    for (const m of mentions) {
      // A person's other forms are their names; "the minister" or "the 59-year-old" stay mentions only.
      if (m.form === 'pronoun' || e.kind === 'person' && m.form !== 'name' && m.form !== 'surname') continue;
      if (m.text === e.name || aliases.includes(m.text)) continue;
      aliases.push(m.text);
    }
    return { id: `s${ids.get(e) as number}`, name: e.name, kind: e.kind, role: e.role, aliases, mentions };
  };
}
