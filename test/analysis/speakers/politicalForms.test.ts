// Forms of US political reporting that failed on the fourth development round (issue 14, `g4-*`): members of a
// group speaking as "one" / "another" / "the other", and a cry right after a verb of crying out with the
// sentence going on after it. Every sentence here is made up for the test.
import { strict as assert } from 'node:assert';
import { analyze, type Analysis } from '../../../server/src/analysis/index';
import { testArticle, whoSaid as who } from '../articleFixture';

function run(paragraphs: string[]): Analysis {
  return analyze(testArticle(paragraphs));
}

describe('political forms: members of a counted group', () => {
  it('gives "one said", "said another" and "the other said" sources of their own', () => {
    const a = run([
      'Two ushers at the convention asked not to be named. “Nobody checked a single badge,” one said. “Not one,” said another.',
      'Two pollsters disagreed about the result. “It is within the margin,” one said. “It is not close,” the other said.',
    ]);
    assert.equal(who(a, 'Nobody checked'), 'one');
    assert.equal(who(a, 'Not one'), 'another');
    assert.equal(who(a, 'It is not close'), 'the other');
  });

  it('keeps "one of them said" with the group', () => {
    const a = run(['Several delegates said the rules were unfair. “We were never asked,” one of them said.']);
    assert.equal(who(a, 'We were never asked'), 'Several delegates');
  });
});

describe('political forms: a cry after a verb of crying out', () => {
  it('keeps a short cry the sentence goes on after, and gives it to the crowd', () => {
    const a = run(['The senator left by a side door while the crowd chanted “Count every vote!” outside the hall.']);
    const cry = a.quotes.find((q) => q.text.includes('Count every vote'));
    assert.ok(cry, 'the cry is a quote');
    assert.equal(who(a, 'Count every vote'), 'the crowd');
  });

  it('still leaves a lower-case phrase after such a verb a scare quote', () => {
    const a = run(['Critics scoffed at the “bold new era” the mayor had promised.']);
    assert.equal(
      a.quotes.some((q) => q.text.includes('bold new era')),
      false,
    );
  });
});

describe('political forms: a wire dateline before the subject', () => {
  it('gives a participle clause’s quote to the subject after the dateline, never to the place', () => {
    const a = run([
      'TOLEDO, May 4 (Reuters) - The Lakeside Tenants Union sued the housing board on Monday, saying its rules were “written for landlords.”',
      'The union filed its papers in Toledo.',
    ]);
    assert.equal(who(a, 'written for landlords'), 'The Lakeside Tenants Union');
  });
});

describe('political forms: a body of members named "The X of Y"', () => {
  it('reads "The Veterans of Harbor County" as one organization, not a person called Veterans', () => {
    const a = run(['The Veterans of Harbor County said in a statement that the cuts were “an insult to every family.”']);
    assert.equal(who(a, 'an insult'), 'The Veterans of Harbor County');
  });
});

describe('political forms: a partial quote as the object of blame or praise', () => {
  it('gives “…” after "blamed", and after "praised X for his", to the subject', () => {
    const a = run([
      'Governor Ada Brandt blamed “a decade of neglect in the capital” for the closures and praised Mayor Eli Soto for his “calm and patience” during the strike.',
    ]);
    assert.equal(who(a, 'a decade of neglect'), 'Ada Brandt');
    assert.equal(who(a, 'calm and patience'), 'Ada Brandt');
  });

  it('still leaves a scare quote with no reporting verb out', () => {
    const a = run(['The so-called “fair deal” was shelved, and the board moved on to its “priority list” for spring.']);
    assert.equal(a.quotes.length, 0);
  });
});

describe('political forms: a description stretching over the verb', () => {
  it('reads "Then a voter at the back stood up and said:" as the voter, without the verb phrase', () => {
    const a = run([
      'The town hall ran long. Then a veteran at the back stood up and said: “I want a straight answer.”',
      'A pastor in the front row took the microphone and declared: “This county deserves better.”',
    ]);
    assert.equal(who(a, 'I want a straight'), 'a veteran at the back');
    assert.equal(who(a, 'This county deserves'), 'A pastor in the front row');
  });

  it('reads "Then Senator X rose and said:" as the senator', () => {
    const a = run(['The chamber fell silent. Then Senator Carla Voigt rose and said: “Not in my name.”']);
    assert.equal(who(a, 'Not in my name'), 'Carla Voigt');
  });
});

describe('political forms: crowds of rallies and documents after the quote', () => {
  it('reads "Hecklers shouted “…!”" and "a donor at the gala" as unnamed sources', () => {
    const a = run([
      'Hecklers shouted “Go home!” from the balcony.',
      'A donor at the gala stood up and said: “I paid for this dinner and I want answers.”',
    ]);
    assert.equal(who(a, 'Go home'), 'Hecklers');
    assert.equal(who(a, 'I paid for this'), 'A donor at the gala');
  });

  it('gives "“…,” the lawsuit claims." to the lawsuit', () => {
    const a = run(['“The county ignored every warning it was given,” the lawsuit claims.']);
    assert.match(who(a, 'The county ignored') ?? '', /^the lawsuit$/i);
  });
});

describe('political forms: a transcript turn of an unknown voice', () => {
  it('gives "UNIDENTIFIED MALE:" and "UNIDENTIFIED VOICE:" turns no speaker, whatever follows them', () => {
    const a = run([
      'Mayor Lena Forde took questions at the council meeting on Monday. A partial transcript follows.',
      'FORDE: Good evening. We will begin with the budget.',
      'UNIDENTIFIED MALE: What about the library?',
      'FORDE: The library stays open.',
      'UNIDENTIFIED VOICE: (inaudible)',
      'FORDE: I will take that as a yes.',
    ]);
    assert.equal(who(a, 'Good evening'), 'Lena Forde');
    assert.equal(who(a, 'What about the library'), null);
    const inaudible = a.quotes.find((q) => q.text.includes('inaudible'));
    assert.equal(inaudible?.speakerId ?? null, null);
    assert.equal(who(a, 'I will take that'), 'Lena Forde');
  });
});

describe('political forms: pull quotes signed after a dash', () => {
  it('keeps a round-up of signed pull quotes to the end of the body, a one-word one and "—Name" included', () => {
    const a = run([
      'The speech drew quick verdicts from the commentators.',
      '“He read the room and then ignored it.” — Nadia Brook, The Evening Courier',
      '“Tedious.” — Owen Marsh, Harbor Radio',
      '“A speech for the history books, if anyone reads them.” —Ruth Kemp, Lakeside Weekly',
    ]);
    assert.equal(who(a, 'He read the room'), 'Nadia Brook');
    assert.equal(who(a, 'Tedious'), 'Owen Marsh');
    assert.equal(who(a, 'A speech for the history'), 'Ruth Kemp');
  });
});

describe('political forms: who a participle clause reports for', () => {
  it('gives ", saying …" after "Pentagon spokeswoman X" to X, not to the institution before the role', () => {
    const a = run(['Pentagon spokeswoman Ines Lowry rejected the claim on Friday, saying it was “not grounded in any fact.”']);
    assert.equal(who(a, 'not grounded'), 'Ines Lowry');
  });

  it('gives "X’s office released a statement saying …" to the office', () => {
    const a = run([
      'Governor Paul Reddy left for Denver on Monday.',
      'Later that day, Reddy’s office released a statement saying he was “confident of a deal by Friday.”',
    ]);
    assert.match(who(a, 'confident of a deal') ?? '', /^Reddy[’']s office$/);
  });
});

describe('political forms: a scare quote in a clause of its own', () => {
  it('leaves “…” after ", and each side claims the" out, though a reporting verb stands earlier in the sentence', () => {
    const a = run(['The senators talked up a deal last spring, and each party now claims the “working families” vote as its own.']);
    assert.equal(
      a.quotes.some((q) => q.text.includes('working families')),
      false,
    );
  });
});

describe('political forms: a sentence adverb before a name and a colon', () => {
  it('reads "Later, X added: “…”" as X’s cue, not as a round-up line naming "Later"', () => {
    const a = run(['Governor Tom Reese toured the plant on Friday.', 'Later, Reese added: “We will be back in the spring.”']);
    assert.equal(who(a, 'We will be back'), 'Tom Reese');
  });
});

describe('political forms: a campaign ad that speaks', () => {
  it('gives "the ad says" to the campaign that issued it, not to the name that qualifies the campaign', () => {
    const a = run(['A new ad from the Lindqvist campaign goes after the mayor. “Ten years, zero new homes,” the ad says.']);
    assert.match(who(a, 'Ten years') ?? '', /^the Lindqvist campaign$/i);
  });
});

describe('political forms: party and state in parentheses after a name', () => {
  it('are skipped on the way to the subject ("Rep. Nia Cole (D-Calif.) said: “…”")', () => {
    const a = analyze(
      testArticle([
        'Rep. Nia Cole (D-Calif.) said: “We will fight it.”',
        'Sen. Hal Brody (R-Utah) called the decision “a dangerous overreach” and vowed to fight it.',
      ]),
    );
    assert.equal(who(a, 'We will fight it'), 'Nia Cole');
    assert.equal(who(a, 'a dangerous overreach'), 'Hal Brody');
  });
});

describe('political forms: a wire dateline opening the first paragraph', () => {
  it('is no part of the first sentence, so the name after it is the subject a later "she" means', () => {
    const a = analyze(
      testArticle([
        'PIKE COUNTY, Ohio — Every morning at 7, Verna Holt opens the county office herself. She has done it for 31 years.',
        '“Somebody has to,” she says, switching on the lights.',
      ]),
    );
    assert.equal(who(a, 'Somebody has to'), 'Verna Holt');
  });

  it('finds the subject after a dateline and two fronted phrases ("DENVER — Later, in her car, Ilse Moreno was calm.")', () => {
    const a = analyze(testArticle(['DENVER — Later, in her car, Ilse Moreno was calm. “We lost a round, not the fight,” she said.']));
    assert.equal(who(a, 'We lost a round'), 'Ilse Moreno');
  });
});

describe('political forms: a live blog entry’s time stamp', () => {
  it('is no part of the entry’s first sentence ("**11:05 a.m.** — Protesters gathered …", "[14:20] …")', () => {
    const a = analyze(
      testArticle([
        '**10:40 a.m.** — The governor’s office weighed in on the vote.',
        '**11:05 a.m.** — Protesters gathered outside the statehouse. “Fund our clinics!” they chanted.',
        '[14:20] Senator Ola Brandt left the chamber. “I need the final text,” she said.',
        '3:15 p.m. ET: Minority Leader Cal Dunmore rose. “This is a fantasy,” he said.',
      ]),
    );
    assert.equal(who(a, 'Fund our clinics'), 'Protesters');
    assert.equal(who(a, 'I need the final text'), 'Ola Brandt');
    assert.equal(who(a, 'This is a fantasy'), 'Cal Dunmore');
  });
});

describe('political forms: titles of local and state office', () => {
  it('reads "The councilwoman, X," and "Assemblyman X" as a person with a role, whom "she" and the surname take up', () => {
    const a = run([
      'The councilwoman, Ada Price, has little patience for the plan. She calls it “a fantasy.”',
      'Assemblyman Joe Ruiz voted no. “We were not consulted,” Ruiz said.',
    ]);
    assert.equal(who(a, 'a fantasy'), 'Ada Price');
    assert.equal(a.speakers.find((s) => s.name === 'Ada Price')?.role, 'councilwoman');
    assert.equal(who(a, 'We were not consulted'), 'Joe Ruiz');
    assert.equal(a.speakers.find((s) => s.name === 'Joe Ruiz')?.role, 'Assemblyman');
  });
});

describe('political forms: a participle after one name acting on another', () => {
  it('gives ", saying …" to the subject of "Ruiz endorsed Hart", not to Hart', () => {
    const a = run([
      'Gov. Ana Ruiz toured the harbor on Saturday.',
      'Ruiz endorsed Hart on Sunday, saying that the city needed “a steady hand.”',
      'Ruiz backed Okafor too, saying: “She knows the budget.”',
    ]);
    assert.equal(who(a, 'a steady hand'), 'Ana Ruiz');
    assert.equal(who(a, 'She knows the budget'), 'Ana Ruiz');
  });

  it('still reads a role the lexicon does not know between an institution and a name', () => {
    const a = run(['Nanotek senior engineer Ann Roe spoke to reporters, saying: “The chips are safe.”']);
    assert.equal(who(a, 'The chips are safe'), 'Ann Roe');
  });
});

describe('political forms: a surname that is also a place or institution word', () => {
  it('takes up the person named so ("Sen. Lisa Park … Park said", "Lisa Hall … Hall said")', () => {
    const a = run([
      'Sen. Lisa Park and Rep. Dan Cole spoke after the vote. “We did our job,” Park said.',
      'The mayor, Tom Hall, agreed. “It was overdue,” Hall said.',
    ]);
    assert.equal(who(a, 'We did our job'), 'Lisa Park');
    assert.equal(who(a, 'It was overdue'), 'Tom Hall');
    assert.ok(!a.speakers.some((s) => s.kind === 'organization'), a.speakers.map((s) => `${s.name}:${s.kind}`).join(', '));
  });

  it('leaves the word an institution when no person of that surname was named', () => {
    const a = run(['Officials at the new park were pleased. “Attendance doubled,” Riverside Park said in a statement.']);
    assert.equal(a.speakers.find((s) => s.name.endsWith('Riverside Park'))?.kind, 'organization');
  });
});
