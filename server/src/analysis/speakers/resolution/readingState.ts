// What the reading pass hands on: the speaker each resolved cue stands for, and the state the shared-source
// pass (documents, joint speakers) and the attribution stage go on from.
import type { Span } from '../../types';
import type { NameCandidate } from '../mentions/names';
import type { Cue, Subject } from '../cues';
import type { Entity, SpeakerRegistry } from './registry';

/** What a cue was resolved to: the speaker and the mention that names them. */
export interface ResolvedCue {
  cue: Cue;
  entity: Entity;
  source: Span;
  /** Token where the subject phrase starts (to check it stands right after a quote). */
  subjectFirst: number;
  /** The subject follows the verb ("said Smith", "according to Smith"). */
  inverted: boolean;
}

export interface ReadingState {
  subjects: Map<Cue, Subject>;
  entityOf: Map<NameCandidate, Entity>;
  resolvedByCue: Map<Cue, Entity>;
  registry: SpeakerRegistry;
  /** Joint speakers ("Egypt and Qatar") with where they were named, in reading order. */
  joints: { entity: Entity; at: number }[];
}
