// One-word names that only ever open sentences ("Nanotek said …", "Okonkwo, speaking after the vote, said …")
// are names when they stand as their clause's subject; common words that open sentences ("Critics said",
// "Analysts warned") never are. Through analyze(), as the evaluation runs it.
import { strict as assert } from 'node:assert';
import { analyze, type Analysis } from '../../server/src/analysis/index';
import { testArticle } from './articleFixture';
import { isCommonOpener, isFiniteVerbAfterSubject } from '../../server/src/analysis/lexicon/commonWords';

function article(...paragraphs: string[]): string {
  return testArticle(paragraphs, { closing: null });
}

/** Speakers recognised by name (people and organizations); a plural description ("Critics") is anonymous. */
function names(a: Analysis): string[] {
  return a.speakers.filter((s) => s.kind === 'person' || s.kind === 'organization').map((s) => s.name);
}

/** The name of the speaker of the quote whose text includes `words`. */
function speakerOf(a: Analysis, words: string): string | null {
  const q = a.quotes.find((x) => x.text.includes(words));
  assert.ok(q, `quote with ${words}`);
  const s = a.speakers.find((x) => x.id === q.speakerId);
  return s ? s.name : null;
}

describe('speakers: one-word names that open sentences', () => {
  it('takes a surname followed by a participial phrase and a cue as a person', () => {
    const a = analyze(article('Okonkwo, speaking after the vote, said the result was fair. “We won because people trusted us,” he said.'));
    assert.equal(speakerOf(a, 'We won'), 'Okonkwo');
    assert.equal(a.speakers.find((s) => s.name === 'Okonkwo')?.kind, 'person');
  });

  it('takes a company that is the subject of a cue verb as a speaker', () => {
    const a = analyze(
      article('Velmora said in a statement that supplies would resume next week. “Flows are back to normal,” the company said.'),
    );
    assert.equal(speakerOf(a, 'Flows are back'), 'Velmora');
  });

  it('makes an organization of the subject of any finite verb that an institution noun takes up', () => {
    const a = analyze(
      article('Skyvale cancelled 400 flights on Friday because of the strike. “We regret the disruption,” the airline said.'),
    );
    assert.equal(speakerOf(a, 'We regret'), 'Skyvale');
    assert.equal(a.speakers.find((s) => s.name === 'Skyvale')?.kind, 'organization');
  });

  it('makes an organization of a one-word subject that a later "it" takes up', () => {
    const a = analyze(article('Nanotek said it would raise spending on research. “This is the right time to invest,” it said.'));
    assert.equal(speakerOf(a, 'right time'), 'Nanotek');
    assert.equal(a.speakers.find((s) => s.name === 'Nanotek')?.kind, 'organization');
  });

  it('keeps a one-word subject as a person when "he" takes it up', () => {
    const a = analyze(article('Brannagh resigned on Tuesday after a row over funding. “I had no choice,” he said.'));
    assert.equal(speakerOf(a, 'no choice'), 'Brannagh');
    assert.equal(a.speakers.find((s) => s.name === 'Brannagh')?.kind, 'person');
  });

  it('takes a subject with an adverb before its verb', () => {
    const a = analyze(article('Tarsini also warned that the deal could collapse. “We are not there yet,” Tarsini told reporters.'));
    assert.equal(speakerOf(a, 'We are not there'), 'Tarsini');
  });

  it('never makes a name of a plural noun or a discourse word that opens a sentence', () => {
    const a = analyze(
      article(
        'Critics said the plan was flawed. Analysts warned of risks to growth. Officials said nothing more.',
        'Residents, angry at the delays, said they would protest. Meanwhile, the council met again.',
        'Prosecutors have charged two men. Protesters gathered outside. Investors sold shares.',
        '“We are tired of waiting,” a resident said.',
      ),
    );
    for (const n of ['Critics', 'Analysts', 'Officials', 'Residents', 'Meanwhile', 'Prosecutors', 'Protesters', 'Investors']) {
      assert.ok(!names(a).includes(n), `${n} is no name: ${JSON.stringify(names(a))}`);
    }
    assert.equal(speakerOf(a, 'We are tired'), 'a resident');
  });

  it('does not make a name of an opening word the text also writes in lower case', () => {
    const a = analyze(
      article('Growers said the harvest was poor. Rainfall said little about it, the growers added. The rainfall was low.'),
    );
    assert.ok(!names(a).includes('Rainfall'), JSON.stringify(names(a)));
  });

  it('needs a verb right after the word or after a comma phrase', () => {
    const a = analyze(article('Velmora in the north is cold. “Snow came early,” a farmer said.'));
    assert.ok(!names(a).includes('Velmora'), JSON.stringify(names(a)));
  });
});

describe('speakers: pronouns and one-word subjects', () => {
  it('gives "he" to a person named before rather than to a one-word subject that never spoke', () => {
    const a = analyze(article('Peter Lindqvist spoke in Oslo on Monday. Covid cut demand for flights. “Nothing is decided yet,” he said.'));
    assert.equal(speakerOf(a, 'Nothing is decided'), 'Peter Lindqvist');
  });
});

describe('lexicon: common sentence openers', () => {
  it('knows determiners, adverbs and plural nouns', () => {
    for (const w of ['Some', 'Both', 'Such', 'However', 'Separately', 'Critics', 'Authorities', 'Police', 'Asked'])
      assert.ok(isCommonOpener(w), w);
    for (const w of ['Inflation', 'Unemployment', 'Happiness', 'Security']) assert.ok(isCommonOpener(w), w);
    for (const w of ['Ryanair', 'Okonkwo', 'Gazprom', 'Nanotek']) assert.ok(!isCommonOpener(w), w);
  });

  it('knows finite verbs that follow a subject', () => {
    for (const w of ['cancelled', 'has', 'will', 'cut', 'rose']) assert.ok(isFiniteVerbAfterSubject(w), w);
    for (const w of ['the', 'flights', 'in']) assert.ok(!isFiniteVerbAfterSubject(w), w);
  });
});

describe('speakers: one of a group', () => {
  it('gives "one of them said" to the group described just before', () => {
    const a = analyze(article('Several residents said the water had been unsafe for weeks. “My children are sick,” one of them said.'));
    assert.equal(speakerOf(a, 'My children'), 'Several residents');
  });

  it('takes the most recent group, not an earlier one', () => {
    const a = analyze(
      article(
        'Critics said the plan was flawed. Two farmers said the rules had ruined their season.',
        '“We lost everything this year,” one of them said.',
      ),
    );
    assert.equal(speakerOf(a, 'lost everything'), 'Two farmers');
  });

  it('leaves "one of them said" unattributed when no group was described', () => {
    const a = analyze(article('The minister Anna Vogt arrived late. “It was a long night,” one of them said.'));
    assert.equal(speakerOf(a, 'long night'), null);
  });
});
