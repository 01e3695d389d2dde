// Finds the layout of an article: title, byline block, body, paragraphs and trailing boilerplate.
// Works in UTF-16 indices like every module under analysis/; `analyze` converts to code points.
import type { Structure } from './types';

export function findStructure(text: string): Structure {
  // TEMPORARY skeleton, replaced by the layout work: whole text is body, no title.
  return { title: null, body: { start: 0, end: text.length }, paragraphs: [], boilerplateStart: null };
}
