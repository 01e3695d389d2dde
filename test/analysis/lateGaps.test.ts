// Three attribution gaps journalists' writing exposes: an inverted cue followed by a role and then the name
// ("…," said utility spokeswoman Jane Park), page furniture inside the body that must never yield a speaker
// ("Story continues below"), and a quote over several paragraphs whose cue comes only in the last one.
// Through analyze(), so offsets are code points.
import { strict as assert } from 'node:assert';
import { analyze, type Analysis } from '../../server/src/analysis/index';
import { quoteStarting as quote, speakerOfQuote as speakerOf, testArticle } from './articleFixture';

/** Without the "Original url:" footer: the closing paragraph ends the text. */
function run(paragraphs: string[]): Analysis {
  const closing = 'Officials expect a fuller picture of the situation to emerge over the coming weeks.';
  return analyze(testArticle(paragraphs, { headline: 'A Headline For These Tests', closing, originalUrl: false }));
}

describe('late gaps: an inverted cue, then a role, then the name', () => {
  const cases: { sentence: string; quote: string; name: string; role: string }[] = [
    {
      sentence: '"Crews are working around the clock," said utility spokeswoman Jane Park.',
      quote: 'Crews are',
      name: 'Jane Park',
      role: 'utility spokeswoman',
    },
    {
      sentence: '"The window for a deal is closing fast," said former U.S. ambassador John Doe.',
      quote: 'The window',
      name: 'John Doe',
      role: 'former U.S. ambassador',
    },
    {
      sentence: '"We are only getting started," says company founder Amir Haddad.',
      quote: 'We are only',
      name: 'Amir Haddad',
      role: 'company founder',
    },
    {
      sentence: '“Nobody expected the water to rise so fast,” said longtime fisherman association chairman Olu Bakare.',
      quote: 'Nobody expected',
      name: 'Olu Bakare',
      role: 'longtime fisherman association chairman',
    },
    {
      sentence: '"The ward is full every night," said the hospital night nurse Carla Mendes.',
      quote: 'The ward',
      name: 'Carla Mendes',
      role: 'hospital night nurse',
    },
  ];
  for (const c of cases) {
    it(`attributes "${c.quote}…" to ${c.name} with the role "${c.role}"`, () => {
      const a = run(['The storm moved inland on Tuesday, leaving damage across three counties.', c.sentence]);
      const s = speakerOf(a, c.quote);
      assert.equal(s?.name, c.name);
      assert.equal(s?.role, c.role);
    });
  }

  it('keeps the appositive form after the name', () => {
    const a = run([
      'Waiting rooms were full again on Friday.',
      '"We have never seen anything like it," said Maria Lopez, a nurse at the clinic.',
    ]);
    assert.equal(speakerOf(a, 'We have never')?.name, 'Maria Lopez');
  });

  it('does not take a time word after the cue into the role', () => {
    const a = run(['The vote was delayed again.', '"We will try next week," said yesterday council spokesman Ben Ito.']);
    const s = speakerOf(a, 'We will try');
    assert.ok(s === null || !/yesterday/.test(s.role ?? ''), `role ${s?.role}`);
  });

  it('leaves a role written before the verb of a normal sentence alone', () => {
    const a = run(['Residents returned on Sunday.', 'Relief agency director Sara Moyo said: "Roads remain blocked."']);
    assert.equal(speakerOf(a, 'Roads remain')?.name, 'Sara Moyo');
    assert.match(speakerOf(a, 'Roads remain')?.role ?? '', /director$/);
  });
});

describe('late gaps: furniture lines inside the body never yield speakers', () => {
  const furniture = [
    'Story continues below',
    'Advertisement',
    'Image caption, Rescue Teams Searched Homes Near Riverside Park',
    'Read more: Flood Warnings Issued Across Northern Counties',
    'Story continues after advertisement',
    'Media caption, Volunteer Kofi Mensah describes the night',
  ];
  for (const line of furniture) {
    it(`takes no speaker from "${line}"`, () => {
      const a = run([
        'The river burst its banks overnight and flooded dozens of homes near the old mill.',
        line,
        '"It was terrifying, the water came in through the floor," said resident Tom Hale.',
        line,
        'Emergency crews said they expected the water to recede by the weekend.',
      ]);
      assert.deepEqual(
        a.speakers.map((s) => s.name),
        ['Tom Hale'],
      );
      assert.equal(speakerOf(a, 'It was terrifying')?.name, 'Tom Hale');
      for (const s of a.speakers) {
        for (const m of s.mentions) assert.ok(!line.includes(m.text) || m.text === 'Tom Hale', `mention ${m.text} from furniture`);
      }
    });
  }

  it('still reads names from an ordinary body line that only mentions a story', () => {
    const a = run(['Story editor Lena Brandt said the paper would publish a correction on Monday.']);
    assert.ok(
      a.speakers.some((s) => s.name === 'Lena Brandt'),
      JSON.stringify(a.speakers.map((s) => s.name)),
    );
  });
});

describe('late gaps: a quote over several paragraphs with its cue only in the last', () => {
  it('gives the open paragraph the speaker named in the closing one', () => {
    const a = run([
      "Mayor Ann Cole welcomed the council's decision on Monday.",
      '“We waited years for this. It matters to every family here.',
      '“Now the real work begins,” she said.',
    ]);
    assert.equal(speakerOf(a, 'We waited years')?.name, 'Ann Cole');
    assert.equal(speakerOf(a, 'Now the real')?.name, 'Ann Cole');
  });

  it('carries the speaker back over a run of three open paragraphs, with straight marks', () => {
    const a = run([
      'The harvest was the worst in living memory, farmers in the valley said.',
      '"The rain never came in spring. By June the wells were dry.',
      '"We sold half the herd to pay for feed.',
      '"Next year I do not know what we will do," said farmer Thomas Okoro.',
    ]);
    for (const start of ['The rain never', 'We sold half', 'Next year']) assert.equal(speakerOf(a, start)?.name, 'Thomas Okoro', start);
  });

  it('leaves a closed quote before the run without a speaker', () => {
    const a = run([
      'Council members met late on Monday to vote on the plan.',
      '“This is a scandal.”',
      '“Now the real work begins,” said Mayor Ann Cole.',
    ]);
    assert.equal(speakerOf(a, 'Now the real')?.name, 'Ann Cole');
    assert.equal(quote(a, 'This is a scandal').speakerId, null);
  });

  it('does not pass the speaker back over a paragraph of narration', () => {
    const a = run([
      'Council members met late on Monday to vote on the plan.',
      'Opponents of the plan said “it was rushed through without a hearing.',
      '“Now the real work begins,” said Mayor Ann Cole.',
    ]);
    assert.notEqual(speakerOf(a, 'it was rushed')?.name, 'Ann Cole');
  });

  it('does not pass the speaker back across an intervening paragraph', () => {
    const a = run([
      'Council members met late on Monday to vote on the plan.',
      '“We waited years for this. It matters to every family here.',
      'The vote was seven to two.',
      '“Now the real work begins,” said Mayor Ann Cole.',
    ]);
    assert.equal(quote(a, 'We waited years').speakerId, null);
  });
});
