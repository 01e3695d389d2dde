// Finds the tag sidecars of a folder tree, for workspace-wide operations (the Tags view, exports, code renames).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isSeedFileName } from '../files/seedFile';
import { isSidecarPath, sourcePathFor } from './sidecar';

/** Every `*.tags.json` under `folder` whose source exists as a seed-like file, skipping dot folders and node_modules. */
export function sidecarsUnder(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > 20) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const names = new Set(entries.map((e) => e.name));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path, depth + 1);
      else if (e.isFile() && isSidecarPath(e.name) && names.has(sourcePathFor(e.name)) && isSeedFileName(sourcePathFor(e.name)))
        found.push(path);
    }
  };
  walk(folder, 0);
  return found.sort();
}
