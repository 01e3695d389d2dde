// Article layout: title, header block, paragraphs, body and trailing boilerplate, on both seed layouts,
// with BOM and CRLF input (offsets stay raw JS indices) and on page furniture the seeds do not show.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findStructure, readArticle } from '../../../server/src/analysis/layout/structure';
import { analyze } from '../../../server/src/analysis/index';
import { findDatelines } from '../../../server/src/analysis/dates/datelines';
import type { Structure } from '../../../server/src/analysis/types';

const ROOT = path.join(__dirname, '..', '..', '..');
const read = (p: string) => readFileSync(path.join(ROOT, p), 'utf8');

const MARKDOWN = [
  '',
  '# Ministers Meet in Geneva',
  '',
  'By [AFP](#)',
  '',
  'October 01, 2020',
  '',
  '[Kremlin.ru](#)',
  '',
  'The foreign ministers met on Thursday in Geneva for talks that lasted four hours.',
  '',
  '"We made progress," the Swiss host said after the meeting.',
  '',
  '**Related article:** [Geneva Talks Stall Over Sanctions](#)',
  '',
  'A second round of talks is planned for next month in Vienna, officials said.',
  '',
  'Original url:',
  '',
  '<https://www.example.com/2020/10/01/geneva>',
].join('\n');

const PLAIN = [
  'Ministers Meet in Geneva',
  'The foreign ministers met on Friday in Geneva for talks that lasted four hours.',
  '"We made progress," the Swiss host said after the meeting.',
  '07.12.2020 12:16',
  'Latest newsOther Ministers Meet Elsewhere in Europe',
  '11.Jan.2026',
  'A Third Headline About Something Else',
  '10.Jan.2026',
  '',
  '14 Jan 2026',
  '',
].join('\n');

/** The text of each paragraph, for readable assertions. */
function paragraphTexts(text: string, s: Structure): string[] {
  return s.paragraphs.map((p) => text.slice(p.start, p.end));
}

function bodyText(text: string, s: Structure): string {
  return text.slice(s.body.start, s.body.end).trim();
}

describe('findStructure', () => {
  describe('markdown layout (AFP / Moscow Times)', () => {
    const s = findStructure(MARKDOWN);

    it('takes the first # heading as the title, without the marker', () => {
      assert.equal(s.title?.text, 'Ministers Meet in Geneva');
      assert.equal(MARKDOWN.slice(s.title!.start, s.title!.end), 'Ministers Meet in Geneva');
    });

    it('starts the body after the byline, date line and image credit', () => {
      assert.ok(bodyText(MARKDOWN, s).startsWith('The foreign ministers met'));
    });

    it('keeps a "Related article" line inside the body when prose follows it', () => {
      assert.ok(bodyText(MARKDOWN, s).includes('A second round of talks'));
    });

    it('starts the boilerplate at "Original url:"', () => {
      assert.equal(s.boilerplateStart, MARKDOWN.indexOf('Original url:'));
      assert.equal(s.body.end, s.boilerplateStart);
    });

    it('separates paragraphs at blank lines', () => {
      assert.deepEqual(paragraphTexts(MARKDOWN, s).slice(0, 4), [
        '# Ministers Meet in Geneva',
        'By [AFP](#)',
        'October 01, 2020',
        '[Kremlin.ru](#)',
      ]);
    });
  });

  describe('plain layout (one paragraph per line, closing timestamp, Latest news)', () => {
    const s = findStructure(PLAIN);

    it('takes the first line as the title', () => {
      assert.equal(s.title?.text, 'Ministers Meet in Geneva');
      assert.equal(s.title?.start, 0);
    });

    it('makes each line a paragraph', () => {
      const texts = paragraphTexts(PLAIN, s);
      assert.equal(texts[1], 'The foreign ministers met on Friday in Geneva for talks that lasted four hours.');
      assert.equal(texts[2], '"We made progress," the Swiss host said after the meeting.');
      assert.equal(texts[3], '07.12.2020 12:16');
    });

    it('keeps the closing timestamp in the body and starts the boilerplate at "Latest news"', () => {
      assert.equal(s.boilerplateStart, PLAIN.indexOf('Latest news'));
      assert.ok(bodyText(PLAIN, s).endsWith('07.12.2020 12:16'));
    });
  });

  describe('BOM and CRLF', () => {
    const text = '\uFEFF' + MARKDOWN.replace(/\n/g, '\r\n');
    const s = findStructure(text);

    it('keeps offsets in raw text indices (BOM and CR counted)', () => {
      assert.equal(text.slice(s.title!.start, s.title!.end), 'Ministers Meet in Geneva');
      assert.equal(s.boilerplateStart, text.indexOf('Original url:'));
    });

    it('never puts a CR inside a paragraph', () => {
      for (const p of paragraphTexts(text, s)) assert.ok(!p.includes('\r'), JSON.stringify(p));
    });

    it('finds the first-line title after a BOM in the plain layout', () => {
      const plain = '\uFEFF' + PLAIN.replace(/\n/g, '\r\n');
      const ps = findStructure(plain);
      assert.equal(ps.title?.start, 1);
      assert.equal(ps.title?.text, 'Ministers Meet in Geneva');
      assert.equal(ps.boilerplateStart, plain.indexOf('Latest news'));
    });
  });

  describe('paragraphs', () => {
    it('joins hard-wrapped lines of one paragraph', () => {
      const text =
        'Title Of The Piece\n\nThe minister said on Thursday that the talks had been\nconstructive and would continue next week in Vienna.\n\nNext paragraph here, which is short.';
      const texts = paragraphTexts(text, findStructure(text));
      assert.equal(texts[1], 'The minister said on Thursday that the talks had been\nconstructive and would continue next week in Vienna.');
      assert.equal(texts.length, 3);
    });

    it('does not join a title line to the first body line', () => {
      const text = 'russia and turkey come to a common view on karabakh\nthe minister said the talks went well and would go on.';
      const texts = paragraphTexts(text, findStructure(text));
      assert.equal(texts.length, 2);
    });

    it('keeps headline-and-date list lines apart', () => {
      const s = findStructure(PLAIN);
      assert.ok(paragraphTexts(PLAIN, s).includes('11.Jan.2026'));
    });
  });

  describe('trailing furniture', () => {
    const base = 'Title Of The Piece\n\nThe minister said on Thursday that the talks had gone well and would go on.\n\n';

    it('starts at an image credit after the last paragraph', () => {
      const text = base + 'Photo: Denis Balibouse / Reuters\n\nShare this article';
      assert.equal(findStructure(text).boilerplateStart, text.indexOf('Photo:'));
    });

    it('starts at a copyright footer even when prose-like text follows', () => {
      const text =
        base + '© 2026 Example News. All rights reserved.\n\nWe use cookies to give you the best possible experience on our site.';
      assert.equal(findStructure(text).boilerplateStart, text.indexOf('©'));
    });

    it('keeps a short closing sentence with a finite verb in the body, before the source link', () => {
      for (const last of [
        'Okafor said the visit mattered.',
        'The ferry was cancelled again.',
        'Talks will resume in May.',
        'Nobody was hurt.',
      ]) {
        const text = base + last + '\n\nOriginal url:\n\n<https://example.com/x>';
        const s = findStructure(text);
        assert.equal(s.boilerplateStart, text.indexOf('Original url:'), last);
        assert.ok(s.body.end > text.indexOf(last), last);
      }
    });

    it('still ends the body at a short label or caption without a verb', () => {
      for (const last of ['Photo by Anna Berg.', 'Click here to subscribe.', 'More On This Story.']) {
        const text = base + last + '\n\nOriginal url:\n\n<https://example.com/x>';
        assert.equal(findStructure(text).boilerplateStart, text.indexOf(last), last);
      }
    });

    it('starts at a reporting credit line', () => {
      const text = base + '(Reporting by Tom Smith; Editing by Jane Doe)';
      assert.equal(findStructure(text).boilerplateStart, text.indexOf('(Reporting'));
    });

    it('does not mistake prose that begins with a furniture word for a marker', () => {
      const text = base + 'Latest figures show that inflation rose to five percent in September.\n\nRead more: [Other story](#)';
      const s = findStructure(text);
      assert.equal(s.boilerplateStart, text.indexOf('Read more'));
    });

    it('starts at a separator line followed by a contributor note', () => {
      const text = base + '___\n\nAssociated Press writer Jane Doe in Beijing contributed to this report.';
      assert.equal(findStructure(text).boilerplateStart, text.indexOf('___'));
    });

    it('keeps a last paragraph that lost its final full stop in the body', () => {
      const text = base + '"There is no question of talks at the moment," the spokesman told reporters, he said\n\nMost read';
      assert.equal(findStructure(text).boilerplateStart, text.indexOf('Most read'));
    });

    it('does not end the body at an advertisement or sign-up banner between paragraphs', () => {
      const text =
        base +
        'Advertisement\n\nSign up for our morning newsletter\n\nThe talks will resume next week in Vienna, the ministry said.\n\nMost read\n\nOther Headline';
      const s = findStructure(text);
      assert.equal(s.boilerplateStart, text.indexOf('Most read'));
    });

    it('keeps credits printed before the closing stamp with it, and their names out of speakers', () => {
      const text =
        'Talks Resume in Oslo\nThe ministers met again and said the talks had been useful, officials said.\n' +
        '"We are close," Oleg Ivanov, the mediator, said.\n(Reporting by Tom Smith and Ann Lee; Editing by Jo Roe)\n' +
        '14.03.2023 18:20\nLatest newsAnother Headline Here\n13.03.2023\nA Third Headline\n12.03.2023\n';
      const s = findStructure(text);
      assert.equal(s.boilerplateStart, text.indexOf('Latest news'));
      const a = analyze(text);
      assert.equal(a.datelines.find((d) => d.primary)?.iso, '2023-03-14T18:20');
      assert.deepEqual(
        a.speakers.filter((sp) => /Smith|Lee|Roe/.test(sp.name)),
        [],
      );
    });

    it('starts at wire credits followed by the trust-principles footer sentence', () => {
      const text =
        base +
        'Reporting by Tom Smith in Oslo; Additional reporting by Ana Lee; Editing by Jo Roe\n\n' +
        'Our Standards: The Thomson Reuters Trust Principles.';
      assert.equal(findStructure(text).boilerplateStart, text.indexOf('Reporting by'));
      const alone = base + 'Our Standards: The Thomson Reuters Trust Principles.';
      assert.equal(findStructure(alone).boilerplateStart, alone.indexOf('Our Standards'));
    });

    it('keeps wire credits and their names out of speakers and quotes', () => {
      const text =
        base +
        '"We will meet again," the minister told reporters.\n\nReporting by Tom Smith; Editing by Jo Roe\n\n' +
        'Our Standards: The Thomson Reuters Trust Principles.';
      const a = analyze(text);
      assert.ok(!a.speakers.some((sp) => /Smith|Roe/.test(sp.name)), JSON.stringify(a.speakers.map((sp) => sp.name)));
      assert.ok(a.quotes.every((q) => q.start < a.structure.boilerplateStart!));
    });

    for (const footer of [
      'Example News 2026. All rights reserved.',
      'Copyright Example Media Group, 2026. This material may not be published, broadcast or rewritten.',
      'Copyright © 2026 Example News Ltd.',
    ]) {
      it(`starts at a rights notice even when prose-like text follows: ${footer.slice(0, 24)}…`, () => {
        const text = base + footer + '\n\nWe use cookies to give you the best possible experience on our site, the site says.';
        assert.equal(findStructure(text).boilerplateStart, text.indexOf(footer));
      });
    }

    it('does not take a sentence about copyright law for a footer', () => {
      const text = base + 'Copyright law was changed in 2019 after a long campaign by musicians and publishers, she said.';
      assert.equal(findStructure(text).boilerplateStart, null);
    });

    it('starts at "Follow us on" and "Subscribe" lines after the last paragraph, not between paragraphs', () => {
      const follow = base + 'Follow us on Telegram, where we post the news first and answer your questions every day.';
      assert.equal(findStructure(follow).boilerplateStart, follow.indexOf('Follow us'));
      const subscribe =
        base + 'Subscribe to our newsletter for the top stories of the day.\n\nThe talks resume next week in Vienna, the ministry said.';
      assert.equal(findStructure(subscribe).boilerplateStart, null);
    });

    it('keeps a last paragraph that is one quotation, or ends on a past-tense attribution without a stop', () => {
      for (const last of ['"They can ban a party, but not an idea"', 'The talks will resume on Wednesday, the host said']) {
        const text = base + last + '\n\n14.03.2023 18:20\n\nMost read';
        const s = findStructure(text);
        assert.equal(s.boilerplateStart, text.indexOf('Most read'), last);
      }
    });

    it('keeps the time stamps of live-report entries in the body', () => {
      const text = base + '16:10\n\nThe talks will resume on Wednesday, the host told reporters.\n\n16:45 GMT';
      assert.equal(findStructure(text).boilerplateStart, null);
    });

    it('still ends the body at undated headlines that say who "says"', () => {
      const text = base + 'Talks will resume in Vienna, Lavrov says\n\nSanctions stay for now, the EU says';
      assert.equal(findStructure(text).boilerplateStart, text.indexOf('Talks will resume'));
    });

    it('is null when the article has no trailing furniture', () => {
      assert.equal(findStructure(base).boilerplateStart, null);
      assert.equal(findStructure(base).body.end, base.length);
    });
  });

  describe('listings of other articles after the body', () => {
    // Plain layout: one paragraph per line, a closing timestamp, then whatever the site lists.
    const body = [
      'Harbour Workers End Strike in Gdansk',
      'Dock workers in Gdansk returned to work on Monday after a nine-day strike over night-shift pay.',
      '"Nobody won everything, but the cranes are moving again," a union organiser said at the gate.',
      '14.06.2023 18:05',
    ].join('\n');
    const tail = (lines: string[]) => body + '\n' + lines.join('\n') + '\n\n15 Jun 2023\n';
    const listed = (first: string) => tail([first, '13.06.2023', 'Ferry timetables change for the summer', '12.06.2023']);

    for (const glued of [
      'Latest news«Quiet» Baltic: why the tankers are back, and who is paying for them?',
      'Latest news“Green” steel plant stalls as subsidies dry up, unions warn in the north',
      "Latest news'Temporary' tolls on the coastal road become permanent, council decides",
      'Latest news2024 budget: what the port authority plans to spend, and where?',
      'Latest news(Video) Storm closes the harbour for the first time in a decade!',
    ]) {
      it(`ends the body at a heading glued to a headline of any kind: ${glued.slice(0, 20)}…`, () => {
        const text = listed(glued);
        const s = findStructure(text);
        assert.equal(s.boilerplateStart, text.indexOf('Latest news'));
        assert.ok(bodyText(text, s).endsWith('14.06.2023 18:05'));
      });
    }

    it('ends the body at a run of headlines alternating with dates that has no heading at all', () => {
      const text = listed('Shipyard orders rise again: is the slump over, and for how long?');
      const s = findStructure(text);
      assert.equal(s.boilerplateStart, text.indexOf('Shipyard orders'));
      assert.ok(bodyText(text, s).endsWith('14.06.2023 18:05'));
    });

    it('ends the body at a listing under any heading, whatever the heading says', () => {
      for (const heading of [
        'More news',
        'Read also',
        'Related',
        'Most popular',
        'Top stories',
        'Recommended',
        'You may also like',
        "Editor's picks",
        'Elsewhere on the site',
      ]) {
        const text = listed(heading).replace('\n13.06.2023\n', '\nShipyard orders rise again, and for how long?\n13.06.2023\n');
        const s = findStructure(text);
        assert.equal(s.boilerplateStart, text.indexOf(heading), heading);
      }
    });

    it('ends the body at a heading over undated headlines that read like sentences', () => {
      const text =
        body + '\nRead also\nWill the cranes stop again this winter, and who decides?\nThe port that nobody wanted, and why it thrives\n';
      assert.equal(findStructure(text).boilerplateStart, text.indexOf('Read also'));
    });

    it('keeps a last paragraph that lost its final stop in the body before a listing without heading', () => {
      const lostStop =
        'The strike committee will meet again in September to review the deal with the port owners, a spokesman said on Monday in Gdansk';
      const text =
        body.replace('14.06.2023 18:05', lostStop) +
        '\n14.06.2023 18:05\nShipyard orders rise again, but for how long?\n13.06.2023\n' +
        'Ferry timetables change for the summer\n12.06.2023\n';
      const s = findStructure(text);
      assert.equal(s.boilerplateStart, text.indexOf('Shipyard orders'));
      assert.ok(bodyText(text, s).endsWith('14.06.2023 18:05'));
    });

    it('does not take dated updates of a live report followed by prose for a listing', () => {
      const text =
        'Live: Storm Hits the Coast\n\n10:05 14 June 2023\n\nWinds reached 120 km/h in Gdansk, the weather service said.\n\n' +
        '11:40 14 June 2023\n\nThe harbour was closed and ferries stayed in port until the evening, officials said.\n';
      assert.equal(findStructure(text).boilerplateStart, null);
    });

    it('does not read a heading word that runs on into a longer word as a glued heading', () => {
      const text =
        'Mayor Loses Vote\n\nPopularity ratings for the mayor fell to a record low in June, pollsters said.\n\nLatestfigures due';
      const s = findStructure(text);
      assert.ok(bodyText(text, s).startsWith('Popularity ratings'));
    });
  });

  describe('titles and headers', () => {
    it('leaves the title null for an untitled article that starts with a long paragraph', () => {
      const text = 'The minister said on Thursday that ' + 'the talks went on for a long time and '.repeat(6) + 'ended.';
      const s = findStructure(text);
      assert.equal(s.title, null);
      assert.equal(s.body.start, 0);
    });

    it('does not take a sentence starting with "By" for a byline', () => {
      const text = '# Army Withdraws\n\nBy Tuesday, the army had withdrawn from all positions near the town.\n';
      assert.equal(findStructure(text).body.start, text.indexOf('By Tuesday'));
    });

    it('reads a scraper metadata header ("Title:", "URL:", "Date:")', () => {
      const text =
        'Title: Kremlin Rules Out Talks\nURL: https://example.com/a\nSource: Example News\nDate: 2022-03-01 10:15\n\n' +
        'The Kremlin said on Tuesday that talks were not on the agenda for now.\n';
      const s = findStructure(text);
      assert.equal(s.title?.text, 'Kremlin Rules Out Talks');
      assert.equal(s.body.start, text.indexOf('The Kremlin said'));
    });

    it('reads a setext title ("Title" over "=====") without its underline', () => {
      const text =
        'Rail Link to Open in May\n========================\n\nThe new rail link between the two cities will open in May, the operator said.\n';
      const s = findStructure(text);
      assert.equal(s.title?.text, 'Rail Link to Open in May');
      assert.equal(s.body.start, text.indexOf('The new rail link'));
    });

    it('prefers a setext title further down over scraper noise above it', () => {
      const text =
        'Skip to content\n\nRail Link to Open in May\n===\n\nThe new rail link between the two cities will open in May, the operator said.\n';
      assert.equal(findStructure(text).title?.text, 'Rail Link to Open in May');
    });

    it('skips a subtitle under the title ("## …" or underlined with "---")', () => {
      for (const sub of ['## Operator Blames Supply Delays', 'Operator blames supply delays\n-----------------------------']) {
        const text = `# Rail Link Delayed\n\n${sub}\n\nThe new rail link will open in May rather than March, the operator said.\n`;
        const s = findStructure(text);
        assert.equal(s.body.start, text.indexOf('The new rail link'), sub);
        assert.equal(s.title?.text, 'Rail Link Delayed');
      }
    });

    it('skips a deck line under the title that is not a sentence', () => {
      const text =
        'Rail Link Delayed Again\n\nOperator blames supply problems as passengers wait two more months\n\n' +
        'The new rail link will open in May rather than March, the operator said on Tuesday.\n"We are sorry," its chief said.\n';
      const s = findStructure(text);
      assert.equal(s.title?.text, 'Rail Link Delayed Again');
      assert.equal(s.body.start, text.indexOf('The new rail link'));
    });

    it('keeps a first paragraph that lost its stop, or is a quotation, in the body', () => {
      for (const first of [
        'The new rail link will open in May rather than March, the operator said',
        '"We are sorry for the delay to the new link"',
      ]) {
        const text = `Rail Link Delayed Again\n${first}\nPassengers will wait two more months for the service, officials said.\n`;
        assert.equal(findStructure(text).body.start, text.indexOf(first), first);
      }
    });

    it('skips a standfirst over the byline and takes the byline block into the header', () => {
      const text =
        'Rail Link Delayed Again\nThe operator blames supply problems; passengers will wait two more months.\n' +
        'By Jana Novak\n12 March 2024\nThe new rail link will open in May rather than March, the operator said on Tuesday.\n' +
        '"We are sorry for the delay," its chief executive said.\n';
      const s = findStructure(text);
      assert.equal(s.body.start, text.indexOf('The new rail link'));
      assert.equal(findDatelines(text, readArticle(text)).find((d) => d.primary)?.iso, '2024-03-12');
    });

    it('keeps a short first paragraph in the body when no byline follows it', () => {
      const text = 'Rail Link Delayed Again\nThe operator blames supply problems.\nPassengers will wait two more months, it said.\n';
      assert.equal(findStructure(text).body.start, text.indexOf('The operator blames'));
    });

    it('skips navigation chrome and breadcrumbs above the headline', () => {
      const text =
        'Skip to main content\nMenu\nHome › World › Europe\n\nRail Link Delayed Again\n\n' +
        'The new rail link will open in May rather than March, the operator said on Tuesday.\n';
      const s = findStructure(text);
      assert.equal(s.title?.text, 'Rail Link Delayed Again');
      assert.equal(s.body.start, text.indexOf('The new rail link'));
    });

    it('keeps a headline with a slash or a site name after a bar as the title', () => {
      for (const title of ['Oslo / Bergen rail link delayed | Example News', 'Oslo / Bergen link delayed']) {
        const text = `${title}\n\nThe new rail link will open in May rather than March, the operator said.\n`;
        assert.equal(findStructure(text).title?.text, title);
      }
    });

    it('handles empty and blank input', () => {
      for (const text of ['', '\n\n  \n', '\uFEFF']) {
        const s = findStructure(text);
        assert.equal(s.title, null);
        assert.deepEqual(s.paragraphs, []);
        assert.equal(s.boilerplateStart, null);
      }
    });
  });

  describe('the seeds', () => {
    it('000: body from the first sentence to "Original url:"', () => {
      const text = read('seeds/000_2ebd0813046cf1ef.txt');
      const s = findStructure(text);
      assert.equal(s.title?.text, "Russia Says Ready for 'Close Coordination' With Turkey on Karabakh");
      assert.ok(bodyText(text, s).startsWith('Russia said on Thursday'));
      assert.ok(bodyText(text, s).endsWith('achieve a ceasefire regime."'));
      assert.equal(s.boilerplateStart, text.indexOf('Original url:'));
    });

    it('004: body through the closing timestamp, boilerplate from "Latest news"', () => {
      const text = read('seeds/004_751050ed58a9faf9.txt');
      const s = findStructure(text);
      assert.equal(s.title?.text, 'Russia, Turkey Come to Common Denominator on Karabakh – Lavrov');
      assert.ok(bodyText(text, s).startsWith('Russian Foreign Minister Sergei Lavrov said'));
      assert.ok(bodyText(text, s).endsWith('07.12.2020 12:16'));
      assert.equal(s.boilerplateStart, text.indexOf('Latest news'));
    });

    it('analyze() reports the structure in code points', () => {
      const text = '🎉 ' + PLAIN;
      const a = analyze(text);
      const cps = [...text];
      assert.equal(cps.slice(a.structure.title!.start, a.structure.title!.end).join(''), a.structure.title!.text);
      assert.equal(cps.slice(a.structure.boilerplateStart!).join('').slice(0, 11), 'Latest news');
    });
  });
});
