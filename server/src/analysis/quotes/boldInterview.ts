// A Q-and-A interview set as print and web pages set it: each question a paragraph in bold ("**Why now?**"), the
// answer the plain paragraph after it, neither in quote marks. Both are quotes: the question the interviewer's,
// the answer the interviewee's (speakers/attribution/labels.ts). A page is read as such an interview only when
// at least two bold paragraphs are questions, so a bold subheading in a feature stays a heading. UTF-16 indices.
import { OPENING_QUOTE_MARKS } from '../lexicon/quoteMarks';

/** The markdown marks around a question, the cue of a bold Q-and-A's turns (confidence/evidence.ts). */
export const BOLD = '**';

export interface BoldTurn {
  /** The words of the turn: inside the bold marks for a question, the paragraph for an answer. */
  start: number;
  end: number;
  question: boolean;
}

/** Bold paragraphs that are questions, at least, for a page to be a Q-and-A. */
const MIN_QUESTIONS = 2;
/** Words a turn has at least ("Why?" alone is no question paragraph of an interview). */
const MIN_WORDS = 3;

/** The turns of a bold Q-and-A, keyed by the start of their paragraph; empty when the page is none. */
export function boldInterviewTurns(
  text: string,
  paragraphs: readonly { start: number; end: number; furniture?: boolean }[],
): Map<number, BoldTurn> {
  const turns = new Map<number, BoldTurn>();
  let questions = 0;
  paragraphs.forEach((p, k) => {
    const q = p.furniture ? null : boldQuestion(text, p.start, p.end);
    if (!q) return;
    turns.set(p.start, q);
    if (text[q.end - 1] === '?') questions++;
    const next = paragraphs[k + 1];
    if (next && !next.furniture && isAnswer(text, next.start, next.end))
      turns.set(next.start, { start: next.start, end: next.end, question: false });
  });
  return questions >= MIN_QUESTIONS ? turns : new Map<number, BoldTurn>();
}

/** "**Why support it now?**": a paragraph bold from end to end, a sentence of a few words ending in . ? or !. */
function boldQuestion(text: string, start: number, end: number): BoldTurn | null {
  const line = text.slice(start, end).trimEnd();
  if (line.length < 6 || !line.startsWith('**') || !line.endsWith('**')) return null;
  const inner = line.slice(2, -2);
  if (inner.includes('**') || inner.trim() !== inner || !/[.?!]$/u.test(inner) || OPENING_QUOTE_MARKS.has(inner[0])) return null;
  if (words(inner) < MIN_WORDS) return null;
  return { start: start + 2, end: start + 2 + inner.length, question: true };
}

/** The plain paragraph after a question: prose of a few words, not bold, not opening with a mark, a label or a link. */
function isAnswer(text: string, start: number, end: number): boolean {
  const line = text.slice(start, end);
  if (/^[*_#>\[|-]/u.test(line) || OPENING_QUOTE_MARKS.has(line[0] ?? '') || /["“”]/u.test(line)) return false;
  // "LINDQVIST: …", "A: …": a labelled turn is the transcript reader's.
  if (/^[\p{Lu}][\p{L}. ]{0,30}:/u.test(line)) return false;
  return words(line) >= MIN_WORDS;
}

function words(s: string): number {
  return (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}
