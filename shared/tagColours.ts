// A colour per tag name, shared by the client's decorations and the server's codebook (new codes get one): the
// vocabulary gets distinct colours in order, other names a stable hashed one.

/** Mid-tone hues that stay readable as a translucent background on light and dark themes alike. */
export const TAG_PALETTE = [
  '#e6194b',
  '#3cb44b',
  '#4363d8',
  '#f58231',
  '#911eb4',
  '#1fa2c7',
  '#f032e6',
  '#9a6324',
  '#469990',
  '#d4a500',
] as const;

/** FNV-1a: a name keeps its colour across sessions and machines. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function tagColour(tag: string, vocabulary: readonly string[]): string {
  const index = vocabulary.indexOf(tag);
  if (index >= 0) return TAG_PALETTE[index % TAG_PALETTE.length];
  return TAG_PALETTE[hash(tag) % TAG_PALETTE.length];
}
