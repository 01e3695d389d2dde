// Subject reading on its own: for each kind of cue, the subject as written (a name, a description or a pronoun),
// found leftwards, rightwards when inverted, or from the sentence's start for a participle.
import { strict as assert } from 'node:assert';
import { findMentions } from '../../../../server/src/analysis/speakers/mentions';
import { readCues } from '../../../../server/src/analysis/speakers/cues';
import type { Subject } from '../../../../server/src/analysis/speakers/cues';
import { stageInput } from '../stageInput';

/** Each cue's phrase with its subject's words (null when it has none), in cue order. */
function subjects(paragraph: string): [string, string | null][] {
  const { tt } = stageInput([paragraph]);
  const { cues, subjects } = readCues(tt, findMentions(tt));
  const words = (s: Subject): string =>
    s.type === 'name' ? s.candidate.text : s.type === 'description' ? s.description.text : tt.tokens[s.token].text;
  return cues.map((c) => {
    const s = subjects.get(c);
    return [c.span.text, s ? `${s.type}:${words(s)}` : null];
  });
}

describe('speakers/cues: subjects', () => {
  it('reads a name across an aside and adverbs before the verb', () => {
    assert.deepEqual(subjects('Mevlüt Çavuşoğlu, speaking after the vote, has also repeatedly said the border stays open.'), [
      ['speaking', 'name:Mevlüt Çavuşoğlu'],
      ['said', 'name:Mevlüt Çavuşoğlu'],
    ]);
  });

  it('reads an anonymous source and a pronoun', () => {
    assert.deepEqual(subjects('A senior official close to the negotiations said they would go on. She said nothing else.'), [
      ['said', 'description:A senior official close to the negotiations'],
      ['said', 'pronoun:She'],
    ]);
  });

  it('reads the subject after an inverted cue, with a role the lexicon may not know', () => {
    assert.deepEqual(subjects('“It is late,” said sleep psychologist Zoë Müller.'), [['said', 'name:Zoë Müller']]);
  });

  it('reads the author after "according to" and the sentence subject of a participle', () => {
    assert.deepEqual(subjects('The port stays shut, according to a statement from the ministry. Grace Mwangi left, saying nothing.'), [
      ['according to', 'description:the ministry'],
      ['saying', 'name:Grace Mwangi'],
    ]);
  });

  it('gives a coordinated subject no single speaker', () => {
    assert.deepEqual(subjects('Anna Kowalska and Levan Beridze confirmed the deal on Sunday.'), [['confirmed', null]]);
  });

  it('takes the one quoted in "quoted X as saying", and no dateline place before a colon', () => {
    assert.deepEqual(subjects('TASS quoted Aigerim Nurlanova as saying the talks failed.'), [
      ['quoted Aigerim Nurlanova as saying', 'name:Aigerim Nurlanova'],
    ]);
    assert.deepEqual(
      subjects('Moscow: “The talks failed,” the statement read.').map(([cue, s]) => (cue === ':' ? s : 'other')),
      [null, 'other'],
    );
  });

  it('reads the name set after a description of one person as the subject ("its critic, Anna Berg")', () => {
    assert.deepEqual(subjects('“A quiet triumph,” wrote its critic, Oona Varga.'), [['wrote', 'name:Oona Varga']]);
    assert.deepEqual(subjects('The club’s lawyer, Tomasz Wierzbicki, wrote to the league, warning that “the fee is not due.”'), [
      ['wrote', 'name:Tomasz Wierzbicki'],
      ['warning', 'name:Tomasz Wierzbicki'],
    ]);
  });

  it('keeps a description of several people', () => {
    assert.deepEqual(subjects('“A quiet triumph,” wrote two critics, Oona Varga and Piet Haas.'), [['wrote', 'description:two critics']]);
  });
});
