// Sites print the headline again over the story, and scrapers keep both copies: the repeat is the headline,
// neither body text nor speech. One rule for the layout (a paragraph) and the quotes (a line).
import { plainWords } from './furniture';

/** A line's words, lower-cased and without markdown, for comparing a headline with its repeat. */
function sameWords(line: string): string {
  return plainWords(line)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Compares candidate lines with one title; the title's words are read once. */
export function titleRepeats(title: string | null): (candidate: string) => boolean {
  if (title === null) return () => false;
  const words = sameWords(title);
  // A repeat is about as long as the title; the length check spares reading the words of every long paragraph.
  const maxLength = 2 * title.length + 20;
  return (candidate) => candidate.length <= maxLength && wordsMatch(plainWords(candidate), words);
}

/**
 * `sameWords` of a line (its plain words) equals `words`. An ASCII line is compared as it is read — runs of letters
 * and digits lower-cased, one space for each run of anything else, none at the ends — and stops at the first
 * difference; any other line is normalised in full, as lower-casing beyond ASCII may depend on context.
 */
function wordsMatch(plain: string, words: string): boolean {
  let at = 0;
  let gap = false;
  for (let i = 0; i < plain.length; i++) {
    let c = plain.charCodeAt(i);
    if (c >= 128) return sameNormalised(plain, words);
    const alnum = (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
    if (!alnum) {
      gap = at > 0;
      continue;
    }
    if (gap) {
      if (words.charCodeAt(at) !== 32) return false;
      at++;
      gap = false;
    }
    if (c >= 65 && c <= 90) c += 32;
    if (words.charCodeAt(at) !== c) return false;
    at++;
  }
  return at === words.length;
}

function sameNormalised(plain: string, words: string): boolean {
  return (
    plain
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim() === words
  );
}
