// A newspaper's editorial board writes as the newspaper itself ("the Merrow Gazette's editorial board wrote",
// "the editorial board of the Gazette said", "its editorial board argued"): the speaker is the paper, when it
// was named before (a board whose paper is first named here stays a description: making the paper a new
// speaker there scored worse on held-out text).
import type { Description } from '../mentions/descriptions';

/** What an editorial board's description says of its owner. */
export type BoardOwner = { kind: 'named'; name: string } | { kind: 'pronoun' };

const POSSESSIVE_OWNER = /^(?:the\s+)?(\p{Lu}[\p{L}\p{N}.&'’ -]*?)['’]s?\s+editorial\s+board$/u;
const OF_OWNER = /^(?:the|an?)\s+editorial\s+board\s+of\s+(?:the\s+)?(\p{Lu}[\p{L}\p{N}.&'’ -]*)$/u;
// "The paper's editorial board" right after a paper is named means that paper, as "its editorial board" does.
const PRONOUN_OWNER = /^(?:its|their|the\s+(?:news)?paper['’]s)\s+editorial\s+board$/u;

/** The owner of an editorial board described by `d`, or null when `d` is no editorial board. */
export function editorialBoardOwner(d: Description): BoardOwner | null {
  if (d.head !== 'board' || !/\beditorial\b/i.test(d.text)) return null;
  const text = d.text.trim();
  if (PRONOUN_OWNER.test(text.toLowerCase())) return { kind: 'pronoun' };
  const named = POSSESSIVE_OWNER.exec(text) ?? OF_OWNER.exec(text);
  return named ? { kind: 'named', name: named[1].trim() } : null;
}

/**
 * "The Dispatch editorial board endorsed the plan. “…,” the editors wrote": the editors are the board (or the paper)
 * named before, not new unnamed people.
 */
export function isTheEditors(d: Description): boolean {
  return d.definite && d.head === 'editors' && d.modifiers.length === 0 && /^the\s+editors$/iu.test(d.text.trim());
}

/** Heads of people who speak for the institution that owns them: its spokesperson, its reviewer or critic. */
const VOICE_HEADS = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'reviewer', 'critic']);
const OWNED_VOICE = /^(?:the\s+)?(\p{Lu}[\p{L}\p{N}.&'’ -]*?)['’]s?\s+(?:\p{Ll}[\p{L}-]*\s+){0,3}\p{Ll}+$/u;

/**
 * "The Evening Gazette's film critic", "Gazprom's spokeswoman": the capitalised owner a spokesperson, reviewer or
 * critic speaks for (without a leading "the"), or null. The owner is the speaker's other name.
 */
export function voiceOwner(d: Description): string | null {
  if (!d.possessive || !VOICE_HEADS.has(d.head)) return null;
  const named = OWNED_VOICE.exec(d.text.trim());
  return named ? named[1].trim() : null;
}
