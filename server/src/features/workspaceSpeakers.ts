// Speakers across the workspace (speaker -> files -> quotes) for the client's Speakers view.
import type { CancellationToken } from 'vscode-languageserver';
import type { WorkspaceSpeaker } from '../../../shared/protocol';
import type { IndexedFile } from '../workspaceIndex';

/** Merges speakers of different files by name, case-insensitively; returns null when cancelled. */
export function workspaceSpeakers(files: Iterable<IndexedFile>, token?: CancellationToken): WorkspaceSpeaker[] | null {
  const byName = new Map<string, WorkspaceSpeaker>();
  for (const file of files) {
    if (token?.isCancellationRequested) return null;
    for (const s of file.speakers) {
      const key = s.name.toLowerCase();
      let speaker = byName.get(key);
      if (!speaker) {
        speaker = { name: s.name, kind: s.kind, role: s.role, files: [] };
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
