// Turns one file's placed tags into export rows: each tag with the speaker of the quote it overlaps (after the
// analyst's attribution corrections, and named as the corpus names that speaker where a corpus is known) and the
// article's primary dateline. Shared by the CLI and the server.
import { analyze, type Analysis, type AttributionOverride } from '../analysis';
import type { PlacedTag } from '../tags/tagStore';
import type { TagStatus } from '../tags/sidecarTypes';

export interface ExportRow {
  /** The file as the user named it (CLI) or its path (editor). */
  file: string;
  /** Absolute file URL, the W3C target source. */
  source: string;
  id: string;
  tag: string;
  note: string;
  /** Code points; null for an orphaned tag, whose words are no longer in the text (its old offsets mean nothing). */
  start: number | null;
  end: number | null;
  text: string;
  prefix: string;
  suffix: string;
  /** Name of the speaker of a quote overlapping the tag, or null. */
  speaker: string | null;
  /** The article's primary dateline (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`), or null. */
  dateline: string | null;
  status: TagStatus;
  created: string;
  modified: string | null;
  /** Who tagged it (the sidecar's W3C creator), or null for tags recorded before coders were. */
  coder: string | null;
}

export interface TaggedFile {
  file: string;
  source: string;
  text: string;
  tags: PlacedTag[];
  attributions: AttributionOverride[];
  /** The file's analysis with `attributions` applied, when the caller has it already. */
  analysis?: Analysis;
}

/**
 * The name a speaker is exported under: the corpus speaker's (the same person across files, with the analyst's
 * merges and splits), given the speaker's id and name in its own file; its own name when there is no corpus.
 */
export type SpeakerNamer = (speakerId: string, ownName: string) => string;

const OWN_NAME: SpeakerNamer = (_id, ownName) => ownName;

export function exportRows(
  { file, source, text, tags, attributions, analysis: given }: TaggedFile,
  nameOf: SpeakerNamer = OWN_NAME,
): ExportRow[] {
  if (tags.length === 0) return [];
  const analysis = given ?? analyze(text, { attributions });
  const dateline = analysis.datelines.find((d) => d.primary)?.iso ?? null;
  const names = new Map(analysis.speakers.map((s) => [s.id, nameOf(s.id, s.name)]));
  return tags.map((t) => {
    // An orphaned tag is not in the text any more: no quote can overlap it.
    let speaker: string | null = null;
    if (t.status !== 'orphaned') {
      let best = 0;
      for (const q of analysis.quotes) {
        const overlap = Math.min(q.end, t.end) - Math.max(q.start, t.start);
        if (overlap > best && q.speakerId) {
          best = overlap;
          speaker = names.get(q.speakerId) ?? null;
        }
      }
    }
    return {
      file,
      source,
      id: t.id,
      tag: t.tag,
      note: t.note,
      text: t.text,
      start: t.status === 'orphaned' ? null : t.start,
      end: t.status === 'orphaned' ? null : t.end,
      prefix: t.prefix,
      suffix: t.suffix,
      speaker,
      dateline,
      status: t.status,
      created: t.created,
      modified: t.modified ?? null,
      coder: t.creator ?? null,
    };
  });
}
