// The tag picker's choices and name rules, and the colour each tag gets in the editor.
import { strict as assert } from 'node:assert';
import { tagChoices, validateTagName } from '../../client/src/tagNames';
import { TAG_PALETTE, gutterMarkSvg, tagColour, translucent } from '../../client/src/tagPalette';

describe('tag names in the picker', () => {
  it('offers the configured vocabulary first, in its order, then other workspace tags alphabetically, once each', () => {
    const choices = tagChoices(['threat', 'claim', ' claim ', ''], ['denial', 'claim', 'Accusation', 'threat']);
    assert.deepEqual(choices, [
      { tag: 'threat', configured: true },
      { tag: 'claim', configured: true },
      { tag: 'Accusation', configured: false },
      { tag: 'denial', configured: false },
    ]);
  });

  it('accepts one-line names and explains what is wrong with others', () => {
    assert.equal(validateTagName('claim'), undefined);
    assert.equal(validateTagName('  veiled threat '), undefined);
    assert.match(validateTagName('   ') ?? '', /empty/);
    assert.match(validateTagName('a\nb') ?? '', /single line/);
    assert.match(validateTagName('x'.repeat(81)) ?? '', /80/);
  });
});

describe('tag colours', () => {
  it('gives the configured tags distinct colours in order, and any other tag a stable one', () => {
    const vocabulary = ['claim', 'denial', 'threat'];
    const colours = vocabulary.map((tag) => tagColour(tag, vocabulary));
    assert.deepEqual(colours, TAG_PALETTE.slice(0, 3));
    assert.equal(tagColour('ultimatum', vocabulary), tagColour('ultimatum', []), 'independent of the vocabulary');
    assert.ok(TAG_PALETTE.includes(tagColour('ultimatum', []) as (typeof TAG_PALETTE)[number]));
  });

  it('spreads unconfigured names over the palette', () => {
    const used = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'].map((tag) => tagColour(tag, [])));
    assert.ok(used.size >= 5, `12 names use ${used.size} colours`);
  });

  it('builds translucent backgrounds and a gutter mark', () => {
    assert.equal(translucent('#e6194b', 0.18), '#e6194b2e');
    assert.equal(translucent('#e6194b', 2), '#e6194bff');
    const mark = gutterMarkSvg('#3cb44b');
    assert.ok(mark.startsWith('data:image/svg+xml;utf8,'));
    assert.match(decodeURIComponent(mark), /fill="#3cb44b"/);
  });
});
