// Common English words that open news sentences with a capital letter only because they come first
// ("Critics said", "Meanwhile, …", "Officials warned"), and the finite verbs that tell a sentence-initial
// name is the subject of its clause ("Ryanair cancelled", "Nanotek said", "Gazprom has"). The name reader
// uses them to tell a one-word name that only ever opens sentences from an ordinary word.
import { lowerCase } from './lowerCase';

/** Determiners, pronouns, quantifiers, discourse adverbs, participle openers and group nouns. */
const COMMON_OPENERS = new Set(
  `
some many most more much few several both all each every either neither none nobody nothing everyone everybody
everything someone somebody something anyone anything another other others such this that these those there here
what which who whom whose why how when where whether while whereas although though because since unless until
however meanwhile moreover furthermore nevertheless nonetheless still instead indeed also then thus hence therefore
earlier later now today tonight yesterday tomorrow recently previously currently initially eventually finally
separately elsewhere overall altogether otherwise besides likewise similarly accordingly consequently ultimately
already again once soon afterwards afterward first second third last next new old
asked speaking according following citing responding addressing writing noting adding referring despite amid
after before during under over about against between among within without through across beyond
police government authorities parliament congress military army troops staff management public media press
security intelligence prosecution defence defense opposition leadership crowd family youth
thousands hundreds millions billions dozens scores tens
prices shares stocks markets sales profits talks negotiations investigators officials analysts experts critics
residents protesters investors officers lawmakers economists scientists doctors
men women people children
`
    .split(/\s+/)
    .filter(Boolean),
);

/** Auxiliaries and modals: "Nanotek has", "Okonkwo will"; a description's post-modifier never runs past one. */
export const AUXILIARIES: ReadonlySet<string> = new Set([
  'has',
  'have',
  'had',
  'is',
  'was',
  'are',
  'were',
  'will',
  'would',
  'could',
  'should',
  'can',
  'may',
  'might',
  'must',
  'did',
  'does',
]);

/** Irregular past tenses common in news reports ("Gazprom cut", "Ryanair made"). */
const IRREGULAR_PASTS = new Set(
  `
said told made took gave got won lost rose fell grew became began sold bought struck ran left held kept led met
sent spent went came saw hit cut put set paid found brought thought felt wrote spoke broke chose drew drove flew
threw knew overtook undertook withdrew
`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * True when `word` (as written at a sentence start) is an ordinary English word rather than a name: listed,
 * an adverb in "-ly", or a plural in "-s" ("Critics", "Residents", "Prosecutors"). A name that ends in "-s"
 * and only ever opens sentences stays unrecognised: far rarer than a plural noun subject.
 */
export function isCommonOpener(word: string): boolean {
  const lower = lowerCase(word);
  if (COMMON_OPENERS.has(lower)) return true;
  if (/^[a-z]{3,}ly$/.test(lower)) return true;
  // Abstract nouns ("Inflation", "Unemployment", "Turnout" aside): their suffixes hardly ever end a name.
  if (/^[a-z]{3,}(tion|sion|ment|ness|ity|ism|ship|hood|dom)$/.test(lower)) return true;
  return /^[a-z]{3,}[^su]s$/.test(lower);
}

/**
 * True when the lower-case `lower` is a finite verb form that can follow its subject: an auxiliary or modal,
 * a regular past in "-ed" or an irregular past. (Cue verbs are checked separately by the caller.)
 */
export function isFiniteVerbAfterSubject(lower: string): boolean {
  return AUXILIARIES.has(lower) || IRREGULAR_PASTS.has(lower) || /^[a-z]{2,}ed$/.test(lower);
}
