// Forms of investigative, court and hearing reporting that failed on the fifth development round (issue 14, `g5-*`):
// documents obtained by a newspaper, records introduced with "an" and taken up with "the", a role before its
// holder's name after an opening phrase, a noun homograph after "a" and a modifier, a speech noun "from" someone
// handing over to a quote. Every sentence here is made up for the test.
import { strict as assert } from 'node:assert';
import { analyze, type Analysis } from '../../../server/src/analysis/index';
import { testArticle, whoSaid as who } from '../articleFixture';

function run(paragraphs: string[]): Analysis {
  return analyze(testArticle(paragraphs));
}

describe('investigative forms: a role, then its holder, after an opening phrase', () => {
  it('gives "Asked about X, her spokesman, Name, said:" to the named spokesman', () => {
    const a = run([
      'Trade Minister Elsa Varga did not attend. Asked about the shipments on Friday, her spokesman, Piet Lauwers, said: “The minister stands by her answer.”',
    ]);
    assert.equal(who(a, 'The minister stands'), 'Piet Lauwers');
  });

  it('still reads "Name, a Colorado Democrat, said" as the name', () => {
    const a = run(['On Monday, Dana Whitlock, a Nevada Republican, said: “The bill is dead.”']);
    assert.equal(who(a, 'The bill is dead'), 'Dana Whitlock');
  });
});

describe('investigative forms: a noun homograph after "a" and a modifier', () => {
  it('reads "in a recorded call that" as a noun, so the quote stays with the sentence’s subject', () => {
    const a = run([
      'According to the complaint, Harold Ebbe told a contractor in a recorded call that the permit was “already signed, just not dated.”',
    ]);
    assert.equal(who(a, 'already signed'), 'Harold Ebbe');
  });
});

describe('investigative forms: documents', () => {
  it('never takes the paper that obtained a review for its issuer', () => {
    const a = run([
      'A confidential review obtained by the Courier found that inspectors skipped forty sites. “Inspection logs were completed in advance,” the review states.',
    ]);
    assert.notEqual(who(a, 'Inspection logs'), 'the Courier');
    assert.equal(who(a, 'Inspection logs'), 'A confidential review');
  });

  it('names a document introduced with "an" by its introduction, and keeps it for later quotes', () => {
    const a = run([
      'An internal audit finished in May flagged the overtime claims. “Supervisors approved their own hours,” the audit says. “No one checked,” the audit adds.',
    ]);
    assert.equal(who(a, 'Supervisors approved'), 'An internal audit');
    assert.equal(who(a, 'No one checked'), 'An internal audit');
  });

  it('gives a quoted brief and a cable a voice of their own', () => {
    const a = run([
      'The county argued in its brief that the vote was lawful. “The board acted within its powers,” the brief says.',
      'The embassy sent a cable in March. “The situation is deteriorating,” the cable reads.',
    ]);
    assert.notEqual(who(a, 'The board acted'), null);
    assert.notEqual(who(a, 'The situation is'), null);
  });
});

describe('investigative forms: a speech noun "from" someone hands over to a quote', () => {
  it('gives the quote after "That drew a sharp response from Name." to that name', () => {
    const a = run([
      'Commissioner Hal Petrie defended the budget. That drew a sharp response from Senator Ines Moya. “With respect, the numbers do not add up.”',
    ]);
    assert.equal(who(a, 'With respect'), 'Ines Moya');
  });

  it('does the same before a colon', () => {
    const a = run(['The proposal drew a swift reaction from Mayor Tess Gorman: “It is dead on arrival.”']);
    assert.equal(who(a, 'It is dead'), 'Tess Gorman');
  });
});

describe('investigative forms: "that person said … were told “…”"', () => {
  it('takes "That person" / "This official" back to the unnamed source introduced before', () => {
    const a = run([
      'According to a lawyer involved in the case, the files were moved in June. That lawyer said the clerks had been “in a hurry to be done with it.”',
      'A senior diplomat briefed reporters after the talks. This diplomat said the offer was “not serious.”',
    ]);
    assert.equal(who(a, 'in a hurry'), 'a lawyer involved in the case');
    assert.equal(who(a, 'not serious'), 'A senior diplomat');
  });

  it('never gives the words to the subject of a passive "was warned" or "were assured"', () => {
    const a = run([
      'Planning records show the builder was warned in March that the permit was “at risk.”',
      'Councillor Amy Rusk said tenants were assured the boilers were “perfectly safe.”',
    ]);
    assert.equal(who(a, 'at risk'), null);
    assert.equal(who(a, 'perfectly safe'), 'Amy Rusk');
  });

  it('never gives the words to the subject of a passive "were told"', () => {
    const a = run(['Councillor Amy Rusk said the clerks were told “to shred nothing, ever.”']);
    assert.equal(who(a, 'to shred nothing'), 'Amy Rusk');
  });
});

describe('interview forms: a Q-and-A with bold questions and plain answers', () => {
  const qa = [
    'Mayor Ruth Okafor is seeking a third term. She spoke with Courier reporter Liam Hart at City Hall. The interview has been edited for length.',
    '**Why run again after promising you would not?**',
    'Because the flood work is half done, and I do not leave jobs half done.',
    '**Your rival says the city is broke. Is it?**',
    'The city has a surplus for the fourth year running. He can read the audit like everyone else.',
  ];

  it('reads each bold question and the answer after it as quotes, of the interviewer and the interviewee', () => {
    const a = run(qa);
    assert.equal(who(a, 'Why run again'), 'Liam Hart');
    assert.equal(who(a, 'Because the flood work'), 'Ruth Okafor');
    assert.equal(who(a, 'Your rival says'), 'Liam Hart');
    assert.equal(who(a, 'The city has a surplus'), 'Ruth Okafor');
  });

  it('keeps them below the trusted confidence, as inferred "Q:" / "A:" turns are', () => {
    const a = run(qa);
    for (const q of a.quotes) assert.ok((q.confidence ?? 0) < 0.8, `${q.text}: ${q.confidence}`);
  });

  it('leaves bold subheadings of a feature alone when they are not questions', () => {
    const a = run([
      'The harbour has changed more in five years than in the fifty before.',
      '**The money came first.**',
      'Grants from the state paid for the new quay and the fish hall.',
      '**Then the people followed.**',
      'Rents rose by a third, and the old net lofts became flats.',
    ]);
    assert.equal(a.quotes.length, 0);
  });
});

describe('investigative forms: messages quoted as they read', () => {
  it('gives "“…,” read one text message from Name" to the sender', () => {
    const a = run([
      'Former harbor commissioner Otto Reinholt and a contractor, Gil Navarro, traded messages for months.',
      '“Invoice it as travel,” read one text message from Reinholt to Navarro.',
    ]);
    assert.equal(who(a, 'Invoice it as travel'), 'Otto Reinholt');
  });

  it('reads "“…,” the letter ended." as the letter speaking for the one who sent it', () => {
    const a = run(['Treasurer Ines Calder sent a letter to the council on Monday.', '“I will not sign this budget,” the letter ended.']);
    assert.equal(who(a, 'I will not sign'), 'Ines Calder');
  });
});

describe('hearing forms: "the panel" for a committee', () => {
  it('takes "the panel said" up for the committee named before', () => {
    const a = run([
      'The Senate Commerce Committee voted 14-12 on Wednesday to advance the nomination.',
      '“The nominee has answered every question put to her,” the panel said in its report.',
    ]);
    assert.equal(who(a, 'The nominee has answered'), 'The Senate Commerce Committee');
  });
});

describe('hearing forms: a congressional transcript with full-stop labels', () => {
  it('reads "Mr. FELD. …", "Senator MARKS. …" and "The CHAIRMAN. …" as labelled turns', () => {
    const a = run([
      'Excerpts from the hearing of the Senate Banking Committee, chaired by Sen. Dora Pike, with testimony from Deputy Secretary Amos Reyes.',
      'The CHAIRMAN. The committee will come to order. Mr. Reyes, you may begin.',
      'Mr. REYES. Thank you, Madam Chair. I will be brief.',
      'Senator QUILL. Mr. Reyes, who approved the waiver?',
      'Mr. REYES. I did, on the advice of counsel.',
    ]);
    assert.equal(who(a, 'Thank you, Madam Chair'), 'Amos Reyes');
    assert.equal(who(a, 'I did, on the advice'), 'Amos Reyes');
    assert.equal(who(a, 'Mr. Reyes, who approved'), 'Quill');
    assert.equal(who(a, 'The committee will come'), 'Dora Pike');
  });

  it('leaves prose that opens with a title and a capitalised word alone', () => {
    const a = run(['Mr. Reyes. That was the name on the form, and nobody at the agency could say who had typed it.']);
    assert.equal(a.quotes.length, 0);
  });
});

describe('investigative forms: unnamed sources with a post-modifier ending in a name or title', () => {
  it('reads "People close to the governor say" as the people, not the governor', () => {
    const a = run(['People close to the mayor say she was “blindsided” by the audit.']);
    assert.equal(who(a, 'blindsided'), 'People close to the mayor');
  });

  it('reads "Lawyers for the city argued" as the lawyers', () => {
    const a = run(['In a filing on Friday, lawyers for the city argued that the ordinance was “plainly lawful.”']);
    assert.equal(who(a, 'plainly lawful'), 'lawyers for the city');
  });
});

describe('investigative forms: "one of the officials said"', () => {
  it('gives the words to the group just described, as "one of them said" does', () => {
    const a = run([
      'Two auditors at the agency said they raised the alarm in May. “We were told to stop asking,” one of the auditors said.',
    ]);
    assert.equal(who(a, 'We were told'), 'Two auditors at the agency');
  });
});
