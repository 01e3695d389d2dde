// What the lexicon says about one word, as bits, remembered per word: the name reader asks up to seven lists
// about every capitalised word it meets (is it a role head, a modifier, a nationality, an organization's head,
// a known organization, a place, a given name …), and a long article has hundreds of thousands of such words but
// only a few thousand distinct ones. One look-up answers all the lists; each bit is the answer of the list's own
// function, so the two never disagree. Bounded, so a long-running server does not keep every word it ever saw.
import {
  endsInPlaceOrEvent,
  isKnownOrganization,
  isNationality,
  isNeverName,
  isOrganizationDescriptor,
  isOrganizationHead,
  isPlace,
} from './gazetteer';
import { isHonorific, isRoleHead, isRoleModifier } from './roles';
import { isGivenName } from './givenNames';

export const NATIONALITY = 1 << 0;
export const ROLE_HEAD = 1 << 1;
export const ROLE_MODIFIER = 1 << 2;
export const ORGANIZATION_HEAD = 1 << 3;
export const KNOWN_ORGANIZATION = 1 << 4;
export const PLACE = 1 << 5;
export const NEVER_NAME = 1 << 6;
export const GIVEN_NAME = 1 << 7;
export const HONORIFIC = 1 << 8;
export const ORGANIZATION_DESCRIPTOR = 1 << 9;
export const PLACE_OR_EVENT_HEAD = 1 << 10;

const cache = new Map<string, number>();
/** Words remembered before the cache starts over. */
const LIMIT = 1 << 16;

/** The classes `word` belongs to, as the bits above (any case, as each list's function takes it). */
export function wordClasses(word: string): number {
  let classes = cache.get(word);
  if (classes === undefined) {
    classes = classesOf(word);
    if (cache.size >= LIMIT) cache.clear();
    cache.set(word, classes);
  }
  return classes;
}

/** `word` belongs to the class `bit` (one of the bits above). */
export function isWordOf(word: string, bit: number): boolean {
  return (wordClasses(word) & bit) !== 0;
}

function classesOf(word: string): number {
  return (
    (isNationality(word) ? NATIONALITY : 0) |
    (isRoleHead(word) ? ROLE_HEAD : 0) |
    (isRoleModifier(word) ? ROLE_MODIFIER : 0) |
    (isOrganizationHead(word) ? ORGANIZATION_HEAD : 0) |
    (isKnownOrganization(word) ? KNOWN_ORGANIZATION : 0) |
    (isPlace(word) ? PLACE : 0) |
    (isNeverName(word) ? NEVER_NAME : 0) |
    (isGivenName(word) ? GIVEN_NAME : 0) |
    (isHonorific(word) ? HONORIFIC : 0) |
    (isOrganizationDescriptor(word) ? ORGANIZATION_DESCRIPTOR : 0) |
    (endsInPlaceOrEvent(word) ? PLACE_OR_EVENT_HEAD : 0)
  );
}
