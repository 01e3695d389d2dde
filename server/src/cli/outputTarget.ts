// Where `--out` may write: never over an input. An export written onto the article, its sidecar, a workspace file
// (`.seed-annotator/*`) or any tagged source would destroy the data it was made from, so those are refused before
// anything is read, as is a folder.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { WORKSPACE_DIR } from '../coding/codebook';
import { isSeedFileName } from '../files/seedFile';
import { isSidecarPath, sidecarPathFor } from '../tags/sidecar';

/** Why `out` must not be written by an export of `sources`, or null when it may. */
export function outputTargetProblem(out: string, sources: readonly string[]): string | null {
  const target = canonical(out);
  let stat;
  try {
    stat = statSync(out);
  } catch {
    stat = null;
  }
  if (stat?.isDirectory()) return `${out}: is a folder; give a file name for --out`;
  if (isSidecarPath(out)) return `${out}: is a tag sidecar; an export written there would replace the tags`;
  if (basename(dirname(target)) === WORKSPACE_DIR) return `${out}: is a Seed Annotator workspace file; choose another name for --out`;
  const inputs = new Set(sources.map(canonical));
  if (inputs.has(target)) return `${out}: is one of the files being exported; an export written there would replace the article`;
  if (stat && (isSeedFileName(basename(target)) || existsSync(sidecarPathFor(target)))) {
    return `${out}: is a source article; an export written there would replace it`;
  }
  return null;
}

/** The real path of a file, or of its folder when the file does not exist yet. */
function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return resolve(realpathSync(dirname(path)), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/** Says on stderr why `export --out` refuses `out` (it would replace one of `sources`); true when it refused. */
export function refusesOutputTarget(out: string, sources: readonly string[]): boolean {
  const problem = outputTargetProblem(out, sources);
  if (problem) process.stderr.write(`seed-annotator export: refusing --out ${problem}\n`);
  return problem !== null;
}
