// Merges two versions of one file's tags (in memory and on disk) so that no tag from either side is lost:
// union by id; for the same id the newer edit (`modified`, else `created`) wins; ids this session deliberately
// removed stay removed unless the other side edited them after the removal.
import type { StoredAttribution, StoredTag } from './sidecarTypes';

export interface TagMergeInput {
  memory: StoredTag[];
  disk: StoredTag[];
  /** id -> ISO time it was removed in memory. */
  removed: ReadonlyMap<string, string>;
}

export function mergeTags({ memory, disk, removed }: TagMergeInput): StoredTag[] {
  const byId = new Map<string, StoredTag>();
  for (const tag of memory) byId.set(tag.id, tag);
  for (const tag of disk) {
    const removedAt = removed.get(tag.id);
    if (removedAt !== undefined && !(lastEdit(tag) > removedAt)) continue;
    const mine = byId.get(tag.id);
    // On a tie keep memory: it is already placed against the text being edited.
    if (!mine || lastEdit(tag) > lastEdit(mine)) byId.set(tag.id, tag);
  }
  return [...byId.values()];
}

/** ISO 8601 UTC strings from toISOString() compare correctly as strings. */
export function lastEdit(tag: StoredTag): string {
  return tag.modified ?? tag.created;
}

/**
 * Attributions carry no timestamps: the union by quote, where the same quote on both sides takes the disk's speaker
 * (our own changes are written at once, so a differing disk value is the later, outside edit). Quotes removed in
 * memory stay removed.
 */
export function mergeAttributions(
  memory: StoredAttribution[],
  disk: StoredAttribution[],
  removed: ReadonlySet<string>,
): StoredAttribution[] {
  const byQuote = new Map<string, StoredAttribution>();
  for (const a of memory) byQuote.set(attributionKey(a), a);
  for (const a of disk) {
    const key = attributionKey(a);
    if (removed.has(key)) continue;
    byQuote.set(key, a);
  }
  return [...byQuote.values()];
}

export function attributionKey(a: StoredAttribution): string {
  return JSON.stringify([a.quote.exact, a.quote.prefix, a.quote.suffix]);
}
