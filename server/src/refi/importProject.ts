// Brings the codings of a REFI-QDA project back onto a workspace folder: each source is matched to a seed file by
// name and content hash (a changed source's tags re-anchor like any tag; a renamed one is found by its hash), codes
// join the codebook, coders become creators, notes become tag notes. Nothing is overwritten: a tag id or code that
// already exists with other content stays as it is and is reported as a conflict.
import { existsSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { CodePointIndex } from '../analysis/offsets';
import { codebookPath, updateCodebook, type Codebook } from '../coding/codebook';
import { addCode, codeNamed } from '../coding/codebookEdits';
import { updateFileLocked } from '../files/lockedWrite';
import { expandSeedPaths, readSeedFile } from '../files/seedFile';
import { describeSpan } from '../tags/anchor';
import { openUsable } from '../tags/diskFile';
import { emptySidecar, parseSidecar, serializeSidecar, sidecarPathFor } from '../tags/sidecar';
import type { StoredTag } from '../tags/sidecarTypes';
import { TagStore } from '../tags/tagStore';
import { sha256, type QdaCode, type QdaProject, type QdaSource } from './project';

export interface SourceImport {
  /** The source's name in the project. */
  name: string;
  /** The seed file it was matched to, or null. */
  file: string | null;
  /** exact: same name and text; changed: same name, other text (tags re-anchored); renamed: same text, other name. */
  match: 'exact' | 'changed' | 'renamed' | 'none';
  imported: number;
  /** Tags already in the sidecar exactly as in the project. */
  present: number;
}

export interface ImportReport {
  sources: SourceImport[];
  codesAdded: number;
  conflicts: string[];
}

export function importProject(project: QdaProject, folder: string, now = new Date()): ImportReport {
  const conflicts: string[] = [];
  const codes = flattenCodes(project.codes);
  const codesAdded = mergeCodebook(folder, codes, conflicts);
  const codeNames = new Map(codes.map(({ code }) => [code.guid, code.name]));
  const users = new Map(project.users.map((u) => [u.guid, u.name]));
  const notes = new Map(project.notes.map((n) => [n.guid, n.text]));
  const candidates = expandSeedPaths([folder]).files;
  const sources = project.sources.map((source): SourceImport => {
    const { file, match } = findSource(source, folder, candidates);
    if (!file) {
      conflicts.push(
        `source "${source.name}": no seed file under ${folder} has this name or this text; its ${source.selections.length} passage(s) were not imported`,
      );
      return { name: source.name, file: null, match, imported: 0, present: 0 };
    }
    const tags = tagsOf(source, codeNames, users, notes, conflicts, now);
    const { imported, present } = addToSidecar(file, tags, conflicts);
    return { name: source.name, file, match, imported, present };
  });
  return { sources, codesAdded, conflicts };
}

function flattenCodes(codes: readonly QdaCode[], parent: string | null = null): { code: QdaCode; parent: string | null }[] {
  return codes.flatMap((code) => [{ code, parent }, ...flattenCodes(code.children, code.name)]);
}

/** Adds the project's codes that the codebook lacks; one with the same name but other content is a conflict. */
function mergeCodebook(folder: string, codes: { code: QdaCode; parent: string | null }[], conflicts: string[]): number {
  if (codes.length === 0) return 0;
  let added = 0;
  const path = codebookPath(folder);
  const existedBefore = existsSync(path);
  updateCodebook(path, (current: Codebook) => {
    let next = current;
    for (const { code, parent } of codes) {
      const mine = codeNamed(next, code.name);
      const color = normaliseColour(code.color);
      if (!mine) {
        next = addCode(next, {
          name: code.name,
          description: code.description,
          ...(color ? { color } : {}),
          parent: parent && codeNamed(next, parent) ? parent : null,
        });
        added++;
      } else if (
        existedBefore &&
        (mine.description !== code.description || (color !== null && mine.color !== color) || mine.parent !== parent)
      ) {
        conflicts.push(
          `code "${code.name}": the codebook's definition, colour or parent differs from the project's; the codebook's is kept`,
        );
      }
    }
    return next;
  });
  return added;
}

function normaliseColour(color: string | null): string | null {
  if (!color) return null;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase();
  return /^#[0-9a-f]{6}$/i.test(color) ? color.toLowerCase() : null;
}

function findSource(
  source: QdaSource,
  folder: string,
  candidates: readonly string[],
): { file: string | null; match: SourceImport['match'] } {
  const hash = sha256(source.text);
  const textOf = (file: string) => {
    const read = readSeedFile(file);
    return read.ok ? read.text : null;
  };
  const byName = [join(folder, source.name), ...candidates.filter((f) => basename(f) === basename(source.name))].find(
    (f) => existsSync(f) && textOf(f) !== null,
  );
  if (byName) return { file: byName, match: sha256(textOf(byName)!) === hash ? 'exact' : 'changed' };
  const byHash = candidates.find((f) => {
    const text = textOf(f);
    return text !== null && sha256(text) === hash;
  });
  return byHash ? { file: byHash, match: 'renamed' } : { file: null, match: 'none' };
}

/** One tag per coding, its selectors taken from the project's copy of the text (the store re-anchors them). */
function tagsOf(
  source: QdaSource,
  codeNames: Map<string, string>,
  users: Map<string, string>,
  notes: Map<string, string>,
  conflicts: string[],
  now: Date,
): StoredTag[] {
  const index = new CodePointIndex(source.text);
  const tags: StoredTag[] = [];
  for (const s of source.selections) {
    const start = Math.min(s.start, s.end, index.length);
    const end = Math.min(Math.max(s.start, s.end), index.length);
    if (start === end) {
      conflicts.push(`source "${source.name}": the selection ${s.guid} is empty or outside the text; skipped`);
      continue;
    }
    const span = describeSpan(source.text, start, end, index);
    const note = s.noteGuids
      .map((g) => notes.get(g))
      .filter((n): n is string => !!n)
      .join('\n\n');
    for (const coding of s.codings) {
      const name = codeNames.get(coding.codeGuid);
      if (!name) {
        conflicts.push(
          `source "${source.name}": coding ${coding.guid} points at code ${coding.codeGuid}, which the project does not define; skipped`,
        );
        continue;
      }
      const coder = users.get(coding.creatingUser ?? s.creatingUser ?? '');
      const tag: StoredTag = {
        id: s.codings.length === 1 ? s.guid : coding.guid,
        tag: name,
        note,
        created: isoOr(coding.created ?? s.created, now),
        target: {
          selector: [
            { type: 'TextPositionSelector', start, end },
            { type: 'TextQuoteSelector', exact: span.exact, prefix: span.prefix, suffix: span.suffix },
          ],
        },
        status: 'anchored',
      };
      if (s.modified) tag.modified = isoOr(s.modified, now);
      if (coder) tag.creator = { type: 'Person', name: coder };
      tags.push(tag);
    }
  }
  return tags;
}

/** The schema's timestamps need a zone: a local time without one is taken as UTC. */
function isoOr(value: string | null, now: Date): string {
  if (!value) return now.toISOString();
  const date = new Date(/[zZ]|[+-]\d{2}:?\d{2}$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(date.getTime()) ? now.toISOString() : date.toISOString();
}

/** Adds the tags to the file's sidecar under its lock; then the store places them against the current text. */
function addToSidecar(file: string, tags: StoredTag[], conflicts: string[]): { imported: number; present: number } {
  let imported = 0;
  let present = 0;
  const read = readSeedFile(file);
  if (!read.ok) {
    conflicts.push(read.error);
    return { imported, present };
  }
  const path = sidecarPathFor(file);
  try {
    updateFileLocked(path, (raw) => {
      imported = 0;
      present = 0;
      const current = raw === null ? { kind: 'ok' as const, sidecar: emptySidecar(file, read.text) } : parseSidecar(raw, path);
      if (current.kind !== 'ok') throw new Error(current.kind === 'invalid' ? current.message : path);
      const byId = new Map(current.sidecar.tags.map((t) => [t.id, t]));
      const added: StoredTag[] = [];
      for (const tag of tags) {
        const mine = byId.get(tag.id);
        if (!mine) {
          added.push(tag);
          byId.set(tag.id, tag);
          imported++;
        } else if (
          mine.tag === tag.tag &&
          mine.note === tag.note &&
          mine.creator?.name === tag.creator?.name &&
          mine.target.selector[1].exact === tag.target.selector[1].exact
        ) {
          present++;
        } else {
          conflicts.push(`${file}: tag ${tag.id} ("${tag.tag}") differs from the one already in ${basename(path)}; that one is kept`);
        }
      }
      return added.length > 0 ? serializeSidecar({ ...current.sidecar, tags: [...current.sidecar.tags, ...added] }) : null;
    });
  } catch (err) {
    conflicts.push(`${relative('.', path) || path}: nothing imported (${(err as Error).message})`);
    return { imported: 0, present: 0 };
  }
  if (imported > 0) {
    // Re-anchor against the text as it is now and store the positions found (moved tags say so).
    const store = new TagStore();
    if (openUsable(store, file).ok) store.save(file);
  }
  return { imported, present };
}
