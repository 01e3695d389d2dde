// The lexicon's remembered word classes: each bit is the answer of its list's own function, for every word, asked
// once or many times, before and after the cache starts over.
import { strict as assert } from 'node:assert';
import * as classes from '../../../server/src/analysis/lexicon/wordClasses';
import {
  endsInPlaceOrEvent,
  isKnownOrganization,
  isNationality,
  isNeverName,
  isOrganizationDescriptor,
  isOrganizationHead,
  isPlace,
} from '../../../server/src/analysis/lexicon/gazetteer';
import { isHonorific, isRoleHead, isRoleModifier } from '../../../server/src/analysis/lexicon/roles';
import { isGivenName } from '../../../server/src/analysis/lexicon/givenNames';

const LISTS: [number, (word: string) => boolean][] = [
  [classes.NATIONALITY, isNationality],
  [classes.ROLE_HEAD, isRoleHead],
  [classes.ROLE_MODIFIER, isRoleModifier],
  [classes.ORGANIZATION_HEAD, isOrganizationHead],
  [classes.KNOWN_ORGANIZATION, isKnownOrganization],
  [classes.PLACE, isPlace],
  [classes.NEVER_NAME, isNeverName],
  [classes.GIVEN_NAME, isGivenName],
  [classes.HONORIFIC, isHonorific],
  [classes.ORGANIZATION_DESCRIPTOR, isOrganizationDescriptor],
  [classes.PLACE_OR_EVENT_HEAD, endsInPlaceOrEvent],
];

const WORDS = [
  'russian',
  'Russian',
  'minister',
  'Minister',
  'vice-chairman',
  'foreign',
  'ministry',
  'Kremlin',
  'white house',
  'polish red cross',
  'moscow',
  "Moscow's",
  'monday',
  'The',
  'sergei',
  'Zoë',
  'Mr',
  'mrs',
  'carmaker',
  'square',
  'çavuşoğlu',
  'lavrov',
  '',
  '-',
  'new york',
];

describe('lexicon: word classes', () => {
  it('gives each list the answer of its own function', () => {
    for (let round = 0; round < 2; round++)
      for (const w of WORDS)
        for (const [bit, list] of LISTS) assert.equal(classes.isWordOf(w, bit), list(w), `${JSON.stringify(w)} bit ${bit}`);
  });

  it('keeps the bits apart and still answers right after more words than it keeps', () => {
    const bits = LISTS.map(([bit]) => bit);
    assert.equal(new Set(bits).size, bits.length);
    for (const bit of bits) assert.equal(bits.filter((b) => (b & bit) !== 0).length, 1);
    for (let k = 0; k < 70000; k++) classes.wordClasses(`word${k}`);
    for (const w of WORDS) for (const [bit, list] of LISTS) assert.equal(classes.isWordOf(w, bit), list(w), JSON.stringify(w));
  });
});
