// Writes a deterministic corpus of news-like seed articles for the corpus benchmarks and the distributed-run test:
// headline, byline or wire dateline, a date line, reported speech in the usual shapes (quote then cue, cue then
// colon, split quotes, pronoun and title follow-ups, anonymous and organizational sources), narrative paragraphs,
// and page furniture at the end. There is no real-news corpus in the repository; this keeps the work per byte close
// to what the analyzer meets in scraped articles while names, places and dates vary from file to file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CorpusOptions {
  files: number;
  /** Mean article size in bytes; each article varies around it. */
  meanBytes: number;
  /** Folder under `dir` that holds the articles; `seeds` makes every file a seed for the language server. */
  folder?: string;
  seed?: number;
}

export interface Corpus {
  dir: string;
  files: string[];
  bytes: number;
}

const FIRST = ['Anna', 'Mevlüt', 'Zoë', 'Levan', 'Grace', 'Pieter', 'Olga', 'Jürg', 'Nino', 'Tomás', 'Aigerim', 'Hamid',
  'Sergei', 'María', 'Kwame', 'Ingrid', 'Rūta', 'Dmitry', 'Fatima', 'Chen', 'Amara', 'Lars', 'Yusuf', 'Elena'];
const LAST = ['Kowalska', 'Çavuşoğlu', 'Müller', 'Beridze', 'Mwangi', 'de Vries', 'Petrova', 'Baumann', 'Gelashvili',
  'Ortega', 'Nurlanova', 'Karimi', 'Horvat', 'Lindqvist', 'Okafor', 'Novak', 'Haddad', 'Tanaka', 'Rossi', 'Sokolov'];
const WOMEN = new Set(['Anna', 'Zoë', 'Grace', 'Olga', 'Nino', 'Aigerim', 'María', 'Ingrid', 'Rūta', 'Fatima', 'Amara', 'Elena']);
const ROLES = ['Foreign Minister', 'Prime Minister', 'Defence Minister', 'President', 'Interior Minister',
  'Economy Minister', 'opposition leader', 'Health Minister', 'central bank governor', 'Energy Minister'];
const COUNTRIES = ['Georgia', 'Kenya', 'Poland', 'Turkey', 'Brazil', 'Kazakhstan', 'Norway', 'Nigeria', 'Japan',
  'Lithuania', 'Croatia', 'Iran', 'Chile', 'Italy', 'Egypt', 'Vietnam'];
const CITIES = ['TBILISI', 'NAIROBI', 'WARSAW', 'ANKARA', 'BRASILIA', 'ASTANA', 'OSLO', 'ABUJA', 'TOKYO', 'VILNIUS'];
const ORGS = ['The Foreign Ministry', 'The Defence Ministry', 'The European Commission', 'The World Health Organization',
  'The central bank', 'The Interior Ministry', 'The United Nations', 'The election commission'];
const ANONYMOUS = ['A diplomatic source', 'A senior official', 'A government spokesman', 'A source close to the talks',
  'One Western diplomat', 'A military source'];
const AGENCIES = ['AFP', 'Reuters', 'AP', 'Interfax', 'Anadolu'];
const CUES = ['said', 'told reporters', 'stressed', 'added', 'warned', 'told AFP', 'said in a statement', 'noted',
  'insisted', 'explained'];
const TOPICS = ['the ceasefire', 'the border crossing', 'gas prices', 'the new sanctions', 'the budget', 'the election',
  'the refugee talks', 'the grain deal', 'the power grid', 'the trade agreement', 'the pension reform'];
const OPENERS = ['We are ready to', 'Nobody wants to', 'It is too early to', 'Our partners must', 'The government will',
  'We cannot allow anyone to', 'There is no reason to', 'Everyone understands that we must'];
const ACTIONS = ['discuss every detail of', 'reconsider', 'support', 'defend', 'finance', 'review', 'delay', 'block'];
const ENDINGS = ['before the end of the year', 'without preconditions', 'in the coming weeks', 'at any price',
  'with our neighbours', 'as soon as possible', 'under international supervision', 'step by step'];
const NARRATIVE = [
  'Talks between the two delegations lasted more than four hours, according to people familiar with the schedule.',
  'The announcement came a day after thousands of people gathered outside parliament in the capital.',
  'Officials have repeatedly played down the risk of an escalation, pointing to the economic cost for both sides.',
  'Analysts expect the negotiations to resume next month, although no date has been set.',
  'The region has been hit by shortages of fuel and medicine since the spring, aid groups say.',
  'Markets reacted calmly, with the national currency little changed against the euro by the close of trading.',
  'Neither side released a full text of the agreement, and several points remain open.',
  'Opposition parties have called for a parliamentary inquiry into how the decision was reached.',
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];

/** A small seeded generator (mulberry32): the same options always give the same corpus. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticArticle(index: number, targetBytes: number, seed = 1): string {
  const next = random(seed * 1_000_003 + index);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const person = () => {
    const first = pick(FIRST);
    return { first, last: pick(LAST), role: pick(ROLES), country: pick(COUNTRIES), pronoun: WOMEN.has(first) ? 'she' : 'he' };
  };
  const words = () => `${pick(OPENERS)} ${pick(ACTIONS)} ${pick(TOPICS)} ${pick(ENDINGS)}`;
  const year = 2018 + Math.floor(next() * 8);
  const month = Math.floor(next() * 12);
  const day = 1 + Math.floor(next() * 28);
  const pad = (n: number) => String(n).padStart(2, '0');
  const country = pick(COUNTRIES);
  const lines: string[] = [];
  const layout = next();
  if (layout < 0.5) {
    lines.push(`# ${country} and ${pick(COUNTRIES)} Agree to Talk About ${pick(TOPICS).replace(/^the /, '')}`, '',
      `By [${pick(AGENCIES)}](#)`, '', `${MONTHS[month]} ${pad(day)}, ${year}`, '');
  } else {
    lines.push(`${country} Says It Will Not Back Down on ${pick(TOPICS).replace(/^the /, '')}`);
  }
  let body = layout >= 0.5 && layout < 0.75
    ? `${pick(CITIES)}, ${MONTHS[month].slice(0, 3)} ${day} (${pick(AGENCIES)}) – `
    : '';
  let size = lines.join('\n').length;
  let last = person();
  while (size < targetBytes) {
    const shape = next();
    let paragraph: string;
    if (shape < 0.18) {
      last = person();
      paragraph = `"${words()}," ${last.country}'s ${last.role} ${last.first} ${last.last} ${pick(CUES)} on ${pick(['Monday', 'Tuesday', 'Thursday'])}.`;
    } else if (shape < 0.3) {
      paragraph = `${last.last} ${pick(CUES)} that ${pick(TOPICS)} was "${words()}." "${words()}," ${last.pronoun} added.`;
    } else if (shape < 0.4) {
      last = person();
      paragraph = `${last.first} ${last.last}, the ${last.role}, told journalists: "${words()}. ${words()}."`;
    } else if (shape < 0.5) {
      paragraph = `"${words()}," ${last.pronoun} said. "${words()}."`;
    } else if (shape < 0.58) {
      paragraph = `${pick(ORGS)} said the proposal was "${words()}" and called for calm.`;
    } else if (shape < 0.66) {
      paragraph = `${pick(ANONYMOUS)} told ${pick(AGENCIES)} that the two sides were "${words()}".`;
    } else if (shape < 0.72) {
      paragraph = `"${words()}," the minister said, "${words()}."`;
    } else {
      paragraph = `${pick(NARRATIVE)} ${pick(NARRATIVE)}`;
    }
    body += paragraph;
    // Markdown-style scrapes separate paragraphs with a blank line, plain ones with a single line break.
    if (layout < 0.5) lines.push(body, '');
    else lines.push(body);
    body = '';
    size += paragraph.length + 1;
  }
  lines.push(`${pad(day)}.${pad(month + 1)}.${year} ${pad(Math.floor(next() * 24))}:${pad(Math.floor(next() * 60))}`);
  lines.push(`Latest news${country} Opens New Border Crossing`, `${pad(day)}.${pad(month + 1)}.${year}`);
  return lines.join('\n') + '\n';
}

/** Writes `files` articles into `dir/<folder>/`, named like scraped seeds (`NNNNN_<16 hex>.txt`). */
export function writeSyntheticCorpus(dir: string, options: CorpusOptions): Corpus {
  const folder = join(dir, options.folder ?? 'seeds');
  mkdirSync(folder, { recursive: true });
  const seed = options.seed ?? 1;
  const sizes = random(seed);
  const files: string[] = [];
  let bytes = 0;
  for (let i = 0; i < options.files; i++) {
    // Sizes spread from half to one and a half times the mean, as article lengths do.
    const text = syntheticArticle(i, Math.round(options.meanBytes * (0.5 + sizes())), seed);
    const name = `${String(i).padStart(5, '0')}_${hex16(i, seed)}.txt`;
    const path = join(folder, name);
    writeFileSync(path, text);
    files.push(path);
    bytes += Buffer.byteLength(text);
  }
  return { dir: folder, files, bytes };
}

function hex16(index: number, seed: number): string {
  const next = random(index * 7919 + seed);
  let out = '';
  for (let i = 0; i < 16; i++) out += Math.floor(next() * 16).toString(16);
  return out;
}
