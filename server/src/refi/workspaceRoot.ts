// Which workspace folder a command works in: the nearest folder (from `start` up) holding `.seed-annotator/`, else
// `start` itself. Exports name sources relative to it and read its codebook.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { WORKSPACE_DIR } from '../coding/codebook';

export function workspaceRootOf(start: string): string {
  const first = resolve(start);
  for (let dir = first; ; dir = dirname(dir)) {
    if (existsSync(join(dir, WORKSPACE_DIR))) return dir;
    if (dirname(dir) === dir) return first;
  }
}
