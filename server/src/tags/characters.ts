// Whether a tag's edges fall between whole characters as a reader sees them (grapheme clusters, via
// Intl.Segmenter): a tag may not cover half a flag emoji or surrogate pair, a letter without its accent, only the
// `\n` of a CRLF, or only the byte order mark. Such a range is refused with a message rather than snapped, so a
// scripted `tag add --start/--end` never stores different words than it was given.
import { CodePointIndex } from '../analysis/offsets';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const BOM = '\uFEFF';

/** Why [start, end) (code points) cannot be tagged as whole characters, or null when it can. */
export function characterProblem(text: string, start: number, end: number, index = new CodePointIndex(text)): string | null {
  const from = index.toUtf16(start);
  const to = index.toUtf16(end);
  if (text.startsWith(BOM) && from === 0 && to === 1) return 'it covers only the byte order mark at the start of the file';
  for (const [edge, at] of [
    ['start', from],
    ['end', to],
  ] as const) {
    const split = splitCharacter(text, at);
    if (split)
      return `its ${edge} (code point ${edge === 'start' ? start : end}) falls inside the character ${describe(split)}; tag whole characters`;
  }
  return null;
}

/** The grapheme cluster that UTF-16 offset `at` falls strictly inside, or null when `at` is a boundary. */
function splitCharacter(text: string, at: number): string | null {
  if (at <= 0 || at >= text.length) return null;
  const cluster = graphemes.segment(text).containing(at);
  return cluster && cluster.index !== at ? cluster.segment : null;
}

function describe(cluster: string): string {
  if (cluster === '\r\n') return 'CRLF (a line break written as \\r\\n)';
  const codes = [...cluster].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
  return `"${cluster}" (${codes})`;
}
