// Finds speakers (people, organisations, anonymous sources) and attributes each quote to one, or to none.
import type { AttributionOverride, Quote, Speaker, Structure } from './types';

export function findSpeakers(
  text: string,
  structure: Structure,
  quotes: Quote[],
  overrides: AttributionOverride[],
): { speakers: Speaker[]; quotes: Quote[] } {
  void text; void structure; void overrides;
  return { speakers: [], quotes }; // TEMPORARY skeleton, replaced by the attribution work.
}
