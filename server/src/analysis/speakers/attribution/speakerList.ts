// The stage's output: the speakers that were mentioned, numbered in order of first mention, and each quote with
// the id of its speaker, its cue and its source as written in the text.
import type { Mention, Quote, Speaker } from '../../types';
import type { Entity } from '../resolution';
import type { Attribution } from './attribution';

/**
 * Speaker ids in order of first mention, for every entity that was mentioned (or named by an override).
 * Entities whose only mentions are pronouns that nothing attributes are still kept: they were resolved.
 */
export function assignIds(entities: readonly Entity[], speakerOf: readonly (Entity | null)[]): Map<Entity, number> {
  const named = new Set(speakerOf);
  const used = entities.filter((e) => named.has(e) || (e.mentions.length > 0 && (e.isSource || e.role !== null)));
  const firstAt = (e: Entity) => e.mentions.reduce((min, m) => Math.min(min, m.start), Infinity);
  const order = used.map((e) => ({ e, at: firstAt(e) })).sort((a, b) => a.at - b.at || a.e.key - b.e.key);
  return new Map(order.map(({ e }, i) => [e, i + 1]));
}

/** The listed speakers, in id order. */
export function speakerList(text: string, entities: readonly Entity[], ids: Map<Entity, number>): Speaker[] {
  return entities
    .filter((e) => ids.has(e))
    .sort((a, b) => (ids.get(a) as number) - (ids.get(b) as number))
    .map(toSpeaker(ids, text));
}

/** Each quote with its speaker's id; an analyst's override names the speaker but no cue or source. */
export function attributedQuotes(
  text: string,
  quotes: readonly Quote[],
  attributions: readonly Attribution[],
  speakerOf: readonly (Entity | null)[],
  ids: Map<Entity, number>,
): Quote[] {
  return quotes.map((q, i) => {
    const entity = speakerOf[i];
    const overridden = entity !== attributions[i].entity;
    return {
      ...q,
      speakerId: entity ? `s${ids.get(entity) as number}` : null,
      cue: overridden ? null : raw(text, attributions[i].cue),
      source: overridden ? null : raw(text, attributions[i].source),
    };
  });
}

/** A span's text exactly as in the source (a name read across a tab or a no-break space keeps it). */
function raw<T extends { start: number; end: number; text: string }>(text: string, span: T | null): T | null {
  return span && { ...span, text: text.slice(span.start, span.end) };
}

/** `raw` for a mention, copied only when the source's text differs from the one read (most are the same). */
function asWritten(text: string, m: Mention): Mention {
  return m.end - m.start === m.text.length && text.startsWith(m.text, m.start) ? m : { ...m, text: text.slice(m.start, m.end) };
}

function toSpeaker(ids: Map<Entity, number>, text: string): (e: Entity) => Speaker {
  return (e) => {
    const mentions = [...e.mentions].sort((a, b) => a.start - b.start).map((m) => asWritten(text, m));
    const aliases: string[] = [];
    for (const m of mentions) {
      // A person's other forms are their names; "the minister" or "the 59-year-old" stay mentions only.
      if (m.form === 'pronoun' || (e.kind === 'person' && m.form !== 'name' && m.form !== 'surname')) continue;
      if (m.text === e.name || aliases.includes(m.text)) continue;
      aliases.push(m.text);
    }
    for (const other of e.otherNames ?? []) if (other !== e.name && !aliases.includes(other)) aliases.push(other);
    return { id: `s${ids.get(e) as number}`, name: e.name, kind: e.kind, role: e.role, aliases, mentions };
  };
}
