// A newspaper's editorial board writes as the newspaper itself ("the Merrow Gazette's editorial board wrote",
// "the editorial board of the Gazette said", "its editorial board argued"): the speaker is the paper, when it
// was named before (a board whose paper is first named here stays a description: making the paper a new
// speaker there scored worse on held-out text).
import type { Description } from '../mentions/descriptions';

/** What an editorial board's description says of its owner. */
export type BoardOwner = { kind: 'named'; name: string } | { kind: 'pronoun' };

const POSSESSIVE_OWNER = /^(?:the\s+)?(\p{Lu}[\p{L}\p{N}.&'’ -]*?)['’]s?\s+editorial\s+board$/u;
const OF_OWNER = /^(?:the|an?)\s+editorial\s+board\s+of\s+(?:the\s+)?(\p{Lu}[\p{L}\p{N}.&'’ -]*)$/u;
const PRONOUN_OWNER = /^(?:its|their)\s+editorial\s+board$/u;

/** The owner of an editorial board described by `d`, or null when `d` is no editorial board. */
export function editorialBoardOwner(d: Description): BoardOwner | null {
  if (d.head !== 'board' || !/\beditorial\b/i.test(d.text)) return null;
  const text = d.text.trim();
  if (PRONOUN_OWNER.test(text.toLowerCase())) return { kind: 'pronoun' };
  const named = POSSESSIVE_OWNER.exec(text) ?? OF_OWNER.exec(text);
  return named ? { kind: 'named', name: named[1].trim() } : null;
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
