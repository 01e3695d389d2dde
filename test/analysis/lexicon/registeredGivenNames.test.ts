// The registry of given names is a weak sign of a person: it finds ordinary names no hand-made list holds, and
// a name of it with a surname reads as a person's; words of the lexicon keep their own kind.
import { strict as assert } from 'node:assert';
import { isRegisteredGivenName } from '../../../server/src/analysis/lexicon/registeredGivenNames';
import { analyze } from '../../../server/src/analysis/index';
import { testArticle, whoSaid as who } from '../articleFixture';

describe('registered given names', () => {
  it('knows common names of any origin and not ordinary words', () => {
    for (const name of ['carol', 'travis', 'marlene', 'denise', 'aabriella']) assert.ok(isRegisteredGivenName(name), name);
    for (const word of ['diner', 'courthouse', 'zzzz', '']) assert.ok(!isRegisteredGivenName(word), word);
  });

  it('makes an object named by one a person a later "she" can mean', () => {
    const a = analyze(testArticle(['I met Carol Benning at a diner on Route 6.', '“Because I am tired,” she told me.']));
    assert.equal(who(a, 'Because I am tired'), 'Carol Benning');
  });

  it('leaves a name with a word of another kind in it alone ("Harlow City Museum")', () => {
    const a = analyze(testArticle(['The board of Harlow City Museum met on Monday.', '“We approved it,” the museum said.']));
    const quote = a.quotes.find((q) => q.text.includes('We approved it'));
    const speaker = a.speakers.find((s) => s.id === quote?.speakerId);
    assert.ok(speaker, 'the museum speaks');
    assert.equal(speaker.kind, 'organization');
  });
});
