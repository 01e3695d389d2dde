// Finds speakers (people, organisations, anonymous sources) and attributes each quote to one, or to none.
// One pass in reading order over tokens: names become speakers when they carry a role or are the subject of
// a speech cue; pronouns and descriptions resolve to the speakers met before them; then each quote takes the
// speaker of its cue. UTF-16 indices, like every module under analysis/.
import type { AttributionOverride, Quote, Span, Speaker, SpeakerKind, Structure } from './types';
import { tokenize } from './speakers/tokens';
import { findNames, type NameCandidate } from './speakers/names';
import { findCues, indexNames, quotedSubject, sentenceSubject, subjectAfter, subjectBefore, textOf, type Cue, type NameIndex, type Subject } from './speakers/cues';
import { collectiveSubject, DOCUMENT_NOUNS, documentStartingAt, documentSubject, introducingMention, isJointCue, issuerAfter, jointSubject, type DocumentPhrase, type JointPart } from './speakers/documents';
import { SpeakerRegistry, type Entity } from './speakers/registry';
import { attributeQuotes, type ResolvedCue } from './speakers/attribution';
import { applyOverrides } from './speakers/overrides';
import { descriptionStartingAt, isDescriptionHead, type Description } from './speakers/descriptions';
import { isPlace } from './speakers/gazetteer';
import { isAddresseeWord, MEDIUM_INTRODUCERS } from './lexicon/cueVerbs';
import type { Token, TokenizedText } from './speakers/tokens';

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
    if (!subject) continue;
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
      const kind = speakerKind(c, subjectNames.has(c) || media.has(c));
      // A source: the subject of a cue, a medium that carried the words, or a person named with a title.
      const source = kind !== null && (subjectNames.has(c) || media.has(c) || c.kind === 'person' && c.titled);
      // Any other recognised person is kept too, unlisted, so that a later "he said" can find them; so is an
      // unknown two- or three-word name that opens a sentence ("Nana Kapanadze has picked grapes …").
      const sentenceFirst = tt.sentences[tokens[c.first].sentence].first;
      const opensSentence = sentenceFirst === c.phraseFirst;
      // An organisation that opens a sentence is its subject, and so what a later "the group" or "it" means.
      const subjectOrganisation = kind === 'organization' && (opensSentence || sentenceFirst === c.phraseFirst - 1 && tokens[sentenceFirst].lower === 'the');
      // A name that is only the object of a preposition ("a letter from Okafor") is not kept as an antecedent
      // unless it is plainly a person: a pronoun's antecedent is a subject far more often than such an object.
      const create = source || c.kind === 'person' && (c.governedBy === null || c.titled || c.gender !== null) ||
        c.kind === 'unknown' && opensSentence && c.words.length >= 2 && c.words.length <= 3 || subjectOrganisation;
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
    const entity = subject.type === 'pronoun'
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
    if (!entity || entity.plural && subject.type !== 'description') continue;
    resolved.push({
      cue, entity, source: sourceSpan(tokens, subject), subjectFirst: subject.first,
      inverted: subject.first > cue.verb,
    });
  }
  // "…," the statement said: a document speaks for whoever issued it. "X and Y said in a joint statement":
  // the parties speak as one, and "the two countries said" later means them again.
  const state: ReadingState = { subjects, entityOf, resolvedByCue, registry, joints: [] };
  const resolvedCues = new Set(resolved.map((r) => r.cue));
  for (const cue of cues) {
    const written = subjects.get(cue);
    // "Egypt and Qatar said in a joint statement … “…,” they said": "they" takes up the joint speaker.
    if (written?.type === 'pronoun' && written.kind === 'plural' && !resolvedCues.has(cue)) {
      const pronoun = tokens[written.token];
      const joint = latestJointSince(state, pronoun.start, tt.paragraphs[Math.max(0, pronoun.paragraph - 1)].start);
      if (joint) {
        const source = spanOf(pronoun);
        registry.mention(joint, source, 'pronoun');
        resolved.push({ cue, entity: joint, source, subjectFirst: written.first, inverted: written.first > cue.verb });
      }
      continue;
    }
    if (subjects.has(cue) || cue.participle || cue.quotedBy !== undefined) continue;
    const jointSpeaker = cue.according ? null : jointCueSpeaker(tt, index, cue, state);
    if (jointSpeaker) {
      jointSpeaker.entity.isSource = true;
      resolvedByCue.set(cue, jointSpeaker.entity);
      resolved.push({ cue, entity: jointSpeaker.entity, source: jointSpeaker.source, subjectFirst: jointSpeaker.first, inverted: false });
      continue;
    }
    const collective = cue.according ? null : collectiveSubject(tokens, cue.verb);
    const collectiveEntity = collective && latestJoint(state, tokens[collective.first].start);
    if (collective && collectiveEntity) {
      const source = { start: tokens[collective.first].start, end: tokens[collective.end - 1].end, text: textOf(tokens, collective.first, collective.end) };
      registry.mention(collectiveEntity, source, 'description');
      resolved.push({ cue, entity: collectiveEntity, source, subjectFirst: collective.first, inverted: false });
      continue;
    }
    // "according to the statement": the document named after the cue.
    const doc = cue.according ? documentStartingAt(tokens, cue.end) : documentSubject(tokens, cue.verb, cue.end);
    if (!doc) continue;
    const span = { start: tokens[doc.first].start, end: tokens[doc.end - 1].end, text: textOf(tokens, doc.first, doc.end) };
    const entity = documentIssuer(tt, index, doc, state) ??
      registry.add({ name: span.text, kind: 'organization', role: null, gender: null, words: [], head: doc.head, plural: false });
    registry.mention(entity, span, 'description');
    entity.isSource = true;
    resolved.push({ cue, entity, source: span, subjectFirst: doc.first, inverted: doc.first > cue.verb });
  }
  resolved.sort((a, b) => a.cue.verb - b.cue.verb);

  const attributions = attributeQuotes(tt, quotes.length, resolved);
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

interface ReadingState {
  subjects: Map<Cue, Subject>;
  entityOf: Map<NameCandidate, Entity>;
  resolvedByCue: Map<Cue, Entity>;
  registry: SpeakerRegistry;
  /** Joint speakers ("Egypt and Qatar") with where they were named, in reading order. */
  joints: { entity: Entity; at: number }[];
}

/** The joint speaker whose parties were named first at `joint` (one entity per set of names). */
function jointEntity(tokens: Token[], joint: { parts: JointPart[]; first: number; end: number }, state: ReadingState): Entity {
  // The parties by their names, without titles: "Keir Walsh and Anne Morel", "The Philippines and Vietnam".
  const parts = joint.parts.map((part) => part.text);
  const name = parts.length === 2 ? parts.join(' and ') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  const allPeople = joint.parts.every((part) => part.kind === 'person' || part.kind === null) && joint.parts.some((part) => part.kind === 'person');
  const entity = state.registry.find(name) ?? state.registry.add({
    name, kind: allPeople ? 'person' : 'organization', role: null, gender: null, words: [], head: null, plural: true,
  });
  const at = tokens[joint.first].start;
  state.registry.mention(entity, { start: at, end: tokens[joint.end - 1].end, text: textOf(tokens, joint.first, joint.end) }, 'name');
  if (!state.joints.some((j) => j.entity === entity && j.at === at)) state.joints.push({ entity, at });
  return entity;
}

/** "Egypt and Qatar said in a joint statement": the coordinated subject right before a joint cue, as one speaker. */
function jointCueSpeaker(tt: TokenizedText, index: NameIndex, cue: Cue, state: ReadingState): { entity: Entity; source: Span; first: number } | null {
  const { tokens } = tt;
  if (!isJointCue(tokens, cue.verb, cue.end)) return null;
  const sentenceFirst = tt.sentences[tokens[cue.verb].sentence].first;
  for (let first = sentenceFirst; first < cue.verb; first++) {
    if (first !== sentenceFirst && tokens[first - 1].text !== ',') continue;
    const joint = jointSubject(tokens, index, first, cue.verb);
    if (!joint) continue;
    let gap = joint.end;
    while (gap < cue.verb && (tokens[gap].lower === 'jointly' || tokens[gap].lower === 'also' || tokens[gap].lower === 'have' || tokens[gap].lower === 'had')) gap++;
    if (gap !== cue.verb) continue;
    const entity = jointEntity(tokens, joint, state);
    return { entity, source: { start: tokens[joint.first].start, end: tokens[joint.end - 1].end, text: textOf(tokens, joint.first, joint.end) }, first: joint.first };
  }
  // "The foreign ministries of Egypt and Jordan said in a joint statement": a description whose last name is
  // coordinated with another one runs on to the verb.
  const subject = sentenceSubject(tokens, index, sentenceFirst, cue.verb);
  if (subject?.type !== 'description' || tokens[subject.description.end]?.lower !== 'and') return null;
  let next = subject.description.end + 1;
  if (tokens[next]?.lower === 'the') next++;
  const other = index.byFirst.get(next);
  if (!other || other.phraseEnd !== cue.verb) return null;
  const source = { start: tokens[subject.first].start, end: tokens[cue.verb - 1].end, text: textOf(tokens, subject.first, cue.verb) };
  const entity = state.registry.find(source.text) ?? state.registry.add({
    name: source.text, kind: 'organization', role: null, gender: null, words: [], head: subject.description.head, plural: true,
  });
  state.registry.mention(entity, source, 'description');
  state.joints.push({ entity, at: source.start });
  return { entity, source, first: subject.first };
}

/** The joint speaker named most recently before `before`, for "the two countries said". */
function latestJoint(state: ReadingState, before: number): Entity | null {
  return latestJointSince(state, before, 0);
}

/** The joint speaker named most recently in [since, before), or null. */
function latestJointSince(state: ReadingState, before: number, since: number): Entity | null {
  let best: { entity: Entity; at: number } | null = null;
  for (const j of state.joints) if (j.at < before && j.at >= since && (!best || j.at > best.at)) best = j;
  return best?.entity ?? null;
}

/**
 * Who issued a document that speaks: an owner written in the phrase ("the ministry's statement"), else the
 * subject of the sentence that introduced it ("Kyiv and Warsaw said in a joint statement …", "The health
 * ministry issued a report"), a coordinated subject becoming one joint issuer. Null when nothing says.
 */
function documentIssuer(tt: TokenizedText, index: NameIndex, doc: DocumentPhrase, state: ReadingState): Entity | null {
  const { tokens } = tt;
  const entityOfName = (c: NameCandidate): Entity | null => state.entityOf.get(c) ??
    state.registry.fromName(c.kind === 'person' ? c : withArticle(tokens, c), c.kind === 'person' ? 'person' : 'organization', true);
  for (let p = doc.first; p < doc.end; p++) {
    const owner = index.byFirst.get(p);
    if (owner && owner.end <= doc.end) return entityOfName(owner);
  }
  // "Amnesty’s report": an owner that is no name candidate (a lone word opening the sentence) is still the issuer.
  for (let p = doc.first + 1; p < doc.end; p++) {
    if (tokens[p].text !== '’s' && tokens[p].text !== "'s") continue;
    const from = tokens[doc.first].lower === 'the' ? doc.first + 1 : doc.first;
    if (from >= p || !tokens[from].cap) break;
    const name = textOf(tokens, from, p);
    const entity = state.registry.find(name) ?? state.registry.add({ name, kind: 'organization', role: null, gender: null, words: [], head: null, plural: false });
    state.registry.mention(entity, { start: tokens[from].start, end: tokens[p - 1].end, text: name }, 'name');
    return entity;
  }
  const mention = introducingMention(tt, doc.first);
  if (mention < 0) return organisationInFocus(tt, index, doc.first, entityOfName, state.registry);
  const s = tokens[mention].sentence;
  const { first, end } = tt.sentences[s];
  // "The report, published by the World Bank on Tuesday, …": the issuer named after the document.
  const by = issuerAfter(tokens, mention);
  const issuer = by >= 0 ? index.byFirst.get(by) ?? (tokens[by].lower === 'the' ? index.byFirst.get(by + 1) : undefined) : undefined;
  if (issuer && issuer.kind !== 'place') return entityOfName(issuer);
  const joint = jointSubject(tokens, index, first, end);
  if (joint) return jointEntity(tokens, joint, state);
  // A cue of that sentence already resolved ("The ministry said in a statement …", a joint speaker).
  for (const [cue, subject] of state.subjects) {
    if (tokens[cue.verb].sentence !== s) continue;
    const entity = subject.type === 'name' ? state.entityOf.get(subject.candidate) : state.resolvedByCue.get(cue);
    if (entity) return entity;
  }
  for (const [cue, entity] of state.resolvedByCue) if (tokens[cue.verb].sentence === s) return entity;
  const subject = sentenceSubject(tokens, index, first, end);
  if (subject?.type === 'name') return entityOfName(subject.candidate);
  if (subject?.type === 'description') return state.registry.fromDescription(subject.description);
  return null;
}

/**
 * "The company sued the regulator. “…,” according to the complaint": with no sentence introducing the
 * document, the organisation that is the subject of the latest sentence before it (this or the last paragraph).
 */
function organisationInFocus(
  tt: TokenizedText, index: NameIndex, at: number, entityOfName: (c: NameCandidate) => Entity | null, registry: SpeakerRegistry,
): Entity | null {
  const { tokens } = tt;
  const paragraph = tokens[at].paragraph;
  for (let s = tokens[at].sentence; s >= 0; s--) {
    const { first, end } = tt.sentences[s];
    if (tokens[first].paragraph < paragraph - 1) return null;
    const subject = sentenceSubject(tokens, index, first, Math.min(end, s === tokens[at].sentence ? at : end));
    const entity = subject?.type === 'name' && subject.candidate.kind === 'organization' ? entityOfName(subject.candidate)
      : subject?.type === 'description' && subject.description.headKind === 'organization' ? registry.fromDescription(subject.description) : null;
    if (entity) return entity;
  }
  return null;
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

/** "The Kremlin", "the Belarusian Foreign Ministry": an institution is named with its article, as written. */
function withArticle(tokens: Token[], c: NameCandidate): NameCandidate {
  const article = tokens[c.first - 1];
  if (!article || article.lower !== 'the' || c.phraseFirst !== c.first || article.end + 1 !== c.start) return c;
  // "the Interfax news agency": the article belongs to the agency phrase, not to the name.
  const next = tokens[c.end];
  if (next && next.kind === 'word' && (isAddresseeWord(next.text) || next.lower === 'news')) return c;
  return { ...c, start: article.start, text: `${article.text} ${c.text}` };
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
