// Decides whether a pair of quote marks holds reported speech, and whether that speech is a partial quote
// woven into a sentence or a whole utterance. Reads only the sentence around the marks, so it stays local
// and linear. UTF-16 indices.
import { ABBREVIATIONS } from '../lexicon/abbreviations';
import {
  closingCueVerbForm,
  CUE_VERB_FORMS,
  cueVerbForm,
  isAddresseeWord,
  JUDGEMENT_VERBS,
  MULTIWORD_CUES,
  NOUN_HOMOGRAPHS,
} from '../lexicon/cueVerbs';
import { charClass, isSpaceCode, LETTER, NUMBER, UPPER } from '../article/chars';
import { codePointBefore, LowerCaseSet, scanWords, wordEnd, wordStart, WordSpans } from '../article/rangeWords';

/** Where the quote sits: its marks, its content and the paragraph around it. */
export interface QuoteSite {
  /** Index of the opening mark. */
  open: number;
  /** Exclusive end of the quote span (after the closing mark, or the paragraph end when unclosed). */
  end: number;
  /** Content without the marks. */
  contentStart: number;
  contentEnd: number;
  paragraphStart: number;
  paragraphEnd: number;
}

export interface Verdict {
  speech: boolean;
  partial: boolean;
}

/** How far the sentence context reaches at most; keeps the work per quote bounded on huge paragraphs. */
const WINDOW = 600;
/** After the quote, a cue counts when it comes within this many words ("…," the Russian foreign minister said). */
const CUE_AFTER_WORDS = 10;

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’\-]*/gu;
/** Words that turn the quoted text into a name or a label: the so-called “peace plan”, a film titled “…”, an editorial headlined “…”. */
const NAMING_BEFORE =
  /(?:\bso[- ]called|\btitled|\bentitled|\bheadlined|\bcaptioned|\bnamed|\bnicknamed|\bknown as|\breading|\bthe (?:words?|terms?|phrases?|slogans?|hashtags?|mottos?|labels?|headlines?|titles?|names?|codenames?|code names?|acronyms?|expressions?))\s*(?:,\s*)?$/iu;
/** A common noun right before "called"/"named": a participle that names (a group called “…”), not a speaker's verb. */
const NAMING_VERB = '(?:called|named|dubbed|labell?ed|termed|nicknamed|titled|entitled)';
// The noun is read backwards from the verb (a lookbehind), so only the verb's own places are tried, not every start.
const PARTICIPLE_NAMING = new RegExp(`${NAMING_VERB}(?<=\\b(\\p{Ll}[\\p{Ll}\\-]*)\\s+${NAMING_VERB})\\s*(?:,\\s*)?$`, 'u');
/** The last word each anchored pattern above can end on (a hyphenated word by its last part: "op-ed", "so-called"). */
const NAMING_LAST_WORDS = new Set([
  'called',
  'titled',
  'headlined',
  'captioned',
  'entitled',
  'named',
  'nicknamed',
  'as',
  'reading',
  'word',
  'words',
  'term',
  'terms',
  'phrase',
  'phrases',
  'slogan',
  'slogans',
  'hashtag',
  'hashtags',
  'motto',
  'mottos',
  'label',
  'labels',
  'headline',
  'headlines',
  'title',
  'titles',
  'name',
  'names',
  'codename',
  'codenames',
  'acronym',
  'acronyms',
  'expression',
  'expressions',
]);
const NAMING_VERB_WORDS = new Set(['called', 'named', 'dubbed', 'labeled', 'labelled', 'termed', 'nicknamed', 'titled', 'entitled']);
const WORK_LAST_WORDS = new Set(
  [
    'book',
    'film',
    'movie',
    'novel',
    'song',
    'album',
    'article',
    'column',
    'ed',
    'documentary',
    'series',
    'poem',
    'programme',
    'painting',
    'exhibition',
    'newspaper',
    'magazine',
    'anthem',
    'slogan',
    'motto',
    'hashtag',
    'banner',
    'placard',
    'operation',
    'doctrine',
    'resolution',
    'treaty',
    'initiative',
    'manifesto',
    'memoir',
    'podcast',
    'headline',
    'ship',
    'vessel',
    'missile',
    'movement',
    'platform',
    'app',
    'website',
  ].flatMap((w) => [w, `${w}s`]),
);
/** Lower-case ASCII letters only: a word the sets above can be asked about (case-folding elsewhere is left to the regexes). */
const ASCII_WORD = /^[a-z]+$/;

const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'its',
  'their',
  'his',
  'her',
  'our',
  'your',
  'my',
  'such',
  'any',
  'every',
]);
const APOSTROPHES = new Set(["'", '’']);

/** Whether DETERMINER_BEFORE can match: the tail ends on a determiner or a possessive ("alliance's", "members'"). */
function mayEndOnDeterminer(tail: string, last: string): boolean {
  if (!ASCII_WORD.test(last) || DETERMINERS.has(last)) return true;
  let end = tail.length;
  while (end > 0 && isSpaceCode(tail.charCodeAt(end - 1))) end--;
  const c = tail[end - 1] ?? '';
  return APOSTROPHES.has(c) || ((c === 's' || c === 'S') && APOSTROPHES.has(tail[end - 2] ?? ''));
}

/** The last run of letters of `tail` before trailing blanks and commas, lower-cased. */
function lastWordOf(tail: string): string {
  let end = tail.length;
  while (end > 0 && (tail.charCodeAt(end - 1) === 44 || isSpaceCode(tail.charCodeAt(end - 1)))) end--;
  let start = end;
  while (start > 0 && (charClass(tail.charCodeAt(start - 1)) & LETTER) !== 0) start--;
  return tail.slice(start, end).toLowerCase();
}

/** Words that before "called" make it a finite verb with a subject: he called “…”, who had called “…”. */
const SUBJECT_WORDS = new Set([
  'he',
  'she',
  'they',
  'we',
  'i',
  'you',
  'it',
  'who',
  'which',
  'that',
  'also',
  'has',
  'have',
  'had',
  'once',
  'then',
  'later',
  'previously',
  'repeatedly',
  'publicly',
  'openly',
  'recently',
  'earlier',
  'even',
  'twice',
  'often',
]);
/**
 * Nouns for works and named things: the book “…”, the operation “…”, the hashtag “…”. Words that are as often
 * verbs ("show", "play", "exercise": urged both sides to exercise “maximum restraint”) are left out.
 */
const WORK_BEFORE =
  /\b(?:book|film|movie|novel|song|album|article|column|op-ed|documentary|series|poem|programme|painting|exhibition|newspaper|magazine|anthem|slogan|motto|hashtag|banner|placard|operation|doctrine|resolution|treaty|initiative|manifesto|memoir|podcast|headline|ship|vessel|missile|movement|platform|app|website)s?\s*(?:,\s*)?$/iu;
/**
 * "calling the film “beautiful, slow and …”", "described the book as “…”": the work is the object of a verb that
 * judges it, and the words after it are that judgement, not its title (for a phrase of four words or more).
 */
const WORK_JUDGED =
  /\b(?:call(?:s|ed|ing)?|describ(?:e|es|ed|ing)|label(?:s|l?ed|l?ing)?|term(?:s|ed|ing)?|brand(?:s|ed|ing)?|dub(?:s|bed|bing)?)\s+(?:the|this|that|his|her|their|its|a|an)\s+(?:\p{L}+\s+)?\p{L}+s?\s*(?:as\s*)?,?\s*$/iu;
/** A determiner or possessive right before a short quote makes it a noun phrase with scare quotes: the “peace plan”, the alliance's “open door” … */
const DETERMINER_BEFORE = /(?:\b(?:the|a|an|this|that|these|those|its|their|his|her|our|your|my|such|any|every)|\p{L}['’]s?)\s*$/iu;
/** Small words that stay lower case inside a title. */
const TITLE_SMALL_WORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'but',
  'nor',
  'of',
  'for',
  'to',
  'in',
  'on',
  'at',
  'by',
  'with',
  'from',
  'as',
  'vs',
  'via',
  'into',
  'over',
  'up',
  'de',
  'la',
  'du',
  'von',
  'van',
  'al',
  'el',
  'is',
]);
/** "on" right before the marks of a title: on “Face the Nation”. */
const MEDIUM_BEFORE = /\bon\s*$/iu;
/** Cue verbs that, right before a capitalised phrase, give it a name rather than quote it. */
const NAMING_VERBS = new Set(['call', 'dub', 'term', 'label']);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'who', 'which', 'that']);

/** Scratch word lists for the sentence before and after the quote being judged (judging is never re-entered). */
const BEFORE = new WordSpans();
const AFTER = new WordSpans();
const CONTENT = new WordSpans();
const CUE_FORMS = new LowerCaseSet(CUE_VERB_FORMS);

/** Judges one quote: is it speech, and is it partial? */
/** Participles that give a name in someone's words ("dubbed “…” by the campaign"); not "called" or "titled", which title works. */
const PASSIVE_GIVER = new Set(['dubbed', 'branded', 'labelled', 'labeled', 'termed', 'nicknamed']);
/** "by the campaign", "by Roe": the agent right after the quote. */
const BY_AGENT = /^\s*by\s+\p{L}/u;

export function judgeQuote(text: string, site: QuoteSite): Verdict {
  // The content without the blanks around it, as [contentStart, contentEnd).
  let contentStart = site.contentStart;
  let contentEnd = site.contentEnd;
  while (contentStart < contentEnd && isSpaceCode(text.charCodeAt(contentStart))) contentStart++;
  while (contentEnd > contentStart && isSpaceCode(text.charCodeAt(contentEnd - 1))) contentEnd--;
  // Counted up to seven: the rules below ask for none, four or more, and six or fewer.
  const wordCount = scanWords(text, contentStart, contentEnd, CONTENT, 7).count;
  if (wordCount === 0) return { speech: false, partial: false };
  const lastOfContent = text.charCodeAt(contentEnd - 1);
  const contentStartsUpper = startsUpperAt(text, contentStart, contentEnd);

  const sentenceStart = sentenceStartBefore(text, site.open, site.paragraphStart);
  const before = text.slice(sentenceStart, site.open);
  const after = sentenceAfter(text, site.end, site.paragraphEnd);
  const afterEnd = site.end + after.length;

  const lead = leadEnd(text, sentenceStart, site.open);
  const atSentenceStart = lead === sentenceStart;
  // A colon or a dash hands the sentence over to the quote: He was blunt — “We will not retreat.”
  const colonIntro = colonIntroEnds(text, sentenceStart, lead);
  const beforeWords = scanWords(text, sentenceStart, site.open, BEFORE);
  const cueBefore = findCue(text, beforeWords, beforeWords.count, before, sentenceStart);
  const afterWords = scanWords(text, site.end, afterEnd, AFTER, CUE_AFTER_WORDS);
  const cueAfter =
    findCue(text, afterWords, afterWords.count, after, site.end) !== -1 ||
    closingCueRightAfter(text, afterWords) ||
    multiwordCueIn(after.slice(0, 80));
  const endsLikeUtterance = isUtteranceEnd(lastOfContent) || lastOfContent === 44;
  // The cue verb right before the marks, maybe with its addressee: said “…”, told reporters “…”.
  // A verb of crying out right before a whole short cry: the crowd chanted “Keep it open!” as they passed.
  const cryBefore =
    endsLikeUtterance && contentStartsUpper && closingCueVerbForm(lastWordOf(before.slice(-24))) !== null && !/,\s*$/u.test(before);
  const cueImmediate =
    (cueBefore !== -1 && beforeWords.count - cueBefore - 1 <= 2 && addresseesAfter(text, beforeWords, cueBefore)) || cryBefore;

  const cueCommaIntro = cueImmediate && /,\s*$/u.test(before);
  const partial =
    !(atSentenceStart || colonIntro || cueCommaIntro || (cueImmediate && contentStartsUpper)) ||
    // “Close coordination” is what they want: the quote opens the sentence but is only its subject.
    (atSentenceStart &&
      !endsLikeUtterance &&
      /^\s*\p{Ll}/u.test(after) &&
      findCue(text, afterWords, Math.min(3, afterWords.count), '', site.end) === -1);

  // "fundraisers — dubbed “Hillblazers” by the campaign": a name someone gave, said with its giver after "by".
  if (PASSIVE_GIVER.has(lastWordOf(before.slice(-24))) && BY_AGENT.test(after)) return { speech: true, partial: true };
  // Anchored patterns are tested on the tail only: a regular expression tries every start position. Each can
  // match only where the tail ends on one of its words, so the last word settles most quotes without a regex.
  const tail = before.slice(-60);
  const last = lastWordOf(tail);
  const asciiLast = ASCII_WORD.test(last);
  if (
    ((!asciiLast || NAMING_LAST_WORDS.has(last)) && NAMING_BEFORE.test(tail)) ||
    ((!asciiLast || WORK_LAST_WORDS.has(last)) && WORK_BEFORE.test(tail) && !(wordCount >= 4 && WORK_JUDGED.test(tail)))
  ) {
    return { speech: false, partial };
  }
  const participle = !asciiLast || NAMING_VERB_WORDS.has(last) ? PARTICIPLE_NAMING.exec(tail) : null;
  // A name starts with a capital (a movement called “Together for Peace”); a saying may not (a move critics called “a tax”).
  if (participle !== null && !SUBJECT_WORDS.has(participle[1]) && contentStartsUpper) return { speech: false, partial };
  if (isTitleLike(text, contentStart, contentEnd)) {
    // A name or a title (“Muslim NATO”, a plan called “Peace First.”) unless it is plainly said.
    const naming = cueBefore !== -1 && NAMING_VERBS.has(cueVerbForm(wordAt(text, beforeWords, cueBefore)) ?? '');
    // Alone in its sentence, or signed after a dash ("“Boring.” — Lena Cho, Capital Radio").
    const alone = atSentenceStart && isUtteranceEnd(lastOfContent) && (after.trim().length === 0 || SIGNED_AFTER.test(after));
    // "On “Face the Nation,” Abara said", "appearing on “Meet the Press”": the programme the words were said on,
    // however a cue follows. (An outlet's possessive before a title was tried too: it cost attributions.)
    const medium = MEDIUM_BEFORE.test(before.slice(-24));
    const said = alone || colonIntro || (!medium && ((cueAfter && endsLikeUtterance) || (cueImmediate && !naming && endsLikeUtterance)));
    if (!said) return { speech: false, partial };
  }
  const determiner = !endsLikeUtterance && mayEndOnDeterminer(tail, last) && DETERMINER_BEFORE.test(tail);
  // Longer phrases are speech, unless a determiner makes a noun phrase of them and nobody is said to say it:
  // the “rules-based order of the West” is a label; said it was the “only way to guarantee security” is not.
  if (wordCount >= 4) return { speech: !(determiner && wordCount <= 6 && cueBefore === -1 && !cueAfter), partial };

  // One to three words: speech only with a cue, a colon, or standing alone as an utterance ("No.").
  if (colonIntro || cueImmediate) return { speech: true, partial };
  // Officials said the “peace plan” was dead: a determiner makes the phrase a noun with scare quotes. But deeper
  // in the reported clause, after its own verb, the phrase is the speaker's words: said the fees were a “stopgap”.
  if (determiner) {
    if (cueBefore <= 0) return { speech: false, partial };
    const words = wordsFrom(text, beforeWords, sentenceStart);
    return { speech: withinReportedClause(before, words[cueBefore]) || judgedObject(before, words, cueBefore), partial };
  }
  if (cueBefore !== -1 || cueAfter) return { speech: true, partial };
  // “No.” as a sentence of its own, or “Absolutely not,” came the reply: punctuation inside the marks at the
  // start of a sentence closes an utterance; scare quotes never carry it there.
  return { speech: atSentenceStart && endsLikeUtterance, partial };
}

/** A dash and a capitalised word right after the quote: the signature of a pull quote. */
const SIGNED_AFTER = /^\s{0,3}[—–-]{1,2}\s{0,3}\p{Lu}/u;

/** . ! ? … : what ends an utterance inside the marks. */
const isUtteranceEnd = (c: number): boolean => c === 46 || c === 33 || c === 63 || c === 0x2026;

/**
 * Where the words before the quote end once what is transparent to a sentence start is dropped: trailing blanks,
 * opening brackets ((“We will see,” he added.) still opens its sentence) and the blanks before them, and a list
 * marker that is all there is ("- “We are ready,” he said."). The lead is text[from, returned end).
 */
function leadEnd(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && isSpaceCode(text.charCodeAt(end - 1))) end--;
  while (end > from && (text.charCodeAt(end - 1) === 40 || text.charCodeAt(end - 1) === 91)) end--;
  while (end > from && isSpaceCode(text.charCodeAt(end - 1))) end--;
  const length = end - from;
  const first = text.charCodeAt(from);
  if (length === 1 && (first === 45 || first === 42 || first === 0x2022 || first === 0xb7)) return from;
  if (length >= 2 && length <= 3 && isAsciiDigit(first) && (length === 2 || isAsciiDigit(text.charCodeAt(from + 1)))) {
    const mark = text.charCodeAt(end - 1);
    if (mark === 46 || mark === 41) return from;
  }
  return end;
}

const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;
const isDash = (c: number): boolean => c === 0x2014 || c === 0x2013;

/** The lead text[from, end) ends on a colon, or on a dash after a blank, or is one long dash. */
function colonIntroEnds(text: string, from: number, end: number): boolean {
  if (end === from) return false;
  const c = text.charCodeAt(end - 1);
  if (c === 58) return true;
  if (isDash(c)) return end - from === 1 || (end - 2 >= from && isSpaceCode(text.charCodeAt(end - 2)));
  if (c !== 45) return false;
  if (end - 2 >= from && isSpaceCode(text.charCodeAt(end - 2))) return true;
  return end - 3 >= from && text.charCodeAt(end - 2) === 45 && isSpaceCode(text.charCodeAt(end - 3));
}

/** `/^[\p{Lu}\p{N}]/u` of text[from, to). */
function startsUpperAt(text: string, from: number, to: number): boolean {
  return from < to && (charClass(codePointBefore(text, from, to)) & (UPPER | NUMBER)) !== 0;
}

/** The words after the cue (at most two, by the caller) each name an addressee or start with a capital. */
function addresseesAfter(text: string, words: WordSpans, cue: number): boolean {
  for (let k = cue + 1; k < words.count; k++) {
    const w = wordAt(text, words, k);
    if (!isAddresseeWord(w) && !/^\p{Lu}/u.test(w)) return false;
  }
  return true;
}

function wordAt(text: string, words: WordSpans, k: number): string {
  return text.slice(words.starts[k], words.ends[k]);
}

/** The words as strings with their index in the text from `origin`. */
function wordsFrom(text: string, words: WordSpans, origin: number): Word[] {
  const out: Word[] = [];
  for (let k = 0; k < words.count; k++) out.push({ word: wordAt(text, words, k), index: words.starts[k] - origin });
  return out;
}

/** Verbs that show a reported clause has its own verb: said the fees were a …, said talks would bring a … */
const CLAUSE_VERBS = new Set([
  'is',
  'was',
  'are',
  'were',
  'be',
  'been',
  'being',
  'am',
  'has',
  'have',
  'had',
  'will',
  'would',
  'shall',
  'should',
  'can',
  'could',
  'may',
  'might',
  'must',
  'remains',
  'remain',
  'became',
  'becomes',
  'become',
  'seems',
  'seemed',
  'do',
  'does',
  'did',
  "isn't",
  "wasn't",
  "aren't",
  "weren't",
  "won't",
  "wouldn't",
]);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'you', 'it']);
const ARTICLES = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our']);
/** Punctuation that closes one clause of a sentence; what follows it is no longer the reported clause. */
const CLAUSE_BREAK = /[,;:()\u2014\u2013]|\s-\s/gu;

/**
 * A quote after a determiner sits inside the clause a cue verb reports, and is not that clause's subject: between
 * the cue and the determiner the clause has a subject and its own verb (said the fees were a “…”). A phrase that
 * opens the clause (said the “peace plan” was dead) or hangs off its subject stays a label.
 */
function withinReportedClause(before: string, cue: Word): boolean {
  let clause = before.slice(cue.index + cue.word.length).replace(DETERMINER_BEFORE, '');
  const breaks = [...clause.matchAll(CLAUSE_BREAK)];
  if (breaks.length > 0) {
    const last = breaks[breaks.length - 1];
    clause = clause.slice((last.index ?? 0) + last[0].length);
  }
  const words = wordsOf(clause).map((w) => w.word.toLowerCase().replace(/’/gu, "'"));
  // ", and each side now claims the “…”": a clause of its own after a comma and a coordinator, not the one reported.
  if (breaks.length > 0 && (words[0] === 'and' || words[0] === 'but')) return false;
  if (words[0] === 'that') words.shift();
  // The verb needs a subject before it, so the first word of the clause cannot be its verb.
  for (let k = 1; k < words.length; k++) {
    const w = words[k];
    // A past form, unless a determiner makes it an adjective: the renewed push for a “ceasefire”.
    const pastForm = /\p{L}{2}ed$/u.test(w) && !ARTICLES.has(words[k - 1]);
    // The word after a subject pronoun is a verb, however irregular: said he saw the “green shoots”.
    const afterPronoun = SUBJECT_PRONOUNS.has(words[k - 1]);
    if (CLAUSE_VERBS.has(w) || pastForm || afterPronoun) return true;
    // A present-tense verb right before the determiner: said Russia wants a “buffer zone”.
    if (k === words.length - 1 && /\p{L}{2}[^s's]s$/u.test(w)) return true;
  }
  return false;
}

/** Prepositions that carry a judgement verb's quoted reason: praised the chief for his “…”, accused them of a “…”. */
const REASON_PREPOSITIONS = new Set(['for', 'of', 'over', 'as']);

/**
 * "praised the crew's “quiet courage”", "condemned the “reckless gamble”", "praised Chief Roe for his “steady
 * hand”": a judgement verb with the quote in its object, a noun phrase of at most three words after the verb, or
 * the object and a reason after "for" / "of" / "over" / "as" (six words at most), with no verb or clause break.
 */
function judgedObject(before: string, beforeWords: Word[], cue: number): boolean {
  if (!JUDGEMENT_VERBS.has(cueVerbForm(beforeWords[cue].word) ?? '')) return false;
  const object = beforeWords.slice(cue + 1).map((w) => w.word.toLowerCase());
  const limit = object.some((w) => REASON_PREPOSITIONS.has(w)) ? 6 : 3;
  if (/[,;:()\u2014\u2013]/u.test(before.slice(beforeWords[cue].index))) return false;
  return object.length >= 1 && object.length <= limit && object.every((w) => !CLAUSE_VERBS.has(w) && cueVerbForm(w) === null);
}

/** Closing marks and brackets a terminator may carry before the space after it: ” " ’ ' » ) ]. */
const isCloser = (c: number): boolean => c === 0x201d || c === 34 || c === 0x2019 || c === 39 || c === 0xbb || c === 41 || c === 93;

/** Start of the sentence that contains `at`, not before `floor` nor further back than the window. */
function sentenceStartBefore(text: string, at: number, floor: number): number {
  const limit = Math.max(floor, at - WINDOW);
  for (let i = at - 1; i > limit; i--) {
    const c = text.charCodeAt(i);
    if (c !== 46 && c !== 33 && c !== 63 && c !== 0x2026) continue;
    // The terminator may be followed by closing marks or brackets, then must be followed by space.
    let j = i + 1;
    while (j < at && isCloser(text.charCodeAt(j))) j++;
    if (j >= at || !isSpaceCode(text.charCodeAt(j))) continue;
    if (c === 46 && isAbbreviation(text, i)) continue;
    return j;
  }
  return limit;
}

/** Marks that open a quotation after the quote: “ „ « " ‘. */
const isOpeningMark = (c: number): boolean => c === 0x201c || c === 0x201e || c === 0xab || c === 34 || c === 0x2018;

/** The rest of the sentence after `from`, up to a terminator outside marks, the next opening mark, or the window. */
function sentenceAfter(text: string, from: number, ceiling: number): string {
  const limit = Math.min(ceiling, from + WINDOW);
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (isOpeningMark(c) && i > from) return text.slice(from, i);
    if ((c === 46 || c === 33 || c === 63) && (i + 1 >= limit || isSpaceCode(text.charCodeAt(i + 1))) && !isAbbreviation(text, i)) {
      return text.slice(from, i);
    }
  }
  return text.slice(from, limit);
}

function isAbbreviation(text: string, dot: number): boolean {
  let k = dot;
  while (k > 0) {
    const c = text.charCodeAt(k - 1);
    if (c !== 46 && (charClass(c) & LETTER) === 0) break;
    k--;
  }
  const word = text.slice(k, dot).toLowerCase();
  return word.length === 1 || ABBREVIATIONS.has(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word);
}

interface Word {
  word: string;
  index: number;
}

function wordsOf(s: string): Word[] {
  const out: Word[] = [];
  for (const m of s.matchAll(WORD)) out.push({ word: m[0], index: m.index ?? 0 });
  return out;
}

/**
 * Index of the last cue verb among the first `count` words (spans in `text`), or of the word at a multiword cue in
 * `source` (the text from `origin`); -1 when none. A form that is also a common noun ("state", "report") counts
 * only with a subject before it or "that" after it.
 */
function findCue(text: string, words: WordSpans, count: number, source: string, origin: number): number {
  for (let k = count - 1; k >= 0; k--) {
    // Only a word in the cue forms can be a cue verb's form: most words are ruled out without a string.
    if (!CUE_FORMS.hasSpan(text, words.starts[k], words.ends[k])) continue;
    const w = wordAt(text, words, k);
    if (cueVerbForm(w) === null) continue;
    const lower = w.toLowerCase();
    if (!NOUN_HOMOGRAPHS.has(lower)) return k;
    const prev = k > 0 ? wordAt(text, words, k - 1) : undefined;
    const next = k + 1 < count ? wordAt(text, words, k + 1).toLowerCase() : undefined;
    // "Erdogan's remarks" is a noun; "Smith noted" or "he states" is a verb.
    const namedSubject = prev !== undefined && /^\p{Lu}/u.test(prev) && !/['’]s?$/u.test(prev) && !lower.endsWith('s');
    if (next === 'that' || namedSubject || (prev !== undefined && PRONOUNS.has(prev.toLowerCase()))) return k;
  }
  const at = lastMultiwordCue(source);
  if (at === -1) return -1;
  for (let k = 0; k < count; k++) if (words.starts[k] - origin >= at) return k;
  return -1;
}

/**
 * "“Stop,” Roe pressed.", "“Fine,” she shot back": a verb that reports speech only right after a quote, within the
 * first three words after it (its subject, of up to two words, may stand before it).
 */
function closingCueRightAfter(text: string, words: WordSpans): boolean {
  for (let k = 0; k < Math.min(3, words.count); k++) if (closingCueVerbForm(wordAt(text, words, k).toLowerCase()) !== null) return true;
  return false;
}

/** Cue indices by the first two (ASCII) characters of the cue, as code 128 * first + second. */
const CUES_BY_OPENING = new Map<number, number[]>();
MULTIWORD_CUES.forEach((cue, k) => {
  const key = cue.charCodeAt(0) * 128 + cue.charCodeAt(1);
  CUES_BY_OPENING.set(key, [...(CUES_BY_OPENING.get(key) ?? []), k]);
});
const lastAt = new Int32Array(MULTIWORD_CUES.length);

/**
 * Where in `source.toLowerCase()` the first multiword cue (in list order) that occurs there last occurs, or -1.
 * Read in one pass over the source: the cues are ASCII, and only two characters beyond ASCII lower-case to ASCII
 * or to more than one unit (İ, the Kelvin sign); a source with either is lower-cased and searched cue by cue.
 */
export function lastMultiwordCue(source: string): number {
  if (source === '') return -1;
  if (source.includes('\u0130') || source.includes('\u212A')) {
    const lower = source.toLowerCase();
    for (const cue of MULTIWORD_CUES) {
      const at = lower.lastIndexOf(cue);
      if (at !== -1) return at;
    }
    return -1;
  }
  lastAt.fill(-1);
  let next = foldAscii(source.charCodeAt(0));
  for (let p = 0; p + 1 < source.length; p++) {
    const c = next;
    next = foldAscii(source.charCodeAt(p + 1));
    if (c >= 128 || next >= 128) continue;
    const cues = CUES_BY_OPENING.get(c * 128 + next);
    if (cues === undefined) continue;
    for (const k of cues) if (opensAt(source, p, MULTIWORD_CUES[k])) lastAt[k] = p;
  }
  for (let k = 0; k < lastAt.length; k++) if (lastAt[k] !== -1) return lastAt[k];
  return -1;
}

/** A-Z as a-z; any other unit as it is. */
const foldAscii = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

/** `cue` (lower-case ASCII) stands at `p` in the source, case aside. */
function opensAt(source: string, p: number, cue: string): boolean {
  if (p + cue.length > source.length) return false;
  for (let i = 2; i < cue.length; i++) if (foldAscii(source.charCodeAt(p + i)) !== cue.charCodeAt(i)) return false;
  return true;
}

function multiwordCueIn(s: string): boolean {
  return lastMultiwordCue(s) !== -1;
}

/** Every word of text[from, to) capitalised except small words: a name or a title, not a saying. Stops at the first that is not. */
function isTitleLike(text: string, from: number, to: number): boolean {
  let first = true;
  for (let i = wordStart(text, from, to); i < to; i = wordStart(text, i, to)) {
    const end = wordEnd(text, i, to);
    if (!startsUpperAt(text, i, end) && (first || !TITLE_SMALL_WORDS.has(text.slice(i, end).toLowerCase()))) return false;
    first = false;
    i = end;
  }
  return true;
}
