// Recognises a listing of other articles at the end of a page: short headline lines alternating with their
// date lines ("Headline\n11.Jan.2026\nHeadline\n10.Jan.2026"), or headlines under a list heading ("Read also",
// "More news"). Sites print such "Latest news" blocks under many headings, glued to the first headline by
// scrapers or missing altogether, and their headlines can read like sentences, so the shape of the run decides,
// not the wording of any heading.
import type { DateMatch } from '../dates/absolute';
import { dateOnlyLine } from '../dates/standalone';
import type { Paragraph } from './paragraphs';
import { isProse, listingHeading, plainWords, wordCount } from './furniture';

/** Headlines are short; a longer line is a paragraph of prose, which no listing holds. */
const MAX_HEADLINE_WORDS = 25;
/** A paragraph that lost its final stop is long; a headline this long is rare. */
const MIN_LOST_STOP_WORDS = 20;
/** Headline-and-date pairs needed before a run without a heading counts as a listing. */
const MIN_DATED_HEADLINES = 2;

type Kind = 'date' | 'headline' | 'heading';

/**
 * Index of the paragraph where a trailing listing starts, searching paragraphs [from, to), or null.
 * The listing must run to `to`: only headline, date and heading lines may follow its start.
 */
export function findListingStart(
  paragraphs: readonly Paragraph[],
  from: number,
  to: number,
  text: string,
  dates: readonly DateMatch[],
): number | null {
  const kinds: Kind[] = [];
  let first = to;
  // Walk back from the end while the lines are listing-shaped; linear in the paragraphs visited.
  while (first > from) {
    const kind = kindOf(paragraphs[first - 1], text, dates);
    if (kind === null) break;
    kinds.push(kind);
    first--;
  }
  if (kinds.length === 0) return null;
  kinds.reverse();

  // A heading in the run starts the listing, whatever follows it (dates or not), if at least one headline does.
  const heading = kinds.indexOf('heading');
  if (heading >= 0 && kinds.slice(heading + 1).includes('headline')) return first + heading;

  let dated = 0;
  kinds.forEach((k, i) => {
    if (k === 'headline' && (kinds[i + 1] === 'date' || kinds[i - 1] === 'date')) dated++;
  });
  if (dated < MIN_DATED_HEADLINES) return null;
  let start = kinds.indexOf('headline');
  // The body's own last paragraph, when it lost its final stop, can open the run; its date is the closing stamp.
  if (start === 0 && looksLikeLostStop(text, paragraphs[first])) {
    const next = kinds.indexOf('headline', 1);
    if (next < 0) return null;
    start = next;
  }
  const headlinesLeft = kinds.slice(start).filter((k) => k === 'headline').length;
  return headlinesLeft >= MIN_DATED_HEADLINES ? first + start : null;
}

function kindOf(p: Paragraph, text: string, dates: readonly DateMatch[]): Kind | null {
  if (p.firstLine !== p.lastLine) return null;
  if (dateOnlyLine(text, p.start, p.end, dates)) return 'date';
  const line = text.slice(p.start, p.end);
  const words = plainWords(line);
  const heading = listingHeading(words);
  if (heading && (heading.form === 'alone' || heading.form === 'glued')) return 'heading';
  const n = wordCount(words, MAX_HEADLINE_WORDS + 1);
  if (n === 0 || n > MAX_HEADLINE_WORDS) return null;
  // A sentence closed by a full stop is prose, not a headline (headlines carry no final stop).
  if (/\.["”’»)]*$/.test(words) && !/\.\.\.$|…$/.test(words)) return null;
  return 'headline';
}

function looksLikeLostStop(text: string, p: Paragraph): boolean {
  const line = text.slice(p.start, p.end);
  return isProse(line) && wordCount(plainWords(line), MIN_LOST_STOP_WORDS) >= MIN_LOST_STOP_WORDS;
}
