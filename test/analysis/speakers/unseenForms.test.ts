// Attribution forms of real reporting that first failed on unseen articles (issue 14, second round): an honorific
// between a role and a name, lone "one" / "another" / "someone" as sources, and a quote closing a fronted
// subordinate clause. Every sentence here is made up for the test.
import { strict as assert } from 'node:assert';
import { analyze, type Analysis } from '../../../server/src/analysis/index';
import { testArticle, whoSaid as who } from '../articleFixture';

function run(paragraphs: string[]): Analysis {
  return analyze(testArticle(paragraphs));
}

describe('unseen forms: an honorific after a role', () => {
  it('reads "says family therapist Dr. X" as X', () => {
    const a = run([
      'Rows over chores are common. “Make the rules together,” says family therapist Dr. Imogen Strand. “Then write them down.”',
    ]);
    assert.equal(who(a, 'Make the rules'), 'Imogen Strand');
    assert.equal(who(a, 'Then write'), 'Imogen Strand');
  });
});

describe('unseen forms: lone "one", "another" and "someone"', () => {
  it('gives "said one, who …" and "said another" sources of their own when no group was named', () => {
    const a = run(['The stalls open at dusk. “The rent is fair,” said one, who sells candles. “I come for the music,” said another.']);
    assert.equal(who(a, 'The rent is fair'), 'one');
    assert.equal(who(a, 'I come for'), 'another');
  });

  it('reads "Another replied:" opening a sentence as a second source', () => {
    const a = run(['“The square looks empty now,” one neighbour wrote on the forum. Another replied: “It looked empty before.”']);
    assert.equal(who(a, 'The square looks'), 'one neighbour');
    assert.equal(who(a, 'It looked empty'), 'Another');
  });

  it('gives "one said" after a group that spoke a source of its own, as reporting names it', () => {
    const a = run(['Several farmers said the new rules were unworkable. “We cannot plant in March,” one said.']);
    assert.equal(who(a, 'We cannot plant'), 'one');
  });

  it('reads "someone in the crowd shouted:" as an unnamed source', () => {
    const a = run(['Mayor Ines Kovac spoke for ten minutes. Then someone in the crowd shouted: “Fix the buses first!”']);
    assert.equal(who(a, 'Fix the buses'), 'someone in the crowd');
  });
});

describe('unseen forms: a quote closing a fronted subordinate clause', () => {
  it("belongs to the clause's cue, not to the source after it", () => {
    const a = run([
      'Minister Hal Brody defended the plan. When Brody said the cuts were “unavoidable,” a woman in the front row shouted: “So is the next election!”',
    ]);
    assert.equal(who(a, 'unavoidable'), 'Hal Brody');
    assert.equal(who(a, 'So is the next'), 'a woman in the front row');
  });
});

describe('unseen forms: institutions and transcript labels', () => {
  it('takes up an institution named after "of" with its own last word ("the museum")', () => {
    const a = run([
      'Letters show that the trustees of the Dunmore Maritime Museum disagreed about the loan.',
      'In a statement, the museum said the loan had been “agreed by everyone involved.”',
    ]);
    assert.match(who(a, 'agreed by everyone') ?? '', /Dunmore Maritime Museum$/);
  });

  it('reads a capitalised surname label as the person, so prose about them finds the same person', () => {
    const a = run([
      'Councillor Ruth Okafor questioned the treasurer, Ian Bell, on Tuesday.',
      'COUNCILLOR RUTH OKAFOR: Why was the fund moved?',
      'BELL: It was moved on advice.',
      'OKAFOR: Whose advice?',
      'Afterwards Okafor told reporters the answers were “not good enough.”',
    ]);
    assert.equal(who(a, 'not good enough'), 'Ruth Okafor');
  });
});

describe('unseen forms: first-name labels of a podcast', () => {
  it('gives "Name:" turns to the person of that first name named in the introduction', () => {
    const a = run([
      'Presenter Lotte Brandsma talks to the beekeeper Sami Okonkwo in this episode.',
      'Lotte: How many hives do you keep?',
      'Sami: Forty, on six rooftops.',
      'Lotte: And the neighbours?',
      'Sami: They get honey at Christmas.',
    ]);
    assert.equal(who(a, 'How many hives'), 'Lotte Brandsma');
    assert.equal(who(a, 'Forty, on six'), 'Sami Okonkwo');
  });
});

describe('unseen forms: confidence of a pronoun among other people', () => {
  const confidenceOf = (a: Analysis, start: string) => a.quotes.find((q) => q.text.includes(start))?.confidence ?? null;

  it('keeps "she said" trusted when the other person named is a man, and not when she is a woman', () => {
    const man = run(['Senator Anna Berg said Paul Kent had called her. “We agreed on nothing,” she said.']);
    const woman = run(['Senator Anna Berg said Clara Vos had called her. “We agreed on nothing,” she said.']);
    assert.equal(who(man, 'We agreed'), 'Anna Berg');
    assert.ok((confidenceOf(man, 'We agreed') ?? 0) >= 0.8);
    assert.ok((confidenceOf(woman, 'We agreed') ?? 1) < 0.8);
  });
});

describe('unseen forms: a crowd that opens a sentence', () => {
  it('is who a later "they chanted" means', () => {
    const a = run(['About 300 farmers blocked the ring road at dawn. “No farms, no food,” they chanted as police arrived.']);
    assert.equal(who(a, 'No farms'), 'farmers');
  });

  it('leaves "one said" its own source when the crowd never spoke', () => {
    const a = run(['Commuters waited on the platform for an hour. “This happens every week,” one said.']);
    assert.equal(who(a, 'This happens'), 'one');
  });
});

describe("unseen forms: an appositive that names an institution's kind", () => {
  it('lets "the paper" take up "The Quarry Bell, the local weekly", not an earlier named daily', () => {
    const a = run([
      'The Morning Record called the plan “a gamble.”',
      'The Quarry Bell, the local weekly, ran a short leader. “About time,” the paper wrote.',
    ]);
    assert.equal(who(a, 'About time'), 'The Quarry Bell');
  });
});

describe('unseen forms: a Q-and-A interview', () => {
  it('gives "A:" turns to the person interviewed and "Q:" turns to the journalist named, below trusted confidence', () => {
    const a = run([
      'Our correspondent Hana Lusk spoke to the port director, Piet Vroom, on Friday.',
      'Q: Why was the port closed?',
      'A: Because the cranes failed their inspection.',
      'Q: When will it open again?',
      'A: Not before the end of the month.',
    ]);
    assert.equal(who(a, 'Because the cranes'), 'Piet Vroom');
    assert.equal(who(a, 'Not before the end'), 'Piet Vroom');
    assert.equal(who(a, 'When will it open'), 'Hana Lusk');
    const answer = a.quotes.find((q) => q.text.startsWith('Because the cranes'));
    assert.ok((answer?.confidence ?? 1) < 0.8);
  });
});
