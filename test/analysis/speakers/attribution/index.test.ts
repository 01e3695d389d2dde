// The attribution stage as a whole: speaker labels, cues and the analyst's overrides decide each quote's speaker;
// speakers are numbered by first mention and keep the source's own text (UTF-16 offsets, emoji included).
import { strict as assert } from 'node:assert';
import { attributeSpeakers } from '../../../../server/src/analysis/speakers/attribution';
import { throughResolution } from '../stageInput';

function run(paragraphs: string[], overrides: { exact: string; speaker: string }[] = []) {
  const input = throughResolution(paragraphs);
  return { ...input, out: attributeSpeakers(input.text, input.tt, input.quotes, overrides, input.resolution) };
}

describe('speakers/attribution: stage', () => {
  it('numbers speakers by first mention and gives each quote its speaker id, cue and source', () => {
    const { out, text } = run([
      '🎉 Anna Kowalska opened the meeting. Hamid Karimi said: “We agreed on the timetable for the talks.”',
      '“The money arrives in March and not a day later,” Kowalska said.',
    ]);
    assert.deepEqual(
      out.speakers.map((s) => [s.id, s.name]),
      [
        ['s1', 'Anna Kowalska'],
        ['s2', 'Hamid Karimi'],
      ],
    );
    assert.deepEqual(
      out.quotes.map((q) => [q.speakerId, q.cue?.text, q.source?.text]),
      [
        ['s2', 'said', 'Hamid Karimi'],
        ['s1', 'said', 'Kowalska'],
      ],
    );
    const anna = out.speakers[0];
    assert.deepEqual(anna.aliases, ['Kowalska']);
    // Offsets are UTF-16 here: the emoji before the name counts two.
    assert.equal(text.slice(anna.mentions[0].start, anna.mentions[0].end), 'Anna Kowalska');
  });

  it('attributes a transcript turn to the person its speaker label names', () => {
    const { out } = run(['Jane Roe, The Daily Planet: “We will publish the full list of donors on Friday.”']);
    assert.equal(out.quotes.length, 1);
    const speaker = out.speakers.find((s) => s.id === out.quotes[0].speakerId);
    assert.equal(speaker?.name, 'Jane Roe');
    assert.equal(out.quotes[0].cue?.text, ':');
  });

  it('lets an analyst’s override win, with no cue or source, and adds a speaker the text never names', () => {
    const paragraphs = ['“We will rebuild the school before the winter,” Tomás Ortega said.'];
    const { out, quotes } = run(paragraphs, [{ exact: 'We will rebuild the school before the winter,', speaker: 'Ñusta Quispe' }]);
    assert.equal(quotes.length, 1);
    const speaker = out.speakers.find((s) => s.id === out.quotes[0].speakerId);
    assert.equal(speaker?.name, 'Ñusta Quispe');
    assert.equal(out.quotes[0].cue, null);
    assert.equal(out.quotes[0].source, null);
  });
});
