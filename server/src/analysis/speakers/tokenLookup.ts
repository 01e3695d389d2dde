// A map from token index to one item, read like an array: the speaker stages look items up at nearly every token
// they walk over (the name ending here, the cue whose verb this is), so a look-up is an array read, and a long
// article's hundred thousand items cost no hash entries.

/** Items filed by token index: one slot per token up to the last one filed. */
export class TokenLookup<T> {
  /** The item's number in `items` plus one at each token; 0 where no item is filed. */
  private readonly slots: Int32Array;

  constructor(
    private readonly items: readonly T[],
    size: number,
  ) {
    this.slots = new Int32Array(size);
  }

  /** Files `items[k]` at token `i`, in place of any item filed there before. */
  set(i: number, k: number): void {
    this.slots[i] = k + 1;
  }

  /** The item filed last at token `i`, or undefined (also for an index outside the text). */
  get(i: number): T | undefined {
    if (i < 0 || i >= this.slots.length) return undefined;
    const k = this.slots[i];
    return k === 0 ? undefined : this.items[k - 1];
  }
}
