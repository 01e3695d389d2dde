// Picks the article's own date (the primary dateline) by where dates sit in the page layout.
//
// Rule, in order:
//  1. A date outside the body's running text: in the header block (a date line under the title or byline,
//     a date in the byline line "By X | Oct 1, 2020", a "Date:" metadata line) or a date line of its own
//     closing the body (the timestamp after the last paragraph), or a byline that carries the date
//     ("Jane Doe | Oct 1, 2020"). Dates labelled "Updated"/"Modified" count
//     only when nothing else does: they date a revision. A header date wins over a closing stamp of another
//     day; a stamp with the time of day wins over a date line of the same day, being more specific.
//  2. A wire dateline opening the body: "MOSCOW, Oct 1 (Reuters) –".
//  3. A date line of its own elsewhere in the body (the earliest).
//  4. Otherwise none: dates inside sentences are about events, not the article, and a guess would mislead.
// Never primary: dates in the title, in trailing boilerplate ("Latest news", footers), in link text or in
// inline furniture ("Related article: …"), since those belong to other pages.
import type { Structure } from '../types';
import type { Article } from '../article/article';
import { datesWithin, type DateMatch } from './absolute';
import { dateOnlyLine, datedBylineLine } from './standalone';
import { isHeaderFurniture, isInlineFurniture } from '../layout/furniture';

export interface PrimaryChoice {
  match: DateMatch;
  /** The primary's year; for a year-less wire dateline, the year of the nearest dated expression. */
  year: number;
}

// "MOSCOW, Oct 1 (Reuters) –", "WOODSIDE, Calif., Nov. 15 (AP) —", "MOSCOW, October 1. /TASS/.", "MOSCOW. Oct 1 (Interfax) -"
const WIRE_PREFIX = /^[\p{Lu}][\p{L}\p{M}.'’ -]{1,40}(?:,[ \t]*[\p{L}\p{M}.'’-][\p{L}\p{M}.'’ -]{1,29})?[,.][ \t]*$/u;
const WIRE_SUFFIX = /^(?:[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?[-–—:]|\.?[ \t]*\/[^/\n]{2,20}\/)/;

export function choosePrimary(article: Article): PrimaryChoice | null {
  const { text, dates, lastProse } = article;
  const structure: Structure = article;
  const inlineFurniture = new Map<number, boolean>();
  const eligible = dates.filter((d) => isEligible(article, d, inlineFurniture));
  const paragraphs = structure.paragraphs;
  const lineDates = paragraphs
    .map((p, i) => ({ index: i, match: dateOnlyLine(text, p.start, p.end, eligible) }))
    .filter((x): x is { index: number; match: DateMatch } => x.match !== null && x.match.year !== null);

  const bylineDates = paragraphs
    .filter((p) => p.end <= structure.body.start)
    .flatMap((p) => {
      if (isHeaderFurniture(text.slice(p.start, p.end))) return datesWithin(eligible, p.start, p.end);
      const dated = datedBylineLine(text, p.start, p.end, eligible);
      return dated ? [dated] : [];
    })
    .filter((d) => d.year !== null);
  const headerOrClosingLines = lineDates
    .filter(({ index, match }) => match.end <= structure.body.start || (index > lastProse && match.start < structure.body.end))
    .map(({ match }) => match);
  const outsideRunningText = [...new Set([...bylineDates, ...headerOrClosingLines])].sort((a, b) => a.start - b.start);
  // An "Updated …" stamp dates a revision; the publication date is the article's own, when both are shown.
  const published = outsideRunningText.filter((d) => !labelledAsUpdate(text, d));
  const candidates = published.length > 0 ? published : outsideRunningText;
  const stamped = pickStamp(candidates, structure.body.start);
  if (stamped) return { match: stamped, year: stamped.year! };

  const wire = findWireDateline(text, structure, eligible);
  if (wire) {
    const year = wire.year ?? yearHint(eligible, wire);
    if (year !== null) return { match: wire, year };
  }

  const inBody = lineDates.find(({ match }) => match.start >= structure.body.start && match.start < structure.body.end);
  return inBody ? { match: inBody.match, year: inBody.match.year! } : null;
}

/**
 * The header's date is the dateline proper; a closing stamp replaces it only as a more specific stamp of the
 * same day (with the time of day). With no header date, the first closing stamp that has a time, else the first.
 */
function pickStamp(candidates: readonly DateMatch[], bodyStart: number): DateMatch | undefined {
  const header = candidates.filter((d) => d.end <= bodyStart);
  const timed = (ds: readonly DateMatch[]) => ds.find((d) => d.hour !== null);
  if (header.length === 0) return timed(candidates) ?? candidates[0];
  const chosen = timed(header) ?? header[0];
  if (chosen.hour !== null) return chosen;
  return candidates.find((d) => d.hour !== null && d.year === chosen.year && d.month === chosen.month && d.day === chosen.day) ?? chosen;
}

const UPDATE_LABEL = /\b(?:updated|last updated|modified|last modified|edited|revised)\b/i;

/** The words before the date on its line call it an update ("Updated: …", "Last modified 2 Oct 2020"). */
function labelledAsUpdate(text: string, d: DateMatch): boolean {
  const lead = text.slice(Math.max(0, d.start - 40), d.start);
  return UPDATE_LABEL.test(lead.slice(Math.max(lead.lastIndexOf('\n'), lead.lastIndexOf('\r')) + 1));
}

/**
 * A one-line paragraph takes its line's verdict from the article; `inlineFurniture` caches the verdict for longer
 * paragraphs by index, so many dates in one long paragraph stay linear.
 */
function isEligible(article: Article, d: DateMatch, inlineFurniture: Map<number, boolean>): boolean {
  const { text, title, boilerplateStart } = article;
  if (title && d.start < title.end && title.start < d.end) return false;
  if (boilerplateStart !== null && d.start >= boilerplateStart) return false;
  const k = paragraphAt(article.paragraphs, d.start);
  if (k >= 0) {
    const paragraph = article.paragraphs[k];
    const line = article.lines[article.paragraphLines[2 * k]];
    let furniture = inlineFurniture.get(k);
    if (furniture === undefined) {
      furniture =
        line.contentStart === paragraph.start && line.contentEnd === paragraph.end
          ? article.kinds.inlineFurniture(article.paragraphLines[2 * k])
          : isInlineFurniture(text.slice(paragraph.start, paragraph.end));
      inlineFurniture.set(k, furniture);
    }
    if (furniture) return false;
  }
  return !insideLinkText(text, d.start);
}

/** Index of the paragraph containing `at`, or -1 (paragraphs are sorted and disjoint). */
function paragraphAt(paragraphs: Structure['paragraphs'], at: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = paragraphs[mid];
    if (at < p.start) hi = mid - 1;
    else if (at >= p.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Link texts are headlines, never longer than this; the bound keeps the backward scan constant per date. */
const MAX_LINK_TEXT = 300;

/** Between `[` and `]` on the same line, as in `[Other headline, Oct 1](#)`. */
function insideLinkText(text: string, at: number): boolean {
  for (let i = at - 1; i >= Math.max(0, at - MAX_LINK_TEXT); i--) {
    const c = text[i];
    if (c === ']' || c === '\n' || c === '\r') return false;
    if (c === '[') return true;
  }
  return false;
}

function findWireDateline(text: string, structure: Structure, dates: readonly DateMatch[]): DateMatch | null {
  const first = structure.paragraphs.find((p) => p.start >= structure.body.start);
  if (!first) return null;
  return (
    dates.find(
      (d) =>
        d.start >= first.start &&
        d.start - first.start <= 60 &&
        d.end <= first.end &&
        WIRE_PREFIX.test(text.slice(first.start, d.start)) &&
        WIRE_SUFFIX.test(text.slice(d.end, d.end + 50)),
    ) ?? null
  );
}

/** The year of the nearest dated expression, for a wire dateline that has none. */
function yearHint(dates: readonly DateMatch[], wire: DateMatch): number | null {
  const withYear = dates.filter((d) => d.year !== null);
  withYear.sort((a, b) => Math.abs(a.start - wire.start) - Math.abs(b.start - wire.start));
  return withYear[0]?.year ?? null;
}
