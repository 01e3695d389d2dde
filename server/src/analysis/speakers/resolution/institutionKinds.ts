// Short forms of institutions, and nouns for a kind of institution that journalists use for one named just before ("The Merrow Gazette was
// harsh … the paper wrote", "Westbrook FC sacked its coach … the club said", "the think tank said"), with the words such names
// carry. Unlike "the agency" or "the group", these take up only a name that shows the kind, so "the paper"
// never becomes the bank or the ministry last named.

const PUBLICATION_WORDS = `
newspaper paper daily weekly tabloid magazine gazette herald times post tribune journal chronicle telegraph
guardian observer standard courier mail express ledger review star sun news register bulletin dispatch monitor
inquirer examiner record mirror independent globe sentinel gazeta zeitung blatt tagesblatt diario giornale
corriere krant avis posten tidning clarion echo courant advertiser argus enquirer messenger recorder spectator statesman
mercury gleaner crier
`
  .split(/\s+/)
  .filter(Boolean);

// A broadcaster is named as news, television or radio ("Fox News … the network said", "Channel 9 … the station").
const BROADCAST_WORDS = `news tv television radio network networks channel broadcasting broadcaster broadcasters media`.split(/\s+/);

const CLUB_WORDS = `club fc afc cf sc united rovers athletic wanderers albion sporting`.split(/\s+/);

// A think tank is named as a research body ("… Institute for Fiscal Studies", "the Corvin Foundation").
const THINK_TANK_WORDS = `institute institution foundation centre center council forum trust society policy research studies`.split(/\s+/);

const KINDS: ReadonlyMap<string, readonly string[]> = new Map([
  ...['newspaper', 'paper', 'daily', 'weekly', 'tabloid', 'magazine', 'broadsheet'].map((n) => [n, PUBLICATION_WORDS] as const),
  ['club', CLUB_WORDS],
  ...['network', 'broadcaster', 'channel', 'station'].map((n) => [n, BROADCAST_WORDS] as const),
  // "the think tank" (head "tank"), "the thinktank", "the think-tank".
  ...['tank', 'thinktank', 'think-tank'].map((n) => [n, THINK_TANK_WORDS] as const),
]);

/** True for a noun that needs a name of its own kind ("the paper", "the club"). */
export function isNamedKindNoun(noun: string): boolean {
  return KINDS.has(noun);
}

/**
 * Whether "the `noun`" can stand for an institution whose name has these lower-cased `words` and which was
 * introduced with the descriptor `head` ("the Madrid daily El Diario" has the head "daily").
 */
export function fitsNamedKind(noun: string, words: readonly string[], head: string | null): boolean {
  const kin = KINDS.get(noun);
  if (!kin) return false;
  if (head !== null && KINDS.get(head) === kin) return true;
  // "Tagesblatt", "Morgenposten": compounds end in the kind's word.
  return words.some((w) => kin.some((k) => w === k || (k.length >= 4 && w.length > k.length && w.endsWith(k))));
}

/**
 * The first word of an institution's name of two or more words ("northsky" for "NorthSky Airways", "halvard" for
 * "The Halvard Logistics"), lower-cased and without a leading "the"; null for a one-word name. What
 * `institutionNamedFirst` compares, so the registry can file its entities under it.
 */
export function institutionFirstWord(name: string): string | null {
  const words = name
    .replace(/^the\s+/i, '')
    .toLowerCase()
    .split(/\s+/);
  return words.length >= 2 ? words[0] : null;
}

/**
 * The latest institution of two or more words whose name opens with `word` ("NorthSky" for "NorthSky Airways",
 * "Halvard" for "Halvard Logistics"): reporters shorten a company's name to its first word. Null when none.
 * `entities` may be all of them or only those filed under `word` (in the same order).
 */
export function institutionNamedFirst<E extends { kind: string; name: string; lastSeen: number; unsure: boolean }>(
  entities: readonly E[],
  word: string,
): E | null {
  let best: E | null = null;
  for (const e of entities) {
    // A name the reader could not place ("Halvard Logistics cut …") may be the institution too.
    if (e.kind !== 'organization' && !(e.kind === 'person' && e.unsure)) continue;
    if (institutionFirstWord(e.name) === word && (!best || e.lastSeen > best.lastSeen)) best = e;
  }
  return best;
}
