// Decides whether a pair of quote marks holds reported speech, and whether that speech is a partial quote
// woven into a sentence or a whole utterance. Reads only the sentence around the marks, so it stays local
// and linear. UTF-16 indices.
import { ABBREVIATIONS } from '../lexicon/abbreviations';
import { cueVerbForm, isAddresseeWord, JUDGEMENT_VERBS, MULTIWORD_CUES, NOUN_HOMOGRAPHS } from '../lexicon/cueVerbs';

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
/** Words that turn the quoted text into a name or a label: the so-called “peace plan”, a film titled “…”. */
const NAMING_BEFORE =
  /(?:\bso[- ]called|\btitled|\bentitled|\bnamed|\bnicknamed|\bknown as|\breading|\bthe (?:words?|terms?|phrases?|slogans?|hashtags?|mottos?|labels?|headlines?|titles?|names?|codenames?|code names?|acronyms?|expressions?))\s*(?:,\s*)?$/iu;
/** A common noun right before "called"/"named": a participle that names (a group called “…”), not a speaker's verb. */
const NAMING_VERB = '(?:called|named|dubbed|labell?ed|termed|nicknamed|titled|entitled)';
// The noun is read backwards from the verb (a lookbehind), so only the verb's own places are tried, not every start.
const PARTICIPLE_NAMING = new RegExp(`${NAMING_VERB}(?<=\\b(\\p{Ll}[\\p{Ll}\\-]*)\\s+${NAMING_VERB})\\s*(?:,\\s*)?$`, 'u');
/** The last word each anchored pattern above can end on (a hyphenated word by its last part: "op-ed", "so-called"). */
const NAMING_LAST_WORDS = new Set([
  'called',
  'titled',
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
  while (end > 0 && /\s/u.test(tail[end - 1])) end--;
  const c = tail[end - 1] ?? '';
  return APOSTROPHES.has(c) || ((c === 's' || c === 'S') && APOSTROPHES.has(tail[end - 2] ?? ''));
}

/** The last run of letters of `tail` before trailing blanks and commas, lower-cased. */
function lastWordOf(tail: string): string {
  let end = tail.length;
  while (end > 0 && /[\s,]/u.test(tail[end - 1])) end--;
  let start = end;
  while (start > 0 && /\p{L}/u.test(tail[start - 1])) start--;
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
/** Cue verbs that, right before a capitalised phrase, give it a name rather than quote it. */
const NAMING_VERBS = new Set(['call', 'dub', 'term', 'label']);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'who', 'which', 'that']);

/** Judges one quote: is it speech, and is it partial? */
export function judgeQuote(text: string, site: QuoteSite): Verdict {
  const content = text.slice(site.contentStart, site.contentEnd).trim();
  const words = content.match(WORD) ?? [];
  if (words.length === 0) return { speech: false, partial: false };

  const sentenceStart = sentenceStartBefore(text, site.open, site.paragraphStart);
  const before = text.slice(sentenceStart, site.open);
  const beforeTrimmed = before.trimEnd();
  const after = sentenceAfter(text, site.end, site.paragraphEnd);

  // An opening bracket is transparent: (“We will see,” he added.) still opens its sentence.
  // So are list markers: "- “We are ready,” he said."
  const lead = beforeTrimmed
    .replace(/(?<![([])[([]+$/u, '')
    .trimEnd()
    .replace(/^(?:[-*•·]|\d{1,2}[.)])$/u, '');
  const atSentenceStart = lead.length === 0;
  // A colon or a dash hands the sentence over to the quote: He was blunt — “We will not retreat.”
  const colonIntro = /(?::|\s[\u2014\u2013]|\s--?|^[\u2014\u2013])$/u.test(lead);
  const beforeWords = wordsOf(before);
  const cueBefore = findCue(beforeWords, before);
  const afterWords = wordsOf(after).slice(0, CUE_AFTER_WORDS);
  const cueAfter = findCue(afterWords, after) !== -1 || multiwordCueIn(after.slice(0, 80));
  const endsLikeUtterance = /[.!?…,]$/u.test(content);
  // The cue verb right before the marks, maybe with its addressee: said “…”, told reporters “…”.
  const between = cueBefore === -1 ? [] : beforeWords.slice(cueBefore + 1);
  const cueImmediate = cueBefore !== -1 && between.length <= 2 && between.every((w) => isAddresseeWord(w.word) || /^\p{Lu}/u.test(w.word));

  const cueCommaIntro = cueImmediate && /,\s*$/u.test(before);
  const partial =
    !(atSentenceStart || colonIntro || cueCommaIntro || (cueImmediate && startsUpper(content))) ||
    // “Close coordination” is what they want: the quote opens the sentence but is only its subject.
    (atSentenceStart && !endsLikeUtterance && /^\s*\p{Ll}/u.test(after) && findCue(afterWords.slice(0, 3), '') === -1);

  // Anchored patterns are tested on the tail only: a regular expression tries every start position. Each can
  // match only where the tail ends on one of its words, so the last word settles most quotes without a regex.
  const tail = before.slice(-60);
  const last = lastWordOf(tail);
  const mayEnd = (words: ReadonlySet<string>) => !ASCII_WORD.test(last) || words.has(last);
  if ((mayEnd(NAMING_LAST_WORDS) && NAMING_BEFORE.test(tail)) || (mayEnd(WORK_LAST_WORDS) && WORK_BEFORE.test(tail))) {
    return { speech: false, partial };
  }
  const participle = mayEnd(NAMING_VERB_WORDS) ? PARTICIPLE_NAMING.exec(tail) : null;
  // A name starts with a capital (a movement called “Together for Peace”); a saying may not (a move critics called “a tax”).
  if (participle !== null && !SUBJECT_WORDS.has(participle[1]) && startsUpper(content)) return { speech: false, partial };
  if (isTitleLike(words)) {
    // A name or a title (“Muslim NATO”, a plan called “Peace First.”) unless it is plainly said.
    const naming = cueBefore !== -1 && NAMING_VERBS.has(cueVerbForm(beforeWords[cueBefore].word) ?? '');
    const alone = atSentenceStart && /[.!?…]$/u.test(content) && after.trim().length === 0;
    const said = alone || colonIntro || (cueAfter && endsLikeUtterance) || (cueImmediate && !naming && endsLikeUtterance);
    if (!said) return { speech: false, partial };
  }
  const determiner = !endsLikeUtterance && mayEndOnDeterminer(tail, last) && DETERMINER_BEFORE.test(tail);
  // Longer phrases are speech, unless a determiner makes a noun phrase of them and nobody is said to say it:
  // the “rules-based order of the West” is a label; said it was the “only way to guarantee security” is not.
  if (words.length >= 4) return { speech: !(determiner && words.length <= 6 && cueBefore === -1 && !cueAfter), partial };

  // One to three words: speech only with a cue, a colon, or standing alone as an utterance ("No.").
  if (colonIntro || cueImmediate) return { speech: true, partial };
  // Officials said the “peace plan” was dead: a determiner makes the phrase a noun with scare quotes. But deeper
  // in the reported clause, after its own verb, the phrase is the speaker's words: said the fees were a “stopgap”.
  if (determiner) {
    return {
      speech: cueBefore > 0 && (withinReportedClause(before, beforeWords[cueBefore]) || judgedObject(beforeWords, cueBefore)),
      partial,
    };
  }
  if (cueBefore !== -1 || cueAfter) return { speech: true, partial };
  // “No.” as a sentence of its own, or “Absolutely not,” came the reply: punctuation inside the marks at the
  // start of a sentence closes an utterance; scare quotes never carry it there.
  return { speech: atSentenceStart && endsLikeUtterance, partial };
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

/**
 * "praised the crew's “quiet courage”", "condemned the “reckless gamble”": a judgement verb with the quote in its
 * object, a noun phrase of at most three words after the verb with no verb of its own.
 */
function judgedObject(beforeWords: Word[], cue: number): boolean {
  if (!JUDGEMENT_VERBS.has(cueVerbForm(beforeWords[cue].word) ?? '')) return false;
  const object = beforeWords.slice(cue + 1).map((w) => w.word.toLowerCase());
  return object.length >= 1 && object.length <= 3 && object.every((w) => !CLAUSE_VERBS.has(w) && cueVerbForm(w) === null);
}

/** Start of the sentence that contains `at`, not before `floor` nor further back than the window. */
function sentenceStartBefore(text: string, at: number, floor: number): number {
  const limit = Math.max(floor, at - WINDOW);
  for (let i = at - 1; i > limit; i--) {
    const c = text[i];
    if (c !== '.' && c !== '!' && c !== '?' && c !== '…') continue;
    // The terminator may be followed by closing marks or brackets, then must be followed by space.
    let j = i + 1;
    while (j < at && /[”"’'»)\]]/u.test(text[j])) j++;
    if (j >= at || !/\s/u.test(text[j])) continue;
    if (c === '.' && isAbbreviation(text, i)) continue;
    return j;
  }
  return limit;
}

/** The rest of the sentence after `from`, up to a terminator outside marks, the next opening mark, or the window. */
function sentenceAfter(text: string, from: number, ceiling: number): string {
  const limit = Math.min(ceiling, from + WINDOW);
  for (let i = from; i < limit; i++) {
    const c = text[i];
    if ('“„«"‘'.includes(c) && i > from) return text.slice(from, i);
    if ((c === '.' || c === '!' || c === '?') && (i + 1 >= limit || /\s/u.test(text[i + 1])) && !isAbbreviation(text, i)) {
      return text.slice(from, i);
    }
  }
  return text.slice(from, limit);
}

function isAbbreviation(text: string, dot: number): boolean {
  let k = dot;
  while (k > 0 && /[\p{L}.]/u.test(text[k - 1])) k--;
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
 * Index (in `words`) of the last cue verb, or of a multiword cue, in the words; -1 when none. A form that is
 * also a common noun ("state", "report") counts only with a subject before it or "that" after it.
 */
function findCue(words: Word[], source: string): number {
  for (let k = words.length - 1; k >= 0; k--) {
    const w = words[k].word;
    if (cueVerbForm(w) === null) continue;
    const lower = w.toLowerCase();
    if (!NOUN_HOMOGRAPHS.has(lower)) return k;
    const prev = words[k - 1]?.word;
    const next = words[k + 1]?.word.toLowerCase();
    // "Erdogan's remarks" is a noun; "Smith noted" or "he states" is a verb.
    const namedSubject = prev !== undefined && /^\p{Lu}/u.test(prev) && !/['’]s?$/u.test(prev) && !lower.endsWith('s');
    if (next === 'that' || namedSubject || (prev !== undefined && PRONOUNS.has(prev.toLowerCase()))) return k;
  }
  const lower = source.toLowerCase();
  for (const cue of MULTIWORD_CUES) {
    const at = lower.lastIndexOf(cue);
    if (at !== -1) return words.findIndex((w) => w.index >= at);
  }
  return -1;
}

function multiwordCueIn(s: string): boolean {
  const lower = s.toLowerCase();
  return MULTIWORD_CUES.some((cue) => lower.includes(cue));
}

/** Every word capitalised except small words: a name or a title, not a saying. */
function isTitleLike(words: string[]): boolean {
  if (!/^[\p{Lu}\p{N}]/u.test(words[0])) return false;
  return words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || TITLE_SMALL_WORDS.has(w.toLowerCase()));
}

const startsUpper = (s: string): boolean => /^[\p{Lu}\p{N}]/u.test(s);
