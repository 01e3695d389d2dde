// Classifies single lines of a scraped article page: bylines, image credits, inline furniture
// ("Related article:"), the markers that open trailing page furniture ("Latest news", "Original url:"),
// and ordinary prose. The rules follow how news sites lay pages out, not any one site.

import { isLinkOnly, withLinkText } from '../article/links';
import { charClass, LETTER, NUMBER, UPPER } from '../article/chars';

/**
 * Markers that always open trailing furniture, whatever follows them: copyright notices, the scraper's source
 * link, share buttons, and the trust-principles sentence wire services put under every story.
 */
const ALWAYS_ENDS_BODY =
  /^(?:©|\(c\)\s|copyright\s*(?:©|\(c\)|\d{4})|all rights reserved|original (?:url|article|link)\s*:|source (?:url|link)\s*:|share (?:this|on)\b|share\s*:|our standards\s*:)/i;
/**
 * A short line that reserves rights ("Example News 2026. All rights reserved.") or claims copyright for a
 * name and year ("Copyright Example Media Group, 2026"); "Copyright law was changed in 2019" is a sentence.
 */
const RIGHTS_RESERVED = /\ball rights reserved\b/i;
// Case-sensitive, so that the words between "Copyright" and the year must be a capitalised name.
const COPYRIGHT_NOTICE = /^(?:Copyright|COPYRIGHT)\s*(?:(?:©|\([cC]\))\s*)?(?:[\p{Lu}\d][\p{L}\p{N}.&'’-]*,?\s+){0,8}(?:19|20)\d{2}\b/u;
const MAX_NOTICE_WORDS = 30;

/** A page footer: a copyright or rights notice, or another marker that nothing of the article follows. */
function isFooter(words: string): boolean {
  return (
    ALWAYS_ENDS_BODY.test(words) ||
    ((RIGHTS_RESERVED.test(words) || COPYRIGHT_NOTICE.test(words)) && wordCount(words, MAX_NOTICE_WORDS + 1) <= MAX_NOTICE_WORDS)
  );
}

/**
 * Headings of link lists and page sections. They open trailing furniture when the line is the heading alone,
 * when a scraper glued the first listed headline to it ("Latest newsIran on the Brink", "Latest news«Frozen»
 * Talks"), or when the line is not itself prose ("Latest figures show …" is prose and stays in the body).
 */
const FURNITURE_HEADING = new RegExp(
  '^(?:latest(?: news| stories| articles| headlines| updates)?|more (?:news|stories|from|on this|on this story|in)' +
    '|most (?:read|popular|viewed|shared|commented)|popular(?: now| stories| news)?|trending(?: now)?' +
    "|top (?:stories|news|headlines)|recommended(?: for you| stories| articles)?|editor['’]?s['’]? (?:picks|choice)" +
    '|related(?: articles| stories| news| posts| coverage| content| topics| links| reading)?' +
    '|read (?:also|next|more)|see also|also read|you (?:may|might) (?:also )?(?:like|be interested in)' +
    "|(?:don['’]t|do not) miss|tags?|topics?|comments?|leave a (?:comment|reply)|share)",
  'i',
);

/**
 * Furniture that can sit inside the body without ending it: in-body links, ads and sign-up banners that
 * scrapers leave between paragraphs, image captions (BBC prints "Image caption, …"), reporting credits.
 * After the last prose paragraph it is trailing furniture like any other non-prose line.
 */
const INLINE_FURNITURE =
  /^(?:related(?: article| story| link)?s?\s*:|read (?:more|also)\b|see also\b|also read\b|watch\s*:|listen\s*:|(?:skip )?advertisement\b|continue reading\b|subscribe\b|sign up\b|newsletter\b|follow us\b|story continues (?:below|after)\b|listen to (?:this|the) (?:article|story)\b|(?:image|media|video|photo) (?:caption|source)\s*[,:]|caption\s*:)/i;
/**
 * Reporting credits: "(Reporting by …; Editing by …)", "… contributed to this report.", and syndication notes
 * ("This article was originally published by …", "A version of this story first appeared in …").
 */
const CREDIT_LINE =
  /^(?:\(?\s*(?:reporting|writing|editing|additional reporting|compiled|edited|produced) by\b|.{0,80}\bcontributed(?: reporting)? to this (?:report|story)\.?$|(?:this|the|a version of this) (?:article|story|piece|report|post) (?:was |is |has been )?(?:first |originally )?(?:published|appeared|republished)\b)/i;

/** A reporting credit line: furniture, never body text, and its names are not speakers. */
export function isCredit(line: string): boolean {
  return CREDIT_LINE.test(plainWords(line));
}

const BYLINE = /^(?:by|from|author\s*:|written by)\s+\S/i;
const CREDIT =
  /^(?:photo|image|picture|illustration|credit|video|foto)s?\b|\b(?:getty images|shutterstock|ap photo|reuters\/|afp\/|epa\/|©)|\s\/\s+[A-Z][\w.]*\s*$/i;
/** A horizontal rule or the underline of a setext heading ("=====", "-----", "* * *"). */
const RULE = /^(?:[=\-_*~][ \t]*){3,}$/;
/** "Updated 3 hours ago", "5 min ago": a page's relative stamp, which names no date. */
const AGO_STAMP =
  /^(?:(?:published|updated|last updated|posted|modified)\s*(?::\s*)?)?(?:\d+|an?|one)\s+(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|days?|weeks?)\s+ago$/i;
/** Page chrome a scraper keeps above the headline: skip links, menu and account buttons. */
const NAVIGATION =
  /^(?:skip to (?:main )?(?:content|navigation|search)|(?:main |open |close )?menu|search|sign in|log ?in|register|toggle navigation|home|breaking news|live)$/i;
/**
 * "Home › World › Europe", "News / World / Europe": short sections joined by breadcrumb arrows, or by at least
 * two slashes or ">" (one slash is common in headlines: "Oslo / Bergen link delayed").
 */
/** One section of a breadcrumb: up to 25 characters, without blanks at its ends (they belong to the separator). */
const CRUMB = '[^.!?›»>/\\s](?:[^.!?›»>/]{0,23}[^.!?›»>/\\s])?';
const BREADCRUMB = new RegExp(`^${CRUMB}(?:\\s+[›»]\\s+${CRUMB}){1,5}$|^${CRUMB}(?:\\s+[>/]\\s+${CRUMB}){2,5}$`);
const READ_TIME = /^\d+\s*min(?:ute)?s?\s+read$/i;
/** The audio player a site puts above the story ("Listen to this article", "Listen · 4 min"). */
const AUDIO_PLAYER = /^(?:listen to (?:this|the) (?:article|story)|listen(?: now)?|play audio)\b[\s·|:•\d-]*(?:min(?:ute)?s?)?$/i;
/** The heading of a summary box above the story ("Key points:", "Summary", "In brief"). */
const SUMMARY_HEADING =
  /^(?:key (?:points|facts|takeaways)|takeaways|summary|in summary|highlights|story highlights|at a glance|in brief|in short|quick read|what we know(?: so far)?|what you need to know|tl;?dr)\s*:?$/i;
/**
 * The share bar and comment count sites print under the headline ("Share on Facebook", "Share", "Tweet",
 * "Comments (12)"). Below the body the same words open trailing furniture; above it they are header furniture.
 */
const SHARE_BAR = new RegExp(
  '^(?:share(?:\\s+(?:on|via|to|this(?:\\s+(?:article|story|page))?))?(?:\\s+(?:facebook|twitter|x|whatsapp|linkedin|email|telegram|reddit|pinterest|messenger))?' +
    '|tweet|e-?mail|print|copy link|save|facebook|twitter|whatsapp|linkedin|telegram|reddit' +
    '|comments?(?:\\s*\\(?\\d+\\)?)?|\\d+\\s+comments?)\\s*:?$',
  'i',
);
/** An item of a bulleted or numbered list ("- item", "• item", "1. item"). */
const LIST_ITEM = /^\s*(?:[-•*▪◦·‣–]|\d{1,2}[.)])\s+\S/u;
/** Scraper metadata above the article ("URL: …", "Source: …", "Date: …"). */
const METADATA = /^(?:url|link|source|date|published|updated|author|byline|section|category|tags?|language|lang|id)\s*:/i;
/** A headline has at least this many longer words, and this share of them capitalised. */
const MIN_TITLE_WORDS = 3;
const TITLE_CASE_SHARE = 0.7;
const SENTENCE_END = /[.!?…:]["”’'»)\]*_]*$/;

/** Strips markdown decoration so classifiers see the words: `**Related article:** [x](#)` -> `Related article: x`. */
export function plainWords(line: string): string {
  const words = withLinkText(line).replace(/^[#>*_\-\s]+/, '');
  // Emphasis marks are rare in a line: without a * or a _ there is nothing to strip.
  return (words.includes('*') || words.includes('_') ? words.replace(/[*_]{2,}/g, '') : words).trim();
}

/**
 * How many times /[\p{L}\p{N}]+(?:['’][\p{L}]+)*\/gu matches in `line`, counted by code point without making
 * the array of matches (this runs on every line of the layout). Counting stops at `limit`: a caller that compares
 * the count with a threshold needs no more than one past it.
 */
export function wordCount(line: string, limit = Infinity): number {
  const len = line.length;
  let n = 0;
  let i = 0;
  while (i < len && n < limit) {
    const cp = line.codePointAt(i) as number;
    if (!(charClass(cp) & LETTER_OR_NUMBER)) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    n++;
    i = runEnd(line, i, LETTER_OR_NUMBER);
    // "don't", "Moscow’s": an apostrophe and letters carry the word on.
    while (i + 1 < len) {
      const c = line.charCodeAt(i);
      if ((c !== 39 && c !== 0x2019) || !(charClass(line.codePointAt(i + 1) as number) & LETTER)) break;
      i = runEnd(line, i + 1, LETTER);
    }
  }
  return n;
}

const LETTER_OR_NUMBER = LETTER | NUMBER;

/** One past the run of code points in `classes` that starts at `i` (which is in them). */
function runEnd(line: string, i: number, classes: number): number {
  const len = line.length;
  while (i < len) {
    const cp = line.codePointAt(i) as number;
    if (!(charClass(cp) & classes)) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

/** Article prose: a sentence-like paragraph of several words. Headlines and labels are not prose. */
export function isProse(line: string): boolean {
  const words = plainWords(line);
  if (isLinkOnly(line) || INLINE_FURNITURE.test(words) || CREDIT_LINE.test(words) || isFooter(words)) return false;
  // No test below asks about more than 30 words.
  const n = wordCount(words, 30);
  if ((n >= 6 && SENTENCE_END.test(words)) || n >= 30) return true;
  // A short closing sentence ("Smith said the visit mattered.") is prose too: a stop after a clause with a
  // finite verb, which labels, credits and headlines lack.
  if (n >= 3 && /[.!?]["”’»)]*$/.test(words) && hasFiniteVerb(words) && !isTitleCase(words)) return true;
  // A paragraph that is one quotation ("They can ban a party, but not an idea") is speech, and so prose.
  if (n >= 4 && WHOLE_QUOTATION.test(words)) return true;
  // A pull quote with its credit ("“Boring.” — Lena Cho, Capital Radio") is speech too.
  if (PULL_QUOTE_CREDIT.test(line)) return true;
  // A sentence that lost its final stop is still prose: when it ends on a past-tense attribution
  // (`…, the host said`; headlines say "says") or is long with a comma or quote; a headline is neither.
  if (n >= 6 && PAST_ATTRIBUTION_END.test(words) && !isTitleCase(words)) return true;
  return n >= 12 && /[,"“”«»]/.test(words) && !isTitleCase(words);
}

/** Verb forms that make a clause finite; "-ed" words count after the first word (not "Updated …"). */
const FINITE_VERBS = new Set([
  'said',
  'says',
  'is',
  'was',
  'were',
  'are',
  'has',
  'have',
  'had',
  'will',
  'would',
  'can',
  'could',
  'did',
  'does',
  'told',
  'added',
  'wrote',
  'went',
  'came',
  'made',
]);

function hasFiniteVerb(words: string): boolean {
  const tokens = words.match(/[\p{L}]+(?:['’][\p{L}]+)*/gu) ?? [];
  return tokens.some((w, i) => i > 0 && w === w.toLowerCase() && (FINITE_VERBS.has(w) || (w.length > 4 && w.endsWith('ed'))));
}

const WHOLE_QUOTATION = /^["“„«‹][^"“”„«»‹›]+["”»›][.!?…]?$/;
const PAST_ATTRIBUTION_END = /,[^,]{1,60}\b(?:said|added|told (?:reporters|journalists|\p{L}+)|stressed|noted|wrote|explained)$/u;

export function opensTrailingFurniture(line: string): boolean {
  const words = plainWords(line);
  if (isFooter(words)) return true;
  const heading = listingHeading(words);
  // In-body link labels ("Related article: …", "Read also") end nothing by themselves; after the body they
  // are trailing furniture by the last-prose rule, and a list under them by the listing rule (layout/listing.ts).
  if (heading === null || heading.soft || INLINE_FURNITURE.test(words) || CREDIT_LINE.test(words)) return false;
  if (heading.form === 'alone' || heading.form === 'glued') return true;
  return wordCount(words, 5) <= 4 || !isProse(line);
}

/** Headings that also label single links inside a body, so they alone never prove the body is over. */
const SOFT_HEADING = /^(?:related|read (?:also|next|more)|see also|also read)$/i;

export interface ListingHeading {
  /**
   * `alone`: the heading is the whole line (maybe with a colon); `glued`: a scraper joined the first listed
   * headline to it with no space ("Latest newsIran on the Brink", "Latest news«Frozen» Talks": any character
   * but a lower-case letter may follow); `spaced`: ordinary words follow, so the line may be prose.
   */
  form: 'alone' | 'glued' | 'spaced';
  soft: boolean;
}

/** Whether and how a line (plain words) opens with the heading of a link list or page section. */
export function listingHeading(words: string): ListingHeading | null {
  const m = FURNITURE_HEADING.exec(words);
  if (!m) return null;
  const soft = SOFT_HEADING.test(m[0]);
  const rest = words.slice(m[0].length);
  if (/^[\s:|»>–—-]*$/.test(rest)) return { form: 'alone', soft };
  if (/^\s*:|^\s/.test(rest)) return { form: 'spaced', soft };
  // "Popularity …", "Latestfigures": the heading word runs on into a longer word, so it is no heading.
  return /^[\p{Ll}\p{M}]/u.test(rest) ? null : { form: 'glued', soft };
}

export function isInlineFurniture(line: string): boolean {
  const words = plainWords(line);
  return INLINE_FURNITURE.test(words) || CREDIT_LINE.test(words) || isLinkOnly(line);
}

/** A line of the header block between the title and the body: byline, image credit, reading time. */
export function isHeaderFurniture(line: string): boolean {
  const words = plainWords(line);
  const short = wordCount(words, 13) <= 12 && !/[.!?]["”’»]?$/.test(words);
  if (isLinkOnly(line) || READ_TIME.test(words) || RULE.test(line.trim()) || AGO_STAMP.test(words)) return true;
  if (AUDIO_PLAYER.test(words) || SUMMARY_HEADING.test(words) || SHARE_BAR.test(words)) return true;
  if (NAVIGATION.test(words) || (BREADCRUMB.test(words) && wordCount(words, 9) <= 8)) return true;
  if (METADATA.test(words) && wordCount(words, 21) <= 20) return true;
  return short && (BYLINE.test(words) || CREDIT.test(words));
}

/** A line of a bulleted or numbered list (raw line, before markdown is stripped). */
export function isListItem(line: string): boolean {
  return LIST_ITEM.test(line);
}

/**
 * A byline ("By Jane Doe", "Author: Jane Doe"): short, and not a sentence that starts with "By", nor a court
 * transcript's "BY MS. LANE:" (a label of the questions that follow, ending in a colon).
 */
export function isByline(line: string): boolean {
  const words = plainWords(line);
  return wordCount(words, 13) <= 12 && !/[.!?:]["”’»]?$/.test(words) && BYLINE.test(words);
}

/** What closes a sentence, a clause or a quotation: a headline ends on none of these. */
const CLOSING_PUNCTUATION = new Set(['.', '!', '?', '…', ':', ';', ',', '"', '”', '»', '’', "'", ')']);
const SPACE = /\s/u;

/**
 * A line set like a headline: no closing punctuation and (nearly) every word capitalised. Catches headlines of
 * other articles in link lists when the layout analysis did not mark them as boilerplate. Prose always has
 * lower-case words, so a real paragraph never matches.
 */
export function isHeadlineLike(line: string): boolean {
  let end = line.length;
  while (end > 0 && SPACE.test(line[end - 1])) end--;
  // Most lines are sentences: the last character settles them before any word is read.
  if (end > 0 && CLOSING_PUNCTUATION.has(line[end - 1])) return false;
  return isTitleCase(line) && !PULL_QUOTE_CREDIT.test(line);
}

/**
 * "“Boring.” — Lena Cho, Capital Radio": a quotation closed by its own sentence end, then a dash and the name of
 * who said it. A pull quote of a round-up, not another article's headline (those carry no sentence end inside).
 */
const PULL_QUOTE_CREDIT = /^[\s>*_]*["“«][^"“”«»\n]{1,400}[.!?…]["”»]\s{0,3}[—–-]{1,2}\s{0,3}\p{Lu}/u;

/** Most words capitalised, as in a headline ("Iran on the Brink"): the share of the longer words that are. */
export function isTitleCase(line: string): boolean {
  // The words of /\p{L}[\p{L}'’-]*/gu longer than three units, read by code point without a string per word.
  let words = 0;
  let capitalised = 0;
  let i = 0;
  while (i < line.length) {
    const first = charClass(line.codePointAt(i) as number);
    const start = i;
    i += unitsAt(line, i);
    if (!(first & LETTER)) continue;
    while (i < line.length && continuesWord(line.codePointAt(i) as number)) i += unitsAt(line, i);
    if (i - start <= 3) continue;
    words++;
    if (first & UPPER) capitalised++;
  }
  return words >= MIN_TITLE_WORDS && capitalised / words >= TITLE_CASE_SHARE;
}

/** A letter, an apostrophe or a hyphen: what goes on after a word's first letter. */
function continuesWord(cp: number): boolean {
  return cp === 39 || cp === 0x2019 || cp === 45 || (charClass(cp) & LETTER) !== 0;
}

/** The UTF-16 length of the code point at `i`. */
function unitsAt(line: string, i: number): number {
  return (line.codePointAt(i) as number) > 0xffff ? 2 : 1;
}
