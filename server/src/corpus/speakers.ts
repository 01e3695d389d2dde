// Corpus speakers: the same person or organisation across articles as one speaker. Names are compared without case
// or accents; a file that only has a short form ("Lavrov", "Mr Lavrov") joins the one full name that form belongs
// to elsewhere; kinds stay apart; anonymous sources are never joined across files ("a source" here is not "a
// source" there); the analyst's merges and splits are applied last.
import type { SpeakerKind } from '../analysis/types';
import type { CorpusFile, CorpusFileSpeaker } from './corpusFile';
import { NO_DECISIONS, type SpeakerDecisions } from './decisions';
import { foldedWords, nameKey } from './fold';
import { UnionFind } from './unionFind';

export interface CorpusSpeakerOccurrence {
  file: string;
  speakerId: string;
}

export interface CorpusSpeaker {
  id: string;
  name: string;
  kind: SpeakerKind;
  roles: string[];
  aliases: string[];
  /** How many files quote or mention the speaker. */
  files: number;
  quotes: number;
  occurrences: CorpusSpeakerOccurrence[];
}

export interface CorpusSpeakers {
  /** Most quoted first (then most files, then name). */
  list: CorpusSpeaker[];
  /** The corpus speaker a file's speaker belongs to. */
  of(file: string, speakerId: string): CorpusSpeaker | undefined;
}

/** Courtesy titles that may precede a short form ("Mr Lavrov"); roles like "Minister" stay the file's business. */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'dame', 'mme', 'mlle', 'herr', 'frau']);

interface Node {
  fileIndex: number;
  speaker: CorpusFileSpeaker;
  key: string;
  /** 0, or 1 + the index of the split entry that claims this node. */
  wall: number;
}

export function corpusSpeakers(files: readonly CorpusFile[], decisions: SpeakerDecisions = NO_DECISIONS): CorpusSpeakers {
  const nodes: Node[] = [];
  for (let f = 0; f < files.length; f++) {
    for (const speaker of files[f].speakers) {
      nodes.push({ fileIndex: f, speaker, key: nameKey(speaker.name), wall: wallOf(files[f].file, speaker, decisions) });
    }
  }
  const sets = new UnionFind(nodes.length);
  joinSameNames(nodes, sets);
  joinShortForms(nodes, sets);
  applyMerges(nodes, sets, decisions);

  const list: CorpusSpeaker[] = [];
  const byNode = new Map<string, CorpusSpeaker>();
  for (const members of sets.groups().values()) {
    const speaker = describe(members.map((i) => nodes[i]), files);
    list.push(speaker);
    for (const i of members) byNode.set(nodeId(files[nodes[i].fileIndex].file, nodes[i].speaker.id), speaker);
  }
  list.sort((a, b) => b.quotes - a.quotes || b.files - a.files || a.name.localeCompare(b.name) || a.kind.localeCompare(b.kind));
  assignIds(list);
  return { list, of: (file, speakerId) => byNode.get(nodeId(file, speakerId)) };
}

function nodeId(file: string, speakerId: string): string {
  return `${speakerId}\u0000${file}`;
}

function wallOf(file: string, speaker: CorpusFileSpeaker, decisions: SpeakerDecisions): number {
  if (decisions.split.length === 0) return 0;
  const keys = new Set([speaker.name, ...speaker.aliases].map(nameKey));
  const index = decisions.split.findIndex((s) => s.files.includes(file) && keys.has(nameKey(s.name)));
  return index + 1;
}

/** Same kind, same folded name, same side of every split wall. Anonymous sources stay one per file. */
function joinSameNames(nodes: readonly Node[], sets: UnionFind): void {
  const first = new Map<string, number>();
  nodes.forEach((node, i) => {
    if (node.speaker.kind === 'anonymous' || node.key === '') return;
    const group = `${node.wall}|${node.speaker.kind}|${node.key}`;
    const seen = first.get(group);
    if (seen === undefined) first.set(group, i);
    else sets.union(seen, i);
  });
}

/**
 * A speaker known in its file only by a short form joins the full name that form belongs to in other files — its
 * surname or one of its aliases — when exactly one full name of that kind claims it.
 */
function joinShortForms(nodes: readonly Node[], sets: UnionFind): void {
  const claims = new Map<string, Set<number>>();
  const claim = (form: string, node: Node, root: number) => {
    const key = `${node.wall}|${node.speaker.kind}|${form}`;
    const roots = claims.get(key) ?? new Set<number>();
    roots.add(root);
    claims.set(key, roots);
  };
  const isFull = (node: Node) => node.speaker.kind !== 'anonymous' && node.key.includes(' ') && !hasHonorific(node.speaker.name);
  nodes.forEach((node, i) => {
    if (!isFull(node)) return;
    const root = sets.find(i);
    if (node.speaker.kind === 'person') claim(node.key.slice(node.key.lastIndexOf(' ') + 1), node, root);
    for (const alias of node.speaker.aliases) if (isProperForm(alias)) claim(shortForm(alias), node, root);
  });
  nodes.forEach((node, i) => {
    if (node.speaker.kind === 'anonymous' || isFull(node) || !isProperForm(node.speaker.name)) return;
    const roots = claims.get(`${node.wall}|${node.speaker.kind}|${shortForm(node.speaker.name)}`);
    if (!roots) return;
    const distinct = new Set([...roots].map((r) => sets.find(r)));
    if (distinct.size === 1) sets.union(i, [...distinct][0]);
  });
}

/** A capitalised form names someone; "the minister" or "he" could be anyone in another article. */
function isProperForm(form: string): boolean {
  return /^\p{Lu}/u.test(form.trim());
}

function shortForm(name: string): string {
  const words = nameKey(name).split(' ');
  while (words.length > 1 && HONORIFICS.has(words[0])) words.shift();
  return words.join(' ');
}

function hasHonorific(name: string): boolean {
  const words = nameKey(name).split(' ');
  return words.length > 1 && HONORIFICS.has(words[0]);
}

/** Each merge list joins the groups of every speaker it names, on each side of a split wall separately. */
function applyMerges(nodes: readonly Node[], sets: UnionFind, decisions: SpeakerDecisions): void {
  for (const names of decisions.merge) {
    const keys = new Set(names.map(nameKey));
    const firstByWall = new Map<number, number>();
    nodes.forEach((node, i) => {
      if (!keys.has(node.key)) return;
      const first = firstByWall.get(node.wall);
      if (first === undefined) firstByWall.set(node.wall, i);
      else sets.union(first, i);
    });
  }
}

const KIND_ORDER: SpeakerKind[] = ['person', 'organization', 'anonymous'];

function describe(members: readonly Node[], files: readonly CorpusFile[]): CorpusSpeaker {
  const filesOfName = new Map<string, Set<number>>();
  const kinds = new Map<SpeakerKind, number>();
  const roles = new Map<string, string>();
  const forms: string[] = [];
  const occurrences: CorpusSpeakerOccurrence[] = [];
  const fileSet = new Set<number>();
  let quotes = 0;
  for (const node of members) {
    const { speaker, fileIndex } = node;
    const file = files[fileIndex];
    const names = filesOfName.get(speaker.name) ?? new Set<number>();
    names.add(fileIndex);
    filesOfName.set(speaker.name, names);
    kinds.set(speaker.kind, (kinds.get(speaker.kind) ?? 0) + 1);
    if (speaker.role && !roles.has(nameKey(speaker.role))) roles.set(nameKey(speaker.role), speaker.role);
    forms.push(speaker.name, ...speaker.aliases);
    occurrences.push({ file: file.file, speakerId: speaker.id });
    fileSet.add(fileIndex);
    quotes += file.quotes.filter((q) => q.speakerId === speaker.id).length;
  }
  const name = [...filesOfName.entries()].sort(([a, fa], [b, fb]) =>
    fullness(b) - fullness(a) || shouted(a) - shouted(b) || fb.size - fa.size || marks(b) - marks(a) || a.localeCompare(b))[0][0];
  const kind = KIND_ORDER.reduce((best, k) => ((kinds.get(k) ?? 0) > (kinds.get(best) ?? 0) ? k : best), members[0].speaker.kind);
  return {
    id: '',
    name,
    kind,
    roles: [...roles.values()],
    aliases: [...new Set(forms)].filter((f) => f !== name),
    files: fileSet.size,
    quotes,
    occurrences,
  };
}

/** Words of the name itself, without a courtesy title; a title form is never preferred over the bare name. */
function fullness(name: string): number {
  return shortForm(name).split(' ').length * 2 - (hasHonorific(name) ? 1 : 0);
}

/** 1 for a name in capitals ("MEVLUT CAVUSOGLU", a scraped heading style), which is never the preferred spelling. */
function shouted(name: string): number {
  return name === name.toUpperCase() && name !== name.toLowerCase() ? 1 : 0;
}

/** Letters carrying accents: between two spellings the accented one is the name as its bearer writes it. */
function marks(name: string): number {
  return [...name].filter((c) => c.normalize('NFKD') !== c || c.charCodeAt(0) > 0x7f).length;
}

/** Ids from the name (`person:sergei-lavrov`), made unique in list order. */
function assignIds(list: CorpusSpeaker[]): void {
  const used = new Set<string>();
  for (const speaker of list) {
    const base = `${speaker.kind}:${nameKey(speaker.name).replace(/ /g, '-') || 'unnamed'}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    speaker.id = id;
  }
}
