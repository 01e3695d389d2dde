// Lower case for the lexicon's look-ups, remembered per word. `String.prototype.toLowerCase` costs about ten map
// look-ups a call (more for a name with letters beyond ASCII, which go through ICU), and the name and cue readers
// ask the lexicon about the same few thousand words, most already in lower case, millions of times on a long
// article. Bounded, so a long-running server does not keep every word it ever saw.

const cache = new Map<string, string>();
/** Words remembered before the cache starts over. */
const LIMIT = 1 << 16;

/** `word.toLowerCase()`, remembered. */
export function lowerCase(word: string): string {
  if (isLowerAscii(word)) return word;
  let lower = cache.get(word);
  if (lower === undefined) {
    lower = word.toLowerCase();
    if (cache.size >= LIMIT) cache.clear();
    cache.set(word, lower);
  }
  return lower;
}

/** Only ASCII characters and no capital letter: its own lower case (most words the lexicon is asked about). */
function isLowerAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c >= 128) return false;
  }
  return true;
}
