// Transcript label shapes that first failed on unseen articles (issue 14, third round): a title written normally
// before a surname in capitals, a speaker change inside a paragraph, parts ("THE CHAIR", "THE PRIME MINISTER",
// "INTERVIEWER", "THE WITNESS") played by someone named before, a court transcript's "BY MS. X:" and "Q." /
// "A.", initials as labels, and a Q-and-A whose only journalist is its byline. Every sentence is made up.
import { strict as assert } from 'node:assert';
import { analyze, type Analysis } from '../../../server/src/analysis/index';
import { testArticle, whoSaid as who } from '../articleFixture';

function run(paragraphs: string[], headline?: string): Analysis {
  return analyze(testArticle(paragraphs, headline === undefined ? {} : { headline }));
}

describe('transcript forms: labels and parts', () => {
  it('reads "Sen. RUDD:" among capitals labels as Rudd, and the chair as the one the committee is chaired by', () => {
    const a = run([
      'The committee, chaired by Senator Delia Fairweather, questioned the port chief, Marcus Oyelaran. Senator Tomas Rudd also asked questions.',
      'THE CHAIR: The committee will come to order.',
      'MR. OYELARAN: Thank you. I take full responsibility.',
      'Sen. RUDD: Who signed the orders?',
      'MR. OYELARAN: I did.',
      'THE CHAIR: We will take a short recess.',
    ]);
    assert.equal(who(a, 'The committee will come'), 'Delia Fairweather');
    assert.equal(who(a, 'Who signed the orders'), 'Tomas Rudd');
    assert.equal(who(a, 'We will take a short'), 'Delia Fairweather');
  });

  it('splits a turn where another voice speaks inside the paragraph', () => {
    const a = run([
      'Councillor Ada Brill questioned the treasurer, Omar Feld, on Monday.',
      'BRILL: Was the loan approved?',
      'FELD: It was approved in May.',
      'BRILL: Without a vote? FELD: Without a vote, yes.',
    ]);
    assert.equal(who(a, 'Without a vote?'), 'Ada Brill');
    assert.equal(who(a, 'Without a vote, yes'), 'Omar Feld');
  });

  it('gives "The Prime Minister:" turns to the prime minister named before, not to an outlet', () => {
    const a = run([
      'The exchange came between opposition leader Nora Quill and Prime Minister Edwin Stahl.',
      'Nora Quill: Will the prime minister admit the target failed?',
      'The Prime Minister: No, because it has not.',
      'Nora Quill: Ninety thousand homes were built.',
      'The Prime Minister: And ninety thousand families have a home.',
    ]);
    assert.equal(who(a, 'No, because it has not'), 'Edwin Stahl');
  });

  it('gives "INTERVIEWER:" to the one journalist named, and a full-name label among surname labels to that person', () => {
    const a = run([
      'Mayor Ingrid Salo sat down with our reporter Tobias Wren this week.',
      'WREN: Why now?',
      'SALO: Because the money is there now.',
      'INTERVIEWER: And the cost?',
      'SALO: Forty million.',
      'Tobias Wren: Last question. Will you run again?',
    ]);
    assert.equal(who(a, 'And the cost'), 'Tobias Wren');
    assert.equal(who(a, 'Last question'), 'Tobias Wren');
  });

  it('reads a label of initials as the one person with those initials', () => {
    const a = run([
      'The novelist Grete Aalto spoke to our reporter Hana Lusk about her new book.',
      'HL: Why give up the phone?',
      'GA: I was reading other people for four hours a day.',
      'HL: Do you miss it?',
      'GA: Not once.',
    ]);
    assert.equal(who(a, 'I was reading other'), 'Grete Aalto');
    assert.equal(who(a, 'Do you miss it'), 'Hana Lusk');
  });
});

describe('transcript forms: a label with a party note', () => {
  it('reads "**Rep. Dana Holt (D-Ore.):**" as a turn of Holt, the full stop inside the bracket included', () => {
    const a = run([
      'Energy Secretary Paul Ruiz testified before a panel chaired by Rep. Dana Holt.',
      '**Rep. Dana Holt (D-Ore.):** Mr. Secretary, when did you know?',
      '**Secretary Ruiz:** In March.',
      '**Rep. Holt:** Not February?',
      '**Secretary Ruiz:** March.',
    ]);
    assert.equal(who(a, 'Mr. Secretary, when'), 'Dana Holt');
    assert.equal(who(a, 'In March'), 'Paul Ruiz');
  });
});

describe('transcript forms: a court transcript', () => {
  it('gives "Q." to the counsel of the "BY" line, "A." and "THE WITNESS" to the one the questions address', () => {
    const a = run([
      'The inquiry heard evidence from the site manager, Rhys Calloway. He was questioned by counsel to the inquiry, Nadia Halloran. Commissioner Judith Abernethy chairs it, and Simon Draycott represents the engineers.',
      'BY MS. HALLORAN:',
      'Q. Mr. Calloway, when did the warning reach you?',
      'A. On the Thursday before the collapse.',
      'Q. In writing?',
      'A. In a text message.',
      'THE COMMISSIONER: When was the engineer next on site?',
      'THE WITNESS: The Monday.',
    ]);
    assert.equal(who(a, 'Mr. Calloway, when did'), 'Nadia Halloran');
    assert.equal(who(a, 'On the Thursday'), 'Rhys Calloway');
    assert.equal(who(a, 'In a text message'), 'Rhys Calloway');
    assert.equal(who(a, 'The Monday'), 'Rhys Calloway');
    assert.equal(who(a, 'When was the engineer'), 'Judith Abernethy');
  });
});

describe('transcript forms: who asks in a Q-and-A', () => {
  it('is the byline author when the article names no journalist', () => {
    const text = [
      '# Q&A: The Novelist Who Quit Social Media',
      '',
      'By [Hana Petrov](#)',
      '',
      'March 2, 2026',
      '',
      'Novelist Grete Aalto has a new book out and no phone.',
      '',
      'Q: Why give up the phone?',
      '',
      'A: I was reading other people for four hours a day.',
      '',
      'Q: Do you miss it?',
      '',
      'A: Not once.',
      '',
      'The book is out on Thursday.',
    ].join('\n');
    const a = analyze(text);
    assert.equal(who(a, 'Do you miss it'), 'Hana Petrov');
    assert.equal(who(a, 'Not once'), 'Grete Aalto');
  });
});

describe('transcript forms: a person named in an appositive after a role with its phrase', () => {
  it('makes "the director of the X festival, Name," and "the harbour master, Name," speakers for a later "he said"', () => {
    const a = run([
      'On Thursday our presenter spoke to the director of the Riverside festival, Bastian Lyle, about the cancellation. “Sales were at forty per cent,” he said.',
      'Before dawn I spoke to the harbour master, Piet Vroom, as the boats came in. “Now there are nine boats,” he said.',
    ]);
    assert.equal(who(a, 'Sales were at forty'), 'Bastian Lyle');
    assert.equal(who(a, 'Now there are nine'), 'Piet Vroom');
  });
});

describe('transcript forms: parts no one named, and parts named in brackets', () => {
  it('gives "CHAIR (Name):" and the later "CHAIR:" turns to that person', () => {
    const a = run([
      'An edited transcript of the harbour board hearing, with the fisheries officer Tomas Ekberg.',
      'CHAIR (Maria Lindqvist): “We start with the mooring fees. Mr Ekberg?”',
      'EKBERG: “The fees are too high for small boats.”',
      'CHAIR: “Thank you. We adjourn until Friday.”',
    ]);
    assert.equal(who(a, 'We start with the mooring'), 'Maria Lindqvist');
    assert.equal(who(a, 'The fees are too high'), 'Tomas Ekberg');
    assert.equal(who(a, 'Thank you. We adjourn'), 'Maria Lindqvist');
  });

  it('makes a part no one was given ("REPORTER:", "WITNESS B:", "MEMBER OF THE PUBLIC:") an unnamed source called by its label', () => {
    const a = run([
      'Journalists questioned the fisheries officer, Tomas Ekberg, after the hearing.',
      'REPORTER: “Will the quay close this winter?”',
      'EKBERG: “Not before March.”',
      'SECOND REPORTER: “And the fuel dock?”',
      'WITNESS B: “I moor there every night and nobody told me. 🙁”',
      'MEMBER OF THE PUBLIC: “Shame on the board!”',
      'REPORTER: “One more question, please.”',
    ]);
    const speakerOf = (start: string) =>
      a.speakers.find((s) => s.id === a.quotes.find((q) => q.text.slice(1).startsWith(start))?.speakerId);
    assert.deepEqual([speakerOf('Will the quay')?.name, speakerOf('Will the quay')?.kind], ['Reporter', 'anonymous']);
    assert.equal(speakerOf('One more question'), speakerOf('Will the quay'), 'one label, one voice');
    assert.equal(who(a, 'And the fuel dock'), 'Second reporter');
    assert.equal(who(a, 'I moor there'), 'Witness B');
    assert.equal(who(a, 'Shame on the board'), 'Member of the public');
    assert.equal(who(a, 'Not before March'), 'Tomas Ekberg');
  });

  it('keeps a columnist\'s outlet in brackets an outlet ("Name (Outlet):" is the columnist)', () => {
    const a = run(['What the columnists wrote on Tuesday:', '- Ines Okafor (Harbour Herald): “The board has lost the town.”']);
    assert.equal(who(a, 'The board has lost'), 'Ines Okafor');
  });
});
