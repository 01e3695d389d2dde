// A REFI-QDA project in memory (the parts Seed Annotator reads and writes), and how a workspace's files, tags and
// codebook become one: the codebook as codes (hierarchy, colours, definitions), each source with its tagged
// passages as plain-text selections at code-point offsets, one coding per tag, notes as notes, coders as users.
import { createHash } from 'node:crypto';
import type { Code } from '../coding/codebook';
import type { PlacedTag } from '../tags/tagStore';
import { stableGuid, tagGuid } from './guids';

export interface QdaUser {
  guid: string;
  name: string;
}
export interface QdaCode {
  guid: string;
  name: string;
  color: string | null;
  description: string;
  children: QdaCode[];
}
export interface QdaCoding {
  guid: string;
  codeGuid: string;
  creatingUser: string | null;
  created: string | null;
}
export interface QdaSelection {
  guid: string;
  name: string;
  /** Code points into the source's plain text. */
  start: number;
  end: number;
  creatingUser: string | null;
  created: string | null;
  modified: string | null;
  codings: QdaCoding[];
  noteGuids: string[];
}
export interface QdaSource {
  guid: string;
  /** The file as named in the workspace (relative path), which import matches on. */
  name: string;
  /** The file inside the archive's `sources/` folder. */
  internalName: string;
  text: string;
  selections: QdaSelection[];
}
export interface QdaNote {
  guid: string;
  name: string;
  text: string;
  creatingUser: string | null;
  created: string | null;
}
export interface QdaProject {
  name: string;
  origin: string;
  created: string;
  users: QdaUser[];
  codes: QdaCode[];
  sources: QdaSource[];
  notes: QdaNote[];
}

export interface ProjectFile {
  /** Relative to the workspace folder. */
  name: string;
  text: string;
  tags: readonly PlacedTag[];
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The project for these files and codebook. Orphaned tags have no place in the text and are left out (counted). */
export function buildProject(
  name: string,
  codebook: readonly Code[],
  files: readonly ProjectFile[],
  now: Date,
): { project: QdaProject; orphaned: number } {
  const users = new Map<string, QdaUser>();
  const userGuid = (coder: string | undefined): string | null => {
    if (coder === undefined) return null;
    if (!users.has(coder)) users.set(coder, { guid: stableGuid('user', coder), name: coder });
    return users.get(coder)!.guid;
  };
  const codeGuid = (code: string) => stableGuid('code', code);
  // Tag names missing from the codebook still need a code to point at: top-level codes without a definition.
  const known = new Set(codebook.map((c) => c.name));
  const extra = [...new Set(files.flatMap((f) => f.tags.map((t) => t.tag)))].filter((t) => !known.has(t)).sort();
  const all: Code[] = [...codebook, ...extra.map((t) => ({ name: t, description: '', color: '', parent: null }))];
  const tree = (parent: string | null): QdaCode[] =>
    all
      .filter((c) => c.parent === parent)
      .map((c) => ({
        guid: codeGuid(c.name),
        name: c.name,
        color: c.color || null,
        description: c.description,
        children: tree(c.name),
      }));

  const notes: QdaNote[] = [];
  let orphaned = 0;
  const sources = files.map((file): QdaSource => {
    const guid = stableGuid('source', file.name);
    const selections = file.tags.flatMap((t): QdaSelection[] => {
      if (t.status === 'orphaned') {
        orphaned++;
        return [];
      }
      const creatingUser = userGuid(t.creator);
      const selection: QdaSelection = {
        guid: tagGuid(t.id),
        name: clip(t.text),
        start: t.start,
        end: t.end,
        creatingUser,
        created: t.created,
        modified: t.modified ?? null,
        codings: [{ guid: stableGuid('coding', t.id), codeGuid: codeGuid(t.tag), creatingUser, created: t.created }],
        noteGuids: [],
      };
      if (t.note) {
        const note: QdaNote = {
          guid: stableGuid('note', t.id),
          name: `Note on “${t.tag}” in ${file.name}`,
          text: t.note,
          creatingUser,
          created: t.modified ?? t.created,
        };
        notes.push(note);
        selection.noteGuids.push(note.guid);
      }
      return [selection];
    });
    return { guid, name: file.name, internalName: `${guid}.txt`, text: file.text, selections };
  });
  return {
    project: { name, origin: 'Seed Annotator', created: now.toISOString(), users: [...users.values()], codes: tree(null), sources, notes },
    orphaned,
  };
}

/** A short name for a passage, cut between code points (never inside an emoji). */
function clip(text: string): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > 60 ? `${chars.slice(0, 59).join('')}…` : chars.join('');
}
