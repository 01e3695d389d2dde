// Head nouns of unnamed sources that real reporting counts and the older lists in speakers/mentions/descriptions.ts
// and gazetteer.ts lacked (/work/shared/real-news.md: "the family said", "the coroner said", "“…,” police said",
// "the trust said", "the defence argued"). Data only.

/** People, or a group of people speaking as one, written as a description's head. */
export const MORE_PEOPLE_HEADS: ReadonlySet<string> = new Set([
  'coroner',
  'coroners',
  'family',
  'families',
  'juror',
  'jurors',
  'jury',
  'author',
  'authors',
  'democrat',
  'democrats',
  'republican',
  'republicans',
  'prosecutors',
  'judges',
  'crowd',
  'crowds',
  'audience',
  'defence',
  'defense',
  'prosecution',
  'household',
  'households',
  'sheriff',
  'deputies',
  'paramedic',
  'paramedics',
  'coach',
  'coaches',
  'player',
  'players',
  'athlete',
  'athletes',
  'singer',
  'musician',
  'musicians',
  'artist',
  'actor',
  'actress',
  'writer',
  'writers',
  'novelist',
  'editor',
  'editors',
  'host',
  'hosts',
  'presenter',
  'guest',
  'guests',
  'mother',
  'mothers',
  'father',
  'fathers',
  'wife',
  'husband',
  'son',
  'daughter',
  'sister',
  'brother',
  'widow',
  'partner',
]);

/** Groups that stand as a source with no article and no plural ending: "“…,” police said", "staff said". */
export const BARE_COLLECTIVES: ReadonlySet<string> = new Set(['police', 'staff', 'prosecutors', 'security']);

/**
 * Institutions written as a description's head: "the trust said", "the hospital said in a statement". ("The school"
 * is left out: a school is far more often where a story happens than who speaks in it.)
 */
export const MORE_ORGANIZATION_HEADS: ReadonlySet<string> = new Set([
  'trust',
  'hospital',
  'clinic',
  'charity',
  'museum',
  'prison',
  'studio',
  'publisher',
  'theatre',
  'theater',
  'council',
]);

/** "the trust", "the hospital": the institution named before whose name carries one of these words. */
export const MORE_INSTITUTION_KINDS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['trust', ['trust']],
  ['hospital', ['hospital', 'infirmary', 'clinic', 'trust']],
  ['clinic', ['clinic', 'hospital']],
  ['charity', ['charity', 'foundation', 'trust']],
  ['museum', ['museum', 'gallery']],
  ['prison', ['prison', 'jail']],
  ['studio', ['studio', 'studios']],
  ['publisher', ['publisher', 'publishers', 'press', 'books']],
  ['theatre', ['theatre', 'theater', 'playhouse']],
  ['theater', ['theatre', 'theater', 'playhouse']],
];
