// The tags of the files a command names (directories expanded), each placed against the file's current text; the
// files that cannot be used are listed by their reason. For CLI commands that read tags without writing them.
import { openUsable } from '../tags/diskFile';
import { TagStore, type PlacedTag } from '../tags/tagStore';

export interface TaggedFile {
  /** As the user named it (or found under a named folder). */
  file: string;
  text: string;
  tags: PlacedTag[];
}

export function readTaggedFiles(files: readonly string[]): { tagged: TaggedFile[]; problems: string[] } {
  const tagged: TaggedFile[] = [];
  const problems: string[] = [];
  const store = new TagStore();
  for (const file of files) {
    const opened = openUsable(store, file);
    if (!opened.ok) problems.push(opened.error);
    else tagged.push({ file, text: opened.text, tags: store.list(file) });
    store.close(file);
  }
  return { tagged, problems };
}
