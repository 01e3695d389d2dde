// Forms of features, live blogs, round-ups and press-statement stories (issue 14, sixth round): family members
// called by given name, and the other forms that round showed. Every sentence is made up.
import { strict as assert } from 'node:assert';
import { analyze, type Analysis } from '../../../server/src/analysis/index';
import { testArticle, whoSaid as who } from '../articleFixture';

function run(paragraphs: string[]): Analysis {
  return analyze(testArticle(paragraphs));
}

describe('feature forms: a given name alone', () => {
  it('is the one person named in full with that given name ("Her son, Ned Falk … Ned said")', () => {
    const a = run([
      'Mara Falk runs the family orchard near the river.',
      'Her son, Ned Falk, drives the tractor now. “It was always going to be me,” Ned said.',
      '“He never asked,” Mara said.',
    ]);
    assert.equal(who(a, 'It was always going'), 'Ned Falk');
    assert.equal(who(a, 'He never asked'), 'Mara Falk');
  });

  it('stays apart when two people share the given name', () => {
    const a = run(['Ned Falk and Ned Orr ran the orchard together.', '“We argued every day,” Ned said.']);
    assert.notEqual(who(a, 'We argued every day'), 'Ned Falk');
    assert.notEqual(who(a, 'We argued every day'), 'Ned Orr');
  });
});

describe('live-blog forms: a surname before the full name', () => {
  it('is the person named in full lower down, so a "she said" after it is hers', () => {
    const a = run([
      '**9:40 p.m.**',
      'An aide to the leadership told us the vote would be close.',
      '**9:30 p.m.**',
      'Lindqvist is on the floor now, and she is angry. “This bill solves nothing,” she said.',
      '**9:00 p.m.**',
      'Rep. Sara Lindqvist said earlier that she had not decided.',
    ]);
    assert.equal(who(a, 'This bill solves nothing'), 'Sara Lindqvist');
  });
});

describe('press forms: "the network" after a broadcaster', () => {
  it('takes up the news channel named before, not an unnamed network', () => {
    const a = run(['Frontier News said the debate drew 2 million viewers. “We will host another,” the network said.']);
    assert.equal(who(a, 'We will host another'), 'Frontier News');
  });

  it('does not take up an institution whose name shows no broadcaster', () => {
    const a = run(['The Harlow Bank raised its rates. “Demand is strong,” the network said.']);
    assert.notEqual(who(a, 'Demand is strong'), 'The Harlow Bank');
  });
});

describe('round-up forms: editors and "the paper’s editorial board"', () => {
  it('gives "the editors wrote" to the board named just before', () => {
    const a = run(['The Dunmore Ledger editorial board backed the plan. “Simplicity has a price,” the editors wrote.']);
    // The board speaks as its paper (resolution/editorialBoards.ts): either name is right.
    assert.match(who(a, 'Simplicity has a price') ?? '', /^The Dunmore Ledger/);
  });

  it('gives "The paper’s editorial board wrote" to the paper named last, not one named before it', () => {
    const a = run([
      'The Harbor Journal praised the ruling. “It was overdue,” the paper wrote.',
      'The Valley Courier was more measured. The paper’s editorial board wrote that the ruling “changes little here.”',
    ]);
    assert.equal(who(a, 'changes little here'), 'The Valley Courier');
  });
});

describe('round-up forms: ", who said" after a name', () => {
  it('gives the quote in the relative clause to the name before the comma', () => {
    const a = run([
      'The host opened the show with a monologue.',
      'The network then aired a segment with former Gov. Walter Shay, who said the ruling was “overdue and modest.”',
    ]);
    assert.equal(who(a, 'overdue and modest'), 'Walter Shay');
  });
});

describe('press forms: statements and letters', () => {
  it('gives "In a joint statement, A and B said:" to the two together', () => {
    const a = run([
      'Sen. Ruth Ambler and Sen. Karl Dane wrote the bill.',
      'In a joint statement, Ambler and Sen. Karl Dane said: "Insulin is no luxury."',
    ]);
    assert.match(who(a, 'Insulin is no luxury') ?? '', /^Ambler and .*Dane$/);
  });

  it('gives a letter signed by a counted group of unnamed people to that group, not the body in its description', () => {
    const a = run([
      'The bill stalled in March.',
      'A letter signed by 40 House lawmakers urged leaders to act. "Every week of delay hurts," the letter said.',
    ]);
    assert.equal(who(a, 'Every week of delay'), '40 House lawmakers');
  });
});

describe('press forms: an advocacy group named "X for Y"', () => {
  it('reads "Citizens for Fair Rents, a tenants group," as one name that "the group" takes up, past a holiday', () => {
    const a = run([
      'Citizens for Fair Rents, a tenants group, opposed the bill before the Memorial Day recess. "Rents will rise," the group said.',
    ]);
    assert.equal(who(a, 'Rents will rise'), 'Citizens for Fair Rents');
  });
});

describe('live-blog forms: "kept shouting" after a quote', () => {
  it('is a cue of its own, so the quote is the one shouting, not the person named before', () => {
    const a = run([
      'Marquez has not yet appeared at his party, where the mood is loud. "It\'s over," a volunteer in a red cap kept shouting.',
    ]);
    assert.equal(who(a, "It's over"), 'a volunteer in a red cap');
  });
});

describe('live-blog forms: the answer after a reported question', () => {
  it('does not give the answer to the one who asked ("A reporter asked whether …")', () => {
    const a = run([
      'Rep. Tom Vale told reporters he would vote no. “I did not come here to kick cans,” Vale said. A reporter asked whether leaders had phoned him. “They did. The answer is no.”',
    ]);
    assert.doesNotMatch(who(a, 'They did') ?? '', /reporter/);
  });
});

describe('round-up forms: a person named with an institution after "of the"', () => {
  it('is the speaker of an appositive before the verb ("Her guest, economist X of the Y Institute, warned:")', () => {
    const a = run([
      'Radio host Gail Stroud was unequivocal.',
      'Her guest, economist Neil Farraday of the Lakeshore Policy Institute, warned: “If the forecast is wrong, we pay.”',
    ]);
    assert.equal(who(a, 'If the forecast is wrong'), 'Neil Farraday');
  });
});

describe('feature forms: a given name opening a sentence', () => {
  it('is the person of that given name before an unlisted verb, so the next "she said" is hers', () => {
    const a = run([
      'Mara Falk runs the orchard. Her daughter, Tess Falk Rowe, teaches in town.',
      '“I will keep going,” Tess said.',
      'Mara disagrees with her daughter about that. “Nobody helped,” she said.',
    ]);
    assert.equal(who(a, 'Nobody helped'), 'Mara Falk');
  });
});
