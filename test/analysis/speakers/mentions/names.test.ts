// The name reader on its own: names split from their titles and appositives, classified, with gender where the
// text tells it; non-Latin letters and emoji around them change nothing.
import { strict as assert } from 'node:assert';
import { findNames, withArticle } from '../../../../server/src/analysis/speakers/mentions/names';
import { stageInput, tokenAt } from '../stageInput';

function namesIn(paragraph: string) {
  const { tt } = stageInput([paragraph]);
  return { tt, names: findNames(tt) };
}

describe('speakers/mentions: names', () => {
  it('splits a capitalised title from the name it stands before', () => {
    const { names } = namesIn('Russian Foreign Minister Sergei Lavrov told reporters on Monday that the talks would go on.');
    const lavrov = names.find((n) => n.text === 'Sergei Lavrov');
    assert.ok(lavrov, JSON.stringify(names.map((n) => n.text)));
    assert.equal(lavrov.kind, 'person');
    assert.equal(lavrov.role?.text, 'Russian Foreign Minister');
    assert.equal(lavrov.gender, 'male');
    assert.deepEqual(lavrov.words, ['sergei', 'lavrov']);
    assert.equal(lavrov.titled, true);
  });

  it('reads names with diacritics after an emoji, and the appositive role after a comma', () => {
    const { names, tt } = namesIn('🎉 Mevlüt Çavuşoğlu, the Turkish foreign minister, said on Friday that the border stayed open.');
    const name = names.find((n) => n.text === 'Mevlüt Çavuşoğlu');
    assert.ok(name, JSON.stringify(names.map((n) => n.text)));
    assert.equal(name.kind, 'person');
    assert.equal(name.role?.text, 'the Turkish foreign minister');
    // UTF-16 offsets: the emoji before the name counts two code units.
    assert.equal(tt.tokens[name.first].start, name.start);
    assert.equal(name.stop - name.start, 'Mevlüt Çavuşoğlu'.length);
  });

  it('keeps lower-case surname particles and knows a gender from a Slavic surname ending', () => {
    const { names } = namesIn('Commission President Ursula von der Leyen met Irina Petrova in the capital, officials said.');
    assert.ok(
      names.some((n) => n.text === 'Ursula von der Leyen' && n.kind === 'person'),
      JSON.stringify(names.map((n) => n.text)),
    );
    assert.equal(names.find((n) => n.text === 'Irina Petrova')?.gender, 'female');
  });

  it('classifies organizations and places, and a place after a preposition of place', () => {
    const { names } = namesIn('The Foreign Ministry in Moscow said the delegation had arrived in Daugavpils before noon.');
    assert.equal(names.find((n) => n.text === 'Foreign Ministry')?.kind, 'organization');
    assert.equal(names.find((n) => n.text === 'Moscow')?.kind, 'place');
    assert.equal(names.find((n) => n.text === 'Daugavpils')?.kind, 'place');
  });

  it('reads a surname that is also a place or institution word as a person when a role follows', () => {
    const { names } = namesIn('Jo Park, the city’s police chief, met Ann Church, a nurse, in Marlow Park on Friday.');
    const park = names.find((n) => n.text === 'Jo Park');
    const church = names.find((n) => n.text === 'Ann Church');
    assert.equal(park?.kind, 'person');
    assert.equal(park?.role?.text, 'the city’s police chief');
    assert.equal(church?.kind, 'person');
    assert.equal(church?.role?.text, 'a nurse');
    assert.equal(names.find((n) => n.text === 'Marlow Park')?.kind, 'place');
  });

  it('takes no name from inside a quote', () => {
    const { names } = namesIn('“Nobody told Anna Kowalska anything,” the spokesman said after the meeting.');
    assert.equal(
      names.some((n) => n.text.includes('Kowalska')),
      false,
    );
  });

  it('gives an institution its article, as written', () => {
    const { names, tt } = namesIn('The Kremlin said on Tuesday that no meeting was planned for the week.');
    const kremlin = names.find((n) => n.text === 'Kremlin');
    assert.ok(kremlin);
    assert.equal(withArticle(tt.tokens, kremlin).text, 'The Kremlin');
    assert.equal(withArticle(tt.tokens, kremlin).start, tt.tokens[tokenAt(tt.tokens, 'Kremlin') - 1].start);
  });
});
