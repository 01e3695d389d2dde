// Finds direct quotes (straight, curly, guillemets; partial, split, multi-paragraph) and drops non-speech marks.
import type { Quote, Structure } from './types';

export function findQuotes(text: string, structure: Structure): Quote[] {
  void text; void structure;
  return []; // TEMPORARY skeleton, replaced by the quote work.
}
