// Page noise that real scraped news pages carry and the seeds do not show: captions and photo credits, ads,
// "Read more" links, share buttons, key-point lists, embedded tweets, update stamps, wire credits, copyright
// lines and a repeated headline. Checks the whole analysis (`analyze`) keeps quotes, dates and the body right.
// The articles are written for this test, in the shapes news sites print.
import { strict as assert } from 'node:assert';
import { analyze } from '../../server/src/analysis/index';
import type { Analysis } from '../../server/src/analysis/types';

/** A feature page: header noise, summary bullets, repeated headline, captions, ads, a pull quote, a tweet. */
const FEATURE = [
  '# Port Strike Spreads to Three More Cities',
  '',
  'By Maria Lopez',
  '',
  'Published: October 3, 2023',
  'Last modified on Tue 3 Oct 2023 14.05 BST',
  '',
  'Listen to this article',
  '',
  '3 min read',
  '',
  'Key points:',
  '- Dockworkers walked out in three more cities on Tuesday',
  '- The union wants a 12 percent raise',
  '• Talks are set to resume on Friday',
  '',
  'Port Strike Spreads to Three More Cities',
  '',
  'Dockworkers in three more cities walked off the job on Tuesday, widening a strike that has idled cargo terminals for a week.',
  '',
  'Photo: AFP',
  '',
  '(Photo by John Smith/Getty Images)',
  '',
  'Image caption: Workers rally outside the port gates, chanting "No deal, no ships"',
  '',
  '"We will stay out until the employers listen," union leader Ana Ruiz told reporters.',
  '',
  'Advertisement',
  '',
  'Story continues below',
  '',
  '## "This strike hurts everyone"',
  '',
  'The employers\' association said the demands were unaffordable. "This strike hurts everyone," its chairman, Peter Hall, said in a statement.',
  '',
  '"We will stay out until the employers listen"',
  '',
  'Read more: [Dock talks collapse after eight hours, October 2, 2023](#)',
  '',
  'Also read: Shipping rates climb as ports close',
  '',
  'Watch: Strikers march on city hall',
  '',
  'ADVERTISEMENT',
  '',
  'A local councillor backed the strikers online.',
  '',
  '> Solidarity with the dockers. "No ships until a fair deal" pic.twitter.com/AbC123xyz',
  '> — Jo Bloggs (@jobloggs) March 3, 2023',
  '',
  'The transport minister asked the port owners and the union to meet again.',
  '',
  '"Both sides must compromise now," the minister said on Tuesday.',
  '',
  'Share on Facebook',
  'Share on Twitter',
  'Share on WhatsApp',
  '',
  'Sign up for our newsletter',
  '',
  'Comments',
].join('\n');

/** A wire story: update stamp, wire dateline, captions with agency credits, an embedded tweet, wire credits. */
const WIRE = [
  'Central bank holds rates as inflation cools',
  'Updated: 12:05 GMT',
  '',
  'LONDON, Nov 2 (Reuters) - The central bank held interest rates steady on Thursday, saying inflation was cooling faster than expected.',
  '',
  'Getty Images',
  '',
  'The bank\'s governor, Sarah Kent, said the decision was unanimous. "We are not yet done," Kent told a news conference.',
  '',
  "A man walks past the bank's headquarters in London, Britain, November 2, 2023. REUTERS/Toby Melville",
  '',
  'Opposition finance spokesman Mark Lee posted on social media:',
  '',
  '“Rates frozen again while families struggle.” pic.twitter.com/Zx9QwErT1',
  '— Mark Lee (@marklee) November 1, 2023',
  '',
  'Economists had expected the hold. "It was the only sensible choice," said Ruth Adams, an economist at a large bank.',
  '',
  'Reporting by David Milliken; Editing by Andy Bruce',
  '',
  '© 2023 Reuters',
].join('\n');

/** A syndicated story with only a "Last modified" stamp, a repeated headline and syndication footers. */
const SYNDICATED = [
  'Storm knocks out power to thousands',
  '',
  'Last modified on Tue 3 Oct 2023 14.05 BST',
  '',
  'Storm knocks out power to thousands',
  '',
  'A powerful storm knocked out power to thousands of homes overnight, officials said on Tuesday.',
  '',
  '"Crews are working around the clock," said utility spokeswoman Jane Park.',
  '',
  'Image caption: Fallen trees blocked roads in the north of the county',
  '',
  'Residents were told to stay indoors. "It was terrifying," one resident said.',
  '',
  '(Reporting by Ann Lee; Editing by Bo Chan)',
  '',
  'This article was originally published by The Conversation.',
  '',
  'Copyright 2023 The Associated Press. All rights reserved.',
].join('\n');

function bodyOpening(text: string, a: Analysis): string {
  return text.slice(a.structure.body.start, a.structure.body.start + 30);
}

function boilerplateOpening(text: string, a: Analysis): string | null {
  const at = a.structure.boilerplateStart;
  return at === null ? null : text.slice(at, at + 20);
}

function primaryIso(a: Analysis): string | null {
  return a.datelines.find((d) => d.primary)?.iso ?? null;
}

describe('scraped page noise', () => {
  describe('body and boilerplate', () => {
    it('starts the body after the header noise, the key-point bullets and the repeated headline', () => {
      const a = analyze(FEATURE);
      assert.equal(a.title, 'Port Strike Spreads to Three More Cities');
      assert.equal(bodyOpening(FEATURE, a), 'Dockworkers in three more citi');
    });

    it('starts the body at the wire dateline under an "Updated: 12:05 GMT" stamp', () => {
      const a = analyze(WIRE);
      assert.equal(bodyOpening(WIRE, a), 'LONDON, Nov 2 (Reuters) - The ');
    });

    it('skips a "Last modified on …" line and a repeated headline above the first paragraph', () => {
      const a = analyze(SYNDICATED);
      assert.equal(bodyOpening(SYNDICATED, a), 'A powerful storm knocked out p');
    });

    it('takes a share bar and comment count under the headline for header furniture, not the end of the body', () => {
      const text = [
        'Rail fares to rise by 4.9%',
        '3 min read',
        'Share on Facebook',
        'Share on WhatsApp',
        'Comments (12)',
        '',
        'Rail fares will rise by 4.9% in March, the government announced on Tuesday, the biggest rise in a decade.',
        '',
        '"This is a kick in the teeth for commuters," said Mick Lynch, the union leader.',
        '',
        'Share',
        '',
        'Comments',
      ].join('\n');
      const a = analyze(text);
      assert.equal(bodyOpening(text, a), 'Rail fares will rise by 4.9% i');
      assert.equal(boilerplateOpening(text, a), 'Share\n\nComments');
      assert.deepEqual(
        a.quotes.map((q) => q.text),
        ['"This is a kick in the teeth for commuters,"'],
      );
    });

    it('keeps a byline printed without "By" above the date lines in the header (Guardian style)', () => {
      const text = [
        'Rail fares to rise by 4.9%',
        '',
        'Gwyn Topham Transport correspondent',
        '',
        'Tue 3 Oct 2023 09.00 BST',
        'Last modified on Tue 3 Oct 2023 14.05 BST',
        '',
        'Rail fares will rise by 4.9% in March, the government announced on Tuesday, the biggest rise in a decade.',
        '',
        'The transport secretary said the rise was below inflation.',
      ].join('\n');
      const a = analyze(text);
      assert.equal(bodyOpening(text, a), 'Rail fares will rise by 4.9% i');
      assert.deepEqual(
        a.datelines.filter((d) => d.primary).map((d) => d.iso),
        ['2023-10-03T09:00'],
      );
    });

    for (const slot of ['Advertisement', 'Read more: [Fares frozen last year, March 1, 2022](#)', 'Sign up for our morning briefing']) {
      it(`does not start the body at in-body furniture above the first paragraph ("${slot}")`, () => {
        const text = [
          'Rail fares to rise by 4.9%',
          '',
          'By Jo Smith',
          'October 3, 2023',
          '',
          slot,
          '',
          'Rail fares will rise by 4.9% in March, the government announced on Tuesday, the biggest rise in a decade.',
        ].join('\n');
        const a = analyze(text);
        assert.equal(bodyOpening(text, a), 'Rail fares will rise by 4.9% i');
        assert.deepEqual(
          a.datelines.filter((d) => d.primary).map((d) => d.iso),
          ['2023-10-03'],
        );
      });
    }

    it('ends the body before share buttons, newsletter and comment furniture', () => {
      const a = analyze(FEATURE);
      assert.equal(boilerplateOpening(FEATURE, a), 'Share on Facebook\nSh');
    });

    it('ends the body before wire credits and the copyright line', () => {
      const a = analyze(WIRE);
      assert.equal(boilerplateOpening(WIRE, a), 'Reporting by David M');
    });

    it('ends the body before wire credits and a syndication note ("This article was originally published by …")', () => {
      const a = analyze(SYNDICATED);
      assert.equal(boilerplateOpening(SYNDICATED, a), '(Reporting by Ann Le');
    });
  });

  describe('primary date', () => {
    it('is the publication date, not the "Last modified" stamp, a tweet date or a linked headline date', () => {
      const a = analyze(FEATURE);
      assert.equal(primaryIso(a), '2023-10-03');
      const primary = a.datelines.filter((d) => d.primary);
      assert.equal(primary.length, 1);
      assert.equal(primary[0]!.text, 'October 3, 2023');
    });

    it('is the wire dateline, not the date in a photo caption or an embedded tweet', () => {
      const a = analyze(WIRE);
      const primary = a.datelines.filter((d) => d.primary);
      assert.deepEqual(
        primary.map((d) => [d.text, d.iso]),
        [['Nov 2', '2023-11-02']],
      );
    });

    it('falls back to the "Last modified" stamp when the page shows no publication date', () => {
      const a = analyze(SYNDICATED);
      assert.equal(primaryIso(a), '2023-10-03T14:05');
    });

    const dated = (stamp: string) =>
      [
        'Rail fares to rise by 4.9%',
        '',
        'By Jo Smith',
        '',
        stamp,
        '',
        'Rail fares will rise by 4.9% in March, the government announced on Tuesday, the biggest rise in a decade.',
      ].join('\n');

    it('reads a Reuters stamp with a relative update glued on ("… 5:42 PM GMT+0Updated 2 hours ago")', () => {
      const text = dated('November 2, 2023 5:42 PM GMT+0Updated 2 hours ago');
      const a = analyze(text);
      assert.equal(primaryIso(a), '2023-11-02T17:42');
      assert.equal(bodyOpening(text, a), 'Rail fares will rise by 4.9% i');
    });

    it('reads a dotted time after a comma in a British stamp ("2 Nov 2023, 17.42 GMT")', () => {
      const text = dated('2 Nov 2023, 17.42 GMT');
      const a = analyze(text);
      assert.equal(primaryIso(a), '2023-11-02T17:42');
      assert.equal(bodyOpening(text, a), 'Rail fares will rise by 4.9% i');
    });

    it('is never the date of an embedded tweet, even with no other date line', () => {
      const text = [
        'Mayor defends budget',
        '',
        'The mayor defended the city budget at a packed meeting, saying the cuts were unavoidable.',
        '',
        '> Proud of our budget. pic.twitter.com/Qw12Er34',
        '> — City Mayor (@citymayor) March 3, 2023',
        '',
        'Council members will vote on the plan next week, officials said.',
      ].join('\n');
      assert.equal(primaryIso(analyze(text)), null);
    });
  });

  describe('quotes', () => {
    const quoted = (a: Analysis) => a.quotes.map((q) => q.text);

    it('takes no quote from an image caption or a photo credit line', () => {
      const text = [
        'Protest fills city square',
        '',
        'Thousands of people filled the city square on Saturday to protest against the new housing law.',
        '',
        'Image caption: Protesters chanted "Homes not profits" outside city hall',
        '',
        'Protesters hold a banner saying "We will not move" in Lisbon, Portugal, May 1, 2024. REUTERS/Pedro Nunes',
        '',
        'Pictured: a woman shouts "Enough!" at police lines',
        '',
        '"We are here because rents have doubled," organiser Rita Sousa told reporters.',
      ].join('\n');
      assert.deepEqual(quoted(analyze(text)), ['"We are here because rents have doubled,"']);
    });

    it('takes no quote from a BBC-style caption ("Image caption, …") and does not let it end the body', () => {
      const text = [
        'Flood defences breached in river town',
        '',
        'Flood water poured over the defences of the river town overnight, forcing hundreds of people from their homes.',
        '',
        '"We lost everything in an hour," resident Paul Green said.',
        '',
        'Image source, Getty Images',
        'Image caption, Residents shouted "Help us" from upstairs windows, waiting for rescue boats to reach them',
      ].join('\n');
      const a = analyze(text);
      assert.deepEqual(quoted(a), ['"We lost everything in an hour,"']);
      assert.equal(boilerplateOpening(text, a), 'Image source, Getty ');
    });

    it("keeps the feature page's speech and drops the caption's chant; an embedded post is its poster's, whole", () => {
      const a = analyze(FEATURE);
      const texts = quoted(a);
      assert.ok(!texts.includes('"No deal, no ships"'), 'caption quote');
      assert.ok(!texts.includes('"No ships until a fair deal"'), 'marks inside the post are no quote of their own');
      const post = a.quotes.find((q) => q.text === 'Solidarity with the dockers. "No ships until a fair deal"');
      assert.ok(post, `the post's words, without its picture link, in ${JSON.stringify(texts)}`);
      assert.equal(a.speakers.find((s) => s.id === post.speakerId)?.name, 'Jo Bloggs');
      assert.ok(!texts.includes('"This strike hurts everyone"'), '## heading');
      assert.ok(texts.includes('"We will stay out until the employers listen,"'));
      assert.ok(texts.includes('"This strike hurts everyone,"'));
      assert.ok(texts.includes('"Both sides must compromise now,"'));
    });

    it('keeps the words of an embedded post that the article introduces with a cue and a colon', () => {
      const a = analyze(WIRE);
      const post = a.quotes.find((q) => q.text.startsWith('“Rates frozen'));
      assert.ok(post, 'the introduced post is quoted');
      assert.equal(a.speakers.find((s) => s.id === post.speakerId)?.name, 'Mark Lee');
      assert.deepEqual(quoted(a).length, 3);
    });

    it("takes no quote from the key-point bullets above the body: they repeat the story's own words", () => {
      const text = [
        'Rail fares to rise by 4.9%',
        '',
        'October 3, 2023',
        '',
        '**Key points**',
        '',
        '* Fares rise 4.9% from March',
        '* Unions call it a "kick in the teeth"',
        '',
        'Rail fares will rise by 4.9% in March, the government announced on Tuesday, the biggest rise in a decade.',
        '',
        '"This is a kick in the teeth for commuters," said Mick Lynch, the union leader.',
      ].join('\n');
      assert.deepEqual(quoted(analyze(text)), ['"This is a kick in the teeth for commuters,"']);
    });

    it('still takes quotes from a bulleted list inside the body', () => {
      const text = [
        'Rail fares to rise by 4.9%',
        '',
        'Rail fares will rise by 4.9% in March, the government announced on Tuesday, the biggest rise in a decade.',
        '',
        'Union leaders lined up to condemn the rise:',
        '',
        '- "This is a kick in the teeth for commuters," said Mick Lynch.',
        '- "Passengers are paying more for less," said Ann Cole.',
      ].join('\n');
      assert.equal(quoted(analyze(text)).length, 2);
    });

    it('takes no quote from the headline printed again over the story', () => {
      const text = [
        '# ‘We will not back down’: union defies ministers',
        '',
        'By Jo Smith',
        '',
        '‘We will not back down’: union defies ministers',
        '',
        'Dockworkers in three more cities walked off the job on Tuesday, widening a strike that has idled terminals.',
        '',
        '"We will not back down," union leader Ana Ruiz told reporters outside the port.',
      ].join('\n');
      assert.deepEqual(quoted(analyze(text)), ['"We will not back down,"']);
    });

    it('takes a pull quote (a line that only repeats words quoted in the body) for the same utterance, not a second', () => {
      const texts = quoted(analyze(FEATURE));
      assert.equal(texts.filter((t) => t.startsWith('"We will stay out')).length, 1);
      // Three quotes of the body (the pull quote is not a fourth) and the embedded post.
      assert.equal(texts.length, 4);
    });

    it('drops a pull quote that lifts one sentence of a longer quote, before or after it', () => {
      const text = [
        'Hospital waiting lists grow',
        '',
        '> “We are running out of beds.”',
        '',
        "Waiting lists at the city's hospitals grew for the sixth month in a row, figures showed on Monday.",
        '',
        '“Staff are exhausted. We are running out of beds. Something has to give,” said nurse Laura Diaz.',
      ].join('\n');
      assert.deepEqual(quoted(analyze(text)), ['“Staff are exhausted. We are running out of beds. Something has to give,”']);
    });

    it('keeps a quotation standing alone on its line when the article does not quote it elsewhere', () => {
      const text = [
        'Party banned by court',
        '',
        'The constitutional court banned the party on Tuesday, ruling that its programme violated the constitution.',
        '',
        'Its leader, Omar Haddad, responded defiantly in a speech to supporters hours later.',
        '',
        '"They can ban a party, but not an idea."',
        '',
        '"We will be back," he said.',
      ].join('\n');
      assert.deepEqual(quoted(analyze(text)), ['"They can ban a party, but not an idea."', '"We will be back,"']);
    });
  });
});
