// Prose forms of round-ups and features that first failed on unseen articles (issue 14, third round): an unnamed
// person introduced with "a" / "one" as a sentence's subject, taken up by the next "he said"; and a hand-over
// sentence with a "writing in …" aside. Every sentence is made up.
import { strict as assert } from 'node:assert';
import { analyze, type Analysis } from '../../../server/src/analysis/index';
import { testArticle, whoSaid as who } from '../articleFixture';

function run(paragraphs: string[]): Analysis {
  return analyze(testArticle(paragraphs));
}

describe('prose forms: an unnamed person opening a sentence', () => {
  it('is who the next "she said" means, not the person named before', () => {
    const a = run([
      'Club chairman Felix Orme dismissed the critics. “We will fill it,” he said.',
      'A supporter in the queue was less sure. “I will believe it when I see it,” she said.',
    ]);
    assert.equal(who(a, 'We will fill it'), 'Felix Orme');
    assert.equal(who(a, 'I will believe it'), 'A supporter in the queue');
  });
});

describe('prose forms: a hand-over sentence with an aside', () => {
  it('gives the next sentence’s quote to the subject of "X, writing in the Y, was blunt."', () => {
    const a = run(['Ines Morrow, writing in the Valley Lamp, was blunt. “The council has run out of road.”']);
    assert.equal(who(a, 'The council has run'), 'Ines Morrow');
  });
});

describe('prose forms: a role owned by a pronoun', () => {
  it('is someone other than its owner ("Her deputy, however, insisted:")', () => {
    const a = run(['Mayor Ellen Frisk said the plan was final. Her deputy, however, insisted: “Nothing is final.”']);
    assert.notEqual(who(a, 'Nothing is final'), 'Ellen Frisk');
  });
});

describe('prose forms: a round-up line opened by a preposition', () => {
  it('gives "From the Courier: “…”" to the outlet, and leaves "In Brusselton: “…”" to no one', () => {
    const a = run([
      'Here is what the commentators said.',
      'From the Eastgate Courier: “Justice delayed, but not denied.”',
      'In Brusselton: “We will respond.”',
    ]);
    assert.match(who(a, 'Justice delayed') ?? '', /^(?:the )?Eastgate Courier$/i);
    assert.equal(who(a, 'We will respond'), null);
  });
});

describe('prose forms: a round-up heading naming the commentator', () => {
  it('gives the quote that fills the next paragraph to the name on the heading line', () => {
    const a = run([
      'Here is what the columnists wrote.',
      '1. Farah Qureshi, The Daily Sentinel',
      '“Neither side has an exit.”',
      '2. **Tom Hale** (Evening Courier):',
      '“Both are waiting for the other to blink.”',
      '## The Verdict',
      '“Guilty on all counts.”',
    ]);
    assert.equal(who(a, 'Neither side'), 'Farah Qureshi');
    assert.equal(who(a, 'Both are waiting'), 'Tom Hale');
    assert.equal(who(a, 'Guilty on all'), null);
  });
});

describe('prose forms: words remembered or overheard', () => {
  it('gives them to the one remembered, not to the one remembering', () => {
    const a = run([
      'Harbour master Tomas Lind spoke at the launch. Lind recalled his grandmother telling him: “Never trust a calm sea.”',
      'Councillor Rita Vale remembers Lind saying the pier was “held up by paint.”',
      '“I remember that day,” Lind said, recalling the storm.',
    ]);
    assert.equal(who(a, 'Never trust'), 'his grandmother');
    assert.equal(who(a, 'held up by paint'), 'Tomas Lind');
    assert.equal(who(a, 'I remember that day'), 'Tomas Lind');
  });
});

describe('prose forms: a one-word reply before a verb that reports only after a quote', () => {
  it('is speech of the subject ("“Stop,” Roe pressed.", "“Fine,” she shot back.")', () => {
    const a = run(['Mayor Ann Roe faced the committee. “Stop,” Roe pressed. “Fine,” she shot back.']);
    assert.equal(who(a, 'Stop'), 'Ann Roe');
    assert.equal(who(a, 'Fine'), 'Ann Roe');
  });

  it('takes no cue from a role noun ("“…,” press secretary Jean Pierre said")', () => {
    const a = run(['“The bill has our support,” press secretary Jean Pierre said in a briefing.']);
    const q = a.quotes.find((x) => x.text.includes('The bill has'));
    assert.equal(q?.cue?.text, 'said');
    assert.equal(who(a, 'The bill has'), 'Jean Pierre');
  });
});

describe('prose forms: messages and records of someone speaking', () => {
  it('gives an emailed message to its sender, and words a record shows someone saying to that someone', () => {
    const a = run([
      'Former treasurer Dale Fenwick faces fraud charges. Fenwick emailed an aide: “Delete everything.”',
      'Emails obtained by the Record show Fenwick writing to a vendor: “Keep this between us.”',
      'A video captured councillor Rita Vale shouting “Get out!” at the crowd.',
    ]);
    assert.equal(who(a, 'Delete everything'), 'Dale Fenwick');
    assert.equal(who(a, 'Keep this between us'), 'Dale Fenwick');
    assert.equal(who(a, 'Get out'), 'Rita Vale');
  });
});

describe('prose forms: a name with its home place in an appositive', () => {
  it('is the subject of the verb after the appositive ("One, Rep. Ken Ito of Iowa, called it “…”")', () => {
    const a = run([
      'Rep. Ana Solís of Texas called his answers “evasive.” One, Rep. Ken Ito of Iowa, called it “a disgrace.” Another, Maria Lind from Ohio, said: “Shameful.”',
    ]);
    assert.equal(who(a, 'evasive'), 'Ana Solís');
    assert.equal(who(a, 'a disgrace'), 'Ken Ito');
    assert.equal(who(a, 'Shameful'), 'Maria Lind');
  });
});

describe('prose forms: a paragraph opened by "Another," and a name', () => {
  it('is a sentence with its verb, not a round-up label named "Another"', () => {
    const a = run(['The senators were split.', 'Another, Maria Lind, said: “Shameful.”', 'Jane Roe, The Daily Planet: “A fine mess.”']);
    assert.equal(who(a, 'Shameful'), 'Maria Lind');
    assert.equal(who(a, 'A fine mess'), 'Jane Roe');
  });
});

describe('prose forms: a given name used for both genders', () => {
  it('lets "she" find a person called Jean, Andrea or Nicola', () => {
    const a = run([
      'White House press secretary Jean Pierre faced questions on Tuesday. “The president has been clear,” she told reporters.',
    ]);
    assert.equal(who(a, 'The president has been clear'), 'Jean Pierre');
  });
});

describe('prose forms: unnamed sources of political reporting', () => {
  it('reads fundraisers, donors, allies and plaintiffs as sources', () => {
    const a = run([
      'The network grew fast. “It was about access,” said one longtime fundraiser, who requested anonymity.',
      '“Nobody asked us,” a major donor said.',
      'The plaintiffs argued the law was “plainly unconstitutional.”',
    ]);
    assert.equal(who(a, 'It was about access'), 'one longtime fundraiser');
    assert.equal(who(a, 'Nobody asked us'), 'a major donor');
    assert.equal(who(a, 'plainly unconstitutional'), 'The plaintiffs');
  });
});

describe('prose forms: a lawmaker named again by state and party', () => {
  it('takes "the Ohio Republican" and "the Republican" for the senator just named, and "a Colorado Democrat" as an appositive', () => {
    const a = run([
      'Sen. Tom Birch spoke in Columbus on Monday. The Ohio Republican later doubled down: “I stand by every word.”',
      '“No regrets,” the Republican told reporters.',
      '“Fine,” said Jane Roe, a Colorado Democrat.',
    ]);
    assert.equal(who(a, 'I stand by every word'), 'Tom Birch');
    assert.equal(who(a, 'No regrets'), 'Tom Birch');
    assert.equal(who(a, 'Fine'), 'Jane Roe');
  });
});

describe('prose forms: an interview host and a guest', () => {
  it('gives "the host pressed" to the host and "the senator replied" to the senator, however recently the host was named', () => {
    const a = run([
      'Sen. Tom Birch appeared on CNN with host Dana Bash.',
      '“We will win,” Birch said.',
      '“Answer the question,” the host pressed.',
      '“I did,” the senator replied.',
    ]);
    assert.equal(who(a, 'We will win'), 'Tom Birch');
    assert.equal(who(a, 'Answer the question'), 'Dana Bash');
    assert.equal(who(a, 'I did'), 'Tom Birch');
  });
});

describe('prose forms: a newspaper by how often it comes out, and a message opened with a comma', () => {
  it('reads "the daily wrote" as a source and "The email began, “…”" as its writer’s', () => {
    const a = run([
      'Mayor Ann Roe wrote to the council on Friday. The email began, “Dear colleagues, I regret to inform you.”',
      'The Morning Ledger ran an editorial on Sunday. “The governor has lost the plot,” the daily wrote.',
      'The season began, “slowly,” as the coach put it.',
    ]);
    assert.equal(who(a, 'The governor has lost'), 'the daily');
    assert.equal(who(a, 'Dear colleagues'), 'Ann Roe');
  });
});

describe('prose forms: a name written after "the"', () => {
  it('is a body, not a person ("The Daughters of the Revolution said")', () => {
    const a = run(['The Daughters of the Revolution said the statue would “stay forever.”']);
    const q = a.quotes.find((x) => x.text.includes('stay forever'));
    const speaker = a.speakers.find((s) => s.id === q?.speakerId);
    assert.equal(speaker?.kind, 'organization');
  });
});

describe('addressee before a colon', () => {
  it('leaves "a warning to the witness, Director X: “…”" to the sentence’s subject, not the addressee', () => {
    const a = run([
      'Chairwoman Lena Ostrow opened the session with a warning to the witness, Commissioner Abel Dunn: “We expect plain answers.”',
    ]);
    assert.equal(who(a, 'We expect plain answers'), 'Lena Ostrow');
  });

  it('still gives "a question from the witness, X: “…”" to the witness', () => {
    const a = run(['The hearing ended with a question from the witness, Commissioner Abel Dunn: “May I go now?”']);
    assert.equal(who(a, 'May I go now'), 'Abel Dunn');
  });
});

describe('prose forms: two people sharing a surname', () => {
  it('gives the bare surname to the one the article already calls by it, not the relative named since', () => {
    const a = run([
      'Travis Kern is running for county auditor. Kern grew up two streets away.',
      'His mother, Deb Kern, worked in the office for a decade. “It is time,” Deb Kern said.',
      'Later, in his truck, Kern was calm. “You win enough,” Kern said.',
    ]);
    assert.equal(who(a, 'You win enough'), 'Travis Kern');
    assert.equal(who(a, 'It is time'), 'Deb Kern');
  });
});

describe('prose forms: a crowd counted with "of"', () => {
  it('is who a later "they chanted" means ("Dozens of protesters gathered …", "A group of nurses marched …")', () => {
    const a = run(['The governor’s office weighed in.', 'Dozens of protesters gathered outside. “Fund our clinics!” they chanted.']);
    assert.equal(who(a, 'Fund our clinics'), 'protesters');
    const b = run(['The governor’s office weighed in.', 'A group of nurses marched to the statehouse. “Staff our wards!” they shouted.']);
    assert.equal(who(b, 'Staff our wards'), 'nurses');
  });
});

describe('prose forms: a title above the entry that names its holder', () => {
  it('gives a live blog’s "The governor … she said" to the governor named in an older entry further down', () => {
    const a = run([
      '**11:42 p.m.** — The governor has conceded. Speaking to supporters, she said the result was “not the one we worked for.”',
      '**10:15 p.m.** — Gov. Helen Marsh arrives at her party to cheers. “Whatever happens tonight, thank you,” Marsh told the crowd.',
    ]);
    assert.equal(who(a, 'not the one we worked for'), 'Helen Marsh');
    assert.ok(!a.speakers.some((s) => s.name === 'The governor'));
  });

  it('leaves the title its own source when two people further down hold it', () => {
    const a = run([
      'The senator would not say how she will vote. “Ask me on Friday,” the senator said.',
      'Sen. Ann Roe and Sen. Bea Lund both sit on the committee.',
    ]);
    assert.equal(who(a, 'Ask me on Friday')?.toLowerCase(), 'the senator');
  });
});
