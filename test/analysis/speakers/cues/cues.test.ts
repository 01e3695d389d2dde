// Cue finding on its own: reporting verbs, "according to", phrasal and closing verbs, the addressee joined to the
// cue phrase, a colon before a quote, and the words that look like cues but are none.
import { strict as assert } from 'node:assert';
import { findCues } from '../../../../server/src/analysis/speakers/cues/cues';
import { stageInput } from '../stageInput';

function cueTexts(paragraph: string): string[] {
  const { tt } = stageInput([paragraph]);
  return findCues(tt.tokens).map((c) => c.span.text);
}

describe('speakers/cues: finding cues', () => {
  it('finds reporting verbs, "according to" and a phrasal cue', () => {
    assert.deepEqual(
      cueTexts('Zoë Müller said the plan was sound, and Pieter de Vries pointed out that nobody had read it, according to Anna.'),
      ['said', 'pointed out', 'according to'],
    );
  });

  it('joins the addressee or medium to "told"', () => {
    assert.deepEqual(cueTexts('Nino Gelashvili told the state-run Anadolu news agency that the vote was fair.'), [
      'told the state-run Anadolu news agency',
    ]);
    assert.deepEqual(cueTexts('Hamid Karimi told reporters in Kabul that aid had arrived.'), ['told reporters']);
  });

  it('marks participles, "quoted … as saying" and the colon before a quote', () => {
    const { tt } = stageInput([
      'Tomás Ortega left the hall, saying the count was over. TASS quoted Aigerim Nurlanova as saying it was. Ortega was blunt: “We lost.”',
    ]);
    const cues = findCues(tt.tokens);
    const saying = cues.find((c) => c.span.text === 'saying' && !c.quotedBy);
    assert.equal(saying?.participle, true);
    const quoted = cues.find((c) => c.quotedBy !== undefined);
    assert.equal(quoted && tt.tokens[quoted.quotedBy as number].text, 'quoted');
    const colon = cues.find((c) => c.colon);
    assert.equal(colon?.span.text, ':');
  });

  it('takes no negated verb, no noun after a determiner and no act in "called for"', () => {
    assert.deepEqual(cueTexts('Levan Beridze did not say when. The report was late. Grace Mwangi called for calm.'), []);
  });

  it('takes a closing verb only where its clause ends or right after a quote', () => {
    assert.deepEqual(cueTexts('Olga Horvat agreed to pay the fine. “We have nothing left to say about it,” sighed Jürg Baumann 🙂.'), [
      'sighed',
    ]);
  });

  it('finds nothing inside a quote', () => {
    assert.deepEqual(cueTexts('“They said it would never happen,” Anna Kowalska recalled.'), ['recalled']);
  });

  it('inflects a closing verb whose last consonant doubles, and knows rarer verbs of speech', () => {
    assert.deepEqual(cueTexts('“Not yet,” Ilse Brandt demurred. Tamsin Oyelaran disagreed: “It is time.”'), ['demurred', 'disagreed']);
  });

  it('takes no closing verb that a determiner makes a noun', () => {
    assert.deepEqual(cueTexts('Hana Sato made an offer. That was the reason.'), []);
  });

  it('takes a closing verb whose subject stands right after the quote, wherever its clause goes on', () => {
    assert.deepEqual(cueTexts('“Go home,” Piet Haas yelled at the fans. Ruth Kline yelled at the fans.'), ['yelled']);
  });

  it('reads "put it" as a cue where it reports words, not where it moves a thing', () => {
    assert.deepEqual(cueTexts('As Noor Saleh put it, the plan was late. Saleh put it on the table. Saleh puts it bluntly: “Late.”'), [
      'put it',
      'puts it',
    ]);
  });

  it('takes the stop of a sentence with no quote and no cue as a lead into the quote opening the next', () => {
    assert.deepEqual(cueTexts('Ines Duarte shook her head. “Not this year.” Ines Duarte shook her head. “Not this year,” she said.'), [
      '.',
      'said',
    ]);
  });
});
