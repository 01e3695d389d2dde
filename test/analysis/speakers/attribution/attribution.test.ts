// Quote attribution on its own, from the resolved cues: a cue right after the quote, the reporting clause before
// it, a cue later in its sentence; a quote with no cue inherits within its paragraph and across continuation
// paragraphs; no cue, no speaker.
import { strict as assert } from 'node:assert';
import { attributeQuotes, CueIndex } from '../../../../server/src/analysis/speakers/attribution/attribution';
import { throughResolution } from '../stageInput';

/** Each quote's words with the name of its speaker (or null) and its cue. */
function attributed(paragraphs: string[]): [string, string | null, string | null][] {
  const { tt, quotes, resolution } = throughResolution(paragraphs);
  const result = attributeQuotes(tt, quotes.length, resolution.resolved);
  return quotes.map((q, i) => [q.text, result[i].entity?.name ?? null, result[i].cue?.text ?? null]);
}

describe('speakers/attribution: quotes', () => {
  it('takes the cue right after the quote, inverted or not', () => {
    assert.deepEqual(attributed(['“The bridge will hold for another winter,” said Zoë Müller, the city engineer.']), [
      ['“The bridge will hold for another winter,”', 'Zoë Müller', 'said'],
    ]);
    assert.deepEqual(attributed(['“Nobody warned the families in time 😞,” Levan Beridze told reporters.']), [
      ['“Nobody warned the families in time 😞,”', 'Levan Beridze', 'told reporters'],
    ]);
  });

  it('takes the reporting clause before the quote in its sentence', () => {
    assert.deepEqual(attributed(['Mevlüt Çavuşoğlu said on Monday: “We will not sign this agreement as it stands.”']), [
      ['“We will not sign this agreement as it stands.”', 'Mevlüt Çavuşoğlu', 'said'],
    ]);
  });

  it('gives a quote with no cue of its own the speaker of its paragraph’s other quote', () => {
    const out = attributed(['“The count is over,” Grace Mwangi said. “We are ready for whatever the court decides next week.”']);
    assert.deepEqual(
      out.map(([, speaker]) => speaker),
      ['Grace Mwangi', 'Grace Mwangi'],
    );
    // The inherited quote has a speaker but no cue of its own.
    assert.equal(out[1][2], null);
  });

  it('carries the speaker into a paragraph that only continues the quote', () => {
    const out = attributed([
      '“The first thing we did was count the boats that came back,” said Pieter de Vries.',
      '“Then we counted the ones that did not, and that was the harder list to read out.”',
    ]);
    assert.deepEqual(
      out.map(([, speaker]) => speaker),
      ['Pieter de Vries', 'Pieter de Vries'],
    );
  });

  it('leaves a quote with no cue and no neighbour unattributed', () => {
    const out = attributed([
      'The town was quiet on Sunday. “It has never been this empty before the holidays,” a sign on the door read in part.',
    ]);
    assert.deepEqual(
      out.map(([, speaker]) => speaker),
      [null],
    );
  });

  it('takes a rarer verb of speech, a setting after it, and "as … put it"', () => {
    assert.deepEqual(
      attributed([
        'Councillor Ilse Brandt opened the meeting. “Not before the spring,” Brandt demurred.',
        '“We are out of time,” Tamsin Oyelaran yelled at the front row, waving the agenda.',
        '“A budget is a moral document,” as Brandt put it later.',
      ]).map(([text, who]) => [text, who]),
      [
        ['“Not before the spring,”', 'Ilse Brandt'],
        ['“We are out of time,”', 'Tamsin Oyelaran'],
        ['“A budget is a moral document,”', 'Ilse Brandt'],
      ],
    );
  });

  it('gives a quote with no cue in its sentence to the subject of the sentence that hands over to it', () => {
    const result = attributed([
      'Councillor Ilse Brandt and Mayor Tamsin Oyelaran met on Monday.',
      '“The budget is fine,” Brandt said. Oyelaran disagreed. “It is short by a third.”',
      'Oyelaran took to social media after the meeting: “Read the figures yourselves.”',
      'The mayor was blunt. “Nobody else will fix this.”',
    ]).map(([text, who, cue]) => [text, who, cue]);
    assert.deepEqual(result.slice(1), [
      ['“It is short by a third.”', 'Tamsin Oyelaran', 'disagreed'],
      ['“Read the figures yourselves.”', 'Tamsin Oyelaran', 'took to social media after the meeting:'],
      ['“Nobody else will fix this.”', 'Tamsin Oyelaran', 'was blunt.'],
    ]);
  });

  it('leaves a quote alone after a sentence whose subject is no one', () => {
    assert.deepEqual(
      attributed(['The budget was cut by a third on Monday. “It is a disgrace.”']).map(([, who]) => who),
      [null],
    );
  });
});

describe('speakers/attribution: cue index', () => {
  it('finds each resolved cue at its verb, the last one given for a shared verb, and none elsewhere', () => {
    const { tt, resolution } = throughResolution([
      'Sergei Lavrov said the talks went well. “We agreed,” he told reporters, and the ministry stressed the point.',
    ]);
    const { resolved } = resolution;
    assert.ok(resolved.length >= 2, JSON.stringify(resolved.map((r) => r.cue.span.text)));
    const index = new CueIndex(resolved);
    const verbs = new Map(resolved.map((r) => [r.cue.verb, r]));
    for (let v = -1; v <= tt.tokens.length; v++) assert.equal(index.at(v), verbs.get(v), `token ${v}`);
    const twice = new CueIndex([resolved[0], { ...resolved[1], cue: resolved[0].cue }]);
    assert.equal(twice.at(resolved[0].cue.verb)?.entity, resolved[1].entity);
  });

  it('hands over across an opening phrase, and to a next paragraph that is nothing but the quote', () => {
    const result = attributed([
      'Councillor Ilse Brandt and Mayor Tamsin Oyelaran met on Monday.',
      'Asked about the roads, Brandt said they could wait. “Schools come first.”',
      'Oyelaran was unconvinced.',
      '“Roads are how children get to school.”',
    ]).map(([text, who]) => [text, who]);
    assert.deepEqual(result, [
      ['“Schools come first.”', 'Ilse Brandt'],
      ['“Roads are how children get to school.”', 'Tamsin Oyelaran'],
    ]);
  });
});
