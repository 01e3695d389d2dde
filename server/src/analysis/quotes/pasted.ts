// Text a reporter pastes in whole, with no quote marks, whose author the page prints next to it: an embedded post
// (its lines, then the signature "> — Jo Bloggs (@jobloggs) March 3, 2023") and a leaked email's body (under its
// "From: … / To: … / Subject: …" header). The body is its author's speech; the signature or the "From:" line says
// whose. A hand-written scan of the lines around a signature or header (no other line is looked at twice).
// UTF-16 indices.
import { splitLines, type Line } from '../article/lines';

/** An author printed next to pasted text: the name as written ("Jo Bloggs"), with its offsets. */
export interface PastedAuthor {
  start: number;
  end: number;
  text: string;
}

/** A pasted body line and who wrote it. */
export interface PastedLine {
  /** Index into the article's lines. */
  line: number;
  author: PastedAuthor | null;
}

/** "— Jo Bloggs (@jobloggs) March 3, 2023" under a post, after an optional "> ": the name before the handle. */
const POST_SIGNATURE = /^(?:>\s*)?[—–-]{1,2}\s*([^\s(>][^\n(]{0,59}?)\s*\(@\w{1,30}\)/u;
/** An email header field at the head of a line ("From:", "**Subject:**"). */
const HEADER_FIELD = /^(?:[*_]{1,2})?(from|to|cc|bcc|subject|sent|date)\s*:/iu;
/** How many lines of one post above its signature are read. */
const MAX_POST_LINES = 6;

/**
 * The lines of the article that are the bodies of embedded posts and pasted emails, by line index. A post's body
 * is the run of "> " lines right above its signature, or the one line above it when the post is not set as a
 * block quote (a line ending on a colon introduces the post and is none of it). An email's body is the first
 * line after a header that has a "From:" field and at least one other field.
 */
export function pastedLines(lines: readonly Line[]): Map<number, PastedLine> {
  const out = new Map<number, PastedLine>();
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].text;
    if (text.includes('(@')) {
      const author = signatureAuthor(lines[i]);
      if (author) for (const body of postBody(lines, i)) out.set(body, { line: body, author });
      continue;
    }
    if (text.length < 5 || !/^[*_]{0,2}[Ff]rom\s*:/u.test(text)) continue;
    const email = emailBody(lines, i);
    if (email) out.set(email.line, email);
  }
  return out;
}

/** Whether the line is an embedded post's signature (it is page furniture, never a quote). */
export function isPostSignature(line: Line): boolean {
  return line.text.includes('(@') && POST_SIGNATURE.test(line.text);
}

function signatureAuthor(line: Line): PastedAuthor | null {
  const m = POST_SIGNATURE.exec(line.text);
  if (!m) return null;
  const name = m[1].trim();
  const start = line.contentStart + line.text.indexOf(name, m.index);
  return { start, end: start + name.length, text: name };
}

/** The body lines above the signature at line `s`, nearest last. */
function postBody(lines: readonly Line[], s: number): number[] {
  let k = s - 1;
  while (k >= 0 && lines[k].contentStart === lines[k].contentEnd) k--;
  if (k < 0 || POST_SIGNATURE.test(lines[k].text) || HEADER_FIELD.test(lines[k].text)) return [];
  if (!lines[k].text.startsWith('>')) return lines[k].text.endsWith(':') ? [] : [k];
  const body: number[] = [];
  while (k >= 0 && body.length < MAX_POST_LINES && lines[k].text.startsWith('>') && !POST_SIGNATURE.test(lines[k].text)) {
    if (lines[k].text.replace(/^>\s*/u, '').length > 0) body.unshift(k);
    k--;
  }
  return body;
}

/** The first line after the email header that opens at line `from` (blank lines between allowed), with its sender. */
function emailBody(lines: readonly Line[], from: number): PastedLine | null {
  // The header's fields may come before "From:" too ("Date: …" first): count them on both sides.
  let fields = 0;
  for (let k = from - 1; k >= 0 && k > from - 6 && HEADER_FIELD.test(lines[k].text); k--) fields++;
  let k = from + 1;
  for (; k < lines.length && k < from + 12; k++) {
    if (lines[k].contentStart === lines[k].contentEnd) continue;
    if (!HEADER_FIELD.test(lines[k].text)) break;
    fields++;
  }
  if (fields === 0 || k >= lines.length || k >= from + 12) return null;
  const body = lines[k].text;
  // A body is the writer's prose: not a heading, list or another page's link.
  if (/^(?:#|[-*•]\s|\[)/u.test(body)) return null;
  return { line: k, author: senderOf(lines[from]) };
}

/** "From: Sally Ames <sally@club.com>" -> "Sally Ames"; an address alone, or no name of capitalised words, gives none. */
function senderOf(line: Line): PastedAuthor | null {
  const colon = line.text.indexOf(':');
  const rest = line.text.slice(colon + 1).replace(/^[*_\s]+/u, '');
  const cut = rest.search(/\s*[<[(]|\s*$/u);
  const name = rest.slice(0, cut).replace(/[*_,;]+$/u, '');
  const words = name.split(' ');
  if (words.length === 0 || words.length > 4 || !words.every((w) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w))) return null;
  const start = line.contentStart + line.text.indexOf(name, colon);
  return { start, end: start + name.length, text: name };
}

/** Lines of context read around a quote to find the signature or header of its pasted text. */
const WINDOW_LINES = 14;

/**
 * The author printed next to the pasted text that the quote starting at `start` is the body of, or null: the same
 * reading as pastedLines, over the few lines around the quote (so a later stage needs no line table).
 */
export function pastedAuthorAt(text: string, start: number): PastedAuthor | null {
  let from = start;
  for (let n = 0; n <= WINDOW_LINES && from > 0; n++) from = text.lastIndexOf('\n', from - 2) + 1;
  let to = start;
  for (let n = 0; n < WINDOW_LINES && to !== -1 && to < text.length; n++) to = text.indexOf('\n', to + 1);
  const window = text.slice(from, to === -1 ? text.length : to);
  if (!window.includes('(@') && !window.includes('rom')) return null;
  const lines = splitLines(window).map((l) => ({
    ...l,
    start: l.start + from,
    end: l.end + from,
    contentStart: l.contentStart + from,
    contentEnd: l.contentEnd + from,
  }));
  for (const pasted of pastedLines(lines).values()) {
    const line = lines[pasted.line];
    if (line.contentStart <= start && start < line.contentEnd) return pasted.author;
  }
  return null;
}
