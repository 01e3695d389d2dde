// The mentions stage as a whole: every name indexed by where its phrase starts and ends, and the media.
import { strict as assert } from 'node:assert';
import { findMentions } from '../../../../server/src/analysis/speakers/mentions';
import { stageInput, tokenAt } from '../stageInput';

describe('speakers/mentions: stage', () => {
  it('indexes each name by its phrase and its own tokens', () => {
    const { tt } = stageInput(['Germany’s finance minister, Anna Vogt, said the budget was balanced.']);
    const { names, index } = findMentions(tt);
    const vogt = names.find((n) => n.text === 'Anna Vogt');
    assert.ok(vogt, JSON.stringify(names.map((n) => n.text)));
    assert.equal(index.byFirst.get(vogt.first), vogt);
    assert.equal(index.byFirst.get(vogt.phraseFirst), vogt);
    assert.equal(index.byLast.get(vogt.end - 1), vogt);
    assert.equal(vogt.role?.text, 'Germany’s finance minister');
  });

  it('marks a name introduced as the medium of the words', () => {
    const { tt } = stageInput(['Olga Petrova was quoted by Interfax as saying the pipeline was safe.']);
    const { names, media } = findMentions(tt);
    const interfax = names.find((n) => n.text === 'Interfax');
    assert.ok(interfax);
    assert.equal(media.has(interfax), true);
    assert.equal(
      [...media].some((n) => n.text === 'Olga Petrova'),
      false,
    );
    assert.equal(tt.tokens[tokenAt(tt.tokens, 'Interfax')].start, interfax.start);
  });
});
