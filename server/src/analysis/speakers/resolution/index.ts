// The resolution stage: who each cue's subject is. A reading pass over names and cue subjects builds the
// speaker registry (reading.ts); the cues it left without a speaker may be a document, a joint subject or a
// reference back to one (sharedSources.ts). The result lists each resolved cue with its speaker, by verb.
import type { Token, TokenizedText } from '../tokens';
import { tokenSpan } from '../tokenText';
import type { Span } from '../../types';
import type { Mentions } from '../mentions';
import type { CueReading, Subject } from '../cues';
import type { Entity, SpeakerRegistry } from './registry';
import { readInOrder } from './reading';
import { resolveSharedSources } from './sharedSources';
import { nameTitlesAhead } from './titlesAhead';
import type { ResolvedCue } from './readingState';

export type { ResolvedCue } from './readingState';
export type { Entity, SpeakerRegistry } from './registry';

export interface Resolution {
  registry: SpeakerRegistry;
  /** Resolved cues in order of their verb. */
  resolved: ResolvedCue[];
}

export function resolveSpeakers(tt: TokenizedText, mentions: Mentions, reading: CueReading): Resolution {
  const { tokens } = tt;
  const state = readInOrder(tt, mentions, reading);
  const resolved: ResolvedCue[] = [];
  // forEach, not for-of: a map's iterator makes an entry object per step, and there is one per cue.
  reading.subjects.forEach((subject, cue) => {
    const entity = subject.type === 'name' ? state.entityOf.get(subject.candidate) : state.resolvedByCue.get(cue);
    if (!entity || !speaksThrough(entity, subject)) return;
    resolved.push({ cue, entity, source: sourceSpan(tokens, subject), subjectFirst: subject.first, inverted: subject.first > cue.verb });
  });
  // Documents that speak, joint speakers and what refers back to them.
  resolveSharedSources(tt, mentions.index, reading.cues, state, resolved);
  // A title whose holder is named only further down ("The governor has conceded" above "Gov. Helen Marsh").
  nameTitlesAhead(state.registry, resolved);
  resolved.sort((a, b) => a.cue.verb - b.cue.verb);
  return { registry: state.registry, resolved };
}

/**
 * A group speaks through a cue only when described ("several residents said") or when one of it speaks ("one
 * of them said"); a plural entity reached by its name or a pronoun waits for the shared-source pass.
 */
function speaksThrough(entity: Entity, subject: Subject): boolean {
  if (!entity.plural || subject.type === 'description') return true;
  // "Protesters gathered. “…,” they chanted": an unnamed group speaks through "they" too.
  return subject.type === 'pronoun' && (subject.member === true || (entity.kind === 'anonymous' && subject.kind === 'plural'));
}

/** The words of the subject that name the speaker. */
function sourceSpan(tokens: Token[], s: Subject): Span {
  switch (s.type) {
    case 'pronoun':
      return tokenSpan(tokens[s.token]);
    case 'name':
      return { start: s.candidate.start, end: s.candidate.stop, text: s.candidate.text };
    case 'description':
      return { start: s.description.start, end: s.description.stop, text: s.description.text };
  }
}
