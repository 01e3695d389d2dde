// Speaker labels that open a line: a transcript turn ("MS. VANCE: We will …", "Tom Reed: I think …",
// "Q Will you …") and a round-up line ("**Jane Roe, The Daily Planet:** “…”"). A hand-written scanner (no
// regular expression), linear in the line. UTF-16 indices. Part of the article model: the layout keeps a transcript's
// closing turns in the body, and the quotes layer reads the turns' words as quotes.
import { isHonorific, isRoleHead } from '../lexicon/roles';
import { isUnambiguousCueVerb } from '../lexicon/cueVerbs';
import { NAME_RUN_PARTICLES } from '../lexicon/functionWords';
import { charClass, LETTER, NUMBER } from './chars';
import { periodLabelAt } from './periodLabels';

export interface SpeakerLabel {
  /** The label as written, without markdown or the colon ("MS. VANCE", "Jane Roe, The Daily Planet"). */
  start: number;
  end: number;
  text: string;
  /** Where the words after the label begin (past the colon, markdown and spaces). */
  contentStart: number;
  /** Written in capitals ("MODERATOR", "MR REED"), the way transcripts set speaker labels. */
  capitals: boolean;
  /** The name part: the label up to its first comma ("Jane Roe" of "Jane Roe, The Daily Planet"). */
  name: string;
  /** "Q": the questioner of a press transcript, a label with no name. */
  questioner: boolean;
}

/** How far into a line the colon of a label may stand. */
const MAX_LABEL = 64;
/** Words of the name part at most ("MR JUSTICE ALAN REED"). */
const MAX_NAME_WORDS = 4;
/** Lines that open with a label of a page, not of a person ("Update:", "Photo:", "Editor's note:"). */
const NOT_SPEAKERS = new Set([
  'update',
  'updated',
  'note',
  'editor',
  "editor's",
  'editors',
  'correction',
  'clarification',
  'photo',
  'photos',
  'video',
  'source',
  'sources',
  'read',
  'watch',
  'listen',
  'related',
  'breaking',
  'live',
  'latest',
  'credit',
  'image',
  'caption',
  'warning',
  'disclaimer',
  'transcript',
  'subject',
  'from',
  'to',
  'cc',
  // "In Washington:", "At the Lamp:": a preposition opens a place or an outlet, not a person's name.
  'in',
  'at',
  'on',
  'for',
  'with',
  'after',
  'elsewhere',
  'meanwhile',
  // "Later, Reese added: “…”": a sentence adverb and its comma open prose, not "Name, Outlet:".
  'later',
  'earlier',
  'then',
  'afterwards',
  'afterward',
  'finally',
  'still',
  'again',
  'instead',
  'separately',
  'yesterday',
  'today',
  'tonight',
  'now',
  'however',
  'moreover',
  'indeed',
  'previously',
  'date',
  'sent',
  're',
  'tags',
  'topics',
  'share',
  'more',
  'see',
  'also',
  'background',
  'context',
  'analysis',
  'opinion',
  'summary',
  'q',
  'a',
  'question',
  'answer',
  'step',
  'tip',
  'rule',
  'day',
  'part',
  'chapter',
  'round',
  'location',
  'where',
  'when',
  'what',
  'why',
  'how',
  'who',
  'verdict',
  'bottom',
  'line',
  'pros',
  'cons',
  'price',
  'rating',
  'score',
]);
/** * _ > # - and the space: what may stand around a label. */
const isMarkdownOrSpace = (c: number): boolean => c === 42 || c === 95 || c === 62 || c === 35 || c === 45 || c === 32;

/** The speaker label opening the line [lineStart, lineEnd), or null. */
export function labelAt(text: string, lineStart: number, lineEnd: number): SpeakerLabel | null {
  let i = lineStart;
  while (i < lineEnd && i < lineStart + 6 && isMarkdownOrSpace(text.charCodeAt(i))) i++;
  i = afterTimeStamp(text, i, lineEnd);
  const start = i;
  // "Q Will the …": a press transcript's questioner, with or without a colon.
  if (text[i] === 'Q' && (text[i + 1] === ' ' || text[i + 1] === ':' || text[i + 1] === '.')) {
    let c = i + 1;
    while (c < lineEnd && (text[c] === ':' || text[c] === '.' || text[c] === ' ')) c++;
    if (c < lineEnd && /\p{Lu}/u.test(text[c])) {
      return { start, end: i + 1, text: 'Q', contentStart: c, capitals: true, name: 'Q', questioner: true };
    }
    return null;
  }
  // "A: Because the engineers …": the answer of a Q-and-A interview, its speaker the one interviewed.
  // "A. In a text message …": a court transcript writes both labels with a full stop.
  if (text[i] === 'A' && (text[i + 1] === ':' || text[i + 1] === '.') && text[i + 2] === ' ' && /\p{Lu}/u.test(text[i + 3] ?? '')) {
    return { start, end: i + 1, text: 'A', contentStart: i + 3, capitals: true, name: 'A', questioner: false };
  }
  // "Mr. FELD. Thank you.": a congressional transcript closes its labels with a full stop.
  const period = periodLabelAt(text, i, lineEnd);
  if (period) return { ...period, start, end: start + period.text.length, capitals: true, questioner: false };
  let colon = -1;
  for (let k = i; k < Math.min(lineEnd, i + MAX_LABEL); k++) {
    const c = text.charCodeAt(k);
    if (c === 58 && !inBrackets(text, k, i)) {
      colon = k;
      break;
    }
    // Digits (a time "3:40"), sentence ends and quote marks mean prose, not a label; a full stop may close an
    // abbreviation ("MS.", "Dr.").
    if (c === 40 || c === 41 ? !bracketAfterName(text, k, i) : endsLabelSearch(c) && !inBrackets(text, k, i)) return null;
    // "(D-Ore.)": a full stop inside the label's bracket is part of its note.
    if (c === 46 && !(k + 1 < lineEnd && text.charCodeAt(k + 1) === 32 && shortWordBefore(text, k, i)) && !inBrackets(text, k, i))
      return null;
  }
  if (colon <= i) return null;
  let end = colon;
  while (end > start && isMarkdownOrSpace(text.charCodeAt(end - 1))) end--;
  let c = colon + 1;
  while (c < lineEnd && (text[c] === '*' || text[c] === '_')) c++;
  if (c >= lineEnd || text[c] !== ' ') return null;
  while (c < lineEnd && text[c] === ' ') c++;
  if (c >= lineEnd) return null;
  const labelText = text.slice(start, end);
  // "Another, Maria Lind, said:": a reporting verb makes the words before the colon a sentence, not a label.
  if (reportsSpeech(labelText)) return null;
  const comma = labelText.indexOf(',');
  // "**Jane Roe**, The Daily Planet", "The Daily Planet (three stars)": the name stops at its bold mark or bracket.
  const name = nameOfLabel(comma === -1 ? labelText : labelText.slice(0, comma));
  const words = name.split(' ').filter((w) => w.length > 0);
  if (words.length === 0 || words.length > MAX_NAME_WORDS) return null;
  // "Il Corriere del Nord", "Ana de la Torre": particles inside a name stay lower case.
  const inner = (w: string, k: number) => k > 0 && k < words.length - 1 && NAME_RUN_PARTICLES.has(w);
  if (!words.every((w, k) => /^\p{Lu}/u.test(w) || inner(w, k))) return null;
  if (words.length === 1 && NOT_SPEAKERS.has(words[0].toLowerCase())) return null;
  if (NOT_SPEAKERS.has(words[0].toLowerCase()) && !isRoleHead(words[0])) return null;
  const capitals = capitalsLabel(words);
  return { start, end, text: labelText, contentStart: c, capitals, name, questioner: false };
}

/**
 * A label in capitals ("MODERATOR", "MR REED"), the way transcripts set speaker labels; a title written normally
 * before a surname in capitals ("Sen. RUDD", "Judge OKORO") is still that style.
 */
function capitalsLabel(words: readonly string[]): boolean {
  let k = 0;
  while (
    k < words.length - 1 &&
    /^\p{Lu}\p{Ll}+\.?$/u.test(words[k]) &&
    (isHonorific(words[k].replace(/\.$/u, '')) || isRoleHead(words[k].replace(/\.$/u, '')))
  )
    k++;
  const rest = words.slice(k).join(' ');
  return rest.length > 0 && !/\p{Ll}/u.test(rest);
}

/** A chat log's time stamp before the label ("[19:20] Leo Grant: …"): where the label starts after it. */
function afterTimeStamp(text: string, i: number, lineEnd: number): number {
  if (text[i] !== '[') return i;
  const close = text.indexOf(']', i);
  if (close < 0 || close > i + 12 || close + 1 >= lineEnd || text[close + 1] !== ' ') return i;
  return /^\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?$/i.test(text.slice(i + 1, close)) ? close + 2 : i;
}

/** Some word of `label` is a finite reporting verb that is no noun as well ("said", "told", "wrote"). */
function reportsSpeech(label: string): boolean {
  for (const word of label.split(/[^\p{L}'’-]+/u)) {
    if (word.length > 2 && !word.endsWith('ing') && /^\p{Ll}/u.test(word) && isUnambiguousCueVerb(word)) return true;
  }
  return false;
}

/** The name part of a label: up to a bracket, without markdown emphasis around it. */
function nameOfLabel(part: string): string {
  const bracket = part.indexOf('(');
  const name = bracket === -1 ? part : part.slice(0, bracket);
  return name.replace(/[*_]+/g, '').trim();
}

/** A bracket in a label follows a name and holds a short note ("Jane Roe (The Daily Planet):", "(three stars)"). */
function bracketAfterName(text: string, k: number, floor: number): boolean {
  if (text.charCodeAt(k) === 41) return lastBefore(text, 40, k, floor) !== -1;
  return k > floor + 1 && text.charCodeAt(k - 1) === 32 && lastCloseOf(text) > k;
}

/** Inside a bracket of the label, digits and the like are part of the note ("(4 stars)"). */
function inBrackets(text: string, k: number, floor: number): boolean {
  const open = lastBefore(text, 40, k, floor);
  return open !== -1 && lastBefore(text, 41, k, open) === -1;
}

/** The last index in [floor, at] holding the unit `code`, or -1: a search that never leaves the label. */
function lastBefore(text: string, code: number, at: number, floor: number): number {
  for (let i = at; i >= floor; i--) if (text.charCodeAt(i) === code) return i;
  return -1;
}

/** The text's last ")", looked for once per text (the labels of one text are read in a row). */
let lastClose: { text: string; at: number } | null = null;
function lastCloseOf(text: string): number {
  if (lastClose === null || lastClose.text !== text) lastClose = { text, at: text.lastIndexOf(')') };
  return lastClose.at;
}

const PROSE_MARKS = '!?;"“”«»„()[]';
/** ASCII digits and the ASCII prose marks, by code. */
const ENDS_ASCII = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ENDS_ASCII[c] = 1;
for (const ch of PROSE_MARKS) if (ch.charCodeAt(0) < 128) ENDS_ASCII[ch.charCodeAt(0)] = 1;

/** A digit, a sentence end or a quote mark (ASCII by code, other numerals by their Unicode class). */
function endsLabelSearch(c: number): boolean {
  if (c < 128) return ENDS_ASCII[c] === 1;
  return c === 0x201c || c === 0x201d || c === 0xab || c === 0xbb || c === 0x201e || (charClass(c) & NUMBER) !== 0;
}

/** A full stop at `dot` closes a word of at most four letters ("MS", "Dr", "Jr"): an abbreviation. */
function shortWordBefore(text: string, dot: number, floor: number): boolean {
  let k = dot;
  while (k > floor && (charClass(text.charCodeAt(k - 1)) & LETTER) !== 0) k--;
  const length = dot - k;
  return length >= 1 && length <= 4 && (k === floor || text[k - 1] === ' ');
}

/** Whether the character at `i` opens a quotation (the line is a quote with a label, not a bare turn). */
export function opensWithQuoteMark(text: string, i: number): boolean {
  return '“"«„‘\''.includes(text[i] ?? '');
}

/**
 * The labelled turns of a transcript among `lines`: a line opening with a speaker label whose words carry no
 * quote marks of their own. A transcript has a dialogue: at least three such lines, from at least two labels,
 * one of them (by its last word) speaking twice, all in one style (capitals, or names written normally). Otherwise nothing, so a
 * lone "Note: …" or "Washington: …" line is never a turn.
 */
export function transcriptTurns(text: string, lines: readonly { start: number; end: number }[]): Map<number, SpeakerLabel> {
  const byStyle = [new Map<number, SpeakerLabel>(), new Map<number, SpeakerLabel>()];
  lines.forEach((line, k) => {
    const label = labelAt(text, line.start, line.end);
    if (!label || opensWithQuoteMark(text, label.contentStart)) return;
    // A normally written label is a person's name: at most three words, with no comma and outlet.
    if (!label.capitals && (label.name.split(' ').length > 3 || label.text.replace(/\s*\([^()]*\)$/, '') !== label.name)) return;
    byStyle[label.capitals ? 0 : 1].set(k, label);
  });
  for (const turns of byStyle) {
    const counts = new Map<string, number>();
    // "GRETA NYGAARD:" first, "NYGAARD:" after: one voice, known by its last word.
    for (const label of turns.values()) {
      if (label.questioner) continue;
      const key = label.name.slice(label.name.lastIndexOf(' ') + 1).toLowerCase();
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const repeated = [...counts.values()].some((n) => n >= 2);
    const voices = counts.size + ([...turns.values()].some((l) => l.questioner) ? 1 : 0);
    if (turns.size >= 3 && voices >= 2 && repeated) return withOtherStyle(turns, byStyle[turns === byStyle[0] ? 1 : 0], counts);
  }
  return new Map();
}

/** "Tobias Wren: Last question." among "WREN:" turns: a label of the other style whose voice already has turns. */
function withOtherStyle(
  turns: Map<number, SpeakerLabel>,
  other: ReadonlyMap<number, SpeakerLabel>,
  voices: ReadonlyMap<string, number>,
): Map<number, SpeakerLabel> {
  for (const [k, label] of other) if (!label.questioner && voices.has(voiceKey(label))) turns.set(k, label);
  return turns;
}

/** The last word of a label's name, lower case: how one voice is known across its turns ("GRETA NYGAARD", "NYGAARD"). */
export function voiceKey(label: SpeakerLabel): string {
  return label.name.slice(label.name.lastIndexOf(' ') + 1).toLowerCase();
}

/**
 * Labels inside a turn where the speaker changes mid-paragraph ("… it had not checked? MR. REED: That is fair."):
 * after a sentence end, a capitals label of a voice that has turns of its own (`voices`, by `voiceKey`; null: any
 * voice, for a turn the quote scanner already split). In order.
 */
export function innerLabels(text: string, from: number, to: number, voices: ReadonlySet<string> | null): SpeakerLabel[] {
  const out: SpeakerLabel[] = [];
  for (let k = text.indexOf(': ', from); k >= 0 && k < to; k = text.indexOf(': ', k + 2)) {
    // Back over the label's words (capitalised, "MR.", "Sen.") to the space after a sentence end.
    let start = k;
    for (let words = 0; words < MAX_NAME_WORDS; words++) {
      const space = text.lastIndexOf(' ', start - 1);
      if (space < from || !/^\p{Lu}[\p{L}.'’-]*$/u.test(text.slice(space + 1, start))) break;
      start = space + 1;
      // Go on only while the word before is in capitals too ("MR." of "MR. REED").
      const last = text[space - 1] ?? '';
      if (!/\p{Lu}/u.test(last === '.' ? (text[space - 2] ?? '') : last)) break;
      start = space;
    }
    while (text[start] === ' ') start++;
    if (start <= from + 1 || !'.?!'.includes(text[start - 2] ?? '') || text[start - 1] !== ' ') continue;
    const label = labelAt(text, start, to);
    if (label && label.capitals && !label.questioner && label.name !== 'A' && (voices === null || voices.has(voiceKey(label))))
      out.push(label);
  }
  return out;
}
