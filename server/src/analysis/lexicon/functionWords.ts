// The determiners and name particles the speaker stages read, listed once. Each stage needs a different slice
// (what ends a name phrase is not what opens a document phrase), so the slices are named here from one word list
// each, instead of every stage keeping its own copy that could drift.

const ARTICLE_WORDS = ['a', 'an', 'the'];
/** Possessives in the order the stages list them; "whose" only opens a document phrase. */
const POSSESSIVES = ['his', 'her', 'its', 'their', 'our', 'my', 'your'];
/** Third-person possessives: they point back to someone already named. */
const THIRD_PERSON_POSSESSIVES = ['his', 'her', 'its', 'their'];

/** "a", "an", "the". */
export const ARTICLES: ReadonlySet<string> = new Set(ARTICLE_WORDS);
/** Every article and possessive: never a word of a role or a name ("said the family lawyer Tom Keller"). */
export const DETERMINERS: ReadonlySet<string> = new Set([...ARTICLE_WORDS, ...POSSESSIVES]);
/** Determiners of a definite description ("the minister", "its spokesman"). */
export const DEFINITE_DETERMINERS: ReadonlySet<string> = new Set(['the', ...THIRD_PERSON_POSSESSIVES]);
/** Determiners and quantifiers of an indefinite description ("a source", "one official", "several residents"). */
export const INDEFINITE_DETERMINERS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'one',
  'another',
  'some',
  'several',
  'two',
  'three',
  'four',
  'many',
  'few',
  'other',
  'various',
  'numerous',
]);
/** Determiners that make a following noun-verb homograph a noun ("the report", "this call"). */
export const NOUN_DETERMINERS: ReadonlySet<string> = new Set([...ARTICLE_WORDS, ...THIRD_PERSON_POSSESSIVES, 'this', 'that', 'our']);

/** Words that end a name phrase read leftwards: an article, a possessive, or "one"/"another". */
export const PHRASE_DETERMINERS: ReadonlySet<string> = new Set([...ARTICLE_WORDS, ...POSSESSIVES, 'one', 'another']);
/** Determiners before an owner's role ("the company's chief"): a definite article or a third-person possessive. */
export const OWNER_DETERMINERS: ReadonlySet<string> = new Set(['the', ...THIRD_PERSON_POSSESSIVES, 'our']);
/** Determiners that open an appositive after a name ("Smith, the minister, said"). */
export const APPOSITIVE_DETERMINERS: ReadonlySet<string> = new Set([...ARTICLE_WORDS, 'his', 'her', 'their']);
/** Determiners that open a document phrase ("the statement", "whose report"). */
export const DOCUMENT_DETERMINERS: ReadonlySet<string> = new Set(['the', 'this', 'that', ...THIRD_PERSON_POSSESSIVES, 'whose']);

/** Lower-case particles inside a person's name ("von der Leyen", "bin Salman", "de Vries"), as a regex alternation. */
const SURNAME_PARTICLE_PATTERN = 'von|van|der|den|ter|zu|bin|ibn|de';
/**
 * The particles a surname that is "only a surname" may still hold, as a regex alternation: a constant string, so a
 * pattern built from it stays readable to the ReDoS check (test/analysis/redos.test.ts).
 */
export const NAME_PARTICLE_PATTERN = `${SURNAME_PARTICLE_PATTERN}|da|di|du|la|le|al|el|del|della|dos|das`;
/** Particles that may open a surname, so a name run extends left over them. */
export const SURNAME_PARTICLES: ReadonlySet<string> = new Set(SURNAME_PARTICLE_PATTERN.split('|'));
/** Particles a surname that is "only a surname" may still hold. */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(NAME_PARTICLE_PATTERN.split('|'));
/** Particles a name run reads through: the name particles plus "ben" and the Spanish "y". */
export const NAME_RUN_PARTICLES: ReadonlySet<string> = new Set([...NAME_PARTICLES, 'ben', 'y']);
