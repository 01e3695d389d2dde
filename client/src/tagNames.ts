// Tag names as the pickers offer and accept them: the vocabulary's order, and what a valid name is.

/** A tag name as the pickers accept it: trimmed, one line, not empty. */
export function validateTagName(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'A tag name cannot be empty.';
  if (/[\r\n]/.test(trimmed)) return 'A tag name is a single line.';
  if (trimmed.length > 80) return 'A tag name has at most 80 characters.';
  return undefined;
}

/** The configured vocabulary first (in its order), then other tags used in the workspace, alphabetically. */
export function tagChoices(configured: readonly string[], used: readonly string[]): { tag: string; configured: boolean }[] {
  const seen = new Set<string>();
  const choices: { tag: string; configured: boolean }[] = [];
  for (const tag of configured) {
    const name = tag.trim();
    if (name && !seen.has(name)) {
      seen.add(name);
      choices.push({ tag: name, configured: true });
    }
  }
  for (const tag of [...used].sort((a, b) => a.localeCompare(b))) {
    if (!seen.has(tag)) {
      seen.add(tag);
      choices.push({ tag, configured: false });
    }
  }
  return choices;
}
