// Words written short with a full stop ("Gov.", "Mr.", "Inc.", "Sept."), listed once: a stop after one of them
// ends no sentence, and the titles among them stand before a name like the full title.

/** Short forms of titles ("Sen.", "Gen.", "Rep."): a name may follow, as after "Senator". */
const TITLES = ['sen', 'gen', 'rep', 'gov', 'col', 'lt', 'sgt', 'capt', 'adm', 'maj', 'cmdr', 'supt', 'insp', 'amb', 'pres', 'sec'];
/** Honorifics and name suffixes written short. */
const PERSONAL = ['mr', 'mrs', 'ms', 'dr', 'st', 'prof', 'jr', 'sr', 'rev', 'hon'];
/** Company forms, months and other short words a stop follows mid-sentence. */
const OTHER = [
  'no',
  'vs',
  'etc',
  'inc',
  'ltd',
  'co',
  'corp',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mt',
  'ft',
  'approx',
  'dept',
  'univ',
];

/** Title abbreviations, lower case, without the stop. */
export const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set(TITLES);
/** Every abbreviation, lower case, without the stop. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([...PERSONAL, ...TITLES, ...OTHER]);
