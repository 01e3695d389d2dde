// Speakers across the workspace (speaker -> files -> quotes) for the client's Speakers view.
import type { CancellationToken } from 'vscode-languageserver';
import type { WorkspaceSpeaker } from '../../../shared/protocol';
import type { IndexedFile } from '../workspace/workspaceIndex';

/** The speaker of the whole corpus a file's speaker belongs to (issue 9), when one is known. */
export type SpeakerGrouping = (
  uri: string,
  speakerName: string,
) => { id: string; name: string; kind: WorkspaceSpeaker['kind']; role: string | null } | undefined;

/** The grouping once it can be given (the corpus speakers are known); undefined when cancelled or not known. */
export type SpeakerGroupingSource = (token?: CancellationToken) => Promise<SpeakerGrouping | undefined>;

/**
 * Merges speakers of different files: by corpus speaker when a grouping is given, else by name, case-insensitively;
 * returns null when cancelled.
 */
export function workspaceSpeakers(
  files: Iterable<IndexedFile>,
  token?: CancellationToken,
  grouping?: SpeakerGrouping,
): WorkspaceSpeaker[] | null {
  const byName = new Map<string, WorkspaceSpeaker>();
  for (const file of files) {
    if (token?.isCancellationRequested) return null;
    for (const s of file.speakers) {
      const group = grouping?.(file.uri, s.name);
      const key = group ? group.id : s.name.toLowerCase();
      let speaker = byName.get(key);
      if (!speaker) {
        speaker = group
          ? { id: group.id, name: group.name, kind: group.kind, role: group.role, files: [] }
          : { name: s.name, kind: s.kind, role: s.role, files: [] };
        byName.set(key, speaker);
      }
      speaker.role ??= s.role;
      speaker.files.push({
        uri: file.uri,
        mentions: s.mentions,
        quotes: file.quotes.filter((q) => q.speaker === s.name).map((q) => ({ text: q.text, range: q.range, confidence: q.confidence })),
      });
    }
  }
  for (const speaker of byName.values()) speaker.files.sort((a, b) => a.uri.localeCompare(b.uri));
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}
