// Speaker entities: names with titles and appositives, organizations, anonymous sources, aliases and
// mentions, and what must never become a speaker. Through analyze(), so every offset is a code point.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyze, type Analysis, type Speaker } from '../../server/src/analysis/index';
import { testArticle } from './articleFixture';

/** A markdown-layout article: heading, body paragraphs, and the usual closing url line. */
function article(...paragraphs: string[]): string {
  return testArticle(paragraphs);
}

/** The speaker named `name`, compared as the evaluation does: case and a leading article ignored. */
function speaker(a: Analysis, name: string): Speaker {
  const norm = (n: string) => n.toLowerCase().replace(/^(the|a|an) /, '');
  const s = a.speakers.find((x) => norm(x.name) === norm(name));
  assert.ok(s, `speaker ${name} in ${JSON.stringify(a.speakers.map((x) => x.name))}`);
  return s;
}

/** Every mention's offsets select its text in code points. */
function assertMentionOffsets(text: string, a: Analysis): void {
  const cps = Array.from(text);
  for (const s of a.speakers) for (const m of s.mentions) assert.equal(cps.slice(m.start, m.end).join(''), m.text);
}

describe('speakers: names and roles', () => {
  it('takes a capitalised title before the name as the role', () => {
    const a = analyze(article('Russian Foreign Minister Sergei Lavrov said the talks went well.'));
    const lavrov = speaker(a, 'Sergei Lavrov');
    assert.equal(lavrov.role, 'Russian Foreign Minister');
    assert.equal(lavrov.kind, 'person');
  });

  it('takes a lower-case role after a possessive pronoun, and a possessive place', () => {
    const a = analyze(
      article(
        'Russia said its foreign minister Sergei Lavrov had met the envoy.',
        "Moscow's UN Ambassador Vasily Nebenzya at a briefing on Thursday denied the report.",
      ),
    );
    assert.equal(speaker(a, 'Sergei Lavrov').role, 'foreign minister');
    assert.equal(speaker(a, 'Vasily Nebenzya').role, "Moscow's UN Ambassador");
  });

  it('reads appositives before and after the name', () => {
    const a = analyze(
      article(
        "Germany's finance minister, Anna Vogt, said the rules must stay.",
        'Nino Gelashvili, a member of the United National Movement, said the vote was unfair.',
      ),
    );
    assert.equal(speaker(a, 'Anna Vogt').role, "Germany's finance minister");
    assert.equal(speaker(a, 'Nino Gelashvili').role, 'a member of the United National Movement');
  });

  it('takes no clause for an appositive', () => {
    const a = analyze(article('In Faenza, resident Luisa Ricci watched the water rise from her balcony. “It came so fast,” she told AFP.'));
    assert.deepEqual(
      a.speakers.map((s) => [s.name, s.role]),
      [['Luisa Ricci', 'resident']],
    );
  });

  it('keeps "Turkish counterpart" as the role of the second person in a pair', () => {
    const a = analyze(article('Lavrov and his Turkish counterpart Mevlüt Çavuşoğlu spoke by phone on Monday.'));
    assert.match(speaker(a, 'Mevlüt Çavuşoğlu').role ?? '', /Turkish counterpart$/);
  });

  it('merges the surname into the full name as an alias, with surname mentions', () => {
    const text = article('Foreign Minister Mevlüt Çavuşoğlu arrived in Ankara.', 'Çavuşoğlu said the visit mattered.');
    const a = analyze(text);
    const s = speaker(a, 'Mevlüt Çavuşoğlu');
    assert.deepEqual(s.aliases, ['Çavuşoğlu']);
    assert.deepEqual(
      s.mentions.map((m) => m.form),
      ['name', 'surname'],
    );
    assertMentionOffsets(text, a);
  });

  it('keeps two people with one surname apart by first name and title', () => {
    const a = analyze(
      article(
        'Interior Minister Peter Mwangi defended the cut.',
        'Opposition senator Grace Mwangi attacked it.',
        'Senator Mwangi said the poor would pay.',
      ),
    );
    const peter = speaker(a, 'Peter Mwangi');
    const grace = speaker(a, 'Grace Mwangi');
    assert.notEqual(peter.id, grace.id);
    assert.ok(grace.mentions.some((m) => m.text === 'Mwangi' && m.form === 'surname'));
    assert.ok(!peter.mentions.some((m) => m.form === 'surname'));
  });

  it('reads long titles, ages as asides, honorifics and particles in names', () => {
    const a = analyze(
      article(
        'Senate Majority Leader Chuck Schumer, 72, said Democrats would keep talking.',
        'Mr. Schumer added that he had spoken with the president.',
        'European Commission President Ursula von der Leyen said the bloc was ready, and von der Leyen later said so again.',
        'Egyptian President Abdel Fattah al-Sisi said the talks would resume.',
      ),
    );
    const schumer = speaker(a, 'Chuck Schumer');
    assert.equal(schumer.role, 'Senate Majority Leader');
    assert.ok(schumer.aliases.includes('Schumer'));
    const leyen = speaker(a, 'Ursula von der Leyen');
    assert.deepEqual(leyen.aliases, ['von der Leyen']);
    assert.equal(speaker(a, 'Abdel Fattah al-Sisi').role, 'Egyptian President');
  });

  it('does not take a capitalised common noun that opens a sentence for a name', () => {
    const a = analyze(article('Fighting broke out again. Negotiators said little, and Protesters gathered outside.'));
    assert.ok(!a.speakers.some((s) => s.kind === 'person'), JSON.stringify(a.speakers.map((s) => s.name)));
  });

  it('numbers speakers s1, s2 … in order of first mention', () => {
    const a = analyze(article('Prime Minister Anna Berg met President Karl Holm.', 'Holm said little.'));
    assert.deepEqual(
      a.speakers.map((s) => [s.id, s.name]),
      [
        ['s1', 'Anna Berg'],
        ['s2', 'Karl Holm'],
      ],
    );
  });
});

describe('speakers: local and professional titles', () => {
  it('takes local administrative and professional titles as roles', () => {
    const cases: [string, string, string][] = [
      ['“The worst is over,” district administrator Hans Vogl said.', 'Hans Vogl', 'district administrator'],
      ['Hospital surgeon Amina Yusuf said the ward was “full every night.”', 'Amina Yusuf', 'Hospital surgeon'],
      ['Provincial governor Luis Ortega told reporters the roads were “impassable.”', 'Luis Ortega', 'Provincial governor'],
    ];
    for (const [paragraph, name, role] of cases) {
      const a = analyze(article(paragraph));
      assert.equal(speaker(a, name).role, role, paragraph);
    }
  });
});

describe('speakers: organizations and anonymous sources', () => {
  it('makes a state that speaks an organization, and the ministry a separate one', () => {
    const a = analyze(
      article(
        'Russia said on Thursday the talks would go on.',
        'The Russian ministry said both sides confirmed their readiness.',
        'The Kremlin said in a statement that it welcomed the call.',
      ),
    );
    assert.equal(speaker(a, 'Russia').kind, 'organization');
    assert.equal(speaker(a, 'The Russian ministry').kind, 'organization');
    assert.equal(speaker(a, 'The Kremlin').kind, 'organization');
  });

  it('makes indefinite descriptions anonymous sources, with their post-modifier', () => {
    const a = analyze(
      article(
        'A Turkish diplomatic source told AFP that the talks had failed.',
        'Sources close to the negotiations said a deal was near.',
        'One official said nothing had been signed.',
      ),
    );
    assert.equal(speaker(a, 'A Turkish diplomatic source').kind, 'anonymous');
    assert.equal(speaker(a, 'Sources close to the negotiations').kind, 'anonymous');
    assert.equal(speaker(a, 'One official').kind, 'anonymous');
  });

  it('links "the source" and "the ministry" back to the source first described', () => {
    const a = analyze(
      article(
        'According to a senior diplomatic source, the decision was taken in May.',
        'The Estonian foreign ministry said it had expelled two diplomats.',
        'The source said the ministry had waited too long. The ministry said that was untrue.',
      ),
    );
    const source = speaker(a, 'a senior diplomatic source');
    assert.ok(source.mentions.some((m) => m.text === 'The source'));
    const ministry = speaker(a, 'The Estonian foreign ministry');
    assert.ok(ministry.mentions.some((m) => m.text === 'The ministry'));
  });
});

describe('speakers: what is not a speaker', () => {
  it('ignores places, months, weekdays, sentence openers and headline words', () => {
    const a = analyze(
      article(
        'Fighting in Nagorno Karabakh resumed on Thursday in October.',
        'However, Moscow and Baku kept talking. Meanwhile Yerevan waited.',
      ),
    );
    assert.deepEqual(a.speakers, []);
  });

  it('names only people with a role or who are a source', () => {
    const a = analyze(article('Anna Schmidt and Peter Brandt walked past the old Town Hall in Berlin.'));
    assert.deepEqual(a.speakers, []);
  });

  it('keeps media, channels, councils and events out of the speakers, and the pronoun on the person', () => {
    for (const paragraph of [
      'Senator Mark Hale told Le Monde on Thursday that he opposed the bill. “It is a mistake,” he said.',
      'Defence Minister Ivo Kral told Czech Television he would resign. “I take responsibility,” he said.',
      'Ambassador Chen Wei addressed the Security Council on Friday. “We need more time,” he said.',
      'Coach Ben Tate spoke after the Champions League final at Wembley Stadium. “We were robbed,” he said.',
    ]) {
      const a = analyze(article(paragraph));
      assert.equal(a.speakers.length, 1, `${paragraph}: ${a.speakers.map((x) => x.name).join(', ')}`);
      assert.equal(a.quotes[0].speakerId, a.speakers[0].id, paragraph);
    }
  });

  it('reads a month word as a given name or surname next to a name, and as a month next to a number', () => {
    const a = analyze(
      article(
        'Mayor Jan Olsen spoke on local radio on Jan 12. “It was chaos,” he said.',
        'Former premier Theresa May said in May 2019 that she would step down.',
      ),
    );
    assert.equal(speaker(a, 'Jan Olsen').role, 'Mayor');
    assert.ok(speaker(a, 'Theresa May'));
    assert.equal(a.quotes[0].speakerId, speaker(a, 'Jan Olsen').id);
  });

  it('is not confused by emoji and CRLF line ends', () => {
    const text =
      '# Title 🎉 Here\r\n\r\nCampaigner Zoë Müller 🙌 said the vote 🎉 was historic.\r\n\r\nMüller said more about the 🎉 vote later in the day.\r\n\r\nOriginal url:\r\n\r\n<https://example.com/a>\r\n';
    const a = analyze(text);
    const s = speaker(a, 'Zoë Müller');
    assert.equal(s.role, 'Campaigner');
    assertMentionOffsets(text, a);
  });
});

describe('speakers: any input', () => {
  // Articles built from the pieces that trip attribution: names, titles, cue verbs, pronouns, quote marks of
  // every kind (balanced or not), line ends, emoji and non-ASCII letters.
  const pieces = [
    'Foreign Minister',
    'Mevlüt Çavuşoğlu',
    'Anna Vogt',
    'Lavrov',
    'the ministry',
    'a source',
    'he',
    'She',
    'they',
    'said',
    'told AFP',
    'according to',
    'quoted him as saying',
    'added:',
    ',',
    '.',
    ' ',
    '\r\n',
    '\n\n',
    '“',
    '”',
    '"',
    '«',
    '»',
    '‘',
    '’',
    "'s",
    '🎉',
    'Mr.',
    'The',
    'and',
    'that',
    '59-year-old',
    'Interfax',
    '\u00a0',
    '\t',
    'Sergei\u00a0Lavrov',
  ];
  const articleArb = fc.array(fc.constantFrom(...pieces), { maxLength: 80 }).map((xs) => xs.join(''));

  it('never throws, and every span it reports selects its own text in code points', () => {
    fc.assert(
      fc.property(articleArb, fc.boolean(), (text, override) => {
        const options = override ? { attributions: [{ exact: '“x”', speaker: 'Anna Vogt' }] } : {};
        const a = analyze(text, options);
        const cps = Array.from(text);
        const at = (s: { start: number; end: number; text: string }) => cps.slice(s.start, s.end).join('') === s.text;
        for (const s of a.speakers) {
          assert.match(s.id, /^s\d+$/);
          for (const m of s.mentions) assert.ok(at(m), JSON.stringify(m));
        }
        for (const q of a.quotes) {
          if (q.cue) assert.ok(at(q.cue), JSON.stringify(q.cue));
          if (q.source) assert.ok(at(q.source), JSON.stringify(q.source));
          assert.ok(q.speakerId === null || a.speakers.some((s) => s.id === q.speakerId));
        }
      }),
      { numRuns: 300 },
    );
  });
});
