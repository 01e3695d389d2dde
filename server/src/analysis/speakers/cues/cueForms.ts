// Cue forms real reporting uses that the verb list alone does not catch: a naming verb with its object before a
// partial quote ("calls it “a lifeline”", "called the plan “a gamble”"), a passive record of speech ("she is
// recorded as saying", "he was heard as saying"), and an infinitive that only continues the clause's own cue
// ("she advises parents to ask “…”", where the cue is "advises").
import type { Token } from '../tokens';
import { cueVerbForm, SPEECH_NOUNS } from '../../lexicon/cueVerbs';
import type { PronounKind } from '../mentions/descriptions';
import { isPossessive } from '../tokenText';
import { isRoleHead } from '../../lexicon/roles';

/** Naming verbs: their object is what the quoted words name. */
const NAMING = new Set(['call', 'describe', 'label', 'brand', 'term', 'dub']);
/** What a naming verb's object opens with ("calls it", "called the plan", "branded them"). */
const OBJECT_OPENERS = new Set([
  'it',
  'him',
  'her',
  'them',
  'this',
  'that',
  'these',
  'those',
  'the',
  'his',
  'its',
  'their',
  'our',
  'my',
  'your',
  'a',
  'an',
]);
/** Words between the verb and the quote: a short object. */
const MAX_OBJECT = 5;

/** "calls it “…”", "called the new plan “…”": the verb at `i` names an object, and a quote follows it at once. */
export function namesItsObject(tokens: Token[], i: number): boolean {
  const form = cueVerbForm(tokens[i].lower);
  if (form === null || !NAMING.has(form) || !OBJECT_OPENERS.has(tokens[i + 1]?.lower ?? '')) return false;
  for (let k = i + 2; k <= i + 1 + MAX_OBJECT && k < tokens.length; k++) {
    const t = tokens[k];
    if (t.sentence !== tokens[i].sentence) return false;
    if (t.quote >= 0) return true;
    if (t.kind === 'punct' && t.text !== '-' && t.text !== '’s' && t.text !== "'s") return false;
  }
  return false;
}

/**
 * Verbs of remembering, hearing or showing, whose object is then heard speaking ("recalled his father telling him:
 * “…”", "emails show Roe writing to a vendor: “…”", "a video captured him shouting “…”").
 */
const HEARING = new Set([
  'show',
  'shows',
  'showed',
  'shown',
  'reveal',
  'reveals',
  'revealed',
  'capture',
  'captures',
  'captured',
  'caught',
  'film',
  'films',
  'filmed',
  'see',
  'sees',
  'saw',
  'watched',
  'recall',
  'recalls',
  'recalled',
  'recalling',
  'remember',
  'remembers',
  'remembered',
  'remembering',
  'hear',
  'hears',
  'heard',
  'hearing',
  'overheard',
]);
/** Words between the hearing verb and the one heard: a name or a short noun phrase. */
const MAX_HEARD = 4;

/**
 * "Lane recalled his father telling him: “…”", "she remembers Roe saying “…”": the "-ing" speech verb at `i`
 * reports the words of the object of a verb of remembering or hearing just before it. Returns the index of that
 * verb, or -1. The object, not the one who remembers, is the speaker.
 */
export function heardSaying(tokens: Token[], i: number): number {
  const t = tokens[i];
  if (!t.lower.endsWith('ing') || cueVerbForm(t.lower) === null) return -1;
  for (let k = i - 1; k >= Math.max(0, i - 1 - MAX_HEARD); k--) {
    const w = tokens[k];
    if (w.sentence !== t.sentence || w.quote >= 0) return -1;
    if (w.kind === 'punct' && !isPossessive(w)) return -1;
    if (k < i - 1 && HEARING.has(w.lower)) {
      const object = tokens[k + 1];
      return object.cap || OBJECT_OPENERS.has(object.lower) || isRoleHead(object.text) ? k : -1;
    }
  }
  return -1;
}

/** Participles of a passive record of speech: "is recorded as saying", "was heard as saying". */
const RECORDS = new Set(['recorded', 'heard', 'reported', 'minuted', 'overheard', 'filmed', 'remembered']);
const BE = new Set(['is', 'was', 'are', 'were', 'been', 'being', 'be']);

/** Token `k` is a passive record participle after a form of "be" ("she is recorded as saying"). */
export function isPassiveRecord(tokens: Token[], k: number): boolean {
  return RECORDS.has(tokens[k].lower) && BE.has(tokens[k - 1]?.lower ?? '') && tokens[k + 1]?.lower === 'as';
}

/** An infinitive cue ("to ask") within a few words after the previous cue of its sentence ("advises parents"). */
export function governedInfinitive(
  tokens: Token[],
  i: number,
  previous: { verb: number; end: number; colon?: boolean; according: boolean } | undefined,
): boolean {
  if (tokens[i - 1]?.lower !== 'to' || !previous || previous.colon || previous.according) return false;
  const verb = tokens[previous.verb];
  return (
    verb.sentence === tokens[i].sentence &&
    i - previous.end <= 4 &&
    tokens.slice(previous.end, i).every((t) => t.kind === 'word' && t.quote < 0)
  );
}

const OWNER_PRONOUNS: Readonly<Record<string, PronounKind>> = { his: 'male', her: 'female', their: 'plural', its: 'thing' };

/** "Her verdict:", "Their reply:": the kind of the owner a possessive determiner stands for, or null. */
export function ownerPronounKind(t: Token | undefined): PronounKind | null {
  return t !== undefined && t.kind === 'word' ? (OWNER_PRONOUNS[t.lower] ?? null) : null;
}

/**
 * "Maas's answer, sent late that night, was short:": the owner of a speech noun that is the subject of the copula
 * at `c`, over an aside between them; returns the index of the possessive mark or determiner, or null.
 */
export function ownerBeforeCopula(tokens: Token[], c: number): number | null {
  let k = c - 1;
  if (tokens[k]?.text === ',') {
    // Back over the aside to its opening comma.
    let open = k - 1;
    while (open > c - 14 && open > 0 && tokens[open].text !== ',' && tokens[open].quote < 0 && tokens[open].sentence === tokens[c].sentence)
      open--;
    if (tokens[open]?.text !== ',') return null;
    k = open - 1;
  }
  if (!tokens[k] || tokens[k].kind !== 'word' || !SPEECH_NOUNS.has(tokens[k].lower)) return null;
  let p = k - 1;
  while (p > k - 3 && tokens[p]?.kind === 'word' && !tokens[p].cap) p--;
  return isPossessive(tokens[p]) || ownerPronounKind(tokens[p]) !== null ? p : null;
}
