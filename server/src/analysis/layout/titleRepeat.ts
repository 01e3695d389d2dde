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
  return (candidate) => candidate.length <= maxLength && sameWords(candidate) === words;
}
