// A markdown (ATX) heading line: `## Title` or `## Title ##`. Written out rather than as one regex with a lazy
// group and optional closing hashes, which backtracks cubically on a long heading line of spaces and tabs.

const OPENING = /^#{1,6}[ \t]+/;
/** A regex `.` stops at these, so a heading never spans them. */
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

const isBlank = (ch: string | undefined) => ch === ' ' || ch === '\t';

/** The heading's text without its opening and closing hashes and the blanks around them, or null. */
export function atxHeadingText(line: string): string | null {
  const opening = OPENING.exec(line);
  if (opening === null) return null;
  const rest = line.slice(opening[0].length);
  if (LINE_TERMINATOR.test(rest)) return null;
  let end = rest.length;
  while (end > 0 && isBlank(rest[end - 1])) end--;
  let hashes = end;
  while (hashes > 0 && rest[hashes - 1] === '#') hashes--;
  let blanks = hashes;
  while (blanks > 0 && isBlank(rest[blanks - 1])) blanks--;
  // Closing hashes count only after a blank ("Title ##"); "C#" keeps its hash.
  return hashes < end && blanks < hashes ? rest.slice(0, blanks) : rest.slice(0, end);
}
