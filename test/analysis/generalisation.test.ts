// Attribution patterns common in unseen news articles: appositives after a name, documents that speak for
// their issuer, long anonymous descriptions, and the everyday variants of cues (dashes, present tense,
// "quoted by … as saying", "wrote on X"). Each test uses its own invented sentences, through analyze().
import { strict as assert } from 'node:assert';
import { analyze, type Analysis } from '../../server/src/analysis/index';
import { quoteStarting as quote, testArticle, whoSaid as who } from './articleFixture';

function run(...paragraphs: string[]): Analysis {
  return analyze(testArticle(paragraphs));
}

describe('generalisation: appositives after a name', () => {
  it('gives a later pronoun quote to the person, not to the description in the appositive', () => {
    const cases: [string, string, string][] = [
      [
        'Sen. Jane Roe, a Colorado Democrat, said she was disappointed. “We expected better from the committee,” she told reporters.',
        'We expected',
        'Jane Roe',
      ],
      ['Gov. Hal Brenner, a Texas Republican, vetoed the measure. “It costs too much,” he said.', 'It costs', 'Hal Brenner'],
      [
        'Dr. Amira Haddad, an Oxford Epidemiologist, warned of a new wave. “The numbers are rising fast,” she said.',
        'The numbers',
        'Amira Haddad',
      ],
      ['Lt. Gen. Samuel Okoro, the army chief, said the troops would stay. “We are not leaving,” he said.', 'We are not', 'Samuel Okoro'],
    ];
    for (const [paragraph, start, name] of cases) {
      const a = run(paragraph);
      assert.equal(who(a, start), name, paragraph);
      assert.equal(a.speakers.length, 1, JSON.stringify(a.speakers.map((s) => s.name)));
    }
  });

  it('reads an appositive with an owner or modifiers before its capitalised head ("the committee’s top Democrat")', () => {
    const a = run('Jane Doyle, the committee’s top Republican, said she would vote no. “The numbers do not add up,” she told reporters.');
    assert.equal(who(a, 'The numbers'), 'Jane Doyle');
    assert.deepEqual(
      a.speakers.map((s) => s.name),
      ['Jane Doyle'],
    );
  });

  it('reads a US lawmaker\'s party and state (", R-Texas,", ", D-N.Y.,") as an aside, not as a speaker', () => {
    const cases: [string, string, string][] = [
      ['Sen. Tom Hale, R-Texas, told reporters “we will block it in committee”.', 'we will block', 'Tom Hale'],
      ['Rep. Alexandria Kent, D-N.Y., said the bill was dead. “It has no votes,” she said.', 'It has no votes', 'Alexandria Kent'],
    ];
    for (const [paragraph, start, name] of cases) {
      const a = run(paragraph);
      assert.equal(who(a, start), name, paragraph);
      assert.deepEqual(
        a.speakers.map((s) => s.name),
        [name],
      );
    }
  });

  it('keeps an abbreviated title with its full stop inside the sentence and the name', () => {
    const a = run('Prof. Lena Brandt said the data was clear. “Nobody can deny it any longer,” she said.');
    assert.equal(who(a, 'Nobody'), 'Lena Brandt');
    assert.deepEqual(
      a.speakers.map((s) => s.name),
      ['Lena Brandt'],
    );
  });
});

describe('generalisation: a document speaks for its issuer', () => {
  it('gives "the statement said" to the joint issuers named just before', () => {
    const a = run(
      'Kenya and Tanzania said in a joint statement on Friday that the border would reopen. “Trade between our nations must not be held hostage,” the statement said.',
    );
    assert.equal(who(a, 'Trade between'), 'Kenya and Tanzania');
    assert.equal(quote(a, 'Trade between').source?.text, 'the statement');
  });

  it('gives a report, a letter or a communiqué to the institution that issued it', () => {
    const cases: [string[], string, string][] = [
      [
        ['The Norwegian Refugee Council published a report on Tuesday. “Displacement has doubled in two years,” the report said.'],
        'Displacement',
        'The Norwegian Refugee Council',
      ],
      [
        ['Central Bank Governor Ada Mensah sent a letter to lawmakers.', '“Inflation is not yet beaten,” the letter said.'],
        'Inflation',
        'Ada Mensah',
      ],
      [
        ['The Interior Ministry said in a statement that the curfew was lifted. “Citizens may move freely,” the statement also said.'],
        'Citizens',
        'The Interior Ministry',
      ],
    ];
    for (const [paragraphs, start, name] of cases) {
      assert.equal(who(run(...paragraphs), start), name, paragraphs.join(' '));
    }
  });

  it('gives a quote in the sentence of a joint statement to the parties together', () => {
    const a = run('Russia and China said in a joint statement that “no state should seek security at the expense of others”.');
    assert.equal(who(a, 'no state'), 'Russia and China');
  });

  it('resolves "the three countries said" to the joint speaker named before, a lone first word included', () => {
    const a = run(
      'Britain, France and Germany said in a statement on Sunday that they were alarmed. “We call on all parties to show restraint,” the three countries said.',
    );
    assert.equal(who(a, 'We call on'), 'Britain, France and Germany');
  });

  it('still gives a quote to no one when two people share a plain cue, a lone first word included', () => {
    const a = run('Okafor and Lindqvist confirmed “the readiness for close coordination”.');
    assert.equal(quote(a, 'the readiness').speakerId, null);
  });

  it('reads "The foreign ministries of Egypt and Jordan" as one joint issuer, across paragraphs', () => {
    const a = run(
      'The foreign ministries of Egypt and Jordan said in a joint statement that the crossing must reopen.',
      '“Aid cannot wait another day,” the statement said.',
    );
    assert.equal(who(a, 'Aid cannot'), 'The foreign ministries of Egypt and Jordan');
  });

  it('gives "they said" after a joint statement to the joint speaker', () => {
    const a = run(
      'Egypt and Qatar said in a joint statement on Monday that talks would resume in Cairo.',
      '“The mediators remain committed to a lasting truce,” they said.',
    );
    assert.equal(who(a, 'The mediators'), 'Egypt and Qatar');
  });

  it('takes the issuer named after the document ("published by the World Bank")', () => {
    const a = run(
      'The report, published by the World Bank on Tuesday, warned of a slowdown across the region.',
      '“Growth will weaken sharply next year,” the report said.',
    );
    assert.equal(who(a, 'Growth will'), 'the World Bank');
  });

  it('names joint issuers by their names, without their titles', () => {
    const a = run(
      'Prime Minister Keir Walsh and President Anne Morel said in a joint statement that they welcomed the deal. “This is a historic day for both nations,” the statement said.',
    );
    assert.equal(who(a, 'This is a historic'), 'Keir Walsh and Anne Morel');
  });

  it('lets a document "read" its words, before or after the quote', () => {
    const a = run('The White House issued a statement late Friday. “The President will sign the bill,” the statement read.');
    assert.equal(who(a, 'The President'), 'The White House');
    const inverted = run(
      'The Senate Foreign Relations Committee sent a letter to the embassy. “We stand with the people of Georgia,” reads the letter.',
    );
    assert.equal(who(inverted, 'We stand'), 'The Senate Foreign Relations Committee');
    // "read" with a person as its subject is no cue: the pronoun cue after the quote decides.
    const person = run('Mayor Ann Cole read out the names of the victims. “They will not be forgotten,” she said.');
    assert.equal(who(person, 'They will not'), 'Ann Cole');
    assert.equal(quote(person, 'They will not').cue?.text, 'said');
  });

  it('reads "according to the statement" like "the statement said"', () => {
    const a = run(
      'Egypt and Qatar said in a joint statement that talks would resume. The mediators “remain committed to a lasting truce,” according to the statement.',
    );
    assert.equal(who(a, 'remain committed'), 'Egypt and Qatar');
  });

  it('falls back to the organization in focus when no sentence introduced the document', () => {
    const a = run('Human Rights Watch accused the border police of abuses. “Detainees were beaten and denied water,” the report said.');
    assert.equal(who(a, 'Detainees'), 'Human Rights Watch');
  });

  it('never takes an indefinite document after a preposition for the speaker ("In a statement read on television, …")', () => {
    const a = run('In a statement read on television, Mayor Jan Olsen said “the curfew ends tonight”.');
    assert.equal(who(a, 'the curfew'), 'Jan Olsen');
    assert.deepEqual(
      a.speakers.map((s) => s.name),
      ['Jan Olsen'],
    );
  });

  it('takes an owner that opens the sentence as the issuer ("Amnesty’s report said")', () => {
    const a = run('Amnesty’s report said “detainees were beaten and denied lawyers”.');
    assert.equal(who(a, 'detainees'), 'Amnesty');
  });

  it('takes the owner written in the document phrase, and never leaves the quote without a speaker', () => {
    const owned = run('“Water supplies are critically low,” said the Red Crescent’s statement.');
    assert.equal(who(owned, 'Water supplies'), 'the Red Crescent');
    const bare = run('“The border will remain closed until further notice,” the communiqué said.');
    assert.equal(who(bare, 'The border'), 'the communiqué');
  });
});

describe('generalisation: long anonymous descriptions', () => {
  it('takes a participle phrase or a prepositional phrase after the head into the source before the cue', () => {
    const cases: [string, string, string][] = [
      [
        'A Dutch engineer involved in the original design said the dam was “sound but neglected”.',
        'sound but',
        'A Dutch engineer involved in the original design',
      ],
      ['Volunteers working through the night said “the river kept rising”.', 'the river', 'Volunteers working through the night'],
      ['Teachers at the Lakeside Academy called the timetable “chaotic and rushed”.', 'chaotic', 'Teachers at the Lakeside Academy'],
      [
        'A lawyer briefed on the negotiations told Reuters the draft was “nowhere near final”.',
        'nowhere',
        'A lawyer briefed on the negotiations',
      ],
    ];
    for (const [paragraph, start, name] of cases) {
      const a = run(paragraph);
      assert.equal(who(a, start), name, paragraph);
      assert.equal(a.speakers[0].kind, 'anonymous');
    }
  });

  it('leaves a time phrase ("on Monday", "last week") out of a participle phrase', () => {
    const after = run('“We need more time,” said negotiators gathered in Geneva on Monday for the talks.');
    assert.equal(who(after, 'We need'), 'negotiators gathered in Geneva');
    const before = run('Doctors working in the camp last week said “cholera is spreading”.');
    assert.equal(who(before, 'cholera'), 'Doctors working in the camp');
  });

  it('ends a relative clause at its clause boundary, before or after the cue', () => {
    const after = run(
      '“The ward is short of staff every single night,” said a senior nurse who requested anonymity because staff may not talk to the press.',
    );
    assert.equal(who(after, 'The ward'), 'a senior nurse who requested anonymity');
    const before = run('A security guard who witnessed the attack said “the men came from the east gate”.');
    assert.equal(who(before, 'the men'), 'A security guard who witnessed the attack');
  });

  it('reads a participle phrase that ends in a name ("polled by Reuters") as part of the unnamed source', () => {
    const a = run('Economists surveyed by Bloomberg said “a recession is now the base case”.');
    assert.equal(who(a, 'a recession'), 'Economists surveyed by Bloomberg');
  });

  it('skips a participle aside between a subject and its cue', () => {
    const cases: [string, string, string][] = [
      ['Shopkeepers, worried about the new tax, said “we cannot survive another year”.', 'we cannot', 'Shopkeepers'],
      ['Health Minister Olga Berg, asked about the shortages, said “deliveries resume next week”.', 'deliveries', 'Olga Berg'],
      ['Coach Ravi Menon, visibly frustrated, told reporters “we gave the game away”.', 'we gave', 'Ravi Menon'],
    ];
    for (const [paragraph, start, name] of cases) assert.equal(who(run(paragraph), start), name, paragraph);
  });

  it('knows agent nouns in "-ist" and "-ician" as people', () => {
    const a = run('“The virus is adapting quickly,” said a virologist at the national institute.');
    assert.equal(who(a, 'The virus'), 'a virologist at the national institute');
  });

  it('does not read the main verb of a named institution as a post-modifier', () => {
    const a = run('The central bank raised rates on Thursday. “Inflation remains too high,” it said.');
    assert.equal(who(a, 'Inflation'), 'The central bank');
  });
});

describe('generalisation: everyday cue variants', () => {
  it('gives "X was quoted by <medium> as saying" to X, not to the medium', () => {
    const cases: [string, string, string][] = [
      ['Defence Minister Piotr Wrona was quoted by state media as saying “our forces are on alert”.', 'our forces', 'Piotr Wrona'],
      ['Rosa Lindqvist was cited by the newspaper Dagens Nyheter as saying “the budget is balanced”.', 'the budget', 'Rosa Lindqvist'],
      ['The Yonhap agency quoted Kim Do-hyun as saying “the launch failed”.', 'the launch', 'Kim Do-hyun'],
    ];
    for (const [paragraph, start, name] of cases) assert.equal(who(run(paragraph), start), name, paragraph);
  });

  it('reads "the 54-year-old told the BBC", present-tense "says", a dash before the cue and "wrote on X"', () => {
    const cases: [string[], string, string][] = [
      [
        ['Marta Oliveira crossed the line first. “I trained for years for this,” the 54-year-old told the BBC.'],
        'I trained',
        'Marta Oliveira',
      ],
      [['“Nobody here wants another lockdown,” says Colm Brennan, who runs a pub in Galway.'], 'Nobody here', 'Colm Brennan'],
      [['“The vote goes ahead as planned” — Tariq Aziz Khan said on Monday.'], 'The vote goes', 'Tariq Aziz Khan'],
      [['“The count was rigged,” opposition leader Irma Baltic wrote on X.'], 'The count', 'Irma Baltic'],
    ];
    for (const [paragraphs, start, name] of cases) assert.equal(who(run(...paragraphs), start), name, paragraphs.join(' '));
  });

  it('reads a lone surname after a dash that follows the quote', () => {
    const a = run('“The harvest is lost” — Okonkwo told AFP by phone.');
    assert.equal(who(a, 'The harvest'), 'Okonkwo');
  });

  it('reads an aside between a subject and its cue, and an opening "In a statement,"', () => {
    const aside = run('Hugo Ferrant, speaking on condition of anonymity, said “the talks have stalled”.');
    assert.equal(who(aside, 'the talks'), 'Hugo Ferrant');
    const opening = run('In a statement, the finance ministry said “all payments will resume on Monday”.');
    assert.equal(who(opening, 'all payments'), 'the finance ministry');
  });

  it('keeps the speaker for "she added" in the next sentence and for "the spokesman" named earlier', () => {
    const added = run(
      'Judge Ruth Adeyemi adjourned the case. “The evidence is incomplete,” she said. “I will not rule on guesses,” she added.',
    );
    assert.equal(who(added, 'I will not'), 'Ruth Adeyemi');
    const spokesman = run(
      'Tom Reyes, a spokesman for the airline, confirmed the cancellations. “We regret the delay,” the spokesman said.',
    );
    assert.equal(who(spokesman, 'We regret'), 'Tom Reyes');
  });

  it('gives "according to a statement from the ministry" to the ministry', () => {
    const a = run('“Safety comes first,” according to a statement from the transport ministry.');
    assert.equal(who(a, 'Safety'), 'the transport ministry');
  });
});

describe('generalisation: titles inside an unnamed source', () => {
  it('reads an abbreviated title inside a post-modifier and "to" after heads that serve someone', () => {
    const cases: [string, string, string][] = [
      ['A spokeswoman for Gov. Ann Price said the governor “has no plans to resign”.', 'has no plans', 'A spokeswoman for Gov. Ann Price'],
      ['“No comment,” said an aide to Sen. Bob Lyle.', 'No comment', 'an aide to Sen. Bob Lyle'],
      ['An adviser to the prime minister said “the date is not fixed”.', 'the date', 'An adviser to the prime minister'],
    ];
    for (const [paragraph, start, name] of cases) assert.equal(who(run(paragraph), start), name, paragraph);
  });
});
