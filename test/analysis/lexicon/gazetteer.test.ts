// The gazetteer's look-up of known organizations by a phrase's last words: the last-word filter that settles
// most phrases without a split gives the answer the full comparison of every suffix gives.
import { strict as assert } from 'node:assert';
import { isKnownOrganization } from '../../../server/src/analysis/lexicon/gazetteer';

describe('lexicon: known organizations', () => {
  it('finds a known name alone, at the end of a longer phrase, in any case and across any blanks', () => {
    assert.equal(isKnownOrganization('Kremlin'), true);
    assert.equal(isKnownOrganization('White House'), true);
    assert.equal(isKnownOrganization('the White House'), true);
    assert.equal(isKnownOrganization('Polish Red Cross'), true);
    assert.equal(isKnownOrganization('Polish Red\u00a0Cross'), true);
    assert.equal(isKnownOrganization('polish red\tcross'), true);
    assert.equal(isKnownOrganization('Polish Red Cross '), false);
  });

  it('finds none in a phrase that only starts with one or holds one in the middle', () => {
    assert.equal(isKnownOrganization('White House Lawn'), false);
    assert.equal(isKnownOrganization('Anna Kowalska'), false);
    assert.equal(isKnownOrganization('Red Cross Nurse'), false);
    assert.equal(isKnownOrganization(''), false);
    assert.equal(isKnownOrganization(' '), false);
  });
});
