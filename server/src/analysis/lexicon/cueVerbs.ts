// The speech-cue lexicon: verbs and phrases journalists use to attribute speech ("said", "told AFP",
// "according to"), and the words that name an addressee or medium rather than the speaker.
// Shared by quote detection (is a short quoted phrase speech?) and attribution (who is the subject of the cue?).
// Data plus tiny lookup functions only; no text scanning here.
import { lowerCase } from './lowerCase';

/**
 * Speaking of something in words of one's own ("referred to her as “…”", "talked of a “…”") and verbs of judgement
 * that journalists follow with a partial quote ("dismissed the talks as “theatre”").
 */
const JUDGEMENT_BASES = [
  'refer',
  'talk',
  'dismiss',
  'reject',
  'denounce',
  'condemn',
  'criticize',
  'criticise',
  'praise',
  'hail',
  'slam',
  'blast',
  'decry',
  'welcome',
  // Blame and credit, counted in real reporting with a partial quote as their object: blamed “…”, credited her “…”.
  'blame',
  'credit',
  'fault',
  'applaud',
  'laud',
  'commend',
  'lambaste',
  'deride',
  'ridicule',
  'tout',
];

/**
 * Base forms of verbs that attribute speech or writing. Order does not matter. Both British and American
 * spellings are listed where they differ. Some bases are also common nouns ("state", "note", "report",
 * "call", "claim", "comment"); see NOUN_HOMOGRAPHS for the forms a caller should treat with care.
 */
export const CUE_VERBS: readonly string[] = [
  'say',
  'tell',
  'add',
  'stress',
  'note',
  'recall',
  'write',
  'ask',
  'insist',
  'warn',
  'argue',
  'explain',
  'tweet',
  'post',
  'state',
  'declare',
  'claim',
  'confirm',
  'deny',
  'announce',
  'emphasize',
  'emphasise',
  'underline',
  'underscore',
  'reply',
  'respond',
  'continue',
  'conclude',
  'acknowledge',
  'admit',
  'suggest',
  'complain',
  'urge',
  'vow',
  'pledge',
  'predict',
  'report',
  'quip',
  'comment',
  'describe',
  'call',
  'assert',
  'observe',
  'remark',
  'reiterate',
  'repeat',
  'maintain',
  'contend',
  'allege',
  'threaten',
  'promise',
  'mention',
  'speak',
  'shout',
  'whisper',
  'joke',
  'recount',
  'lament',
  'concede',
  'caution',
  'counter',
  'retort',
  'demand',
  'propose',
  'opine',
  'testify',
  'remind',
  'reveal',
  'disclose',
  'hint',
  'accuse',
  'assure',
  'characterize',
  'characterise',
  'label',
  'dub',
  'term',
  'proclaim',
  'affirm',
  'reaffirm',
  'indicate',
  'elaborate',
  'summarize',
  'summarise',
  'recommend',
  'advise',
  'inform',
  'answer',
  'interject',
  'exclaim',
  'boast',
  'muse',
  // A message sent: "Roe emailed an aide: “…”".
  'email',
  // Speaking of something in words of one's own, and judging it: see JUDGEMENT_BASES.
  ...JUDGEMENT_BASES,
  'brand',
];

/**
 * Verbs that report speech only where the clause ends with them or they follow the quote: "Roe pressed.",
 * "Roe agreed: “…”", "“…,” Roe sighed", "“…,” sighed Roe" — but "agreed to pay", "pressed ahead". Kept apart from
 * CUE_VERBS, which also decides whether a short quoted phrase is speech.
 */
export const CLOSING_CUE_VERBS: readonly string[] = [
  'press',
  'agree',
  'sigh',
  'demur',
  'gush',
  'implore',
  'fume',
  'scoff',
  'chant',
  'yell',
  'mock',
  'marvel',
  'concur',
  'bemoan',
  'plead',
  'protest',
  'object',
  'groan',
  'snap',
  'laugh',
  'chuckle',
  'smile',
  'nod',
  'shrug',
  'interrupt',
  'cry',
  'scream',
  'mutter',
  'murmur',
  'grumble',
  'rant',
  'beam',
  'sneer',
  'wonder',
  'tease',
  'taunt',
  'cheer',
  // Real reporting's rarer verbs of speech, each counted once or twice (/work/shared/real-news.md and newsroom style).
  'disagree',
  'offer',
  'reason',
  'confide',
  'confess',
  'reflect',
  'venture',
  'speculate',
  'theorize',
  'theorise',
  'surmise',
  'bellow',
  'roar',
  'thunder',
  'holler',
  'bark',
  'hiss',
  'snarl',
  'gasp',
  'stammer',
  'sob',
  'wail',
  'rage',
  'vent',
  'gripe',
  'huff',
  'rejoin',
  'intone',
  'beg',
  'exhort',
  'quibble',
  'chide',
  'scold',
  'deadpan',
  'drawl',
  'enthuse',
  'rave',
  'crow',
  'brag',
  'gloat',
  'rebut',
  'clarify',
];

/** Phrasal verbs of the same kind ("Roe shot back.", "“…,” Roe chimed in"): base and particle. */
export const CLOSING_PHRASAL_CUES: Readonly<Record<string, string>> = {
  shoot: 'back',
  chime: 'in',
  butt: 'in',
  cut: 'in',
  pipe: 'up',
  weigh: 'in',
};

/** Nouns for what someone said, which with an owner introduce a quote after a colon ("Roe's reply: “…”"). */
export const SPEECH_NOUNS: ReadonlySet<string> = new Set([
  'reply',
  'response',
  'answer',
  'retort',
  'verdict',
  'reaction',
  'message',
  'advice',
  'comment',
  'comments',
  'words',
  'explanation',
  'warning',
  'conclusion',
  'take',
  'view',
  'assessment',
  'summary',
  'argument',
  'defence',
  'defense',
  'excuse',
  'plea',
  'pitch',
  'tweet',
  'post',
  'statement',
  'note',
  'instruction',
  'instructions',
  'answer',
  'remark',
  'remarks',
  'question',
  'rejoinder',
  'prediction',
  'promise',
  'apology',
  'diagnosis',
  'prescription',
  'tip',
]);

/**
 * Verbs of judgement whose object a partial quote is taken from: praised the crew's “quiet courage”, condemned the
 * “reckless gamble”. Bases, all in CUE_VERBS.
 */
export const JUDGEMENT_VERBS: ReadonlySet<string> = new Set(JUDGEMENT_BASES);

/** Irregular past / participle forms, mapped to their base. Regular forms are derived by rule below. */
const IRREGULAR_FORMS: Readonly<Record<string, string>> = {
  said: 'say',
  told: 'tell',
  wrote: 'write',
  written: 'write',
  spoke: 'speak',
  spoken: 'speak',
};
const CLOSING_IRREGULAR: Readonly<Record<string, string>> = { shot: 'shoot', cut: 'cut' };

/** Bases whose final consonant doubles before -ed/-ing (stressed final syllable: admitted, quipped). */
const DOUBLING = new Set(['admit', 'quip', 'dub', 'label', 'slam', 'snap', 'nod', 'chat', 'refer', 'demur', 'sob', 'rebut', 'brag']);

/**
 * Forms that are at least as often nouns as verbs in news prose ("the state", "a report", "his call").
 * A caller should accept them as cues only with supporting context (a subject before them, "that" or a
 * quote mark after them).
 */
export const NOUN_HOMOGRAPHS: ReadonlySet<string> = new Set([
  'email',
  'emails',
  'state',
  'states',
  'note',
  'notes',
  'report',
  'reports',
  'call',
  'calls',
  'claim',
  'claims',
  'comment',
  'comments',
  'post',
  'posts',
  'tweet',
  'tweets',
  'answer',
  'answers',
  'reply',
  'replies',
  'promise',
  'promises',
  'demand',
  'demands',
  'term',
  'terms',
  'label',
  'labels',
  'counter',
  'joke',
  'jokes',
  'pledge',
  'pledges',
  'vow',
  'vows',
  'muse',
  'hint',
  'hints',
  'remark',
  'remarks',
  'mention',
  'answer',
  'answers',
  'post',
  'posts',
  'praise',
  'blast',
  'blasts',
  'welcome',
  'brand',
  'brands',
  'talk',
  'talks',
]);

/**
 * Verbs that introduce speech only together with a particle ("pointed out", "went on", "spoke out").
 * Keys are the verb's base; the value is the particle that must follow.
 */
export const PHRASAL_CUES: Readonly<Record<string, string>> = {
  point: 'out',
  go: 'on',
  spell: 'out',
  sum: 'up',
  hit: 'back',
  fire: 'back',
  lash: 'out',
  speak: 'out',
};

/**
 * Fixed phrases that attribute speech on their own. Lower case, single spaces. "according to X" names the
 * source after the phrase; the others follow the speaker ("X said in a statement", "X was quoted as saying").
 */
export const MULTIWORD_CUES: readonly string[] = [
  'according to',
  'quoted as saying',
  'was quoted as saying',
  'in a statement',
  'in a tweet',
  'in an interview',
  'in a speech',
  'in a post',
  'in a letter',
  'in remarks',
  'in comments',
  'in a video',
  'in a message',
  'in a televised address',
  'in an address',
  'in a press release',
  'in a communique',
  'as saying',
  'went on to say',
  'went on',
  'pointed out',
  'told reporters',
  'spoke of',
  'spelled out',
  'summed up',
  'in his words',
  'in her words',
  'in their words',
  'in the words of',
  'as he put it',
  'as she put it',
  'as they put it',
  'in a post on',
  'in a tweet on',
];

/**
 * Words that, right after a cue verb or after "quoted by" / "in an interview with", name the addressee or
 * the medium (a news agency, broadcaster, the press), not the speaker: "told AFP", "quoted by the Interfax
 * news agency", "in an interview with CNN". Lower case; callers compare case-insensitively.
 */
export const ADDRESSEE_WORDS: ReadonlySet<string> = new Set([
  'reporters',
  'journalists',
  'correspondents',
  'press',
  'media',
  'newsmen',
  'audience',
  'crowd',
  'supporters',
  'lawmakers',
  'legislators',
  'parliament',
  'senators',
  'deputies',
  'students',
  'viewers',
  'listeners',
  'readers',
  'agency',
  'agencies',
  'newspaper',
  'paper',
  'daily',
  'weekly',
  'magazine',
  'broadcaster',
  'channel',
  'television',
  'tv',
  'radio',
  'station',
  'website',
  'outlet',
  'network',
  'podcast',
  'wire',
  'service',
  'afp',
  'ap',
  'reuters',
  'interfax',
  'tass',
  'ria',
  'novosti',
  'sputnik',
  'anadolu',
  'xinhua',
  'bloomberg',
  'cnn',
  'bbc',
  'nbc',
  'cbs',
  'abc',
  'fox',
  'msnbc',
  'npr',
  'politico',
  'axios',
  'kommersant',
  'izvestia',
  'trt',
  'aa',
  'efe',
  'ansa',
  'dpa',
  'kyodo',
  'yonhap',
  'irna',
  'tasnim',
  'itar-tass',
]);

/** Phrases that introduce an addressee or medium (what follows them is not the speaker). Lower case. */
export const MEDIUM_INTRODUCERS: readonly string[] = [
  'quoted by',
  'cited by',
  'told',
  'in an interview with',
  'speaking to',
  'talking to',
  'speaking with',
  'in comments to',
  'in remarks to',
  'in a statement to',
  'writing in',
  'writing for',
  'reported by',
  'carried by',
  'published by',
  'broadcast by',
  'aired by',
  'interviewed by',
];

const FORM_TO_BASE: ReadonlyMap<string, string> = buildForms();
const CLOSING_FORMS: ReadonlyMap<string, string> = buildClosingForms();

/** Every inflected form of a cue verb or a closing cue verb, lower case: one look-up rules a word out. */
export const CUE_VERB_FORMS: ReadonlySet<string> = new Set([...FORM_TO_BASE.keys(), ...CLOSING_FORMS.keys()]);

/** The base of a closing cue verb or of a closing phrasal's verb ("pressed" -> "press", "shot" -> "shoot"), else null. Lower case. */
export function closingCueVerbForm(lower: string): string | null {
  return CLOSING_FORMS.get(lower) ?? null;
}

function buildClosingForms(): Map<string, string> {
  const forms = new Map<string, string>();
  for (const base of [...CLOSING_CUE_VERBS, ...Object.keys(CLOSING_PHRASAL_CUES)]) for (const form of inflect(base)) forms.set(form, base);
  for (const [form, base] of Object.entries(CLOSING_IRREGULAR)) forms.set(form, base);
  return forms;
}

/**
 * The cue verb's base form when `word` is any inflection of one ("said" -> "say", "stressing" -> "stress",
 * "emphasised" -> "emphasise", "replies" -> "reply"), else null. Case-insensitive; surrounding punctuation
 * must already be stripped.
 */
export function cueVerbForm(word: string): string | null {
  return FORM_TO_BASE.get(lowerCase(word)) ?? null;
}

/** `cueVerbForm` for a word already in lower case (the tokenizer keeps one), without lower-casing it again. */
export function cueVerbFormOfLower(lower: string): string | null {
  return FORM_TO_BASE.get(lower) ?? null;
}

/** True when `word` is an inflection of a cue verb that is not also a common noun (a safe cue without context). */
export function isUnambiguousCueVerb(word: string): boolean {
  const lower = lowerCase(word);
  return FORM_TO_BASE.has(lower) && !NOUN_HOMOGRAPHS.has(lower);
}

/** True when `word` (any case) names an addressee or medium ("AFP", "reporters", "agency"). */
export function isAddresseeWord(word: string): boolean {
  return ADDRESSEE_WORDS.has(lowerCase(word));
}

/** Every inflection of every base, by English spelling rules; irregular forms come from the table. */
function buildForms(): Map<string, string> {
  const forms = new Map<string, string>();
  for (const base of CUE_VERBS) for (const form of inflect(base)) if (!forms.has(form)) forms.set(form, base);
  for (const [form, base] of Object.entries(IRREGULAR_FORMS)) forms.set(form, base);
  return forms;
}

function inflect(base: string): string[] {
  const last = base[base.length - 1];
  const beforeLast = base[base.length - 2] ?? '';
  const isVowel = (c: string) => 'aeiou'.includes(c);
  const out = [base];
  // Third person singular.
  if (/(s|sh|ch|x|z)$/.test(base)) out.push(base + 'es');
  else if (last === 'y' && !isVowel(beforeLast)) out.push(base.slice(0, -1) + 'ies');
  else out.push(base + 's');
  // Past and present participle.
  if (last === 'e') {
    out.push(base + 'd', base.slice(0, -1) + 'ing');
  } else if (last === 'y' && !isVowel(beforeLast)) {
    out.push(base.slice(0, -1) + 'ied', base + 'ing');
  } else if (DOUBLING.has(base)) {
    out.push(base + last + 'ed', base + last + 'ing', base + 'ed', base + 'ing');
  } else {
    out.push(base + 'ed', base + 'ing');
  }
  return out;
}
