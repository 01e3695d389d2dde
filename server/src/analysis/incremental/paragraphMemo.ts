// Paragraph-level results kept across analyses of one edited document: a layer whose work on a paragraph depends
// only on that paragraph's text (and a little context it names) stores the result here, relative to the paragraph's
// start, and the next analysis after an edit reuses it for every paragraph the edit did not touch. One memo per open
// document (the editor's analysis); the one-shot CLI passes none and computes everything.
//
// Memory stays bounded: an entry that no analysis used in the last two runs is dropped (two, so a run cancelled
// half-way does not throw away what the next run needs), and past MAX_CHARS of keys the memo starts afresh.

/** Named results of one paragraph for one layer, each relative to the paragraph's start. */
export type ParagraphSlot = Map<string, unknown>;

interface Entry {
  slot: ParagraphSlot;
  /** The last run that used this entry. */
  run: number;
}

/** About 64 MB of keys (UTF-16): many times an article the editor analyses whole. */
const MAX_CHARS = 32 * 1024 * 1024;

/** Stands for "no character": the paragraph starts or ends the text. */
const EDGE = '\u0002';

export class ParagraphMemo {
  private readonly entries = new Map<string, Entry>();
  private run = 0;
  private chars = 0;
  /** Counts for tests and the trace: slots found and slots made since the memo was created. */
  hits = 0;
  misses = 0;

  /** Runs one analysis with this memo; afterwards, entries unused in this run and the one before are dropped. */
  during<T>(analysis: () => T): T {
    this.run++;
    try {
      return analysis();
    } finally {
      this.evict();
    }
  }

  /**
   * The slot of `layer`'s results for text[start, end), keyed by its characters, the one on either side (a layer
   * may look one character past the paragraph) and `context` (whatever else the layer reads: flags, links).
   */
  slot(layer: string, text: string, start: number, end: number, context = ''): ParagraphSlot {
    const before = start > 0 ? text[start - 1] : EDGE;
    const after = end < text.length ? text[end] : EDGE;
    const key = `${layer}\u0001${context}\u0001${before}${text.slice(start, end)}${after}`;
    const found = this.entries.get(key);
    if (found) {
      found.run = this.run;
      this.hits++;
      return found.slot;
    }
    this.misses++;
    if (this.chars + key.length > MAX_CHARS) this.clear();
    const slot: ParagraphSlot = new Map();
    // A copy of the key, so the memo never keeps alive the whole text a slice of it would point into.
    this.entries.set(flatCopy(key), { slot, run: this.run });
    this.chars += key.length;
    return slot;
  }

  /** How many paragraph slots the memo holds. */
  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (entry.run < this.run - 1) {
        this.entries.delete(key);
        this.chars -= key.length;
      }
    }
  }
}

/** A string with the same characters that shares no storage with the text it was sliced from. */
function flatCopy(s: string): string {
  // Parsing builds a new string; lone surrogates survive (JSON.stringify escapes them).
  return JSON.parse(JSON.stringify(s)) as string;
}

/** The value stored under `name` in `slot`, computed and stored on first use. */
export function remembered<T>(slot: ParagraphSlot, name: string, compute: () => T): T {
  if (slot.has(name)) return slot.get(name) as T;
  const value = compute();
  slot.set(name, value);
  return value;
}
