// A quote that starts right after a speaker label at the head of its line belongs to the person the label
// names: a transcript turn ("MR REED: We …", "Tom Reed: We …") or a round-up line ("Jane Roe, The Daily
// Planet: “…”"). The label is both the cue (its colon) and the source. A label that names a part ("THE
// CHAIRMAN", "MODERATOR") is the person given that part before (roleLabels.ts), else, like "Q", no one.
// UTF-16 indices.
import type { Quote, Span } from '../../types';
import { innerLabels, labelAt, opensWithQuoteMark, type SpeakerLabel } from '../../article/speakerLabels';
import { isHonorific, isRoleHead, titleGender } from '../../lexicon/roles';
import { isDescriptionHead } from '../mentions/descriptions';
import type { Entity, SpeakerRegistry } from '../resolution/registry';
import type { Attribution } from './attribution';
import { quoteParagraphs } from './quoteParagraphs';
import type { Gender } from '../../lexicon/givenNames';
import { JOURNALIST_ROLES, roleLabelSpeaker } from './roleLabels';

/** Label words that name a part in the proceedings, not a person. */
const PARTS = new Set([
  'moderator',
  'interviewer',
  'witness',
  'audience',
  'announcer',
  'questioner',
  'participant',
  'caller',
  'voice',
  'narrator',
  'defendant',
  'plaintiff',
  'unidentified',
  'unknown',
  'male',
  'female',
  'crowd',
  'protesters',
  'all',
  'both',
  'several',
  'court',
  'clerk',
  'host',
  'guest',
  'panelist',
  'panellist',
  'member',
  'reporter',
  'the',
]);

/**
 * For each quote, the attribution its line's speaker label gives, or null when the quote does not start right
 * after a label naming a person. Creates the person in `registry` when no one of that name is known yet.
 */
export function labelAttributions(
  text: string,
  paragraphs: readonly { start: number; end: number }[],
  quotes: readonly Quote[],
  registry: SpeakerRegistry,
): (Attribution | null)[] {
  // The reporter asking, once they have given their name ("Q Jane Roe, Daily Planet. Will …"): their follow-ups too.
  let questioner: Entity | null = null;
  // The one a question turn last addressed by name ("Mr. Reed, when did …"): who gives the answers that follow.
  let addressee: Entity | null = null;
  // Parts whose player a label named ("CHAIR (Dana Roe):"): the later "CHAIR:" turns are theirs.
  const players = new Map<string, Entity>();
  const paragraphOf = quoteParagraphs(paragraphs, quotes);
  return quotes.map((q, i) => {
    const paragraph = paragraphOf[i];
    if (!paragraph || paragraph.start > q.start) return null;
    const label = turnLabel(text, paragraph, q.start);
    if (!label) return null;
    if (label.name !== 'A') addressee = addressedPerson(q.text, registry) ?? addressee;
    if (label.questioner) {
      // "BY MS. LANE:" on a line of its own: the counsel who asks the questions that follow.
      const examining = examiner(text, label.start, registry);
      if (examining) return { entity: examining, cue: { start: label.start, end: label.end, text: 'Q' }, source: null };
      const named = selfIntroduction(text, q.start, paragraph.end);
      if (named) {
        questioner = labelSpeaker({ ...label, name: named.text, capitals: false }, registry);
        if (questioner) registry.mention(questioner, named, 'name');
      }
      // "Our reporter Dana Fields spoke to …" before a Q-and-A: the one journalist named asks.
      questioner ??= interviewer(registry, label.start) ?? otherOfTwo(registry, label.start) ?? bylineAuthor(text, label.start, registry);
      if (!questioner) return null;
      const colon = label.end;
      return { entity: questioner, cue: { start: label.start, end: colon, text: 'Q' }, source: named };
    }
    // The colon after the label, or the full stop of a congressional transcript's label ("Mr. FELD. …").
    const colonAt = text[label.end] === '.' ? label.end : text.indexOf(':', label.end);
    if (label.name === 'A') {
      // Inferred, not named: no source span, so the confidence says so.
      const answering = addressee ?? interviewee(registry, label.start);
      return answering && { entity: answering, cue: { start: colonAt, end: colonAt + 1, text: ':' }, source: null };
    }
    // "UNIDENTIFIED MALE:", "VOICE:": the turn is heard but its speaker unknown, whatever a cue might suggest.
    if (isUnknownVoice(label)) return opensWithQuoteMark(text, q.start) ? null : { entity: null, cue: null, source: null };
    const player = playerNamed(label, registry);
    if (player) players.set(label.name.toLowerCase(), player.entity);
    const entity =
      player?.entity ??
      (isPartOnly(label) ? null : labelSpeaker(label, registry, text)) ??
      players.get(label.name.toLowerCase()) ??
      roleLabelSpeaker(label, text, q.start, registry) ??
      (isWitnessLabel(label) ? addressee : null) ??
      partOnlySpeaker(label, registry);
    if (!entity) return null;
    const source: Span = player?.source ?? { start: label.start, end: label.start + label.name.length, text: label.name };
    registry.mention(entity, source, 'name');
    return { entity, cue: { start: colonAt, end: colonAt + 1, text: text[colonAt] }, source };
  });
}

/** The label whose turn `quote` starts: the one opening the paragraph, or one where the speaker changes inside it. */
function turnLabel(text: string, paragraph: { start: number; end: number }, quote: number): SpeakerLabel | null {
  if (quote - paragraph.start > 80 && text[quote - 2] !== ':') return null;
  const label = labelAt(text, paragraph.start, paragraph.end);
  if (!label) return null;
  if (label.contentStart === quote) return label;
  if (!label.capitals || text[quote - 2] !== ':') return null;
  return innerLabels(text, label.contentStart, paragraph.end, null).find((l) => l.contentStart === quote) ?? null;
}

/** "CHAIR (Dana Roe):", "MODERATOR (Lena Ortiz):": the person a part's label names in brackets, with that name's span. */
function playerNamed(label: SpeakerLabel, registry: SpeakerRegistry): { entity: Entity; source: Span } | null {
  // Only after a part: "Dominic Asante (Rail Review):" is a columnist and the outlet.
  const m = isPartOnly(label) ? /\((\p{Lu}[\p{Ll}'’-]+(?: \p{Lu}[\p{Ll}'’-]+){1,3})\)$/u.exec(label.text) : null;
  if (!m) return null;
  const at = label.start + m.index + 1;
  const entity = labelSpeaker({ ...label, start: at, end: at + m[1].length, text: m[1], name: m[1], capitals: false }, registry);
  return entity && { entity, source: { start: at, end: at + m[1].length, text: m[1] } };
}

/** Label words that leave a voice unknown ("UNIDENTIFIED MALE:", "VOICE:"): no speaker at all. */
const UNKNOWN_VOICES = new Set(['unidentified', 'unknown', 'voice', 'voices', 'inaudible']);
/** Words that tell two holders of one part apart ("SECOND REPORTER", "WITNESS A", "MEMBER OF THE PUBLIC"). */
const PART_QUALIFIERS = new Set(['first', 'second', 'third', 'fourth', 'another', 'other', 'of', 'the', 'public', 'male', 'female']);

/**
 * "REPORTER:", "DISPATCHER:", "WITNESS B:", "MEMBER OF THE PUBLIC:" that no one named was given: the one who
 * plays the part, as an unnamed source called by the label (every turn of that label is theirs). Null for a
 * label that leaves the voice unknown, or that holds a word naming no part.
 */
function partOnlySpeaker(label: SpeakerLabel, registry: SpeakerRegistry): Entity | null {
  if (!isPartOnly(label) || isUnknownVoice(label)) return null;
  const name = sentenceCase(label.name);
  const known = registry.find(name);
  // Read from the capitals alone as a name ("WITNESS B" looks like one): it is the part, as a reader writes it.
  if (known && !/\p{Ll}/u.test(known.name)) Object.assign(known, { name, kind: 'anonymous', gender: null });
  return known ?? registry.add({ name, kind: 'anonymous', role: null, gender: null, words: [], head: null, plural: false });
}

/** A part-only label with a word that leaves the voice unknown ("UNIDENTIFIED MALE", "VOICE FROM THE FLOOR"). */
function isUnknownVoice(label: SpeakerLabel): boolean {
  return (
    isPartOnly(label) &&
    label.name
      .toLowerCase()
      .split(' ')
      .some((w) => UNKNOWN_VOICES.has(w))
  );
}

/** A label made only of words naming a part and words telling its holders apart: no name in it. */
function isPartOnly(label: SpeakerLabel): boolean {
  const words = label.name
    .toLowerCase()
    .split(' ')
    .filter((w) => w.length > 0);
  const isPart = (w: string) => PARTS.has(w) || isRoleHead(w) || isDescriptionHead(w) || UNKNOWN_VOICES.has(w);
  const isQualifier = (w: string) => PART_QUALIFIERS.has(w) || /^(?:\p{L}|#?\p{N}{1,2})$/u.test(w);
  return words.some((w) => w !== 'the' && isPart(w)) && words.every((w) => isPart(w) || isQualifier(w));
}

/** "SECOND REPORTER" -> "Second reporter", "WITNESS A" -> "Witness A": a part named as a reader writes it. */
function sentenceCase(label: string): string {
  return label
    .split(' ')
    .map((w, i) => (w.length === 1 ? w.toUpperCase() : i === 0 ? titleCase(w) : w.toLowerCase()))
    .join(' ');
}

/** "THE WITNESS": the one being questioned. */
function isWitnessLabel(label: SpeakerLabel): boolean {
  return /^(?:THE )?WITNESS$/u.test(label.name);
}

/** How far before a question its examiner's "BY MS. LANE:" line may stand. */
const EXAMINER_REACH = 4000;
/** "BY MS. LANE:", "BY MR. JON REED:" alone on its line: a court transcript's examining counsel. */
const EXAMINER_LINE = /(?:^|\n)[ \t]*BY ((?:MR|MS|MRS|MISS|DR)\.? \p{Lu}[\p{Lu}'’-]+(?: \p{Lu}[\p{Lu}'’-]+)?):[ \t]*(?=\r?\n)/gu;

/** The examining counsel of the last "BY …:" line before `at`, as a known or new person; null when none. */
function examiner(text: string, at: number, registry: SpeakerRegistry): Entity | null {
  const from = Math.max(0, at - EXAMINER_REACH);
  let last: string | null = null;
  for (const m of text.slice(from, at).matchAll(EXAMINER_LINE)) last = m[1];
  if (last === null) return null;
  return labelSpeaker({ start: 0, end: 0, text: last, contentStart: 0, capitals: true, name: last, questioner: false }, registry);
}

/** "Mr. Reed, when did …", "Dana Roe, good morning.": the known person a turn opens by addressing, or null. */
function addressedPerson(turn: string, registry: SpeakerRegistry): Entity | null {
  const m = /^(?:(?:Mr|Ms|Mrs|Miss|Dr|Professor|Senator|Judge)\.? )?(\p{Lu}\p{Ll}+(?: \p{Lu}[\p{Ll}'’-]+)?),/u.exec(turn);
  if (!m) return null;
  const words = m[1].toLowerCase().split(' ');
  const known = registry.entities.filter((e) => e.kind === 'person' && e.words.length > 0 && endsWith(e.words, words));
  return known.length === 1 ? known[0] : null;
}

/** The one person named before `before` whose role is a journalist's: who asks in a Q-and-A; null unless exactly one. */
export function interviewer(registry: SpeakerRegistry, before: number): Entity | null {
  const asking = registry.entities.filter(
    (e) => e.kind === 'person' && e.mentions.length > 0 && e.mentions[0].start < before && e.role !== null && JOURNALIST_ROLES.test(e.role),
  );
  return asking.length === 1 ? asking[0] : null;
}

/** How far into the text a byline may stand. */
const BYLINE_REACH = 600;
/** "By Hana Petrov", "By [Hana Petrov](#)": a byline naming one person (two or three capitalised words). */
const BYLINE = /^[ \t*_]*By \[?(\p{Lu}\p{Ll}+(?: \p{Lu}[\p{Ll}'’-]+){1,2})\]?(?:\(#?[^)]*\))?[ \t*_]*$/mu;
/** Words that make a byline a desk or an agency, not a person. */
const DESK_WORDS = /\b(?:Desk|Staff|Team|Reporter|Reporters|Correspondent|Editors?|News|Press)\b/u;

/** The person of a Q-and-A's byline, who asks its questions when the article names no interviewer; else null. */
export function bylineAuthor(text: string, before: number, registry: SpeakerRegistry): Entity | null {
  const m = BYLINE.exec(text.slice(0, Math.min(before, BYLINE_REACH)));
  if (!m || DESK_WORDS.test(m[1])) return null;
  const name = m[1];
  return (
    registry.find(name) ??
    registry.add({ name, kind: 'person', role: null, gender: null, words: name.toLowerCase().split(' '), head: null, plural: false })
  );
}

/**
 * "Novelist Ada Lind spoke with Hana Petrov": when exactly two people are named before the first question, the
 * one who does not answer (see `interviewee`) asks. Null otherwise.
 */
export function otherOfTwo(registry: SpeakerRegistry, before: number): Entity | null {
  const named = registry.entities.filter((e) => e.kind === 'person' && e.mentions.length > 0 && e.mentions[0].start < before);
  if (named.length !== 2) return null;
  const answering = interviewee(registry, before);
  return named.find((e) => e !== answering) ?? null;
}

/**
 * The one who answers a Q-and-A interview ("A: …"): a person named before the first answer who is not a
 * journalist by role, the most mentioned, the later introduced on a tie ("Our reporter spoke to the mayor,
 * Tomas Reyes"). Null when none is.
 */
export function interviewee(registry: SpeakerRegistry, before: number): Entity | null {
  let best: Entity | null = null;
  for (const e of registry.entities) {
    if (e.kind !== 'person' || e.mentions.length === 0 || e.mentions[0].start >= before) continue;
    if (e.role && JOURNALIST_ROLES.test(e.role)) continue;
    if (!best || e.mentions.length >= best.mentions.length) best = e;
  }
  return best;
}

/**
 * "Thanks. Jane Roe, Daily Planet. Will …": a reporter in a press transcript gives name and outlet in one of the
 * first two sentences of the question. The name: two or three capitalised words before a comma, the outlet
 * capitalised words up to a full stop.
 */
function selfIntroduction(text: string, from: number, to: number): Span | null {
  let at = from;
  for (let sentence = 0; sentence < 2 && at < to; sentence++) {
    const stop = text.indexOf('.', at);
    const end = stop === -1 || stop > to ? to : stop;
    const [name, outlet] = text
      .slice(at, end)
      .split(',', 2)
      .map((part) => part.trim());
    const words = (name ?? '').split(' ');
    const capitalised = (ws: string[]) => ws.length > 0 && ws.every((w) => /^\p{Lu}\p{L}*$/u.test(w));
    if (
      outlet !== undefined &&
      words.length >= 2 &&
      words.length <= 3 &&
      capitalised(words) &&
      capitalised(outlet.split(' ')) &&
      !outlet.includes(',')
    ) {
      const start = text.indexOf(name, at);
      return { start, end: start + name.length, text: name };
    }
    at = end + 1;
    while (at < to && text[at] === ' ') at++;
  }
  return null;
}

/** The person a label names: someone already known by that name or surname, else a new person. */
export function labelSpeaker(label: SpeakerLabel, registry: SpeakerRegistry, text?: string): Entity | null {
  const written = label.name
    .split(' ')
    .map((w) => w.replace(/\.$/u, ''))
    .filter((w) => w.length > 0);
  let gender: Gender | null = null;
  let k = 0;
  // "MS. VANCE", "JUDGE OKORO", "SECRETARY LANE": titles before the name.
  while (k < written.length - 1 && (isHonorific(written[k]) || isRoleHead(written[k]))) {
    gender ??= titleGender(written[k]);
    k++;
  }
  const words = written.slice(k).map((w) => w.toLowerCase());
  const outlet = outletLabel(label, written);
  if (outlet)
    return (
      registry.find(outlet) ??
      registry.add({ name: outlet, kind: 'organization', role: null, gender: null, words: [], head: null, plural: false })
    );
  if (words.length === 0 || PARTS.has(words[0])) return null;
  const initialled = words.length === 1 && label.capitals ? byInitials(registry, words[0]) : null;
  if (initialled) return initialled;
  let known = registry.entities.filter((e) => e.kind === 'person' && e.words.length > 0 && endsWith(e.words, words));
  // "Carla: What got you …" after "host Carla Benz": a podcast's labels may give only the first name.
  if (known.length === 0 && words.length === 1) {
    const byGiven = registry.entities.filter((e) => e.kind === 'person' && e.words.length >= 2 && e.words[0] === words[0]);
    if (byGiven.length === 1) known = byGiven;
  }
  const full = known.length === 0 && words.length === 1 && text !== undefined ? fullNameOf(text, written[k]) : null;
  if (full)
    return registry.add({
      name: full,
      kind: 'person',
      role: null,
      gender,
      words: full.toLowerCase().split(' '),
      head: null,
      plural: false,
    });
  if (known.length > 0) {
    const entity = known.reduce((a, b) => (b.mentions.length > a.mentions.length ? b : a));
    // Known only from capitalised labels ("MOORE"): show the name as a reader writes it.
    if (!/\p{Ll}/u.test(entity.name)) entity.name = entity.name.split(' ').map(titleCase).join(' ');
    return entity;
  }
  // A lone role word ("SPEAKER", "CHAIRMAN") names an office, not the person holding it.
  if (words.length === 1 && isDescriptionHead(words[0]) && k === 0) return null;
  const name = label.capitals ? written.slice(k).map(titleCase).join(' ') : written.slice(k).join(' ');
  return registry.add({ name, kind: 'person', role: null, gender, words, head: null, plural: false });
}

/**
 * A name written out at `at` (a signature after a quote, a heading above it) as the speaker: the person or outlet
 * `labelSpeaker` reads it as, mentioned there, with the span of the name. Null when it names no one.
 */
export function writtenNameSpeaker(
  name: string,
  at: number,
  line: string,
  contentStart: number,
  registry: SpeakerRegistry,
): { entity: Entity; source: Span } | null {
  const entity = labelSpeaker(
    { start: at, end: at + name.length, text: line, contentStart, capitals: false, name, questioner: false },
    registry,
  );
  if (!entity) return null;
  const source: Span = { start: at, end: at + name.length, text: name };
  registry.mention(entity, source, 'name');
  return { entity, source };
}

/** "GA: I was …" after "novelist Grete Aalto": a label of two or three letters, the initials of one known person. */
function byInitials(registry: SpeakerRegistry, label: string): Entity | null {
  if (label.length < 2 || label.length > 3 || !/^\p{L}+$/u.test(label)) return null;
  const matching = registry.entities.filter(
    (e) => e.kind === 'person' && e.words.length === label.length && e.words.every((w, i) => w[0] === label[i]),
  );
  return matching.length === 1 ? matching[0] : null;
}

/**
 * "Ivo: My grandmother …" after "chef Ivo Marek" (a name that made no speaker): the first name written with a
 * surname in the text, "Ivo Marek". A word scan of the text's first mentions, no regular expression.
 */
function fullNameOf(text: string, given: string): string | null {
  if (!/^\p{Lu}\p{Ll}+$/u.test(given)) return null;
  for (let at = text.indexOf(given + ' '); at >= 0 && at < 20_000; at = text.indexOf(given + ' ', at + 1)) {
    if (at > 0 && /[\p{L}\p{N}]/u.test(text[at - 1])) continue;
    let end = at + given.length + 1;
    if (!/\p{Lu}/u.test(text[end] ?? '')) continue;
    while (end < text.length && /[\p{L}'’-]/u.test(text[end])) end++;
    const surname = text.slice(at + given.length + 1, end);
    if (surname.length >= 2 && /\p{Ll}/u.test(surname) && text[end] !== ':') return `${given} ${surname}`;
  }
  return null;
}

/**
 * "The Daily Planet: “…”" in a round-up: a label written normally that opens with "The" and names no part in the
 * proceedings ("The witness") is a newspaper or other institution speaking as one voice.
 */
function outletLabel(label: SpeakerLabel, written: readonly string[]): string | null {
  if (label.capitals || written.length < 2 || written[0] !== 'The') return null;
  const rest = written.slice(1);
  if (!rest.every((w) => /^\p{Lu}/u.test(w)) || rest.some((w) => PARTS.has(w.toLowerCase()))) return null;
  // "The Prime Minister:", "The Chairman:": an office, played by a person (roleLabels.ts), not an outlet.
  if (isRoleHead(rest[rest.length - 1])) return null;
  return written.join(' ');
}

/** `words` ends with `tail` (a surname, or the full name). */
function endsWith(words: readonly string[], tail: readonly string[]): boolean {
  if (tail.length > words.length) return false;
  return tail.every((w, i) => words[words.length - tail.length + i] === w);
}

/** "O'NEILL-PRICE" -> "O'Neill-Price". */
function titleCase(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const prev = word[i - 1];
    out += i === 0 || prev === '-' || prev === "'" || prev === '’' ? word[i].toUpperCase() : word[i].toLowerCase();
  }
  return out;
}
