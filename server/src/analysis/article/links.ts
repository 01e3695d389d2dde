// The one link rule: where a line links elsewhere. Markdown links `[text](target)` and images `![alt](src)`, and
// optionally autolinks `<https://…>` and bare `http(s)://…` URLs, left to right as a reader meets them. Quote
// marks inside a link are the link's, and furniture tests read a link as its text.
//
// A hand-written scanner rather than a regex: on a line of unclosed links (`[x](` repeated) a regex tries every
// `[` and scans to the end of the line from each, which is quadratic. Here every "where does it close" question
// resumes where the previous answer left off, so a line costs one pass.

export interface Link {
  /** Line indices, half open: the whole link, and the text between its brackets (empty for URLs). */
  start: number;
  end: number;
  textStart: number;
  textEnd: number;
}

export interface LinkOptions {
  /** Also find `<https://…>` autolinks and bare `http(s)://` URLs (a URL swallows any markdown inside it). */
  urls: boolean;
}

const WHITESPACE = /\s/u;
/** `\s` as a regex reads it; ASCII answers first, as nearly every character a URL scan meets is ASCII. */
function isSpace(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return WHITESPACE.test(ch);
}

/** First index ≥ `from` whose character passes `stops`, or -1; remembers its last answer so the increasing
 * `from`s of one left-to-right scan cost one pass over the line in all. */
function closer(line: string, stops: (ch: string) => boolean): (from: number) => number {
  let askedFrom = Number.POSITIVE_INFINITY;
  let answer = -1;
  return (from) => {
    if (from >= askedFrom && (answer === -1 || from <= answer)) return answer;
    let i = from;
    while (i < line.length && !stops(line[i])) i++;
    askedFrom = from;
    answer = i < line.length ? i : -1;
    return answer;
  };
}

const URL_SCHEME = /^https?:\/\//;

export function linksIn(line: string, options: LinkOptions): Link[] {
  // Most lines have no link at all: every link starts with "[" or, for URLs, contains "http".
  if (!line.includes('[') && !(options.urls && line.includes('http'))) return [];
  const closingBracket = closer(line, (ch) => ch === ']');
  const closingParen = closer(line, (ch) => ch === ')');
  const autolinkEnd = closer(line, (ch) => ch === '>' || isSpace(ch));
  const urlEnd = closer(line, isSpace);
  const links: Link[] = [];
  let i = 0;
  while (i < line.length) {
    const link =
      markdownLinkAt(line, i, closingBracket, closingParen) ??
      (options.urls ? (autolinkAt(line, i, autolinkEnd) ?? bareUrlAt(line, i, urlEnd)) : null);
    if (link === null) {
      i++;
    } else {
      links.push(link);
      i = link.end;
    }
  }
  return links;
}

function markdownLinkAt(
  line: string,
  i: number,
  closingBracket: (from: number) => number,
  closingParen: (from: number) => number,
): Link | null {
  const open = line[i] === '!' && line[i + 1] === '[' ? i + 1 : i;
  if (line[open] !== '[') return null;
  const close = closingBracket(open + 1);
  if (close === -1 || line[close + 1] !== '(') return null;
  const end = closingParen(close + 2);
  return end === -1 ? null : { start: i, end: end + 1, textStart: open + 1, textEnd: close };
}

function autolinkAt(line: string, i: number, autolinkEnd: (from: number) => number): Link | null {
  if (line[i] !== '<') return null;
  const scheme = URL_SCHEME.exec(line.slice(i + 1, i + 9));
  if (scheme === null) return null;
  const end = autolinkEnd(i + 1 + scheme[0].length);
  return end === -1 || line[end] !== '>' ? null : { start: i, end: end + 1, textStart: i, textEnd: i };
}

function bareUrlAt(line: string, i: number, urlEnd: (from: number) => number): Link | null {
  if (line[i] !== 'h') return null;
  const scheme = URL_SCHEME.exec(line.slice(i, i + 8));
  if (scheme === null) return null;
  const from = i + scheme[0].length;
  const found = urlEnd(from);
  const end = found === -1 ? line.length : found;
  return end === from ? null : { start: i, end, textStart: i, textEnd: i };
}

/** The whole line (blanks around it aside) is one markdown link or image: `[Other headline](https://…)`. */
export function isLinkOnly(line: string): boolean {
  const trimmed = line.trim();
  const first = linksIn(trimmed, { urls: false })[0];
  return first !== undefined && first.start === 0 && first.end === trimmed.length;
}

/** The line with each markdown link replaced by its text: `**Read:** [Title](#)` → `**Read:** Title`. */
export function withLinkText(line: string): string {
  const links = linksIn(line, { urls: false });
  if (links.length === 0) return line;
  let out = '';
  let at = 0;
  for (const link of links) {
    out += line.slice(at, link.start) + line.slice(link.textStart, link.textEnd);
    at = link.end;
  }
  return out + line.slice(at);
}
