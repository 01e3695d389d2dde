// The speaker labels of official US congressional hearing transcripts, which close the label with a full stop
// instead of a colon: "The CHAIRMAN. The committee will come to order.", "Mr. FELD. Thank you.", "Senator MARKS.
// Did anyone …?" A title or honorific written normally, then the surname (or the part) in capitals. Read by
// speakerLabels.ts, whose transcript check (three turns, two voices, one speaking twice) still decides. UTF-16 indices.
import { isHonorific, isRoleHead } from '../lexicon/roles';

/** "Mr.", "Senator", "The": the word before the name in capitals; "The" only before a part ("The CHAIRMAN"). */
const LABEL = /^(The|[\p{Lu}][\p{Ll}]+\.?) ((?:\p{Lu}[\p{Lu}'’-]+ ){0,2}\p{Lu}[\p{Lu}'’-]+)\. +(?=[\p{Lu}(\[])/u;
/** Parts of the proceedings "The" may open, besides role heads ("The WITNESS.", "The PRESIDING OFFICER."). */
const PARTS = new Set(['witness', 'court', 'clerk']);
/** How far into a line such a label may reach. */
const MAX_LABEL = 48;

/** A full-stop label as written, its name ("THE CHAIRMAN" for "The CHAIRMAN"), and where its turn's words begin. */
export interface PeriodLabel {
  text: string;
  name: string;
  contentStart: number;
}

/** The full-stop label opening the line at `start` (markdown already skipped), or null. */
export function periodLabelAt(text: string, start: number, lineEnd: number): PeriodLabel | null {
  const m = LABEL.exec(text.slice(start, Math.min(lineEnd, start + MAX_LABEL + 2)));
  if (!m) return null;
  const [whole, title, caps] = m;
  const bare = title.replace(/\.$/u, '');
  const last = caps.slice(caps.lastIndexOf(' ') + 1);
  if (title === 'The' ? !(isRoleHead(last) || PARTS.has(last.toLowerCase())) : !(isHonorific(bare) || isRoleHead(bare))) return null;
  // "Mr. NO." is a name of two letters at least; a lone capital is an initial.
  if (last.length < 2) return null;
  const labelText = `${title} ${caps}`;
  return { text: labelText, name: title === 'The' ? `THE ${caps}` : labelText, contentStart: start + whole.length };
}
