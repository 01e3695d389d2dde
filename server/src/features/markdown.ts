// Builds hover markdown from document text safely: no document text can become a link, image, HTML or command.

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/**
 * Escapes text for inline use in markdown. CommonMark lets every ASCII punctuation character be backslash-escaped,
 * so escaping all of them disables links, images, emphasis, code spans, HTML, entities and autolinks
 * (`https\://…`, `www\.…` no longer parse). Line breaks and runs of whitespace collapse to one space so text
 * cannot start a heading, list or block.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(ASCII_PUNCTUATION, (c) => `\\${c}`);
}

/** Shortens long document text for a hover line, keeping the start and an ellipsis. */
export function clip(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
