// A colour per tag name: the configured vocabulary gets distinct colours in order, other names a stable hashed one.

/** Mid-tone hues that stay readable as a translucent background on light and dark themes alike. */
export const TAG_PALETTE = [
  '#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4',
  '#1fa2c7', '#f032e6', '#9a6324', '#469990', '#d4a500',
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

/** A `#rrggbb` colour with an alpha channel, for backgrounds that let the text and selection show through. */
export function translucent(colour: string, alpha: number): string {
  const byte = Math.round(Math.min(1, Math.max(0, alpha)) * 255);
  return `${colour}${byte.toString(16).padStart(2, '0')}`;
}

/** A small filled marker for the gutter, as an SVG data URI (no files to ship). */
export function gutterMarkSvg(colour: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><rect x="5" y="1" width="5" height="14" rx="2" fill="${colour}"/></svg>`;
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}
