// The evaluation scorer (scripts/eval): quote matching, the attribution rule, primary dates and totals.
import { strict as assert } from 'node:assert';
import type { Analysis, Quote, Speaker } from '../../server/src/analysis';
import { goldProblem, type Gold } from '../../scripts/eval/gold';
import { totalsOf } from '../../scripts/eval/report';
import { matchQuotes, sameSpeaker, scoreFile } from '../../scripts/eval/score';

const speaker = (id: string, name: string, kind: Speaker['kind'] = 'person', aliases: string[] = []): Speaker => ({
  id,
  name,
  kind,
  role: null,
  aliases,
  mentions: [],
});

/** A predicted quote at the code-point position of `text` in `article`. */
function quoteIn(article: string, text: string, speakerId: string | null): Quote {
  const start = [...article.slice(0, article.indexOf(text))].length;
  return {
    start,
    end: start + [...text].length,
    text,
    speakerId,
    cue: null,
    partial: false,
    source: null,
    confidence: speakerId === null ? null : 0.9,
  };
}

function analysis(quotes: Quote[], speakers: Speaker[], primary: string | null): Analysis {
  return {
    title: null,
    datelines: primary ? [{ start: 0, end: 1, text: 'x', iso: primary, primary: true }] : [],
    speakers,
    quotes,
    structure: { title: null, body: { start: 0, end: 0 }, paragraphs: [], boilerplateStart: null },
  };
}

describe('eval scorer', () => {
  const article = '😀 Çavuşoğlu said: “We will not accept it.” Later, “a partial one” came, and “another,” he said.';
  const gold: Gold = {
    primary: '2021-03-03',
    speakers: [{ name: 'Mevlüt Çavuşoğlu', kind: 'person', role: null }],
    quotes: [
      { text: '“We will not accept it.”', speaker: 'Mevlüt Çavuşoğlu' },
      { text: '“a partial one”', speaker: null },
      { text: '“another,”', speaker: 'Mevlüt Çavuşoğlu' },
    ],
  };

  it('matches equal texts and large overlaps, counts misses and false alarms, in code points', () => {
    const predicted = [
      quoteIn(article, '“We will not accept it.”', 's1'),
      // Marks left off: still overlaps most of the gold span.
      quoteIn(article, 'a partial one', null),
      quoteIn(article, 'Later', 's1'),
    ];
    const score = scoreFile('a.txt', article, gold, analysis(predicted, [speaker('s1', 'Çavuşoğlu')], '2021-03-03'));
    assert.equal(score.matched, 2);
    assert.equal(score.attributedCorrectly, 2, 'surname match for a person, null for null');
    assert.deepEqual(
      score.missed.map((m) => m.text),
      ['“another,”'],
    );
    assert.equal(score.missed[0].start, [...article].length - [...'“another,” he said.'].length);
    assert.deepEqual(
      score.spurious.map((m) => m.text),
      ['Later'],
    );
    assert.equal(score.primaryCorrect, true);
    const totals = totalsOf([score]);
    assert.equal(totals.precision, 2 / 3);
    assert.equal(totals.recall, 2 / 3);
    assert.equal(totals.attributionAccuracy, 1);
  });

  it('pairs one to one: a span covering two gold quotes matches at most one', () => {
    const goldSpans = [
      { start: 0, end: 10, text: 'a' },
      { start: 10, end: 12, text: 'b' },
    ];
    assert.deepEqual(matchQuotes(goldSpans, [{ start: 0, end: 12, text: 'ab' }]), [[0, 0]]);
    assert.deepEqual(matchQuotes(goldSpans, [{ start: 0, end: 30, text: 'long' }]), [], 'under half of the longer');
  });

  it('judges attribution by name, alias, or unambiguous surname', () => {
    const twoMwangis: Gold = {
      primary: null,
      quotes: [],
      speakers: [
        { name: 'Peter Mwangi', kind: 'person', role: null },
        { name: 'Grace Mwangi', kind: 'person', role: null },
        { name: 'The Russian Foreign Ministry', kind: 'organization', role: null },
      ],
    };
    assert.ok(sameSpeaker('Peter Mwangi', speaker('s1', 'peter  mwangi'), twoMwangis));
    assert.ok(!sameSpeaker('Peter Mwangi', speaker('s1', 'Mwangi'), twoMwangis), 'shared surname is ambiguous');
    assert.ok(sameSpeaker('Peter Mwangi', speaker('s1', 'Minister', 'person', ['Peter Mwangi']), twoMwangis));
    assert.ok(
      sameSpeaker('The Russian Foreign Ministry', speaker('s2', 'Russian Foreign Ministry', 'organization'), twoMwangis),
      'leading article ignored',
    );
    assert.ok(
      !sameSpeaker('The Russian Foreign Ministry', speaker('s2', 'The Ministry', 'organization'), twoMwangis),
      'no surname rule for organizations',
    );
    assert.ok(!sameSpeaker(null, speaker('s1', 'Peter Mwangi'), twoMwangis));
    assert.ok(!sameSpeaker('Peter Mwangi', null, twoMwangis));
    assert.ok(sameSpeaker(null, null, twoMwangis));
  });

  it('compares primary dates exactly, none with null', () => {
    const noQuotes: Gold = { primary: null, speakers: [], quotes: [] };
    assert.equal(scoreFile('b.txt', 'text', noQuotes, analysis([], [], null)).primaryCorrect, true);
    assert.equal(scoreFile('b.txt', 'text', noQuotes, analysis([], [], '2020-01-01')).primaryCorrect, false);
    const timed: Gold = { ...noQuotes, primary: '2020-12-07T12:16' };
    assert.equal(scoreFile('b.txt', 'text', timed, analysis([], [], '2020-12-07')).primaryCorrect, false);
  });

  it('reports a gold text missing from the article as missed', () => {
    const wrong: Gold = { primary: null, speakers: [], quotes: [{ text: '“not there”', speaker: null }] };
    const score = scoreFile('c.txt', 'text', wrong, analysis([], [], null));
    assert.deepEqual(score.goldNotInText, ['“not there”']);
    assert.equal(score.missed.length, 1);
  });

  it('names what is wrong in a malformed gold document', () => {
    assert.equal(goldProblem({ primary: null, speakers: [], quotes: [] }), null);
    assert.match(goldProblem({ primary: '1 May', speakers: [], quotes: [] }) ?? '', /primary/);
    assert.match(goldProblem({ primary: null, speakers: [{ name: 'X', kind: 'robot', role: null }], quotes: [] }) ?? '', /speakers\[0\]/);
    assert.match(
      goldProblem({ primary: null, speakers: [], quotes: [{ text: '“a”', speaker: 'Nobody' }] }) ?? '',
      /quotes\[0\]\.speaker "Nobody"/,
    );
  });
});
