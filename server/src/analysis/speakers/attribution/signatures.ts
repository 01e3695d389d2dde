// A quote signed after a dash at the end of its paragraph: review round-ups and pull quotes print the words
// first and the critic after them ("“A triumph.” — Jane Roe, The Daily Planet", "“…” – Tom Hale (Evening
// Courier)"). The signature is the cue and the source, as a speaker label is for a line it opens. UTF-16 indices.
import type { Quote } from '../../types';
import type { SpeakerRegistry } from '../resolution/registry';
import type { Attribution } from './attribution';
import { quoteParagraphs } from './quoteParagraphs';
import { writtenNameSpeaker } from './labels';
import { NAME_PARTICLE_PATTERN } from '../../lexicon/functionWords';

const DASHES = new Set(['—', '–', '-']);
/** Two to four capitalised words, the lexicon's name particles allowed inside: a name as a signature or a heading gives it. */
export const SIGNED_NAME_PATTERN = `\\p{Lu}[\\p{L}'’.-]*(?: (?:\\p{Lu}[\\p{L}'’.-]*|${NAME_PARTICLE_PATTERN})){1,3}`;

/** A name, then an optional outlet. */
const SIGNATURE = new RegExp(`^(${SIGNED_NAME_PATTERN})(?:, [^,()]{2,60}| \\([^()]{2,60}\\))?[.]?$`, 'u');

/** For each quote, the attribution of a signature closing its paragraph, or null. */
export function signatureAttributions(
  text: string,
  paragraphs: readonly { start: number; end: number }[],
  quotes: readonly Quote[],
  registry: SpeakerRegistry,
): (Attribution | null)[] {
  const paragraphOf = quoteParagraphs(paragraphs, quotes);
  return quotes.map((q, i) => {
    const paragraph = paragraphOf[i];
    if (!paragraph || paragraph.end <= q.end) return null;
    let at = q.end;
    while (at < paragraph.end && text[at] === ' ') at++;
    // A long dash may stand against the name ("—Jane Roe"); a hyphen needs its space.
    if (!DASHES.has(text[at] ?? '') || (text[at + 1] !== ' ' && text[at] === '-')) return null;
    const dash = at;
    at += 1;
    while (at < paragraph.end && text[at] === ' ') at++;
    const rest = text.slice(at, paragraph.end).trimEnd();
    const match = SIGNATURE.exec(rest);
    if (!match) return null;
    const name = match[1];
    const speaker = writtenNameSpeaker(name, at, rest, q.start, registry);
    return speaker && { ...speaker, cue: { start: dash, end: dash + 1, text: text[dash] } };
  });
}
