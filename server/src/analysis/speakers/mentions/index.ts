// The mentions stage: every name in the article (with its role, kind and gender), indexed by where its phrase
// starts and ends, and the names that are media carrying someone's words. Descriptions, pronouns and document
// phrases are read where a cue needs them (descriptions.ts, documents.ts), not over the whole text.
import type { TokenizedText } from '../tokens';
import { findNames, type NameCandidate } from './names';
import { indexNames, type NameIndex } from './nameIndex';
import { mediaNames } from './media';

export interface Mentions {
  /** Name candidates in reading order. */
  names: NameCandidate[];
  index: NameIndex;
  /** Names introduced as the medium of someone's words ("quoted by Interfax"). */
  media: Set<NameCandidate>;
}

export function findMentions(tt: TokenizedText): Mentions {
  const names = findNames(tt);
  return { names, index: indexNames(names), media: mediaNames(tt.tokens, names) };
}
