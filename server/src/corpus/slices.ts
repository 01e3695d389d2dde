// Corpus-wide computations as resumable work: a generator that yields every few hundred steps, run to its end at
// once by the CLI, or by the language server in slices of a few milliseconds with the event loop turning between
// them, so that no request (a keystroke's) waits behind seconds of work over a large workspace.

/** Work that yields now and then, where it may be paused; its return value is the result. */
export type Sliced<T> = Generator<void, T, void>;

/** Steps between yields: few enough that a slice overruns its budget by little, many enough to cost nothing. */
export const STEPS_PER_YIELD = 64;

/** Counts steps (one, or the weight of a bigger one) and says when to yield: `if (pace()) yield;`. */
export function pacer(steps = STEPS_PER_YIELD): (weight?: number) => boolean {
  let count = 0;
  return (weight = 1) => {
    count += weight;
    if (count < steps) return false;
    count = 0;
    return true;
  };
}

/** Runs sliced work synchronously (the CLI): the same result as the sliced run. */
export function runToEnd<T>(work: Sliced<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/**
 * The longest the server's thread is held by one slice (ms): what a keystroke or a hover may wait behind corpus work
 * (a hover's goal is 5 ms; the turn between two slices costs microseconds).
 */
export const SLICE_MS = 4;

export interface SliceOptions {
  budgetMs?: number;
  /** Asked between slices: true ends the run (a change made its result useless); the run then gives `undefined`. */
  stale?: () => boolean;
}

export interface SlicedRun<T> {
  /** The result, or undefined when `stale` ended the run. */
  value: T | undefined;
  /** The time the work itself took, without the turns between slices (ms). */
  busyMs: number;
}

/** Runs sliced work in slices of about `budgetMs`, with a turn of the event loop (setImmediate) between them. */
export async function runSliced<T>(work: Sliced<T>, options: SliceOptions = {}): Promise<SlicedRun<T>> {
  const budget = options.budgetMs ?? SLICE_MS;
  let busyMs = 0;
  for (;;) {
    const started = performance.now();
    for (;;) {
      const step = work.next();
      if (step.done) return { value: step.value, busyMs: busyMs + performance.now() - started };
      if (performance.now() - started >= budget) break;
    }
    busyMs += performance.now() - started;
    await nextTurn();
    if (options.stale?.()) {
      work.return(undefined as never);
      return { value: undefined, busyMs };
    }
  }
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Items sorted natively in one step: a few milliseconds of comparisons at most, even with `localeCompare`. */
const SORTED_AT_ONCE = 512;

/**
 * A stable sort that yields: runs of SORTED_AT_ONCE items sorted natively, then merged pairwise — the order
 * `Array.prototype.sort` (stable too) gives with the same comparison, without sorting tens of thousands of corpus
 * speakers or quote groups in one stretch. Sorts `items` in place.
 */
export function* sortSliced<T>(items: T[], compare: (a: T, b: T) => number): Sliced<T[]> {
  if (items.length <= SORTED_AT_ONCE) return items.sort(compare);
  const pace = pacer();
  let from = items;
  for (let left = 0; left < items.length; left += SORTED_AT_ONCE) {
    const run = from.slice(left, left + SORTED_AT_ONCE).sort(compare);
    for (let i = 0; i < run.length; i++) from[left + i] = run[i];
    yield;
  }
  let to = new Array<T>(items.length);
  for (let width = SORTED_AT_ONCE; width < items.length; width *= 2) {
    for (let left = 0; left < items.length; left += 2 * width) {
      const middle = Math.min(left + width, items.length);
      const right = Math.min(left + 2 * width, items.length);
      let i = left;
      let j = middle;
      let k = left;
      while (i < middle && j < right) {
        to[k++] = compare(from[j], from[i]) < 0 ? from[j++] : from[i++];
        if (pace()) yield;
      }
      while (i < middle) to[k++] = from[i++];
      while (j < right) to[k++] = from[j++];
    }
    [from, to] = [to, from];
  }
  if (from !== items) for (let i = 0; i < items.length; i++) items[i] = from[i];
  return items;
}
