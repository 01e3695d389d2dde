// An unnamed source is introduced with "a" or "one" and taken up with "the": "One member of the board had
// wanted to wait. “…,” the member argued." / "A ferry agent, who asked not to be named, said … “…,” the agent
// said." The introduction need not be a cue's subject, so the reading pass has not met it as a speaker; this
// finds it for a definite description that asks, so that both become one source named by the introduction.
import type { TokenizedText } from '../tokens';
import { descriptionStartingAt, type Description } from '../mentions/descriptions';

const INTRODUCERS = new Set(['a', 'an', 'one']);

/** Tokens between the determiner and the head ("a senior shipping agent"): modifiers are few. */
const MAX_MODIFIERS = 3;

/**
 * For a definite, non-possessive description of people ("the member", "the agent"), the nearest earlier "a"/"one"
 * description with the same head in its own or the previous paragraph; null when there is none.
 */
export function indefiniteIntroduction(tt: TokenizedText, d: Description): Description | null {
  if (!d.definite || d.possessive || d.plural || d.headKind !== 'people') return null;
  const { tokens } = tt;
  const paragraph = tokens[d.first].paragraph;
  for (let h = d.first - 1; h >= 0 && tokens[h].paragraph >= paragraph - 1; h--) {
    const t = tokens[h];
    if (t.lower !== d.head || t.quote >= 0) continue;
    for (let det = h - 1; det >= Math.max(0, h - 1 - MAX_MODIFIERS); det--) {
      const w = tokens[det];
      if (w.kind !== 'word' || w.sentence !== t.sentence) break;
      if (!INTRODUCERS.has(w.lower)) continue;
      if (!opensClause(tt, det)) return null;
      const found = descriptionStartingAt(tokens, det, true);
      return found && found.head === d.head && !found.definite ? found : null;
    }
    // The nearest mention of the head decides: a "the agent" before it was taken up already.
    return null;
  }
  return null;
}

/** Words after which "a …" is a predicate or an object, not a new source: "Roe, a spokesman", "Roe is an agent". */
const NOT_BEFORE_SUBJECT = new Set(
  `
is was are were be been being became becomes remains remained as like than of for to with by from in at on about
into onto over under after before between among against
`
    .split(/\s+/)
    .filter(Boolean),
);

/** The determiner at `det` opens a clause: its sentence, or a reported clause ("the minutes showed one member …"). */
function opensClause(tt: TokenizedText, det: number): boolean {
  const { tokens } = tt;
  if (tt.sentences[tokens[det].sentence].first === det) return true;
  const prev = tokens[det - 1];
  return prev.kind === 'word' && !prev.cap && !NOT_BEFORE_SUBJECT.has(prev.lower);
}
