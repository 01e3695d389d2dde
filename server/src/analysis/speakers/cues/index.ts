// The cues stage: the attribution cues of the article and, for each, its subject as written. Which speaker a
// subject stands for is the resolution stage's question.
import type { TokenizedText } from '../tokens';
import type { Mentions } from '../mentions';
import { findCues, type Cue } from './cues';
import { readSubjects } from './cueSubjects';
import type { Subject } from './subjects';

export type { Cue } from './cues';
export type { Subject } from './subjects';

export interface CueReading {
  /** Every cue, in reading order. */
  cues: Cue[];
  /** The subject of each cue that has one. */
  subjects: Map<Cue, Subject>;
}

export function readCues(tt: TokenizedText, mentions: Mentions): CueReading {
  const cues = findCues(tt.tokens);
  return { cues, subjects: readSubjects(tt, mentions.index, cues) };
}
