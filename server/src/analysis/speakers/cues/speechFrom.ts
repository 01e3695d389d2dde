// "That drew a sharp response from Alcott. “…”", "Then came a retort from the senator: “…”": a sentence that hands
// over to a quote by naming a speech noun and who it came from. The one after "from" is the speaker, whatever the
// sentence's own subject ("That", "The remark") is.
import type { Token } from '../tokens';
import type { NameIndex } from '../mentions/nameIndex';
import { SPEECH_NOUNS } from '../../lexicon/cueVerbs';
import type { Subject } from './subjects';

/**
 * For the stop or colon at `stop` that hands over to a quote: the name right before it, after "from" and a speech
 * noun ("a sharp response from Alcott"), as the subject, and the speech noun's index (where the cue starts). Else null.
 */
export function speechNounAgent(tokens: Token[], index: NameIndex, stop: number): { subject: Subject; end: number } | null {
  const candidate = index.byLast.get(stop - 1);
  if (!candidate || candidate.end !== stop || candidate.kind === 'place') return null;
  let from = candidate.phraseFirst - 1;
  if (tokens[from]?.lower === 'the') from--;
  const noun = tokens[from - 1];
  if (tokens[from]?.lower !== 'from' || !noun || noun.kind !== 'word' || !SPEECH_NOUNS.has(noun.lower)) return null;
  if (noun.sentence !== tokens[stop].sentence) return null;
  return { subject: { type: 'name', first: candidate.phraseFirst, candidate }, end: from - 1 };
}
