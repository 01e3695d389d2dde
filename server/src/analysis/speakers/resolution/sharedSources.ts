// Sources shared or stood in for: a document that speaks for whoever issued it ("…," the statement said),
// parties that speak as one ("Egypt and Qatar said in a joint statement"), and what later refers back to
// them ("the two countries said", "they said"). Runs after the reading pass, on the cues it left without a
// speaker, in reading order. UTF-16 indices, like every module under analysis/.
import type { Span } from '../../types';
import type { Token, TokenizedText } from '../tokens';
import type { NameCandidate } from '../mentions/names';
import { withArticle } from '../mentions/names';
import { sentenceSubject, textOf, type Cue, type Subject } from '../cues/cues';
import type { NameIndex } from '../mentions/nameIndex';
import type { Entity, SpeakerRegistry } from './registry';
import type { ResolvedCue } from '../attribution/attribution';
import {
  collectiveSubject, documentStartingAt, documentSubject, introducingMention, isJointCue, issuerAfter, jointSubject,
  type DocumentPhrase, type JointPart,
} from '../mentions/documents';

/** Resolves the cues a document, a joint subject or a reference back to one speaks through; adds them to `resolved`. */
export function resolveSharedSources(tt: TokenizedText, index: NameIndex, cues: Cue[], state: ReadingState, resolved: ResolvedCue[]): void {
  const { tokens } = tt;
  const { subjects, resolvedByCue, registry } = state;
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
}

function spanOf(t: Token): Span {
  return { start: t.start, end: t.end, text: t.text };
}

export interface ReadingState {
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

