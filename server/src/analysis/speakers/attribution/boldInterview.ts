// The turns of a bold Q-and-A (quotes/boldInterview.ts): a bold question is the interviewer's, the plain answer
// after it the interviewee's, found as for "Q:" / "A:" turns (labels.ts). Both are inferred from the page, not
// named at the turn, so they carry no source span (the confidence reads that).
import type { Quote, Span } from '../../types';
import type { SpeakerRegistry } from '../resolution/registry';
import type { Attribution } from './attribution';
import { BOLD, boldInterviewTurns } from '../../quotes/boldInterview';
import { bylineAuthor, interviewee, interviewer, otherOfTwo } from './labels';

/** For each quote, the attribution of the bold Q-and-A turn it is, or null. */
export function boldInterviewAttributions(
  text: string,
  paragraphs: readonly { start: number; end: number }[],
  quotes: readonly Quote[],
  registry: SpeakerRegistry,
): (Attribution | null)[] {
  const turns = boldInterviewTurns(text, paragraphs);
  if (turns.size === 0) return quotes.map(() => null);
  const byStart = new Map([...turns.values()].map((t) => [t.start, t]));
  // The bold marks of the question are the cue of its turn and of the answer after it, as a "Q:" label is.
  let marks: Span | null = null;
  return quotes.map((q) => {
    const turn = byStart.get(q.start);
    if (!turn) return null;
    if (turn.question) marks = { start: turn.start - 2, end: turn.start, text: BOLD };
    const entity = turn.question
      ? (interviewer(registry, q.start) ?? otherOfTwo(registry, q.start) ?? bylineAuthor(text, q.start, registry))
      : interviewee(registry, q.start);
    return entity && { entity, cue: marks, source: null };
  });
}
