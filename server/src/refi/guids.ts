// GUIDs for a REFI-QDA project. Stable: the same tag, code, coder or source gets the same GUID in every export, so
// a project re-exported after more coding still lines up with the one a QDA tool imported before.
import { createHash } from 'node:crypto';

const GUID = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

/** The GUID in `value` (lower case, braces dropped), or null when it is not one. */
export function asGuid(value: string): string | null {
  const match = GUID.exec(value.trim());
  return match ? match[1].toLowerCase() : null;
}

/** A name-based UUID (version 5 layout over SHA-256) for `kind` + `key`: the same inputs, the same GUID. */
export function stableGuid(kind: string, key: string): string {
  const hex = createHash('sha256').update(`seed-annotator:${kind}:${key}`, 'utf8').digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A tag's selection GUID: its own id when that is a UUID (ids are UUIDs by default), else one derived from it. */
export function tagGuid(id: string): string {
  return asGuid(id) ?? stableGuid('tag', id);
}
