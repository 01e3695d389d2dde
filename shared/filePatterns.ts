// How a `seedAnnotator.filePatterns` glob applies: the one reading of the setting that the client (which files get the
// seed language), the workspace index (which files are seeds) and the server's file watchers share.

/**
 * `anywhere`: match the glob against the whole path (a pattern without a slash names files anywhere, as in
 * `files.associations`); otherwise match it against the path relative to the file's workspace folder.
 */
export interface PatternScope {
  anywhere: boolean;
  glob: string;
}

/**
 * Taken as written (no trimming or slash conversion), so that the editor and the index never disagree. The server
 * matches `glob` against the path relative to the workspace folder (a leading globstar matches any folders there, or none).
 */
export function patternScope(glob: string): PatternScope | undefined {
  if (glob.trim() === '') return undefined;
  if (!glob.includes('/')) return { anywhere: true, glob: `**/${glob}` };
  if (glob.startsWith('/') || /^[A-Za-z]:\//.test(glob)) return { anywhere: true, glob };
  return { anywhere: false, glob };
}
