// Corpus speakers: the same person or organization across articles as one speaker. Names are compared without case
// or accents; a file that only has a short form ("Lavrov", "Mr Lavrov") joins the one full name that form belongs
// to elsewhere; kinds stay apart; anonymous sources are never joined across files ("a source" here is not "a
// source" there); the analyst's merges and splits are applied last.
import type { SpeakerKind } from '../analysis/types';
import type { CorpusFile, CorpusFileSpeaker } from './corpusFile';
import { NO_DECISIONS, type SpeakerDecisions } from './decisions';
import { nameKey } from './fold';
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
  /** The folded name, and what the joins need to know of it. */
  name: NameForms;
  key: string;
  /** 0, or 1 + the index of the split entry that claims this node. */
  wall: number;
  /** Kind and wall: nodes are only ever joined automatically within one scope. */
  scope: string;
}

interface NameForms {
  key: string;
  /** Without a leading courtesy title ("mr lavrov" → "lavrov"). */
  short: string;
  honorific: boolean;
  /** Capitalised: a name, not "the minister". */
  proper: boolean;
}

/** Names repeat across thousands of files: each is analyzed once (the memo is dropped when it grows large). */
const formsMemo = new Map<string, NameForms>();

function formsOf(name: string): NameForms {
  let forms = formsMemo.get(name);
  if (!forms) {
    if (formsMemo.size >= 100_000) formsMemo.clear();
    const key = nameKey(name);
    const words = key.split(' ');
    const honorific = words.length > 1 && HONORIFICS.has(words[0]);
    while (words.length > 1 && HONORIFICS.has(words[0])) words.shift();
    forms = { key, short: words.join(' '), honorific, proper: /^\p{Lu}/u.test(name.trim()) };
    formsMemo.set(name, forms);
  }
  return forms;
}

/** One string per (wall, kind), shared by every node in it. */
const scopes = new Map<string, string>();
function scopeOf(wall: number, kind: SpeakerKind): string {
  const raw = `${wall}|${kind}`;
  let scope = scopes.get(raw);
  if (scope === undefined) scopes.set(raw, (scope = raw));
  return scope;
}

/** A map of maps: lookups by (scope, key) without building a joined key string for every node. */
class ScopedMap<T> {
  private readonly outer = new Map<string, Map<string, T>>();
  get(scope: string, key: string): T | undefined {
    return this.outer.get(scope)?.get(key);
  }
  set(scope: string, key: string, value: T): void {
    let inner = this.outer.get(scope);
    if (!inner) this.outer.set(scope, (inner = new Map<string, T>()));
    inner.set(key, value);
  }
}

export function corpusSpeakers(files: readonly CorpusFile[], decisions: SpeakerDecisions = NO_DECISIONS): CorpusSpeakers {
  const nodes: Node[] = [];
  for (let f = 0; f < files.length; f++) {
    for (const speaker of files[f].speakers) {
      const name = formsOf(speaker.name);
      const wall = wallOf(files[f].file, speaker, decisions);
      nodes.push({ fileIndex: f, speaker, name, key: name.key, wall, scope: scopeOf(wall, speaker.kind) });
    }
  }
  const sets = new UnionFind(nodes.length);
  joinSameNames(nodes, sets);
  joinShortForms(nodes, sets);
  applyMerges(nodes, sets, decisions);

  const list: CorpusSpeaker[] = [];
  const byNode = new ScopedMap<CorpusSpeaker>();
  for (const members of sets.groups().values()) {
    const speaker = describe(
      members.map((i) => nodes[i]),
      files,
    );
    list.push(speaker);
    for (const i of members) byNode.set(files[nodes[i].fileIndex].file, nodes[i].speaker.id, speaker);
  }
  list.sort((a, b) => b.quotes - a.quotes || b.files - a.files || a.name.localeCompare(b.name) || a.kind.localeCompare(b.kind));
  assignIds(list);
  return { list, of: (file, speakerId) => byNode.get(file, speakerId) };
}

function wallOf(file: string, speaker: CorpusFileSpeaker, decisions: SpeakerDecisions): number {
  if (decisions.split.length === 0) return 0;
  const keys = new Set([speaker.name, ...speaker.aliases].map(nameKey));
  const index = decisions.split.findIndex((s) => s.files.includes(file) && keys.has(nameKey(s.name)));
  return index + 1;
}

/** Same kind, same folded name, same side of every split wall. Anonymous sources stay one per file. */
function joinSameNames(nodes: readonly Node[], sets: UnionFind): void {
  const first = new ScopedMap<number>();
  nodes.forEach((node, i) => {
    if (node.speaker.kind === 'anonymous' || node.key === '') return;
    const seen = first.get(node.scope, node.key);
    if (seen === undefined) first.set(node.scope, node.key, i);
    else sets.union(seen, i);
  });
}

/**
 * A speaker known in its file only by a short form joins the full name that form belongs to in other files — its
 * surname or one of its aliases — when exactly one full name of that kind claims it.
 */
function joinShortForms(nodes: readonly Node[], sets: UnionFind): void {
  const claims = new ScopedMap<Set<number>>();
  const claim = (form: string, node: Node, root: number) => {
    const roots = claims.get(node.scope, form) ?? new Set<number>();
    roots.add(root);
    claims.set(node.scope, form, roots);
  };
  const isFull = (node: Node) => node.speaker.kind !== 'anonymous' && node.key.includes(' ') && !node.name.honorific;
  nodes.forEach((node, i) => {
    if (!isFull(node)) return;
    const root = sets.find(i);
    if (node.speaker.kind === 'person') claim(node.key.slice(node.key.lastIndexOf(' ') + 1), node, root);
    for (const alias of node.speaker.aliases) {
      // A capitalised form names someone; "the minister" or "he" could be anyone in another article.
      const forms = formsOf(alias);
      if (forms.proper) claim(forms.short, node, root);
    }
  });
  nodes.forEach((node, i) => {
    if (node.speaker.kind === 'anonymous' || isFull(node) || !node.name.proper) return;
    const roots = claims.get(node.scope, node.name.short);
    if (!roots) return;
    const distinct = new Set([...roots].map((r) => sets.find(r)));
    if (distinct.size === 1) sets.union(i, [...distinct][0]);
  });
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
    quotes += quoteCountsOf(file).get(speaker.id) ?? 0;
  }
  const name = [...filesOfName.entries()].sort(
    ([a, fa], [b, fb]) =>
      fullness(b) - fullness(a) || shouted(a) - shouted(b) || fb.size - fa.size || marks(b) - marks(a) || a.localeCompare(b),
  )[0][0];
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

/** Quotes per speaker id of one file, counted once per file (a file's every speaker asks). */
const quoteCounts = new WeakMap<CorpusFile, Map<string, number>>();
export function quoteCountsOf(file: CorpusFile): Map<string, number> {
  let counts = quoteCounts.get(file);
  if (!counts) {
    counts = new Map();
    for (const quote of file.quotes) if (quote.speakerId !== null) counts.set(quote.speakerId, (counts.get(quote.speakerId) ?? 0) + 1);
    quoteCounts.set(file, counts);
  }
  return counts;
}

/** Words of the name itself, without a courtesy title; a title form is never preferred over the bare name. */
function fullness(name: string): number {
  const forms = formsOf(name);
  return forms.short.split(' ').length * 2 - (forms.honorific ? 1 : 0);
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
  // Where each base's search for a free suffix stopped: thousands of unjoined "a source" would otherwise each
  // retry every suffix taken before them. Resuming there finds the same id, since taken ids stay taken.
  const nextSuffix = new Map<string, number>();
  for (const speaker of list) {
    const base = `${speaker.kind}:${nameKey(speaker.name).replace(/ /g, '-') || 'unnamed'}`;
    let id = base;
    if (used.has(id)) {
      let n = nextSuffix.get(base) ?? 2;
      for (id = `${base}-${n}`; used.has(id);) id = `${base}-${++n}`;
      nextSuffix.set(base, n + 1);
    }
    used.add(id);
    speaker.id = id;
  }
}
