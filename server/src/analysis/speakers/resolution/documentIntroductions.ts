// A document with no issuer the text names is introduced with "a"/"an" and taken up with "the": "An internal audit
// completed last year flagged the pattern. “…,” the audit says." Both are one source, named by the introduction,
// the way an unnamed person is (indefiniteAntecedents.ts).
import type { TokenizedText } from '../tokens';
import type { Span } from '../../types';
import { textOf } from '../tokenText';
import { introducingMention, type DocumentPhrase } from '../mentions/documents';

const INTRODUCERS = new Set(['a', 'an']);
/** Modifiers between the article and the noun ("an internal FEMA review"). */
const MAX_MODIFIERS = 3;

/**
 * For a definite document phrase ("the audit"), the "a"/"an" phrase opening its clause that introduced a document
 * of the same noun just before (this or the previous paragraph): its span, or null.
 */
export function documentIntroduction(tt: TokenizedText, doc: DocumentPhrase): Span | null {
  const { tokens } = tt;
  if (tokens[doc.first].lower !== 'the') return null;
  let noun = introducingMention(tt, doc.first);
  // Over earlier takings-up of the same document ("“…,” the audit says. “…,” the audit adds.").
  while (noun > 0 && tokens[noun].lower === doc.head && tokens[noun - 1].lower === 'the') noun = introducingMention(tt, noun);
  if (noun < 0 || tokens[noun].lower !== doc.head) return null;
  for (let det = noun - 1; det >= Math.max(0, noun - 1 - MAX_MODIFIERS); det--) {
    const w = tokens[det];
    if (w.kind !== 'word' || w.sentence !== tokens[noun].sentence || w.quote >= 0) return null;
    if (!INTRODUCERS.has(w.lower)) continue;
    // The subject of its sentence: "An audit found …", not "they ordered an audit".
    if (tt.sentences[w.sentence].first !== det) return null;
    return { start: w.start, end: tokens[noun].end, text: textOf(tokens, det, noun + 1) };
  }
  return null;
}
