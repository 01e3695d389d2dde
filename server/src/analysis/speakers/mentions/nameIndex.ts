// The name mentions of a text, looked up by where their phrase ends or starts: how the cue stage finds the name
// that is a verb's subject. Part of the mentions stage, so that cues and documents both read it without
// importing each other.
import type { NameCandidate } from './names';

/** Index of name candidates by the token that ends their phrase and by the token that starts it. */
export interface NameIndex {
  byLast: Map<number, NameCandidate>;
  byFirst: Map<number, NameCandidate>;
}

export function indexNames(names: NameCandidate[]): NameIndex {
  const byLast = new Map<number, NameCandidate>();
  const byFirst = new Map<number, NameCandidate>();
  for (const c of names) {
    byLast.set(c.end - 1, c);
    byLast.set(c.phraseEnd - 1, c);
    byFirst.set(c.phraseFirst, c);
    byFirst.set(c.first, c);
  }
  return { byLast, byFirst };
}
