// Finds date and date-time expressions, normalises them to ISO and picks the article's own (primary) date.
import type { Dateline, Structure } from './types';

export function findDatelines(text: string, structure: Structure): Dateline[] {
  void text; void structure;
  return []; // TEMPORARY skeleton, replaced by the dateline work.
}
