// Who said each quote: cues on either side, the subject not the addressee, pronouns and surnames resolved to
// the right earlier speaker, split and multi-paragraph quotes, no guess without support, and the analyst's
// overrides. Through analyze(), so offsets are code points.
import { strict as assert } from 'node:assert';
import { analyze, type Analysis, type AnalyzeOptions } from '../../server/src/analysis/index';
import { quoteStarting as quote, testArticle, whoSaid as who } from './articleFixture';

function run(paragraphs: string[], options: AnalyzeOptions = {}, eol = '\n'): { text: string; a: Analysis } {
  const text = testArticle(paragraphs, { eol });
  return { text, a: analyze(text, options) };
}

function slice(text: string, span: { start: number; end: number }): string {
  return Array.from(text).slice(span.start, span.end).join('');
}

describe('attribution: cues', () => {
  it('reads the inverted cue after a quote, with the appositive of the speaker', () => {
    const { a } = run([
      "“We will not give in to pressure from anyone,” said Anna Vogt, Germany's finance minister, on Tuesday.",
      '“The rules are there for a reason,” said the minister.',
    ]);
    assert.equal(who(a, 'We will not'), 'Anna Vogt');
    assert.equal(who(a, 'The rules'), 'Anna Vogt');
    assert.equal(quote(a, 'We will not').cue?.text, 'said');
  });

  it('reads a cue with the subject first after the quote, and before it with a colon', () => {
    const { a, text } = run([
      'Foreign Minister Sergei Lavrov spoke in Moscow on Friday.',
      '“Relations between our countries are an example for others,” Lavrov said.',
      'Prime Minister Levan Beridze said: “Georgia will not be pushed around by anyone at all.”',
    ]);
    assert.equal(who(a, 'Relations'), 'Sergei Lavrov');
    assert.equal(who(a, 'Georgia will not'), 'Levan Beridze');
    const q = quote(a, 'Relations');
    assert.equal(slice(text, q.source as { start: number; end: number }), 'Lavrov');
    assert.equal(quote(a, 'Relations').source?.text, 'Lavrov');
  });

  it('finds the reporting clause before a partial quote ("said that … “…”")', () => {
    const { a } = run(['Turkish President Recep Tayyip Erdogan said that a ceasefire was “only possible if the forces withdrew”.']);
    assert.equal(who(a, 'only possible'), 'Recep Tayyip Erdogan');
  });

  it('attributes "according to" to the source after it, on either side of the quote', () => {
    const { a } = run([
      '“The secretariat is in contact with both capitals,” according to a statement from the Collective Security Treaty Organization.',
      'According to a senior diplomatic source, “the decision was taken months ago and nobody objected.”',
    ]);
    assert.equal(who(a, 'The secretariat'), 'the Collective Security Treaty Organization');
    assert.match(who(a, 'the decision') ?? '', /^a senior diplomatic source$/i);
    assert.equal(quote(a, 'the decision').cue?.text, 'According to');
  });

  it('takes the subject of "told", never the addressee or the medium', () => {
    const { a } = run([
      "A Turkish diplomatic source told AFP that the topic was “Armenia's aggression against its neighbours.”",
      'Interior Minister Peter Mwangi told reporters: “We will help those who need help, and nobody else.”',
      '“We know that the situation is difficult for everyone involved,” he said, quoted by the Interfax news agency.',
      'Speaking in an interview with CNN, Mwangi said the budget was “under control for now”.',
    ]);
    assert.match(who(a, 'Armenia') ?? '', /^a Turkish diplomatic source$/i);
    assert.equal(quote(a, 'Armenia').cue?.text, 'told AFP');
    assert.equal(who(a, 'We will help'), 'Peter Mwangi');
    assert.equal(quote(a, 'We will help').cue?.text, 'told reporters');
    assert.equal(who(a, 'We know'), 'Peter Mwangi');
    assert.equal(who(a, 'under control'), 'Peter Mwangi');
    const media = a.speakers.filter((s) => /^(AFP|CNN|reporters|Interfax)$/i.test(s.name)).map((s) => s.id);
    assert.ok(!a.quotes.some((q) => q.speakerId !== null && media.includes(q.speakerId)));
  });

  it('gives a participle clause (", saying …") the subject of the sentence', () => {
    const { a } = run(['Finance Minister Dragan Petrović welcomed the move, saying the bank was “acting responsibly”.']);
    assert.equal(who(a, 'acting responsibly'), 'Dragan Petrović');
  });

  it('does not credit a coordination, but the reporting clause around it', () => {
    const { a } = run([
      'Russia said on Thursday its foreign minister Sergei Lavrov and Turkish counterpart Mevlut Cavusoglu had confirmed they were ready for “close coordination”.',
    ]);
    assert.equal(who(a, 'close coordination'), 'Russia');
  });
});

describe('attribution: pronouns, surnames and continuation', () => {
  it('resolves "she" and "he" across sentences to the right person', () => {
    const { a } = run([
      'Chancellor Anna Berg met Prime Minister Karl Holm in Oslo on Monday.',
      'Berg said the meeting was useful. “We agree on far more than we disagree on,” she said.',
      'Holm was more cautious about the outcome. “There is still a lot of work to do before the summit,” he said.',
      'He stressed that “nothing is agreed until everything is agreed.”',
    ]);
    assert.equal(who(a, 'We agree'), 'Anna Berg');
    assert.equal(who(a, 'There is still'), 'Karl Holm');
    assert.equal(who(a, 'nothing is agreed'), 'Karl Holm');
    const holm = a.speakers.find((s) => s.name === 'Karl Holm');
    assert.deepEqual(
      holm?.mentions.filter((m) => m.form === 'pronoun').map((m) => m.text),
      ['he', 'He'],
    );
  });

  it('finds the antecedent of "he" and "she" among people named without a title', () => {
    const { a } = run([
      'John Otieno, 45, was found clinging to the hull of his boat. "I prayed every hour of every day," he said.',
      'His wife, Mary Achieng, had reported him missing. "The children kept asking about their father," she said.',
    ]);
    assert.equal(who(a, 'I prayed'), 'John Otieno');
    assert.equal(who(a, 'The children'), 'Mary Achieng');
    assert.equal(a.speakers.find((s) => s.name === 'Mary Achieng')?.role, 'wife');
  });

  it('finds "she" for a feature subject whose given name it does not know, and "says" in the present', () => {
    const { a } = run([
      'Nana Kapanadze has picked grapes in Kakheti for forty years. “No two harvests are ever alike,” she says.',
      '“They said the same thing in 2021,” says Kapanadze. “Nobody got anything.”',
    ]);
    assert.equal(who(a, 'No two harvests'), 'Nana Kapanadze');
    assert.equal(who(a, 'They said'), 'Nana Kapanadze');
    assert.equal(who(a, 'Nobody got'), 'Nana Kapanadze');
  });

  it('reads a definite title as an epithet for the person just written about, and skips ", in turn,"', () => {
    const { a } = run([
      'Russian Foreign Minister Sergey Lavrov spoke in Moscow on Thursday.',
      '“They openly say that Russia must suffer a defeat,” the minister told a news conference. According to the top Russian diplomat, such statements “leave no room for illusions”.',
      'Kremlin spokesman Dmitry Peskov, in turn, said the Kremlin had “no information” about new proposals.',
    ]);
    assert.equal(who(a, 'They openly'), 'Sergey Lavrov');
    assert.equal(who(a, 'leave no room'), 'Sergey Lavrov');
    assert.equal(who(a, 'no information'), 'Dmitry Peskov');
  });

  it('does not stretch an epithet back to someone named paragraphs ago', () => {
    const { a } = run([
      'Governor Elena Petrova told lawmakers the bank would stay vigilant.',
      'Economists were split about the decision and its timing.',
      'Markets barely moved. “They are doing a good job,” the Russian leader said.',
    ]);
    assert.notEqual(who(a, 'They are doing'), 'Elena Petrova');
  });

  it('reads "the 59-year-old" as the person last spoken of', () => {
    const { a } = run([
      'Hungarian Prime Minister Viktor Orban spoke in Budapest. The 59-year-old said the plan was “a betrayal of Europe”.',
    ]);
    assert.equal(who(a, 'a betrayal'), 'Viktor Orban');
  });

  it('links "he" to the man even when the woman was named last', () => {
    const { a } = run([
      "Finland's environment minister, Aino Virtanen, and Norway's energy minister, Henrik Solberg, met on Thursday.",
      "Solberg rejected the plan. “Europe needs our gas this winter and next winter too,” he told reporters after Virtanen's speech.",
    ]);
    assert.equal(who(a, 'Europe needs'), 'Henrik Solberg');
  });

  it('tells two people with one surname apart by first name and title', () => {
    const { a } = run([
      'Interior Minister Peter Mwangi defended the subsidy cut on Tuesday.',
      'Opposition senator Grace Mwangi called the cut “a tax on the poor.”',
      '“The subsidy was costing the treasury more than our entire health budget,” the minister said.',
      'Senator Mwangi said she would fight it: “Families are choosing between transport and food.”',
    ]);
    assert.equal(who(a, 'a tax'), 'Grace Mwangi');
    assert.equal(who(a, 'The subsidy'), 'Peter Mwangi');
    assert.equal(who(a, 'Families'), 'Grace Mwangi');
  });

  it('gives both parts of a split quote the same speaker', () => {
    const { a } = run(['“We are ready,” she said, “but we will not wait for ever.” Foreign Minister Ana Ceban spoke after the vote.']);
    // The pronoun comes before any woman is named: no antecedent, so no guess.
    assert.equal(who(a, 'We are ready'), null);
    const { a: b } = run([
      'President Ana Ceban addressed parliament on Monday.',
      '“We are ready,” she said, “but we will not wait for ever.”',
    ]);
    assert.equal(who(b, 'We are ready'), 'Ana Ceban');
    assert.equal(who(b, 'but we will'), 'Ana Ceban');
  });

  it('keeps the speaker over a quote that runs across paragraphs after a colon', () => {
    const { a } = run([
      "Serbia's central bank governor Milica Jovanović raised rates on Thursday.",
      'In a statement read at a news conference, Jovanović said:',
      '“Inflation remains too high and the bank will do what it takes.',
      '“We will not hesitate to act again if prices keep rising this winter.”',
    ]);
    assert.equal(who(a, 'Inflation'), 'Milica Jovanović');
    assert.equal(who(a, 'We will not hesitate'), 'Milica Jovanović');
  });

  it('gives an uncued quote the speaker of the attributed quote next to it in the paragraph', () => {
    const { a } = run([
      'At first Moscow did not agree, “when Ankara said that this could have a military solution.” “But now an agreement has been reached,” Foreign Minister Sergei Lavrov recalled.',
    ]);
    assert.equal(who(a, 'when Ankara'), 'Sergei Lavrov');
  });

  it('leaves a quote with nothing to support an attribution unattributed', () => {
    const { a } = run([
      'The price controls were introduced in January after protests in the west of the country.',
      '“Prices will never come down again,” read a banner carried through the centre of the capital.',
    ]);
    assert.equal(who(a, 'Prices will never'), null);
  });
});

describe('attribution: organizations, anonymous sources, offsets', () => {
  it('attributes to organizations and anonymous sources, and their later definite references', () => {
    const { a } = run([
      'The Belarusian Foreign Ministry said the accusations were “absurd and politically motivated”.',
      'A spokesman for the Polish Red Cross said volunteers had been turned back.',
      '“We know there are families with small children there,” the spokesman told reporters.',
      '“Nobody has been allowed in for weeks,” one official said.',
    ]);
    assert.equal(who(a, 'absurd'), 'The Belarusian Foreign Ministry');
    assert.equal(who(a, 'We know there'), 'A spokesman for the Polish Red Cross');
    assert.equal(who(a, 'Nobody has been'), 'one official');
    assert.equal(a.speakers.find((s) => s.name === 'one official')?.kind, 'anonymous');
  });

  it('keeps code-point offsets with non-ASCII names, emoji and CRLF', () => {
    const { a, text } = run(
      [
        'Turkish Foreign Minister Mevlüt Çavuşoğlu 🇹🇷 arrived in Budapest.',
        '“We made it 🙌 and we are grateful to our hosts,” Çavuşoğlu told the state-run Anadolu news agency.',
      ],
      {},
      '\r\n',
    );
    const q = quote(a, 'We made it');
    assert.equal(who(a, 'We made it'), 'Mevlüt Çavuşoğlu');
    assert.equal(slice(text, q), q.text);
    assert.equal(slice(text, q.cue as { start: number; end: number }), 'told the state-run Anadolu news agency');
    assert.equal(slice(text, q.source as { start: number; end: number }), 'Çavuşoğlu');
    for (const s of a.speakers) for (const m of s.mentions) assert.equal(slice(text, m), m.text);
  });
});

describe('attribution: institutions as antecedents, questions, agencies as channels', () => {
  it('resolves "it said" to the institution that opened an earlier sentence', () => {
    const { a } = run([
      'The central bank kept its key rate unchanged on Wednesday. “Inflation is falling, but not fast enough,” it said in a statement.',
    ]);
    assert.match(who(a, 'Inflation') ?? '', /^the central bank$/i);
    assert.equal(quote(a, 'Inflation').source?.text, 'it');
  });

  it('takes "the company" and "It" back to the business named with a company noun', () => {
    const { a } = run([
      'German carmaker Autowerk said on Tuesday it would cut 5,000 jobs by 2026.',
      'The IG Metall union called the plan “a slap in the face.” “We will fight every single job cut,” union leader Thomas Krüger told broadcaster ZDF.',
      'The company said in an emailed statement that talks would begin next week. It added: “No decision has been taken on individual plants.”',
    ]);
    assert.equal(who(a, 'No decision'), 'Autowerk');
    assert.equal(a.speakers.find((s) => s.name === 'Autowerk')?.kind, 'organization');
    assert.equal(quote(a, 'We will fight').cue?.text, 'told broadcaster ZDF');
    assert.equal(who(a, 'We will fight'), 'Thomas Krüger');
  });

  it('reads an inverted question cue and keeps the speaker through the next uncued quote', () => {
    const { a } = run(['“Why cut now?” asked Olga Smirnova, chief economist at a Moscow brokerage. “There is no rush at all.”']);
    assert.equal(who(a, 'Why cut now'), 'Olga Smirnova');
    assert.equal(who(a, 'There is no rush'), 'Olga Smirnova');
    assert.equal(a.speakers.find((s) => s.name === 'Olga Smirnova')?.role, 'chief economist at a Moscow brokerage');
  });

  it('credits the one quoted in "quoted X as saying", never the agency', () => {
    const { a } = run([
      'Kremlin spokesman Dmitry Peskov spoke to journalists on Monday.',
      'TASS quoted Peskov as saying that the talks were “useful but difficult”.',
      '“Nobody expected a breakthrough this week,” the agency quoted him as saying.',
      'Foreign Minister Sergei Lavrov was quoted as saying: “We are ready for a dialogue on equal terms.”',
    ]);
    assert.equal(who(a, 'useful'), 'Dmitry Peskov');
    assert.equal(who(a, 'Nobody expected'), 'Dmitry Peskov');
    assert.equal(who(a, 'We are ready'), 'Sergei Lavrov');
  });

  it('credits the speaker, not the agency, in "According to Interfax, X said"', () => {
    const { a } = run(['According to Interfax, Finance Minister Anton Siluanov said the budget was “in good shape”.']);
    assert.equal(who(a, 'in good shape'), 'Anton Siluanov');
  });
});

describe('attribution: overrides', () => {
  const paragraphs = [
    'Prime Minister Levan Beridze spoke in Tbilisi on Friday.',
    '“We will not be pushed around,” Beridze said.',
    '“We will not be pushed around,” an opposition deputy replied later in the same debate.',
    '“Nothing here is new to anyone who follows politics,” one observer wrote on social media.',
  ];

  it('reassigns the quote named by its exact text to a speaker already in the text', () => {
    const { a } = run(paragraphs, {
      attributions: [{ exact: '“Nothing here is new to anyone who follows politics,”', speaker: 'levan beridze' }],
    });
    assert.equal(who(a, 'Nothing here'), 'Levan Beridze');
    assert.equal(quote(a, 'Nothing here').cue, null);
  });

  it('uses the prefix to choose between quotes with the same text, and matches an alias', () => {
    const { a } = run(paragraphs, {
      attributions: [{ exact: '“We will not be pushed around,”', prefix: 'Beridze said.\n\n', speaker: 'Beridze' }],
    });
    const both = a.quotes.filter((q) => q.text.startsWith('“We will not'));
    const beridze = a.speakers.find((s) => s.name === 'Levan Beridze');
    assert.equal(both[0].speakerId, beridze?.id);
    assert.equal(both[1].speakerId, beridze?.id);
  });

  it('creates a person for a speaker the text never names', () => {
    const { a } = run(paragraphs, {
      attributions: [{ exact: '“Nothing here is new to anyone who follows politics,”', speaker: 'Tamar Kobalia' }],
    });
    const created = a.speakers.find((s) => s.name === 'Tamar Kobalia');
    assert.equal(created?.kind, 'person');
    assert.equal(quote(a, 'Nothing here').speakerId, created?.id);
    assert.ok(/^s\d+$/.test(created?.id ?? ''));
  });
});

describe('attribution: places and other non-people are never speakers', () => {
  it('keeps an unknown town after a preposition out of the speakers, so the pronoun finds the subject', () => {
    const cases: [string, string, string][] = [
      [
        'Finance Minister Karl Brandt, speaking to reporters in Daugavpils, said he respected the ruling. “We will comply with all of it,” he said.',
        'We will comply',
        'Karl Brandt',
      ],
      [
        'Health Minister Rosa Delgado, on a visit to a clinic near Oberwiesenthal, said she was worried. “The winter will be hard,” she said.',
        'The winter',
        'Rosa Delgado',
      ],
      [
        'Opposition leader Tomasz Wilk, who flew in from Przemyśl overnight, said he would vote against it. “This budget is a fraud,” he said.',
        'This budget',
        'Tomasz Wilk',
      ],
    ];
    for (const [paragraph, start, name] of cases) {
      const { a } = run([paragraph]);
      assert.equal(who(a, start), name, paragraph);
      assert.deepEqual(
        a.speakers.map((s) => s.name),
        [name],
        paragraph,
      );
    }
  });

  it('treats squares, regions, airports and events as places, not people', () => {
    const { a } = run([
      'Protesters gathered on Liberty Square on Sunday before the Harvest Festival. Police chief Ivan Horak said he expected calm. “We are ready for anything,” he said.',
      'Flights resumed at Kastrup Airport, and the Summer Games went ahead in the Kherson Oblast town. “It was a long night,” Horak added.',
    ]);
    assert.equal(who(a, 'We are ready'), 'Ivan Horak');
    assert.equal(who(a, 'It was a long'), 'Ivan Horak');
    assert.deepEqual(
      a.speakers.map((s) => s.name),
      ['Ivan Horak'],
    );
  });

  it('still credits a name after a preposition when it is the one quoted', () => {
    const { a } = run(['The decision came after a call from Okonkwo. “We cannot wait any longer,” Okonkwo said.']);
    assert.equal(who(a, 'We cannot wait'), 'Okonkwo');
  });
});

describe('attribution: coordinated cue verbs share their subject', () => {
  it('gives a verb after "and" or "but" the subject of the sentence', () => {
    const cases: [string, string, RegExp][] = [
      [
        'The port authority apologised to shippers on Monday and warned that delays “could last well into next month.”',
        'could last',
        /^the port authority$/i,
      ],
      [
        'Mayor Tom Ellis would not discuss the lawsuit but said the city “will defend every one of its decisions.”',
        'will defend',
        /^Tom Ellis$/,
      ],
      [
        'The rail operator published its timetable on Friday and called the new weekend schedule “the most reliable in a decade.”',
        'the most reliable',
        /^the rail operator$/i,
      ],
      [
        'Coach Marta Silva praised her players, and described the final as “the hardest game of my career.”',
        'the hardest game',
        /^Marta Silva$/,
      ],
    ];
    for (const [paragraph, start, name] of cases) {
      const { a } = run([paragraph]);
      assert.match(who(a, start) ?? '', name, paragraph);
    }
  });

  it('still credits nobody for a quote after a coordinated subject ("X and Y said")', () => {
    const { a } = run(['Ahmed Karimi and Lena Holm met on Friday. Karimi and Holm said the plan was “a first step, nothing more.”']);
    assert.equal(who(a, 'a first step'), null);
  });
});

describe('attribution: definite descriptions take up the organization named before', () => {
  it('resolves "the agency", "the group", "the organisation", "the company", "the committee" to the body last named', () => {
    const cases: [string, string, string][] = [
      [
        'The World Food Programme said aid convoys had stopped at the border. “We cannot reach the families who need us,” the agency said.',
        'We cannot reach',
        'World Food Programme',
      ],
      [
        'Amnesty International published its report on Tuesday. “The evidence of abuse is overwhelming,” the group said.',
        'The evidence',
        'Amnesty International',
      ],
      [
        'Brenner Logistics Group cancelled three sailings. “Safety comes first,” the company said in a statement.',
        'Safety comes',
        'Brenner Logistics Group',
      ],
      [
        'The Norwegian Refugee Council visited the camps last week. “Conditions are worse than a year ago,” the organisation said.',
        'Conditions are',
        'Norwegian Refugee Council',
      ],
      [
        'The Senate Budget Committee rejected the draft. “The numbers do not add up,” the committee said.',
        'The numbers',
        'Senate Budget Committee',
      ],
    ];
    for (const [paragraph, start, name] of cases) {
      const { a } = run([paragraph]);
      assert.match(who(a, start) ?? '', new RegExp(`^(the )?${name}$`, 'i'), paragraph);
      assert.equal(a.speakers.length, 1, `${paragraph}: ${a.speakers.map((s) => s.name).join(', ')}`);
    }
  });

  it('does not read a state as "the agency"', () => {
    const { a } = run(['Norway said on Monday it would send more aid. “Deliveries will start within days,” the agency said.']);
    assert.notEqual(who(a, 'Deliveries'), 'Norway');
  });

  it('resolves "the bank", "the lender", "the fund", "the court", "the party", "the regulator" to the institution last named', () => {
    const cases: [string[], string, string][] = [
      [
        [
          'Northbridge Savings Bank opened forty new branches in rural Wales. The bank said in its annual review that “people still want a counter to walk up to.”',
        ],
        'people still',
        'Northbridge Savings Bank',
      ],
      [
        ['Morgan Stanley cut its target for the index.', '“Earnings are peaking,” the lender said in a research note.'],
        'Earnings are',
        'Morgan Stanley',
      ],
      [
        ['Deutsche Bank posted a third-quarter loss. “Litigation costs weighed on the result,” the lender said.'],
        'Litigation costs',
        'Deutsche Bank',
      ],
      [
        ['The Global Climate Fund approved new grants on Thursday. “Adaptation cannot wait,” the fund said.'],
        'Adaptation cannot',
        'Global Climate Fund',
      ],
      [
        ['The Constitutional Tribunal struck down the decree. “The measure exceeds the powers of the cabinet,” the court said.'],
        'The measure',
        'Constitutional Tribunal',
      ],
      [
        ['The Financial Conduct Authority fined two brokers. “Customers were misled for years,” the regulator said.'],
        'Customers were',
        'Financial Conduct Authority',
      ],
      [['The Green Movement won four seats. “Voters want a change of course,” the party said.'], 'Voters want', 'Green Movement'],
    ];
    for (const [paragraphs, start, name] of cases) {
      const { a } = run(paragraphs);
      const text = paragraphs.join(' ');
      assert.match(who(a, start) ?? '', new RegExp(`^(the )?${name}$`, 'i'), text);
      assert.equal(a.speakers.length, 1, `${text}: ${a.speakers.map((s) => s.name).join(', ')}`);
      assert.equal(a.speakers[0].kind, 'organization', text);
    }
  });

  it('keeps "the bank" its own speaker when no institution of that kind was named', () => {
    const { a } = run(['Rates rose sharply in October. “We will act if inflation does not ease,” the bank said.']);
    assert.equal(who(a, 'We will act'), 'the bank');
    // A ministry is no court: the court stays a speaker of its own.
    const { a: b } = run(['The Interior Ministry defended the ban. “The ban is unlawful,” the court said on Friday.']);
    assert.equal(who(b, 'The ban is'), 'the court');
    // A person just named is not "the bank".
    const { a: c } = run(['Maria Lopez, an economist, expects two more hikes. “Inflation is sticky,” the bank said.']);
    assert.equal(who(c, 'Inflation is'), 'the bank');
  });
});

describe('attribution: possessive descriptions as speakers', () => {
  it('credits the whole possessive description, owner included, in either order of cue and quote', () => {
    const cases: [string, string, string][] = [
      [
        'The World Bank’s chief economist told reporters the outlook was “fragile at best.”',
        'fragile at best',
        'The World Bank’s chief economist',
      ],
      [
        "Asked about the strike, the ministry's spokeswoman said the government “will not negotiate under pressure.”",
        'will not negotiate',
        "the ministry's spokeswoman",
      ],
      [
        'The Red Cross’s regional director declined to give numbers but said the need was “greater than ever.”',
        'greater than ever',
        'The Red Cross’s regional director',
      ],
      ["“We have seen no evidence of that,” said the embassy's spokesman.", 'We have seen', "the embassy's spokesman"],
    ];
    for (const [paragraph, start, name] of cases) {
      const { a } = run([paragraph]);
      assert.equal(who(a, start), name, paragraph);
    }
  });

  it('does not give an owned title to a person named just before', () => {
    const { a } = run([
      'Prime Minister Ana Ruiz spoke in parliament on Tuesday about the rail strike.',
      'The transport ministry’s spokeswoman said the timetable was “back on track.”',
    ]);
    assert.equal(who(a, 'back on track'), 'The transport ministry’s spokeswoman');
    assert.equal(a.speakers.find((s) => s.name === 'The transport ministry’s spokeswoman')?.kind, 'anonymous');
  });
});

describe('attribution: titles around names', () => {
  it('keeps a possessive owner in the role of an appositive name', () => {
    const cases: [string, string, string][] = [
      ["The company's CEO, Jane Doe, said the results were “better than anyone expected.”", 'Jane Doe', "The company's CEO"],
      ['The airline’s chief pilot, Marek Nowak, said the runway was “too short for comfort.”', 'Marek Nowak', 'The airline’s chief pilot'],
    ];
    for (const [paragraph, name, role] of cases) {
      const { a } = run([paragraph]);
      const s = a.speakers.find((x) => x.name === name);
      assert.equal(s?.role, role, paragraph);
      assert.equal(a.quotes[0].speakerId, s?.id);
    }
  });

  it('reads "the <nationality> leader" as the head of state of that nationality named paragraphs before', () => {
    const { a } = run([
      'Brazilian President Luiz Almeida arrived in Lisbon on Monday for a two-day visit.',
      'Portuguese Foreign Minister Rui Costa met the delegation at the airport.',
      'The talks covered trade, energy and a planned rail link between the two ports.',
      'Officials from both sides described the atmosphere as friendly and constructive.',
      '“We came to sign, not to talk,” the Brazilian leader said.',
    ]);
    assert.equal(who(a, 'We came to sign'), 'Luiz Almeida');
  });

  it('keeps an unmatched definite title as a new anonymous speaker', () => {
    const { a } = run(['Talks resumed on Friday. “Nothing is agreed until everything is agreed,” the Chilean negotiator said.']);
    assert.equal(who(a, 'Nothing is agreed'), 'the Chilean negotiator');
  });
});

describe('attribution: one description, one speaker', () => {
  it('keeps an anonymous source asked by two cues ("…, speaking on condition of anonymity, said") as one speaker', () => {
    for (const paragraph of [
      'The Pentagon declined to comment. A senior defense official, speaking on condition of anonymity, said the strikes were “limited.”',
      'A diplomat close to the talks, speaking privately, said the draft was “dead on arrival.”',
    ]) {
      const { a } = run([paragraph]);
      assert.equal(a.speakers.length, 1, `${paragraph}: ${a.speakers.map((s) => s.name).join(', ')}`);
      assert.equal(a.quotes[0].speakerId, a.speakers[0].id);
    }
  });
});

describe('attribution: a pronoun continues the subject', () => {
  it('gives "he" to the subject of the sentence before, not to a man only named inside it', () => {
    const cases: [string, string, string][] = [
      [
        'Finance Minister Karl Brandt, speaking after talks with Prime Minister Hugo Lenz in Vienna, said he respected the ruling. “We will comply with all of it,” he said.',
        'We will comply',
        'Karl Brandt',
      ],
      [
        'Coach Ivan Petrov praised striker Luka Modrak after the match. “He was everywhere tonight,” he said.',
        'He was everywhere',
        'Ivan Petrov',
      ],
      [
        'Senator Dana Whitfield told Governor Mark Reyes that the bill would pass. “The votes are there,” she said.',
        'The votes',
        'Dana Whitfield',
      ],
    ];
    for (const [paragraph, start, name] of cases) {
      const { a } = run([paragraph]);
      assert.equal(who(a, start), name, paragraph);
    }
  });

  it('still lets gender decide when the subject does not fit the pronoun', () => {
    const { a } = run(['Mayor Tom Ellis thanked nurse Grace Okafor for her work. “I only did my job,” she said.']);
    assert.equal(who(a, 'I only did'), 'Grace Okafor');
  });
});
