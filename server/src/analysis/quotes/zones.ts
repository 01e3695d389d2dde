// Splits an article into paragraphs for quote pairing and marks where quoted text cannot be speech:
// the headline, headings, trailing boilerplate, "Related article:" lines and link texts of other articles.
// UTF-16 indices throughout.
import type { Structure } from '../types';
import { linksIn } from '../article/links';

/** One paragraph of the article as pairing sees it: a non-blank line (LF, CRLF, CR or U+2028/9 ended), without its break. */
export interface Paragraph {
  start: number;
  end: number;
  /** No quote may come from this paragraph (headline, heading, related-article line, boilerplate). */
  furniture: boolean;
  /** Part of the trailing boilerplate (a quote never continues into it). */
  boilerplate: boolean;
  /** Link texts and link targets inside the paragraph, [start, end) — marks there belong to other pages. */
  links: { start: number; end: number }[];
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

/**
 * Paragraphs for pairing. Every non-blank line is its own paragraph (scraped articles put one paragraph on a
 * line, whether separated by blank lines or not), except that lines the layout analysis joined into one
 * paragraph (a hard wrap inside a sentence) are joined here too, so a quote can run across the wrap. Lines
 * are the floor: a missed boundary in the layout can join at most what it joined, never the whole file.
 */
export function paragraphsOf(text: string, structure: Structure): Paragraph[] {
  return joinWrappedLines(linesOf(text, structure), structure.paragraphs);
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
    if (inside !== -1 && inside === previousLayout && last !== undefined && !last.furniture && !line.furniture) {
      last.end = line.end;
      last.links.push(...line.links);
    } else {
      out.push(line);
    }
    previousLayout = inside;
  }
  return out;
}

/** Every non-blank line, trimmed, with what makes it furniture and where its links are. */
function linesOf(text: string, structure: Structure): Paragraph[] {
  const out: Paragraph[] = [];
  const title = structure.title;
  let first = true;
  const titleKey = title === null ? '' : wordsKey(title.text);
  // The previous line introduced what follows with a colon (a cue for an embedded post below it).
  let introduced = false;
  const boilerplate = structure.boilerplateStart ?? Infinity;
  const breaks = /\r\n|[\n\r\u2028\u2029]/gu;
  let lineStart = 0;
  while (lineStart <= text.length) {
    breaks.lastIndex = lineStart;
    const lineBreak = breaks.exec(text);
    const lineEnd = lineBreak === null ? text.length : lineBreak.index;
    let end = lineEnd;
    while (end > lineStart && /\s/u.test(text[end - 1])) end--; // trailing CR and spaces
    let start = lineStart;
    while (start < end && /\s/u.test(text[start])) start++; // BOM and indentation
    if (start < end) {
      const line = text.slice(start, end);
      // Sites print the headline again over the story; the copy is the headline, not speech.
      const inTitle = (title !== null && start < title.end && end > title.start)
        || (titleKey !== '' && end - start <= 2 * title!.text.length + 20 && wordsKey(line) === titleKey);
      // Without a title from the layout, the first line is the headline (the design's own definition).
      const headline = (first && title === null) || isHeadlineLike(line);
      // An embedded post's words are the poster's, not the article's speech, unless the article introduces them
      // with a cue ending on a colon ("Lee posted on social media:").
      const post = EMBEDDED_POST.test(line) && !introduced;
      // A bulleted summary above the body repeats the story's words; its quotes are the body's, said once.
      const summary = start < structure.body.start && LIST_ITEM.test(line);
      const furniture = inTitle || summary || headline || start >= boilerplate || HEADING_LINE.test(line) || FURNITURE_LINE.test(line)
        || CAPTION_LABEL.test(line) || PHOTO_CREDIT_END.test(line) || post;
      introduced = /:\s*$/u.test(line) || (introduced && EMBEDDED_POST.test(line));
      first = false;
      out.push({ start, end, furniture, boilerplate: start >= boilerplate, links: furniture ? [] : linksAt(line, start) });
    }
    lineStart = lineBreak === null ? text.length + 1 : lineEnd + lineBreak[0].length;
  }
  return out;
}

/**
 * A line set like a headline: no closing punctuation and (nearly) every word capitalised. Catches headlines of
 * other articles in link lists when the layout analysis did not mark them as boilerplate. Prose always has
 * lower-case words, so a real paragraph never matches.
 */
export function isHeadlineLike(line: string): boolean {
  if (line.length > 300) return false; // headlines are short; spares a scan of every word of a long paragraph
  if (/[.!?…:;,"”»’')]\s*$/u.test(line)) return false;
  const words = (line.match(/\p{L}[\p{L}'’\-]*/gu) ?? []).filter((w) => w.length > 3);
  if (words.length < 3) return false;
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised / words.length >= 0.8;
}

/** A line's words, lower-cased, without markdown and punctuation. */
function wordsKey(line: string): string {
  return line.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function linksAt(line: string, offset: number): { start: number; end: number }[] {
  return linksIn(line, { urls: true }).map((link) => ({ start: offset + link.start, end: offset + link.end }));
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
