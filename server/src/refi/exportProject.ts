// A workspace folder's tagged files as a REFI-QDA archive: the folder's codebook, each file named relative to the
// folder. Shared by the CLI (`export --format qdpx`) and the language server (the editor's Export command).
import { basename, relative, resolve, sep } from 'node:path';
import { codebookPath, readCodebook } from '../coding/codebook';
import type { PlacedTag } from '../tags/tagStore';
import { buildProject, type ProjectFile } from './project';
import { writeQdpx } from './qdpx';

export interface TaggedSource {
  path: string;
  text: string;
  tags: readonly PlacedTag[];
}

export interface QdpxExport {
  bytes: Buffer;
  tags: number;
  sources: number;
  coders: number;
  /** Things the user should know (an unusable codebook, orphaned tags left out). */
  problems: string[];
}

export async function exportQdpx(root: string, files: readonly TaggedSource[], now = new Date()): Promise<QdpxExport> {
  const problems: string[] = [];
  const codebook = readCodebook(codebookPath(root));
  if (codebook.kind === 'invalid') problems.push(`${codebook.message} (the project's codes come from the tags alone)`);
  const projectFiles: ProjectFile[] = files.map((f) => ({ name: nameIn(root, f.path), text: f.text, tags: f.tags }));
  const { project, orphaned } = buildProject(
    basename(resolve(root)),
    codebook.kind === 'ok' ? codebook.codebook.codes : [],
    projectFiles,
    now,
  );
  if (orphaned > 0)
    problems.push(
      `${orphaned} orphaned tag${orphaned === 1 ? ' is' : 's are'} not in the text any more and ${orphaned === 1 ? 'was' : 'were'} left out`,
    );
  return {
    bytes: await writeQdpx(project),
    tags: project.sources.reduce((n, s) => n + s.selections.length, 0),
    sources: project.sources.length,
    coders: project.users.length,
    problems,
  };
}

/** The file's name in the project: relative to the workspace folder, with forward slashes. */
function nameIn(root: string, file: string): string {
  const rel = relative(resolve(root), resolve(file));
  return (rel.startsWith('..') ? resolve(file) : rel).split(sep).join('/');
}
