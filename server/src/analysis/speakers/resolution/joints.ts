// Parties that speak as one ("Egypt and Qatar said in a joint statement"): one plural entity for the set of
// names, remembered where it was named so that "the two countries said" or "they said" can take it up.
import type { Span } from '../../types';
import type { Token, TokenizedText } from '../tokens';
import { textOf } from '../tokenText';
import type { NameIndex } from '../mentions/nameIndex';
import { isJointCue, jointSubject, type JointPart } from '../mentions/documents';
import { sentenceSubject } from '../cues/subjects';
import type { Cue } from '../cues';
import type { Entity } from './registry';
import type { ReadingState } from './readingState';

/** The joint speaker whose parties were named first at `joint` (one entity per set of names). */
export function jointEntity(tokens: Token[], joint: { parts: JointPart[]; first: number; end: number }, state: ReadingState): Entity {
  // The parties by their names, without titles: "Keir Walsh and Anne Morel", "The Philippines and Vietnam".
  const parts = joint.parts.map((part) => part.text);
  const name = parts.length === 2 ? parts.join(' and ') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  const allPeople =
    joint.parts.every((part) => part.kind === 'person' || part.kind === null) && joint.parts.some((part) => part.kind === 'person');
  const entity =
    state.registry.find(name) ??
    state.registry.add({
      name,
      kind: allPeople ? 'person' : 'organization',
      role: null,
      gender: null,
      words: [],
      head: null,
      plural: true,
    });
  const at = tokens[joint.first].start;
  state.registry.mention(entity, { start: at, end: tokens[joint.end - 1].end, text: textOf(tokens, joint.first, joint.end) }, 'name');
  if (!state.joints.some((j) => j.entity === entity && j.at === at)) state.joints.push({ entity, at });
  return entity;
}

/** "Egypt and Qatar said in a joint statement": the coordinated subject right before a joint cue, as one speaker. */
export function jointCueSpeaker(
  tt: TokenizedText,
  index: NameIndex,
  cue: Cue,
  state: ReadingState,
): { entity: Entity; source: Span; first: number } | null {
  const { tokens } = tt;
  if (!isJointCue(tokens, cue.verb, cue.end)) return null;
  const sentenceFirst = tt.sentences[tokens[cue.verb].sentence].first;
  for (let first = sentenceFirst; first < cue.verb; first++) {
    if (first !== sentenceFirst && tokens[first - 1].text !== ',') continue;
    const joint = jointSubject(tokens, index, first, cue.verb);
    if (!joint) continue;
    let gap = joint.end;
    while (
      gap < cue.verb &&
      (tokens[gap].lower === 'jointly' || tokens[gap].lower === 'also' || tokens[gap].lower === 'have' || tokens[gap].lower === 'had')
    )
      gap++;
    if (gap !== cue.verb) continue;
    const entity = jointEntity(tokens, joint, state);
    return {
      entity,
      source: { start: tokens[joint.first].start, end: tokens[joint.end - 1].end, text: textOf(tokens, joint.first, joint.end) },
      first: joint.first,
    };
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
  const entity =
    state.registry.find(source.text) ??
    state.registry.add({
      name: source.text,
      kind: 'organization',
      role: null,
      gender: null,
      words: [],
      head: subject.description.head,
      plural: true,
    });
  state.registry.mention(entity, source, 'description');
  state.joints.push({ entity, at: source.start });
  return { entity, source, first: subject.first };
}

/** The joint speaker named most recently before `before`, for "the two countries said". */
export function latestJoint(state: ReadingState, before: number): Entity | null {
  return latestJointSince(state, before, 0);
}

/** The joint speaker named most recently in [since, before), or null. */
export function latestJointSince(state: ReadingState, before: number, since: number): Entity | null {
  let best: { entity: Entity; at: number } | null = null;
  for (const j of state.joints) if (j.at < before && j.at >= since && (!best || j.at > best.at)) best = j;
  return best?.entity ?? null;
}
