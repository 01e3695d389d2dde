// A registry of about 32,000 English given names (generated/registeredGivenNames.ts, from the
// gender-detection-from-name package), as a weak sign that a two-word name of unknown kind is a person's: US
// reporting names ordinary people ("Carol Benning", "Travis Kern") whose given names no hand-made list holds.
// It says nothing of gender: the registry gives one to names that are shared (Jordan, Joan), so the pronoun
// rules keep to givenNames.ts for that.
import { REGISTERED_GIVEN_NAMES } from './generated/registeredGivenNames';

/** The sorted names, split on first use (about 9 ms), so a process that never asks pays nothing. */
let names: readonly string[] | null = null;

export function isRegisteredGivenName(lower: string): boolean {
  names ??= REGISTERED_GIVEN_NAMES.split(' ');
  let lo = 0;
  let hi = names.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (names[mid] < lower) lo = mid + 1;
    else hi = mid;
  }
  return names[lo] === lower;
}
