// Word lists that tell names apart: places (a state only speaks as a cue's subject), nationality
// adjectives (part of a role, never a name), organization heads, and capitalised words that are never
// names (months, weekdays, function words that start sentences). Lower case; lookups are case-insensitive.
import { lowerCase } from './lowerCase';

const PLACES = new Set(
  `
afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahrain bangladesh
belarus belgium bolivia bosnia brazil bulgaria cambodia cameroon canada chad chile china colombia congo croatia
cuba cyprus czechia denmark ecuador egypt england eritrea estonia ethiopia europe finland france gaza georgia
germany ghana greece guatemala haiti honduras hungary iceland india indonesia iran iraq ireland israel italy japan
jordan kazakhstan kenya korea kosovo kuwait kyrgyzstan laos latvia lebanon libya liechtenstein lithuania luxembourg
macedonia madagascar malaysia mali malta mexico moldova monaco mongolia montenegro morocco mozambique myanmar
namibia nepal netherlands nicaragua niger nigeria norway oman pakistan palestine panama paraguay peru philippines
poland portugal qatar romania russia rwanda scotland senegal serbia singapore slovakia slovenia somalia spain sudan
sweden switzerland syria taiwan tajikistan tanzania thailand tunisia turkey turkmenistan uganda ukraine uruguay
uzbekistan venezuela vietnam wales yemen zambia zimbabwe africa asia america americas antarctica arctic balkans
caucasus crimea donbas donbass kosovo karabakh nagorno nagorno-karabakh abkhazia ossetia transnistria kurdistan
moscow ankara istanbul baku yerevan tbilisi kyiv kiev minsk warsaw berlin paris london washington brussels vienna
rome madrid lisbon athens budapest prague bratislava bucharest sofia belgrade zagreb ljubljana sarajevo tirana
skopje chisinau vilnius riga tallinn helsinki stockholm oslo copenhagen reykjavik dublin amsterdam bern geneva
zurich luxembourg beijing shanghai tokyo seoul pyongyang delhi mumbai islamabad kabul tehran baghdad damascus
beirut amman jerusalem tel aviv cairo riyadh doha dubai abu dhabi muscat sanaa ankara tripoli tunis algiers rabat
nairobi addis ababa lagos abuja johannesburg pretoria ottawa toronto montreal mexico havana caracas bogota lima
santiago brasilia rio buenos aires canberra sydney melbourne wellington manila jakarta bangkok hanoi
kuala lumpur singapore tashkent astana almaty bishkek dushanbe ashgabat strasbourg hague frankfurt munich hamburg
st petersburg sochi kazan donetsk luhansk kharkiv odesa odessa mariupol kherson zaporizhzhia lviv gyumri ganja
shusha stepanakert idlib aleppo mosul basra kirkuk gaza rafah ramallah westminster kremlin.ru
alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois indiana
iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana
nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia wisconsin wyoming
chicago philadelphia atlanta boston miami seattle detroit baltimore pittsburgh cleveland milwaukee minneapolis
sacramento nashville
`
    .split(/\s+/)
    .filter(Boolean),
);

/** Multi-word places, compared on the lower-cased phrase. */
const PLACE_PHRASES = new Set([
  'united states',
  'united kingdom',
  'united nations',
  'european union',
  'south korea',
  'north korea',
  'saudi arabia',
  'new zealand',
  'south africa',
  'czech republic',
  'united arab emirates',
  'nagorno karabakh',
  'south ossetia',
  'west bank',
  'new york',
  'los angeles',
  'new hampshire',
  'new jersey',
  'new mexico',
  'north carolina',
  'north dakota',
  'rhode island',
  'south carolina',
  'south dakota',
  'west virginia',
  'des moines',
  'san francisco',
  'san diego',
  'las vegas',
  'new orleans',
  'salt lake city',
  'kansas city',
  'oklahoma city',
  'hong kong',
  'tel aviv',
  'abu dhabi',
  'new delhi',
  'buenos aires',
  'kuala lumpur',
  'st petersburg',
  'sri lanka',
  'costa rica',
  'el salvador',
  'middle east',
  'north america',
  'south america',
  'latin america',
  'central asia',
  'black sea',
  'caspian sea',
  'russian federation',
  'the hague',
  'east jerusalem',
  'addis ababa',
  'dominican republic',
  'ivory coast',
]);

const NATIONALITIES = new Set(
  `
afghan albanian algerian american argentine argentinian armenian australian austrian azerbaijani azeri bahraini
belarusian belgian bolivian bosnian brazilian british bulgarian cambodian canadian chilean chinese colombian
croatian cuban cypriot czech danish dutch ecuadorian egyptian emirati english eritrean estonian ethiopian
european filipino finnish french georgian german ghanaian greek hungarian icelandic indian indonesian iranian iraqi
irish israeli italian japanese jordanian kazakh kenyan korean kosovan kuwaiti kyrgyz latvian lebanese libyan
lithuanian macedonian malaysian maltese mexican moldovan mongolian montenegrin moroccan nigerian norwegian
pakistani palestinian peruvian polish portuguese qatari romanian russian rwandan saudi scottish serbian slovak
slovenian somali spanish sudanese swedish swiss syrian taiwanese tajik thai tunisian turkish turkmen ugandan
ukrainian uruguayan uzbek venezuelan vietnamese welsh yemeni zimbabwean western eastern northern southern
soviet kurdish arab african asian latin nordic baltic caucasian chechen dagestani tatar crimean nepali
nepalese bhutanese tibetan sri-lankan bangladeshi burmese laotian singaporean new-zealand kiwi scot luxembourgish
bosniak kosovar andorran monegasque maltese cypriot icelander faroese greenlandic sami flemish walloon catalan basque
galician corsican sardinian sicilian bavarian israeli-arab druze yazidi rohingya uyghur uighur
`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that head an organization's name or description ("the Russian ministry", "Interior Ministry"). */
const ORGANIZATION_HEADS = new Set(
  `
ministry ministries government governments kremlin cabinet administration presidency department office embassy
embassies consulate agency agencies company companies firm firms corporation group council commission committee
party parties army military navy police court parliament assembly senate congress duma rada knesset bundestag
bank union alliance coalition federation organisation organization organizations organisations institute
university foundation association authority authorities service services forces command headquarters secretariat
board bureau chamber chambers center centre club league network channel newspaper broadcaster side regime junta movement
campaign church council mission delegation team inc ltd plc corp co fund commission tribunal observatory
watchdog regulator guard coastguard carmaker automaker manufacturer producer retailer insurer lender airline
conglomerate startup supplier operator prosecutor's prosecutors office white pentagon kremlin quai élysée elysee downing
programme program institution body paper tabloid magazine broadsheet management thinktank think-tank tank
`
    .split(/\s+/)
    .filter(Boolean),
);

/** Named institutions that speak as one voice without an organization head word in their name. */
const KNOWN_ORGANIZATIONS = new Set([
  'kremlin',
  'white house',
  'pentagon',
  'élysée',
  'elysee',
  'downing street',
  'state department',
  'quai d’orsay',
  "quai d'orsay",
  'nato',
  'un',
  'eu',
  'osce',
  'imf',
  'who',
  'opec',
  'unicef',
  'unesco',
  'unhcr',
  'icrc',
  'hamas',
  'hezbollah',
  'taliban',
  'interfax',
  'tass',
  'ria novosti',
  'reuters',
  'afp',
  'ap',
  'anadolu',
  'xinhua',
  'bbc',
  'cnn',
  'apa',
  'armenpress',
  'sputnik',
  'bloomberg',
  'gazprom',
  'rosneft',
  'rosatom',
  'roscosmos',
  'fsb',
  'cia',
  'fbi',
  'nasa',
  'kommersant',
  'izvestia',
  'vedomosti',
  'itar-tass',
  'dpa',
  'efe',
  'ansa',
  'kyodo',
  'yonhap',
  'europol',
  'interpol',
  'frontex',
  'amnesty international',
  'human rights watch',
  'red cross',
  'red crescent',
]);

/** The most words in one known organization's name. */
const LONGEST_KNOWN_ORGANIZATION = Math.max(...[...KNOWN_ORGANIZATIONS].map((name) => name.split(' ').length));
/** The last words of the known names of two or more words: a phrase ending in none of them ends in no known name. */
const KNOWN_ORGANIZATION_LAST_WORDS = new Set(
  [...KNOWN_ORGANIZATIONS].filter((name) => name.includes(' ')).map((name) => name.slice(name.lastIndexOf(' ') + 1)),
);

/** Capitalised words that never start or make a name: calendar words, function words, headings. */
const NEVER_NAMES = new Set(
  `
january february march april may june july august september october november december jan feb mar apr jun
jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
the a an this that these those there here it its he she they we i you his her their our my your him them us
me and or but so yet nor if when while where after before since until because although though however
meanwhile moreover furthermore also still then thus hence instead indeed in on at by for from with without
about against between among into onto over under during through of to as like than not no yes all both each
every some any many most more much few several other another such what which who whom whose why how one two
three four five six seven eight nine ten first second third last next new latest related original photo
photos video image images read more see also update updated breaking exclusive analysis opinion editorial
comment news according said says earlier later last week month year day night morning evening afternoon
afterwards afterward eventually finally recently previously currently initially separately elsewhere ultimately
already tonight
mr mrs ms dr sir lord lady prof st co inc ltd
`
    .split(/\s+/)
    .filter(Boolean),
);

/** Nouns that describe a company or body right before its name ("German carmaker Autowerk", "the broadcaster ZDF"). */
const ORGANIZATION_DESCRIPTORS = new Set(
  `
company firm group carmaker automaker maker manufacturer producer operator retailer insurer lender bank airline
carrier giant conglomerate startup start-up broadcaster newspaper daily agency club party union watchdog regulator
ministry organisation organization charity foundation fund investor developer supplier provider utility miner
exchange platform app network outlet publisher studio brand chain team movement alliance coalition
weekly tabloid magazine paper broadsheet thinktank think-tank
`
    .split(/\s+/)
    .filter(Boolean),
);

export function isOrganizationDescriptor(word: string): boolean {
  return ORGANIZATION_DESCRIPTORS.has(lowerCase(word));
}

export function isPlace(phrase: string): boolean {
  const lower = lowerCase(phrase);
  if (PLACES.has(lower) || PLACE_PHRASES.has(lower)) return true;
  if (!lower.endsWith('s')) return false;
  const bare = lower.replace(/['’]s$/, '');
  return bare !== lower && (PLACES.has(bare) || PLACE_PHRASES.has(bare));
}

/**
 * Last words that make a capitalised phrase a place, a building or an event, never a person ("Red Square",
 * "Donetsk Oblast", "Heathrow Airport", "Munich Security Conference", "Independence Day").
 */
const PLACE_AND_EVENT_HEADS = new Set(
  `
street square avenue road boulevard bridge airport station port harbour harbor province region oblast county
district state island islands river lake sea ocean bay gulf strait valley mountains mountain hills peninsula
desert coast park palace castle cathedral hall stadium arena plaza village city town camp base crossing
summit forum conference games olympics cup championship festival day week war election elections
`
    .split(/\s+/)
    .filter(Boolean),
);

/** A capitalised phrase whose last word names a place, a building or an event. */
export function endsInPlaceOrEvent(lastWord: string): boolean {
  return PLACE_AND_EVENT_HEADS.has(lowerCase(lastWord));
}

export function isNationality(word: string): boolean {
  return NATIONALITIES.has(lowerCase(word));
}

export function isOrganizationHead(word: string): boolean {
  return ORGANIZATION_HEADS.has(lowerCase(word));
}

export function isKnownOrganization(phrase: string): boolean {
  const lower = lowerCase(phrase);
  if (KNOWN_ORGANIZATIONS.has(lower)) return true;
  if (!lower.includes(' ')) return false;
  // Most phrases end in a word no known name ends in: settled without splitting the phrase.
  const tail = lower.slice(lower.lastIndexOf(' ') + 1);
  if (tail !== '' && !/\s/u.test(tail) && !KNOWN_ORGANIZATION_LAST_WORDS.has(tail)) return false;
  // "Polish Red Cross", "the Turkish Red Crescent": a known body with a national qualifier. Only the last few
  // words can end in a known name, so a long capitalised run costs one split, not one join per word.
  const words = lower.split(/\s+/);
  for (let size = 2; size <= Math.min(LONGEST_KNOWN_ORGANIZATION, words.length - 1); size++) {
    if (KNOWN_ORGANIZATIONS.has(words.slice(words.length - size).join(' '))) return true;
  }
  return false;
}

export function isNeverName(word: string): boolean {
  return NEVER_NAMES.has(lowerCase(word));
}
