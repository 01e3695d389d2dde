// Speaker labels at the head of a line: transcript turns without quote marks become quotes of the labelled
// speaker, and round-up lines "Name, Outlet: “…”" belong to the name. Through analyze(), so offsets are code points.
import { strict as assert } from 'node:assert';
import { analyze } from '../../../server/src/analysis/index';
import { labelAt, transcriptTurns } from '../../../server/src/analysis/article/speakerLabels';
import { evidenceOf } from '../../../server/src/analysis/confidence';
import { quoteStarting as quote, testArticle, whoSaid as who } from '../articleFixture';

describe('speaker labels: the scanner', () => {
  it('reads capitals, honorifics, written names, outlets and the questioner', () => {
    const cases: [string, string | null][] = [
      ['DR. PATEL: The ward is full.', 'DR. PATEL'],
      ['Rosa Lindqvist: We opened in May.', 'Rosa Lindqvist'],
      ['**Omar Haddad, The Evening Lantern:** “A dull night.”', 'Omar Haddad'],
      ['Q Will the bridge reopen?', 'Q'],
      ['3:40 p.m. The river rose again.', null],
      ['Update: the road is open again.', null],
      ['He said this: we are ready.', null],
      ['The mayor, who spoke for an hour and answered many questions from residents: fine.', null],
    ];
    for (const [line, name] of cases) assert.equal(labelAt(line, 0, line.length)?.name ?? null, name, line);
  });

  it('finds a transcript only where a dialogue of labelled lines stands', () => {
    const lines = (text: string) => {
      const out: { start: number; end: number }[] = [];
      let at = 0;
      for (const l of text.split('\n')) {
        out.push({ start: at, end: at + l.length });
        at += l.length + 1;
      }
      return out;
    };
    const dialogue = 'HOST: Welcome back.\nGRETA NYGAARD: Thank you.\nHOST: Why now?\nNYGAARD: Because the money ran out.';
    assert.equal(transcriptTurns(dialogue, lines(dialogue)).size, 4);
    const notes = 'Note: prices vary.\nThe shop opens at nine.\nTip: bring cash.';
    assert.equal(transcriptTurns(notes, lines(notes)).size, 0);
    const lone = 'Kim Arden: We are done here.\nThe meeting ended early.';
    assert.equal(transcriptTurns(lone, lines(lone)).size, 0);
  });
});

describe('speaker labels: transcript turns', () => {
  it('makes each turn a quote of the labelled speaker, resolved to the person introduced before', () => {
    const text = testArticle([
      'What follows is an edited transcript of an interview with Finance Minister Greta Nygaard.',
      'PAUL OKAFOR: Minister, the deficit has doubled. Who is to blame?',
      'GRETA NYGAARD: Nobody is to blame for a flood, Paul. We spent what we had to spend.',
      'OKAFOR: And next year?',
      'NYGAARD: Next year we repay it, with interest.',
    ]);
    const a = analyze(text);
    assert.equal(who(a, 'Minister, the deficit'), 'Paul Okafor');
    assert.equal(who(a, 'Nobody is to blame'), 'Greta Nygaard');
    assert.equal(who(a, 'And next year?'), 'Paul Okafor');
    assert.equal(who(a, 'Next year we repay'), 'Greta Nygaard');
    assert.equal(quote(a, 'Next year we repay').text, 'Next year we repay it, with interest.');
    const evidence = evidenceOf(text, a, []);
    const i = a.quotes.findIndex((q) => q.text.startsWith('Next year we repay'));
    assert.equal(evidence[i]?.cue, 'transcript');
  });

  it('gives a turn whose label names only a part to an unnamed source called by it, and reads written-out names', () => {
    const a = analyze(
      testArticle([
        'The hearing went on into the afternoon.',
        'MS. ADEYEMI: Where were you on the night of the fire?',
        'THE WITNESS: At home, with my brother.',
        'MS. ADEYEMI: Can he confirm that?',
        'THE WITNESS: He can.',
      ]),
    );
    assert.equal(who(a, 'At home'), 'The witness');
    assert.equal(a.speakers.find((s) => s.name === 'The witness')?.kind, 'anonymous');
    assert.equal(who(a, 'He can'), 'The witness');
    assert.equal(who(a, 'Where were you'), 'Adeyemi');
    const b = analyze(
      testArticle([
        'This week the show talks to a beekeeper.',
        'Ines Carvalho: How many hives do you keep?',
        'Tomas Berg: Forty, on three farms.',
        'Carvalho: And the winter losses?',
        'Berg: Lower than last year, thankfully.',
      ]),
    );
    assert.equal(who(b, 'Forty, on three farms'), 'Tomas Berg');
    assert.equal(who(b, 'And the winter losses'), 'Ines Carvalho');
  });
});

describe('speaker labels: round-up lines', () => {
  it('gives a quote after "Name, Outlet:" to the name, and leaves a place label alone', () => {
    const text = testArticle([
      'Critics were divided over the new opera.',
      '**Omar Haddad, The Evening Lantern:** “A brave staging that loses its nerve in the last act.”',
      'Lena Sorvino, Radio Nord: “The best night at the opera house in a decade.”',
    ]);
    const a = analyze(text);
    assert.equal(who(a, 'A brave staging'), 'Omar Haddad');
    assert.equal(who(a, 'The best night'), 'Lena Sorvino');
    const i = a.quotes.findIndex((q) => q.text.includes('A brave staging'));
    assert.equal(evidenceOf(text, a, [])[i]?.cue, 'colon');
  });
});

describe('inverted cues with a role before the name', () => {
  it('reads "says <role words> <Name>" with roles the lexicon does not know', () => {
    const a = analyze(
      testArticle([
        '“Water the roots, not the leaves,” says allotment gardener Bea Okonjo. “Mornings are best.”',
        '“Ask for the fee in writing,” said the mortgage broker Ivan Petrov.',
      ]),
    );
    assert.equal(who(a, 'Water the roots'), 'Bea Okonjo');
    assert.equal(who(a, 'Mornings are best'), 'Bea Okonjo');
    assert.equal(who(a, 'Ask for the fee'), 'Ivan Petrov');
  });
});

describe('closing cue verbs', () => {
  it('reads uncommon verbs that end the clause or follow the quote, and a colon after them', () => {
    const a = analyze(
      testArticle([
        'The coach, Rui Alves, faced the press after the defeat.',
        '“We were second to every ball,” Alves sighed. “Every single one.”',
        '“So who is to blame?” the host Nadia Berg pressed.',
        '“The players know,” Alves shot back.',
        'Berg agreed: “They usually do.”',
      ]),
    );
    assert.equal(who(a, 'We were second'), 'Rui Alves');
    assert.equal(who(a, 'Every single one'), 'Rui Alves');
    assert.equal(who(a, 'So who is to blame'), 'Nadia Berg');
    assert.equal(who(a, 'The players know'), 'Rui Alves');
    assert.equal(who(a, 'They usually do'), 'Nadia Berg');
  });

  it('does not read them as speech when the clause goes on with an act', () => {
    const a = analyze(
      testArticle([
        'Mira Tann agreed to pay “a fair share” of the repairs, the landlord said later.',
        'Tann pressed ahead with the “new plan” anyway.',
      ]),
    );
    for (const q of a.quotes) assert.notEqual(q.cue?.text, 'agreed');
    for (const q of a.quotes) assert.notEqual(q.cue?.text, 'pressed');
  });
});

describe('colon introductions without a reporting verb', () => {
  it('gives the quote to the subject of the clause the colon closes, or to the owner of a speech noun', () => {
    const a = analyze(
      testArticle([
        'Harbour pilot Ove Lind had little patience left for the shipping firms.',
        'Lind on the new timetable: “Nobody asked the pilots.”',
        'The firms were asked for comment. Their spokeswoman, Carla Mendes, was brief: “We follow the rules.”',
        'Lind’s blunt reply: “Then follow them on time.”',
      ]),
    );
    assert.equal(who(a, 'Nobody asked the pilots'), 'Ove Lind');
    assert.equal(who(a, 'We follow the rules'), 'Carla Mendes');
    assert.equal(who(a, 'Then follow them'), 'Ove Lind');
    assert.equal(quote(a, 'Then follow them').cue?.text, ':');
  });

  it('keeps the reporting verb of the sentence, and never makes a place before the colon a speaker', () => {
    const a = analyze(
      testArticle([
        'Minister Lea Horvat told the state broadcaster HRT: “The bridge will open in June.”',
        'From the harbour town of Split: “The ferries run again,” the port authority said later in a statement.',
      ]),
    );
    assert.equal(who(a, 'The bridge will open'), 'Lea Horvat');
    assert.equal(quote(a, 'The bridge will open').cue?.text.startsWith('told'), true);
    assert.notEqual(who(a, 'The ferries run'), 'Split');
  });

  it('reads a round-up label whose name holds lower-case particles', () => {
    const a = analyze(
      testArticle([
        'Europe’s papers were unimpressed by the summit.',
        'La Voce del Porto, Genoa: “A summit of photographs and nothing else.”',
        'Het Dagblad van Noord, Groningen: “Another year lost for the North Sea.”',
      ]),
    );
    assert.equal(who(a, 'A summit of photographs'), 'La Voce del Porto');
    assert.equal(who(a, 'Another year lost'), 'Het Dagblad van Noord');
  });
});

describe('partial quotes in the object of a judgement verb', () => {
  it('counts a short quoted phrase after "praised the crew’s" as the subject’s words, and keeps scare quotes out', () => {
    const a = analyze(
      testArticle([
        'Fire chief Nora Eklund praised the volunteers’ “quiet stamina” after the night shift.',
        'Officials said the “recovery plan” would be published next week.',
        'The town’s so-called “flood wall” was finished in March.',
      ]),
    );
    assert.equal(who(a, 'quiet stamina'), 'Nora Eklund');
    assert.equal(
      a.quotes.some((q) => q.text.includes('recovery plan')),
      false,
    );
    assert.equal(
      a.quotes.some((q) => q.text.includes('flood wall')),
      false,
    );
  });
});

describe('a cue after a question or exclamation', () => {
  it('reads "“…?” Roe asked", with manner after the verb, and gives the rest of a split quote to the same speaker', () => {
    const a = analyze(
      testArticle([
        'Councillor Ida Brenner and the developer Karl Voss met in the town hall.',
        '“Who will pay for the drains?” Brenner asked, tapping the plans. “Not the residents, I hope.”',
        '“Enough!” Voss shouted to laughter from the back row.',
      ]),
    );
    assert.equal(who(a, 'Who will pay'), 'Ida Brenner');
    assert.equal(who(a, 'Not the residents'), 'Ida Brenner');
    assert.equal(who(a, 'Enough!'), 'Karl Voss');
  });
});

describe('documents and descriptions that speak', () => {
  it('reads an email, an editorial and a narrator as speakers', () => {
    const a = analyze(
      testArticle([
        'The school closed early on Monday after a burst pipe.',
        '“Please keep the gates locked until further notice,” the email read.',
        'The documentary ends on the empty harbour. “The boats never came back,” the narrator concludes.',
      ]),
    );
    assert.equal(who(a, 'Please keep the gates'), 'the email');
    assert.equal(who(a, 'The boats never'), 'the narrator');
  });
});

describe('one of a group as the speaker', () => {
  it('gives "“…,” one said" and "“…,” said another" sources of their own, after a group or without one', () => {
    const a = analyze(
      testArticle([
        'Several bus drivers said the new rota was unworkable.',
        '“We start at four and finish at nine,” one said. “Nobody can keep that up,” said another.',
      ]),
    );
    // Reporting names the member, not the group: "one" and "another" are two sources (real-news.md counts them).
    assert.equal(who(a, 'We start at four'), 'one');
    assert.equal(who(a, 'Nobody can keep'), 'another');
    // Real reporting writes "one" for an unnamed member of a crowd it never named (real-news.md counts it as a source).
    const b = analyze(testArticle(['Councillor Ben Ayodele said the rota was fair.', '“We start at four,” one said.']));
    assert.equal(who(b, 'We start at four'), 'one');
  });
});

describe('the questioner of a press transcript', () => {
  it('takes the name a reporter gives, and keeps it for the follow-ups; no name, no speaker', () => {
    const text = testArticle([
      'Transcript of the morning briefing.',
      'MR. HALVORSEN: Good morning. I will keep this short.',
      'Q Good morning. Nell Achebe, Coastal Times. Is the ferry contract signed?',
      'MR. HALVORSEN: Not yet. Next week.',
      'Q And the price?',
      'MR. HALVORSEN: Unchanged.',
    ]);
    const a = analyze(text);
    assert.equal(who(a, 'Good morning. Nell'), 'Nell Achebe');
    assert.equal(who(a, 'And the price'), 'Nell Achebe');
    assert.equal(who(a, 'Unchanged'), 'Halvorsen');
    const i = a.quotes.findIndex((q) => q.text.startsWith('And the price'));
    assert.equal(evidenceOf(text, a, [])[i]?.cue, 'transcript');
    const b = analyze(
      testArticle(['Transcript of the evening briefing.', 'MS. LUND: Questions?', 'Q Is the ferry contract signed?', 'MS. LUND: No.']),
    );
    assert.equal(who(b, 'Is the ferry'), null);
  });
});

describe('partial quotes after verbs of speaking about something', () => {
  it('reads "referred to … as “…”" and "talked of a “…”" as the subject’s words, and peace talks as no cue', () => {
    const a = analyze(
      testArticle([
        'Harbour master Liv Aune spoke after the storm.',
        'Aune referred to the night as “the longest of my career.”',
        'Later, Aune talked of a “slow recovery.”',
        'The peace talks “failed again,” observers said.',
      ]),
    );
    assert.equal(who(a, 'the longest of my'), 'Liv Aune');
    assert.equal(who(a, 'slow recovery'), 'Liv Aune');
    assert.notEqual(quote(a, 'failed again').cue?.text, 'talks');
  });
});

describe('a relative clause inside an appositive', () => {
  it('gives a cue verb after "who" to the antecedent, so a later pronoun finds the named person', () => {
    const a = analyze(
      testArticle([
        'Ray Dolan, a former campaign strategist who now writes a column, was harsher. “It was a rout,” he wrote on Thursday.',
        'An official who spoke on condition of anonymity said the count was “nearly complete.”',
      ]),
    );
    assert.equal(who(a, 'It was a rout'), 'Ray Dolan');
    assert.equal(
      a.speakers.some((s) => s.name.includes(' who')),
      false,
    );
  });
});
