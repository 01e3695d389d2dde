// The name mentions of a text, looked up by where their phrase ends or starts: how the cue stage finds the name
// that is a verb's subject. Part of the mentions stage, so that cues and documents both read it without
// importing each other.
import type { NameCandidate } from './names';
import { TokenLookup } from '../tokenLookup';

/** Index of name candidates by the token that ends their phrase and by the token that starts it. */
export interface NameIndex {
  byLast: TokenLookup<NameCandidate>;
  byFirst: TokenLookup<NameCandidate>;
}

/** Files each candidate under its name's and its phrase's last and first tokens; a later candidate wins a shared token. */
export function indexNames(names: readonly NameCandidate[]): NameIndex {
  let size = 0;
  for (const c of names) size = Math.max(size, c.end, c.phraseEnd, c.phraseFirst + 1, c.first + 1);
  const byLast = new TokenLookup(names, size);
  const byFirst = new TokenLookup(names, size);
  for (let k = 0; k < names.length; k++) {
    const c = names[k];
    byLast.set(c.end - 1, k);
    byLast.set(c.phraseEnd - 1, k);
    byFirst.set(c.phraseFirst, k);
    byFirst.set(c.first, k);
  }
  return { byLast, byFirst };
}
