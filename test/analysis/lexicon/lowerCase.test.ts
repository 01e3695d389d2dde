// The lexicon's remembered lower case: the same answer as String.prototype.toLowerCase for every word, asked once
// or many times, before and after the cache starts over.
import { strict as assert } from 'node:assert';
import { lowerCase } from '../../../server/src/analysis/lexicon/lowerCase';

describe('lexicon: remembered lower case', () => {
  const words = [
    'Lavrov',
    'lavrov',
    'ÇAVUŞOĞLU',
    'Zoë',
    'İstanbul',
    'ΟΔΥΣΣΕΥΣ',
    'ΟΔΟΣ ΑΘΗΝΑ',
    'Mr.',
    '',
    'U.S.',
    'Foreign Ministry',
    '💬Emoji',
  ];

  it('answers as toLowerCase does, the first time and every time after', () => {
    for (let round = 0; round < 3; round++) for (const w of words) assert.equal(lowerCase(w), w.toLowerCase(), JSON.stringify(w));
  });

  it('still answers right after more words than it keeps', () => {
    for (let k = 0; k < 70000; k++) {
      const w = `Word${k}Ä`;
      assert.equal(lowerCase(w), w.toLowerCase());
    }
    for (const w of words) assert.equal(lowerCase(w), w.toLowerCase(), JSON.stringify(w));
  });
});
