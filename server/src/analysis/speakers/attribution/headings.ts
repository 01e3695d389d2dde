// A round-up that names each commentator on a line of their own and gives the words in the next paragraph
// ("1. Jane Roe, The Daily Planet" ¶ "“…”", "**Tom Hale (Evening Courier)**" ¶ "“…”"): the heading is the cue
// and the source of a quote that is all its paragraph holds. UTF-16 indices.
import type { Quote } from '../../types';
import type { SpeakerRegistry } from '../resolution/registry';
import type { Attribution } from './attribution';
import { writtenNameSpeaker } from './labels';
import { SIGNED_NAME_PATTERN } from './signatures';
import { isNeverName } from '../../lexicon/gazetteer';

/** A list number, a bullet or a heading mark opening the line. */
const LINE_MARKER = /^(?:\d{1,2}[.)]|[-•]|#{1,4}) +/u;
/** A name of two to four capitalised words, then an optional outlet after a comma or in brackets, and a colon. */
const HEADING = new RegExp(`^(${SIGNED_NAME_PATTERN})(?:, [^,.!?;:“”"()]{2,60}| \\([^()]{2,60}\\))?:?$`, 'u');
/** Characters a paragraph may hold besides its one quote: markdown and closing punctuation. */
const AROUND_QUOTE = /^[\s>*_.,]*$/u;

/** For each quote, the attribution of a name heading on the paragraph before its own, or null. */
export function headingAttributions(
  text: string,
  paragraphs: readonly { start: number; end: number }[],
  quotes: readonly Quote[],
  registry: SpeakerRegistry,
): (Attribution | null)[] {
  // The index of each quote's paragraph, found walking both in order (as quoteParagraphs does): no table of all
  // the paragraphs, which an article of thousands of one-line paragraphs and no quote would pay for.
  let k = 0;
  return quotes.map((q) => {
    while (k + 1 < paragraphs.length && paragraphs[k + 1].start <= q.start) k++;
    const paragraph = paragraphs[k];
    if (!paragraph || k === 0) return null;
    if (!AROUND_QUOTE.test(text.slice(paragraph.start, q.start)) || !AROUND_QUOTE.test(text.slice(q.end, paragraph.end))) return null;
    const previous = paragraphs[k - 1];
    // Without markdown emphasis and the list or heading mark: "2. **Tom Hale** (Courier):" is "Tom Hale (Courier):".
    const line = text.slice(previous.start, previous.end).replace(/[*_]/gu, '').trim().replace(LINE_MARKER, '');
    const match = line.length <= 120 ? HEADING.exec(line) : null;
    if (!match || isNeverName(match[1].split(' ')[0].toLowerCase())) return null;
    const name = match[1];
    const at = previous.start + text.slice(previous.start, previous.end).indexOf(name);
    const speaker = writtenNameSpeaker(name, at, line, q.start, registry);
    return speaker && { ...speaker, cue: speaker.source };
  });
}
