// Hover sections from the corpus: where else a quote appears (with links to each article) and how widely a speaker
// is quoted. Every name, title and quote is escaped: they come from scraped text and files.
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProvenanceGroup, ProvenanceOccurrence } from '../corpus/provenance';
import type { CorpusSpeaker } from '../corpus/speakers';
import { escapeMarkdown } from './markdown';

/** How many other articles the quote hover links to. */
const OCCURRENCES_SHOWN = 5;

/** "Also in N other articles — first on <date> in <file>", and a link to each. */
export function provenanceMarkdown(group: ProvenanceGroup, uri: string, start: number): string | null {
  const others = group.occurrences.filter((o) => o.file !== uri);
  if (others.length === 0) return null;
  const articles = new Set(others.map((o) => o.file)).size;
  const [first] = group.occurrences;
  const isFirst = first.file === uri && first.start === start;
  const head = `Also in ${articles} other article${articles === 1 ? '' : 's'}`;
  const lines = [
    isFirst
      ? `${head} — this is the first occurrence${first.date ? ` (${escapeMarkdown(first.date)})` : ''}`
      : `${head} — first ${first.date ? `on ${escapeMarkdown(first.date)} ` : '(undated) '}in ${link(first)}`,
  ];
  const listed = others
    .slice(0, OCCURRENCES_SHOWN)
    .map((o) => `- ${o.date ? escapeMarkdown(o.date) : 'undated'}: ${link(o)}${o.speaker ? ` (${escapeMarkdown(o.speaker)})` : ''}`);
  if (others.length > OCCURRENCES_SHOWN)
    listed.push(`- and ${others.length - OCCURRENCES_SHOWN} more (Seed Annotator: Show Quote Provenance)`);
  return `${lines.join('\n\n')}\n\n${listed.join('\n')}`;
}

/** "Quoted in N articles (M quotes)" for a speaker of the corpus. */
export function corpusSpeakerMarkdown(speaker: CorpusSpeaker): string {
  const articles = speaker.occurrences.length === 0 ? 0 : new Set(speaker.occurrences.map((o) => o.file)).size;
  const parts = [
    `Across the corpus: in ${articles} article${articles === 1 ? '' : 's'}, ${speaker.quotes} quote${speaker.quotes === 1 ? '' : 's'}`,
  ];
  if (speaker.roles.length > 1) parts.push(`Roles: ${speaker.roles.slice(0, 4).map(escapeMarkdown).join('; ')}`);
  return parts.join('\n\n');
}

/** A markdown link to an occurrence: the file name as text, a `file:` uri with the line as target. */
function link(o: ProvenanceOccurrence): string {
  const line = o.range ? `#L${o.range.start.line + 1}` : '';
  // Parentheses and spaces would end or break the link target: percent-encode them.
  const target = `${o.file}${line}`.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${escapeMarkdown(fileName(o.file))}](${target})`;
}

function fileName(uri: string): string {
  try {
    return basename(uri.startsWith('file:') ? fileURLToPath(uri) : uri);
  } catch {
    return uri;
  }
}
