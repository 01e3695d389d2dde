// Splits an article into paragraphs for quote pairing and marks where quoted text cannot be speech:
// the headline, headings, trailing boilerplate, "Related article:" lines and link texts of other articles.
// UTF-16 indices throughout.
import type { Structure } from '../types';
import type { Article } from '../article/article';
import { linksIn } from '../article/links';
import { isSpaceCode } from '../article/chars';
import { pastedLines } from './pasted';

/** One paragraph of the article as pairing sees it: a non-blank line, trimmed. */
export interface Paragraph {
  start: number;
  end: number;
  /** No quote may come from this paragraph (headline, heading, related-article line, boilerplate). */
  furniture: boolean;
  /** Part of the trailing boilerplate (a quote never continues into it). */
  boilerplate: boolean;
  /** Link texts and link targets inside the paragraph, [start, end) — marks there belong to other pages. */
  links: { start: number; end: number }[];
  /** The body of an embedded post or a pasted email (quotes/pasted.ts): its words are its author's, marks or none. */
  pasted?: boolean;
}

/**
 * Lines that announce links to other articles or page furniture rather than the article's own prose.
 * Requires the colon so that a body sentence starting with "Related" is not taken.
 */
const FURNITURE_LINE =
  /^\s*(?:[*_]{1,2}\s*)?(?:related(?: articles?| stories| story| news| content| coverage| reading)?|read (?:more|also)|see also|also read|more on (?:this|the topic)|recommended|you may also like|latest news|most read|popular|tags?|share this|photo|image|source)\s*(?:[*_]{1,2}\s*)?:/iu;
const HEADING_LINE = /^\s*#{1,6}\s/u;
const LIST_ITEM = /^(?:[-•*▪◦·‣–]|\d{1,2}[.)])\s+\S/u;
/**
 * Image captions and credits: a caption label ("Image caption:", BBC's "Image caption, …", "Pictured:", "(Photo by …"), or a line that ends
 * on a photo credit ("… REUTERS/Toby Melville", "(AP Photo/Jane Doe)", "… /Getty Images)"). Quoted words there
 * label the picture (a banner reading “…”); nobody is speaking.
 */
const CAPTION_LABEL =
  /^\s*(?:[*_]{1,2}\s*)?(?:\(\s*)?(?:(?:image|media|video|photo) (?:caption|source)\s*(?:[*_]{1,2}\s*)?[,:]|(?:image caption|caption|photo(?:graph)?|image|picture|pictured|illustration|credit|video|watch|listen)s?\s*(?:[*_]{1,2}\s*)?(?:by\b|:))/iu;
// Case-sensitive: agencies sign credits in capitals ("REUTERS/Name"), and the photographer's name is capitalised.
const PHOTO_CREDIT_END =
  /(?:\b(?:REUTERS|AFP|AP(?: Photo)?|EPA(?:-EFE)?|Xinhua|ANSA|Anadolu|Bloomberg|Shutterstock)\s*\/\s*\p{Lu}(?:[\p{L}\p{M}.'’ -]{0,39}[\p{L}\p{M}.'’-]|(?= ))|(?:[/(]\s*|^\s*)Getty Images)\s*(?:\)\.?\s*|\.\s*)?$/u;
/**
 * A line of an embedded social-media post as scrapers keep it: its picture link ("pic.twitter.com/…"), a link to
 * the post, or the signature under it ("— Jo Bloggs (@jobloggs) March 3, 2023").
 */
const EMBEDDED_POST = /\bpic\.twitter\.com\/|\b(?:twitter|x)\.com\/\w+\/status\/|^[>\s]*[—–-]\s*[^\s(][^\n(]{0,59}\(@\w{1,30}\)/u;

// Unanchored patterns try every position of a line; each needs a piece of text the line rarely has, looked for first.
const isEmbeddedPost = (line: string) => (line.includes('.com/') || line.includes('(@')) && EMBEDDED_POST.test(line);
const endsOnPhotoCredit = (line: string) => (line.includes('/') || line.includes('Getty Images')) && PHOTO_CREDIT_END.test(line);

/**
 * Paragraphs for pairing. Every non-blank line is its own paragraph (scraped articles put one paragraph on a
 * line, whether separated by blank lines or not), except that lines the layout analysis joined into one
 * paragraph (a hard wrap inside a sentence) are joined here too, so a quote can run across the wrap. Lines
 * are the floor: a missed boundary in the layout can join at most what it joined, never the whole file.
 */
export function paragraphsOf(article: Article): Paragraph[] {
  return joinWrappedLines(linesOf(article), article.paragraphs);
}

/** Merges consecutive prose lines that fall in one layout paragraph. Layout paragraphs are sorted and disjoint. */
function joinWrappedLines(lines: Paragraph[], layout: Structure['paragraphs']): Paragraph[] {
  if (layout.length === 0) return lines;
  const out: Paragraph[] = [];
  let p = 0;
  let previousLayout = -1;
  for (const line of lines) {
    while (p < layout.length && layout[p].end <= line.start) p++;
    const inside = p < layout.length && layout[p].start <= line.start && line.end <= layout[p].end ? p : -1;
    const last = out[out.length - 1];
    if (
      inside !== -1 &&
      inside === previousLayout &&
      last !== undefined &&
      !last.furniture &&
      !line.furniture &&
      last.pasted === line.pasted
    ) {
      last.end = line.end;
      last.links.push(...line.links);
    } else {
      out.push(line);
    }
    previousLayout = inside;
  }
  return out;
}

/** Every non-blank line of the article (article/lines.ts), with what makes it furniture and where its links are. */
function linesOf(article: Article): Paragraph[] {
  const { lines, kinds, title } = article;
  const out: Paragraph[] = [];
  let first = true;
  // The previous line introduced what follows with a colon (a cue for an embedded post below it).
  let introduced = false;
  const boilerplate = article.boilerplateStart ?? Infinity;
  const pasted = pastedLines(lines);
  for (let i = 0; i < lines.length; i++) {
    const { contentStart: start, contentEnd: end, text: line } = lines[i];
    if (start === end) continue;
    // The headline, and its copy printed over the story, are not speech.
    const inTitle = (title !== null && start < title.end && end > title.start) || kinds.titleRepeat(i);
    // Without a title from the layout, the first line is the headline (the design's own definition).
    const headline = (first && title === null) || kinds.headlineLike(i);
    // An embedded post's words are the poster's, not the article's speech, unless the article introduces them
    // with a cue ending on a colon ("Lee posted on social media:").
    const body = pasted.has(i) && start < boilerplate && start >= article.body.start;
    const post = !introduced && !body && isEmbeddedPost(line);
    // A bulleted summary above the body repeats the story's words; its quotes are the body's, said once.
    const summary = start < article.body.start && LIST_ITEM.test(line);
    const furniture =
      inTitle ||
      summary ||
      headline ||
      start >= boilerplate ||
      HEADING_LINE.test(line) ||
      FURNITURE_LINE.test(line) ||
      CAPTION_LABEL.test(line) ||
      endsOnPhotoCredit(line) ||
      post;
    introduced = endsOnColon(line) || (introduced && isEmbeddedPost(line));
    first = false;
    const paragraph: Paragraph = { start, end, furniture, boilerplate: start >= boilerplate, links: furniture ? [] : linksAt(line, start) };
    if (body && !furniture) paragraph.pasted = true;
    out.push(paragraph);
  }
  return out;
}

/** `/:\s*$/u`, read from the end of the line. */
function endsOnColon(line: string): boolean {
  let end = line.length;
  while (end > 0 && isSpaceCode(line.charCodeAt(end - 1))) end--;
  return end > 0 && line.charCodeAt(end - 1) === 58;
}

const URLS = { urls: true };

function linksAt(line: string, offset: number): { start: number; end: number }[] {
  const links = linksIn(line, URLS);
  // Nearly every line has none: the (fresh) empty array found serves, rather than a copy.
  return links.length === 0 ? links : links.map((link) => ({ start: offset + link.start, end: offset + link.end }));
}

/** True when index `i` lies inside one of the paragraph's links (sorted, disjoint: a binary search). */
export function inLink(paragraph: Paragraph, i: number): boolean {
  const links = paragraph.links;
  let lo = 0;
  let hi = links.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (i < links[mid].start) hi = mid - 1;
    else if (i >= links[mid].end) lo = mid + 1;
    else return true;
  }
  return false;
}
