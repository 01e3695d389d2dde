// Inputs far under the size limit that used to hang the analysis (issue 13). Each runs at the size that was
// reported; the timeout is a hang guard, not a speed goal (speed is measured by `npm run bench`).
import { strict as assert } from 'node:assert';
import { analyze } from '../../server/src/analysis/index';
import { isKnownOrganization } from '../../server/src/analysis/lexicon/gazetteer';

describe('inputs that used to hang the analysis', function () {
  this.timeout(20_000);

  it('"Mr " × 40,000: the organization look-up reads a long capitalised run once', () => {
    const a = analyze('Mr '.repeat(40_000));
    assert.deepEqual(a.quotes, []);
  });

  it('"PRESIDENT JOE SMITH " × 8,000', () => {
    const a = analyze('PRESIDENT JOE SMITH '.repeat(8_000));
    assert.deepEqual(a.quotes, []);
  });

  it('an unclosed markdown link "[x](" × 300,000', () => {
    const a = analyze('[x]('.repeat(300_000));
    assert.deepEqual(a.quotes, []);
  });

  it('still knows a body behind a national qualifier, and nothing in a long run of words', () => {
    assert.equal(isKnownOrganization('Polish Red Cross'), true);
    assert.equal(isKnownOrganization('the Turkish Red Crescent'), true);
    assert.equal(isKnownOrganization('Red'), false);
    assert.equal(isKnownOrganization('Mr '.repeat(100_000).trim()), false);
  });
});
