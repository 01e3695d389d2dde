// The name mentions of a text, looked up by where their phrase ends or starts: how the cue stage finds the name
// that is a verb's subject. Part of the mentions stage, so that cues and documents both read it without
// importing each other.
import type { NameCandidate } from './names';

/** Index of name candidates by the token that ends their phrase and by the token that starts it. */
export interface NameIndex {
  byLast: TokenLookup;
  byFirst: TokenLookup;
}

/**
 * Name candidates by token index, read like a map from token index to candidate: one slot per token up to the
 * last one indexed, so a look-up is an array read (the cue stage makes one at nearly every word it walks back
 * over), and a long article's hundred thousand names cost no hash entries.
 */
export class TokenLookup {
  /** The candidate's number in `names` plus one at each token; 0 where no candidate is filed. */
  private readonly slots: Int32Array;

  constructor(
    private readonly names: readonly NameCandidate[],
    size: number,
  ) {
    this.slots = new Int32Array(size);
  }

  /** Files `names[k]` at token `i`, in place of any candidate filed there before. */
  set(i: number, k: number): void {
    this.slots[i] = k + 1;
  }

  /** The candidate filed last at token `i`, or undefined (also for an index outside the text). */
  get(i: number): NameCandidate | undefined {
    if (i < 0 || i >= this.slots.length) return undefined;
    const k = this.slots[i];
    return k === 0 ? undefined : this.names[k - 1];
  }
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
