// Tag colours in the editor: the palette (shared with the server's codebook), translucent backgrounds, gutter marks.

export { TAG_PALETTE, tagColour } from '../../shared/tagColours';

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
