// Finds speakers (people, organizations, anonymous sources) and attributes each quote to one, or to none, in four
// stages over the article's tokens: mentions (names, media), cues (each cue and its subject as written),
// resolution (which speaker each subject is, in reading order: registry, documents, joint speakers) and
// attribution (each quote's speaker from its label or cue, the analyst's overrides, the speaker list).
// UTF-16 indices, like every module under analysis/.
import type { AttributionOverride, Quote, Speaker } from '../types';
import type { TokenizedText } from './tokens';
import { findMentions } from './mentions';
import { readCues } from './cues';
import { resolveSpeakers } from './resolution';
import { attributeSpeakers } from './attribution';

export function findSpeakers(
  text: string,
  tt: TokenizedText,
  quotes: Quote[],
  overrides: AttributionOverride[],
): { speakers: Speaker[]; quotes: Quote[] } {
  const mentions = findMentions(tt);
  const cues = readCues(tt, mentions);
  const resolution = resolveSpeakers(tt, mentions, cues);
  return attributeSpeakers(text, tt, quotes, overrides, resolution);
}
