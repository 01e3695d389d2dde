// Datelines: every date layout with its ISO form, numbers that are not dates, times, the primary date
// chosen by layout (never from boilerplate, titles or links), weekday references and missing years resolved
// against the article date, BOM/CRLF input and code-point offsets through analyze().
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { findDatelines } from '../../../server/src/analysis/dates/datelines';
import { findStructure, readArticle } from '../../../server/src/analysis/layout/structure';
import { analyze } from '../../../server/src/analysis/index';
import type { Dateline } from '../../../server/src/analysis/types';
import fc from 'fast-check';

const ROOT = path.join(__dirname, '..', '..', '..');
const read = (p: string) => readFileSync(path.join(ROOT, p), 'utf8');

function datelines(text: string): Dateline[] {
  return findDatelines(text, readArticle(text));
}

function primaryOf(text: string): Dateline | undefined {
  const primaries = datelines(text).filter((d) => d.primary);
  assert.ok(primaries.length <= 1, `more than one primary: ${JSON.stringify(primaries)}`);
  return primaries[0];
}

/** A markdown-layout article whose header date line is `date` and whose body is `body`. */
function markdownArticle(date: string, body: string, tail = 'Original url:\n\n<https://example.com/a>'): string {
  return `# Ministers Meet in Geneva\n\nBy [AFP](#)\n\n${date}\n\n[Photo credit](#)\n\n${body}\n\n${tail}\n`;
}

describe('findDatelines', () => {
  describe('date layouts', () => {
    const cases: [string, string, string][] = [
      ['October 01, 2020', 'October 01, 2020', '2020-10-01'],
      ['Nov. 3, 2021', 'Nov. 3, 2021', '2021-11-03'],
      ['3 November 2021', '3 November 2021', '2021-11-03'],
      ['14 Jan 2026', '14 Jan 2026', '2026-01-14'],
      ['11.Jan.2026', '11.Jan.2026', '2026-01-11'],
      ['11-Jan-2026', '11-Jan-2026', '2026-01-11'],
      ['2020-10-01', '2020-10-01', '2020-10-01'],
      ['2020/10/01', '2020/10/01', '2020-10-01'],
      ['07.12.2020', '07.12.2020', '2020-12-07'],
      ['07.12.2020 12:16', '07.12.2020 12:16', '2020-12-07T12:16'],
      ['2020-10-01T08:30', '2020-10-01T08:30', '2020-10-01T08:30'],
      ['Thursday, October 1, 2020, 3:45 pm', 'Thursday, October 1, 2020, 3:45 pm', '2020-10-01T15:45'],
      ['12:16, 07.12.2020', '12:16, 07.12.2020', '2020-12-07T12:16'],
      ['the 3rd of May, 2021', '3rd of May, 2021', '2021-05-03'],
      ['SEPT. 30, 2021', 'SEPT. 30, 2021', '2021-09-30'],
      ['Friday, 14 April 2023', 'Friday, 14 April 2023', '2023-04-14'],
      ['Published: 14/04/2023', '14/04/2023', '2023-04-14'],
      ['Apr. 14, 2023 at 6:45 p.m. EDT', 'Apr. 14, 2023 at 6:45 p.m. EDT', '2023-04-14T18:45'],
      ['October 9, 2023 5:51 PM GMT+1', 'October 9, 2023 5:51 PM GMT+1', '2023-10-09T17:51'],
      ['2023-04-14T06:45:09Z', '2023-04-14T06:45:09Z', '2023-04-14T06:45'],
      ['2023-04-14T06:45:09.250+02:00', '2023-04-14T06:45:09.250+02:00', '2023-04-14T06:45'],
      ['2nd April 2023', '2nd April 2023', '2023-04-02'],
      ['April 2nd, 2023', 'April 2nd, 2023', '2023-04-02'],
      ['April 12-14, 2023', 'April 12-14, 2023', '2023-04-12'],
      ['April 12 – 14, 2023', 'April 12 – 14, 2023', '2023-04-12'],
      ['12-14 April 2023', '12-14 April 2023', '2023-04-12'],
      ['March 30-April 2, 2023', 'March 30-April 2, 2023', '2023-03-30'],
      ['30 March – 2 April 2023', '30 March – 2 April 2023', '2023-03-30'],
      ['December 29-January 3, 2024', 'December 29-January 3, 2024', '2023-12-29'],
    ];
    for (const [input, text, iso] of cases) {
      it(`reads "${input}" as ${iso}`, () => {
        const found = datelines(`Talks were held.\n\n${input}\n`).filter((d) => d.text === text);
        assert.equal(found.length, 1, JSON.stringify(datelines(`Talks were held.\n\n${input}\n`)));
        assert.equal(found[0]!.iso, iso);
      });
    }

    it('reads numeric dotted and slashed dates day-first', () => {
      assert.equal(datelines('x\n\n01.02.2021\n')[0]!.iso, '2021-02-01');
      assert.equal(datelines('x\n\n1/2/2021\n')[0]!.iso, '2021-02-01');
    });

    it('reads slashed dates month-first only where the document shows that convention', () => {
      const us = datelines('x\n\nPosted 10/25/2020 at 9:30 am\n\nThe rule takes effect on 11/01/2020, the council said.\n');
      assert.deepEqual(
        us.map((d) => d.iso),
        ['2020-10-25T09:30', '2020-11-01'],
      );
      const eu = datelines('x\n\nPosted 25/10/2020\n\nThe rule takes effect on 11/01/2020, the council said.\n');
      assert.deepEqual(
        eu.map((d) => d.iso),
        ['2020-10-25', '2020-01-11'],
      );
    });

    it('emits nothing for a range that runs backwards or past the month', () => {
      for (const bad of ['April 14-12, 2023', 'Feb 27-30, 2023', '14-12 April 2023']) {
        const found = datelines(`Talks were held.\n\n${bad}\n`);
        assert.ok(
          found.every((d) => d.iso !== '2023-04-14' && d.iso !== '2023-02-27'),
          `${bad}: ${JSON.stringify(found)}`,
        );
      }
    });

    it('does not read a relative stamp ("Updated 3 hours ago") as a date, and keeps it out of the body', () => {
      const text = 'Title Here\n\nBy Jane Doe\n\nUpdated 3 hours ago\n\nThe ministers met again and said the talks had been useful.\n';
      assert.deepEqual(datelines(text), []);
      assert.equal(findStructure(text).body.start, text.indexOf('The ministers'));
    });

    it('rejects impossible dates and times', () => {
      assert.deepEqual(datelines('x\n\n31.02.2020\n'), []);
      assert.deepEqual(datelines('x\n\nApril 31, 2021\n'), []);
      assert.equal(datelines('x\n\n07.12.2020 25:99\n')[0]!.iso, '2020-12-07');
    });
  });

  describe('numbers that are not dates', () => {
    const notDates = [
      'A Turkish F-16 downed an Armenian SU-25 warplane.',
      'The war ended in 2020 and the economy shrank.',
      'Around 1,500 troops and an 8,611-metre peak.',
      'The shelling began at 2 am and stopped at 10:00.',
      'Version 1.2.2020.5 was released.',
      'They may 5 times have tried.',
      'See https://www.example.com/2020/10/01/story for details.',
      'The talks resumed in March 2021 and again in February.',
    ];
    for (const text of notDates) {
      it(`finds no date in "${text}"`, () => {
        assert.deepEqual(datelines(`# Title\n\n${text}`), []);
      });
    }
  });

  describe('primary date', () => {
    it('is the publication date under the byline, not an "Updated" stamp later in the page', () => {
      const later = markdownArticle(
        'April 14, 2023',
        'The ministers met again and said the talks had been useful.\n\nUpdated: April 15, 2023 09:10',
      );
      assert.equal(primaryOf(later)?.iso, '2023-04-14');
      const header =
        'Title Here\n\nBy Jane Doe\nPublished 14 April 2023\nLast updated 15 April 2023 09:10 BST\n\n' +
        'The ministers met again and said the talks had been useful.\n';
      assert.equal(primaryOf(header)?.iso, '2023-04-14');
    });

    it('is the header date over a closing stamp of another day, and the closing stamp of the same day with its time', () => {
      const other = markdownArticle('April 14, 2023', 'The ministers met again and said the talks had been useful.\n\n16.04.2023 10:30');
      assert.equal(primaryOf(other)?.iso, '2023-04-14');
      const same = markdownArticle('April 14, 2023', 'The ministers met again and said the talks had been useful.\n\n14.04.2023 10:30');
      assert.equal(primaryOf(same)?.iso, '2023-04-14T10:30');
    });

    it('is none, without failing, for an article with no date at all', () => {
      const text = '# Title Here\n\nBy Jane Doe\n\nThe ministers met again last week and said the talks had been useful.\n';
      assert.equal(primaryOf(text), undefined);
      assert.deepEqual(datelines(text), []);
      assert.equal(analyze(text).datelines.length, 0);
    });

    it('is the wire dateline rather than dates and date lines further down the body', () => {
      const text =
        '# Title Here\n\nOSLO, April 14, 2023 (Reuters) - The treaty signed on 2 March 2021 was extended on Friday, officials said.\n\n' +
        'March 1, 2023\n\nAn earlier round had failed in Bergen, a diplomat said.\n';
      assert.equal(primaryOf(text)?.iso, '2023-04-14');
    });

    it('is the date line under the title and byline', () => {
      const text = markdownArticle('October 01, 2020', 'Russia said on Thursday that talks were held, officials said.');
      assert.equal(primaryOf(text)?.text, 'October 01, 2020');
    });

    it('is the timestamp closing the body, not a Latest-news or footer date', () => {
      const text = read('seeds/004_751050ed58a9faf9.txt');
      const found = datelines(text);
      assert.equal(primaryOf(text)?.iso, '2020-12-07T12:16');
      const latest = found.find((d) => d.text === '11.Jan.2026');
      assert.equal(latest?.iso, '2026-01-11');
      assert.equal(latest?.primary, false);
      assert.equal(found.find((d) => d.text === '14 Jan 2026')?.primary, false);
    });

    it('is the closing timestamp after an end mark that closes a transcript or wire copy ("(END)", "(RECESS)", "###")', () => {
      const body =
        'Senate Panel Questions Budget Director\nSEN. ANA GRANT: Thank you for coming, Director.\n' +
        'MR. OYELARAN: Thank you, Senator. The deficit fell last year.\n';
      for (const mark of ['(END)', '(RECESS)', '[Crosstalk]', '###', '# # #', 'END', 'END OF TRANSCRIPT']) {
        const text = `${body}${mark}\n16.07.2026 09:00\nLatest news\nFarm bill passes 15.07.2026\n`;
        assert.equal(primaryOf(text)?.iso, '2026-07-16T09:00', mark);
      }
      // With no stamp after it, the mark still ends the body, and a date after it is boilerplate.
      assert.equal(primaryOf(`${body}(END)\nFarm bill passes 15.07.2026\n`), undefined);
    });

    it('is the closing timestamp after a transcript that ends on a short turn ("Thank you.", a "Q" turn, a new voice)', () => {
      const body =
        'Senator Presses Housing Secretary on Vouchers\nSEN. MARA QUILL: Mr. Secretary, how many families are waiting today?\n' +
        'SECRETARY LENK: About forty thousand, Senator. We are working through it.\n' +
        'SEN. QUILL: That is not an answer. When will the list be cleared?\n';
      for (const last of ['SEN. QUILL: Thank you.', 'Q Thanks, Senator.', 'UNIDENTIFIED SPEAKER: Thank you.', 'Quill: Thanks.']) {
        const text = `${body}${last}\n03.11.2026 16:42\nLatest news\nFarm bill passes 02.11.2026\n`;
        assert.equal(primaryOf(text)?.iso, '2026-11-03T16:42', last);
      }
      // A short labelled line after prose that is no transcript is not speech: the date after it stays boilerplate.
      const prose = 'Housing Backlog Grows\nThe waiting list for vouchers grew again this year, the department said on Monday.\n';
      assert.equal(primaryOf(`${prose}Read more: Rents rise again\n02.11.2026\n`), undefined);
    });

    it('is never a date in trailing boilerplate, even when it is the only one', () => {
      const text =
        'Talks Resume\nThe ministers met again and said the talks had been useful.\nLatest newsOther Headline Here\n11.Jan.2026\n\n14 Jan 2026\n';
      assert.equal(primaryOf(text), undefined);
      assert.equal(datelines(text).length, 2);
    });

    it('is the closing timestamp when a listing follows, whatever its heading or first headline looks like', () => {
      const body =
        'Harbour Workers End Strike\nDock workers returned to work on Monday after a nine-day strike over pay.\n' +
        '"The cranes are moving again," a union organiser said at the gate.\n14.06.2023 18:05\n';
      const list = '\n13.06.2023\nFerry timetables change for the summer\n12.06.2023\n\n15 Jun 2023\n';
      for (const first of [
        'Latest news«Quiet» Baltic: why the tankers are back, and who pays for them?',
        'Latest news“Green” steel plant stalls as subsidies dry up, unions warn in the north',
        'Shipyard orders rise again: is the slump over, and for how long?',
      ]) {
        assert.equal(primaryOf(body + first + list)?.iso, '2023-06-14T18:05', first);
      }
    });

    it('is never a date in the title or in a related-article link', () => {
      const text = [
        '# Talks of 1 October 2020 Recalled',
        '',
        'The ministers met again and said the talks had been useful for both sides.',
        '',
        '**Related article:** [Talks Resume, 2 October 2020](#)',
        '',
        'More talks are planned, officials said after the meeting in Geneva.',
      ].join('\n');
      assert.equal(primaryOf(text), undefined);
    });

    it('is a wire dateline at the start of the body when there is no date line', () => {
      const text = '# Title Here\n\nMOSCOW, Oct. 1, 2020 (Reuters) – Russia said on Thursday that it was ready for talks.\n';
      assert.equal(primaryOf(text)?.iso, '2020-10-01');
      assert.equal(datelines(text).find((d) => d.text === 'on Thursday')?.iso, '2020-10-01');
    });

    it('reads the TASS and Interfax wire forms', () => {
      const tail = '\n\nThe ministers met again and said the talks had been useful.\n\n© 2020 Example, 14 Jan 2026';
      const tass = '# Title Here\n\nMOSCOW, October 1, 2020. /TASS/. Russia is ready for close coordination with Turkey.' + tail;
      assert.equal(primaryOf(tass)?.iso, '2020-10-01');
      const interfax = '# Title Here\n\nMOSCOW. Oct 1, 2020 (Interfax) - Russia is ready for close coordination with Turkey.' + tail;
      assert.equal(primaryOf(interfax)?.iso, '2020-10-01');
    });

    it('takes a wire dateline year from the closing timestamp but prefers the timestamp as primary', () => {
      const text = read('test/fixtures/devset/wire-dateline-ankara.txt');
      const found = datelines(text);
      assert.equal(found.find((d) => d.text === 'March 3')?.iso, '2021-03-03');
      assert.equal(primaryOf(text)?.iso, '2021-03-03T14:05');
    });

    it('is none for a year-less wire dateline with no year anywhere, which is then not emitted', () => {
      const text = '# Title Here\n\nMOSCOW, Oct 1 (Reuters) – Russia said on Thursday that it was ready for talks.\n';
      assert.equal(primaryOf(text), undefined);
      assert.deepEqual(datelines(text), []);
    });

    it('is none when the only dates are inside sentences', () => {
      const text = '# Treaty Anniversary\n\nThe treaty was signed on 12 May 2021 in Vienna, officials said on Monday.\n';
      assert.equal(primaryOf(text), undefined);
      assert.equal(datelines(text).length, 1); // the absolute date; "on Monday" has no anchor
    });

    it('is a standalone date line inside the body when nothing better exists', () => {
      const text =
        '# Live Updates\n\nThe ministers met again and said the talks had been useful.\n\n12 May 2021\n\nA second update followed later in the day, officials said.\n';
      assert.equal(primaryOf(text)?.iso, '2021-05-12');
    });

    it('accepts labels around a date line ("Published: … GMT")', () => {
      const text = markdownArticle('Published: 12 March 2021 10:15 GMT', 'The ministers met again and said the talks had been useful.');
      assert.equal(primaryOf(text)?.iso, '2021-03-12T10:15');
    });

    it('reads a header line with time, zone and label ("Updated 3:45 PM EDT, November 15, 2023")', () => {
      const text =
        'Leaders Hold Talks\n\nBy JANE DOE and JOHN ROE\nUpdated 3:45 PM EDT, November 15, 2023\n\n' +
        'WOODSIDE, Calif. (AP) — The two presidents met on Wednesday for four hours, aides said.\n';
      const p = primaryOf(text)!;
      assert.equal(p.iso, '2023-11-15T15:45');
      assert.equal(p.text, '3:45 PM EDT, November 15, 2023');
    });

    for (const byline of ['Jana Novak | April 14, 2023', 'Posted on Apr 14, 2023 by Jana Novak', 'Jana Novak in Oslo, Fri 14 Apr 2023']) {
      it(`reads a byline that carries the date: "${byline}"`, () => {
        const text = `# Title Here\n\n${byline}\n\nThe ministers met again on Monday and said the talks had been useful.\n`;
        assert.equal(primaryOf(text)?.iso, '2023-04-14');
        assert.equal(findStructure(text).body.start, text.indexOf('The ministers'));
      });
    }

    it('does not take a short sentence with a date under the title for a byline', () => {
      const text = '# Title Here\n\nThe talks resumed on April 14, 2023\n\nThe ministers said they had been useful.\n';
      assert.equal(findStructure(text).body.start, text.indexOf('The talks resumed'));
      assert.equal(primaryOf(text), undefined);
    });

    it('reads a date in the byline line ("By X | Oct. 1, 2020")', () => {
      const text = '# Title Here\n\nBy Jane Doe | Oct. 1, 2020\n\nThe ministers met again and said the talks had been useful.\n';
      assert.equal(primaryOf(text)?.iso, '2020-10-01');
    });

    it('reads a British dotted time only at the end of a date line ("Thu 1 Oct 2020 14.05 BST")', () => {
      const text = 'Title Here\n\nThu 1 Oct 2020 14.05 BST\n\nThe ministers met again and said the talks had been useful.\n';
      assert.equal(primaryOf(text)?.iso, '2020-10-01T14:05');
      const prose = datelines('x\n\nOn 1 Oct 2020 12.50 euros were paid, the ministry said.\n');
      assert.equal(prose[0]?.iso, '2020-10-01');
    });

    it('accepts a zone offset on a date line ("October 9, 2023 5:51 PM GMT+1")', () => {
      const text =
        'Title Here\n\nBy Jane Doe\n\nOctober 9, 2023 5:51 PM GMT+1\n\nLONDON, Oct 9 (Reuters) - Oil prices rose on Monday, traders said.\n';
      assert.equal(primaryOf(text)?.iso, '2023-10-09T17:51');
      assert.equal(datelines(text).find((d) => d.text === 'Oct 9')?.iso, '2023-10-09');
    });

    it('is exactly one on every seed and dev-set article', () => {
      const dir = path.join(ROOT, 'test/fixtures/devset');
      const files = [
        'seeds/000_2ebd0813046cf1ef.txt',
        'seeds/004_751050ed58a9faf9.txt',
        ...readdirSync(dir)
          .filter((f) => f.endsWith('.txt'))
          .map((f) => `test/fixtures/devset/${f}`),
      ];
      for (const f of files) {
        assert.equal(datelines(read(f)).filter((d) => d.primary).length, 1, f);
      }
    });
  });

  describe('weekday references', () => {
    it('resolves the seed 000 weekdays against the article date', () => {
      const found = datelines(read('seeds/000_2ebd0813046cf1ef.txt'));
      assert.equal(primaryOf(read('seeds/000_2ebd0813046cf1ef.txt'))?.iso, '2020-10-01');
      assert.equal(found.find((d) => d.text === 'on Thursday')?.iso, '2020-10-01');
      assert.equal(found.find((d) => d.text === 'earlier Thursday')?.iso, '2020-10-01');
      assert.equal(found.find((d) => d.text === 'on Tuesday')?.iso, '2020-09-29');
    });

    // The article below is dated Thursday 1 October 2020.
    const at = (sentence: string) => datelines(markdownArticle('October 01, 2020', sentence));
    const cases: [string, string, string][] = [
      ['Lavrov said Wednesday that talks would go on.', 'Wednesday', '2020-09-30'],
      ['They met last Thursday in Geneva.', 'last Thursday', '2020-09-24'],
      ['They will meet next Monday in Geneva.', 'next Monday', '2020-10-05'],
      ['Ministers are due to meet again on Saturday in Lisbon.', 'on Saturday', '2020-10-03'],
      ['Lavrov, who will travel to Ankara, said on Friday that talks went well.', 'on Friday', '2020-09-25'],
      ["Thursday's talks ended without a deal.", 'Thursday', '2020-10-01'],
    ];
    for (const [sentence, text, iso] of cases) {
      it(`"${sentence}" -> ${iso}`, () => {
        assert.equal(at(sentence).find((d) => d.text === text)?.iso, iso);
      });
    }

    it('ignores named days such as Good Friday', () => {
      assert.equal(at('Shops were closed on Good Friday as usual.').filter((d) => /Friday/.test(d.text)).length, 0);
    });

    it('does not repeat the weekday of a full date', () => {
      const found = at('The vote took place on Sunday, September 27, 2020, officials said.');
      assert.deepEqual(
        found.filter((d) => !d.primary).map((d) => d.text),
        ['Sunday, September 27, 2020'],
      );
    });
  });

  describe('relative days', () => {
    // The article below is dated Thursday 1 October 2020.
    const at = (sentence: string) => datelines(markdownArticle('October 01, 2020', sentence));
    const cases: [string, string, string][] = [
      ['The minister arrived yesterday in Oslo.', 'yesterday', '2020-09-30'],
      ['Talks resume tomorrow, the ministry said.', 'tomorrow', '2020-10-02'],
      ["Today's vote was postponed, officials said.", 'Today', '2020-10-01'],
      ['The ceasefire was agreed the day before yesterday, he said.', 'the day before yesterday', '2020-09-29'],
    ];
    for (const [sentence, text, iso] of cases) {
      it(`"${sentence}" -> ${iso}`, () => {
        assert.equal(at(sentence).find((d) => d.text === text)?.iso, iso);
      });
    }

    it('emits no day for vague spans ("last week", "next month", "recently") or a programme title', () => {
      const found = at("They met last week and will meet again next month, she told NBC's Today show, and had spoken recently.");
      assert.deepEqual(
        found.filter((d) => !d.primary),
        [],
      );
    });

    it('is left out of trailing furniture, which belongs to other pages', () => {
      const text = markdownArticle(
        'October 01, 2020',
        'The minister arrived yesterday in Oslo.',
        'Subscribe today for the news of Monday and every day.\n\nOriginal url:',
      );
      const found = datelines(text);
      assert.ok(found.some((d) => d.text === 'yesterday'));
      assert.ok(!found.some((d) => d.text === 'today' || /Monday/.test(d.text)), JSON.stringify(found));
    });

    it('is left out when the article has no date', () => {
      const text = '# Title Here\n\nThe minister arrived yesterday and leaves tomorrow, officials said.\n';
      assert.deepEqual(datelines(text), []);
    });

    it('reads a year-less ordinal date against the article date ("October 5th")', () => {
      assert.equal(at('The next round is set for October 5th in Oslo.').find((d) => d.text === 'October 5th')?.iso, '2020-10-05');
    });
  });

  describe('missing years', () => {
    it('takes the year from the article date', () => {
      const found = datelines(markdownArticle('Nov. 18, 2021', 'A further increase on December 9 could not be ruled out, analysts said.'));
      assert.equal(found.find((d) => d.text === 'December 9')?.iso, '2021-12-09');
    });

    it('takes the year closest to the article date across a new year', () => {
      const found = datelines(markdownArticle('January 5, 2022', 'The ceasefire announced on December 28 held, officials said.'));
      assert.equal(found.find((d) => d.text === 'December 28')?.iso, '2021-12-28');
    });
  });

  describe('input encodings and offsets', () => {
    it('handles CRLF and a BOM with raw offsets', () => {
      const text = '\uFEFF' + read('seeds/004_751050ed58a9faf9.txt').replace(/\n/g, '\r\n');
      const p = primaryOf(text)!;
      assert.equal(p.iso, '2020-12-07T12:16');
      assert.equal(text.slice(p.start, p.end), '07.12.2020 12:16');
    });

    it('reports code points through analyze() with emoji and non-ASCII text before the date', () => {
      const text =
        '\uFEFF# Çavuşoğlu Meets Zoë Müller 🎉\r\n\r\nBy [AFP](#)\r\n\r\nMarch 3, 2021\r\n\r\n' +
        'Mevlüt Çavuşoğlu 🇹🇷 said on Wednesday that talks with Zoë Müller had gone well.\r\n';
      const a = analyze(text);
      const cps = [...text];
      assert.ok(a.datelines.length >= 2);
      for (const d of a.datelines) assert.equal(cps.slice(d.start, d.end).join(''), d.text);
      assert.equal(a.datelines.find((d) => d.primary)?.iso, '2021-03-03');
      assert.equal(a.datelines.find((d) => d.text === 'on Wednesday')?.iso, '2021-03-03');
    });
  });
});

describe('layout and dateline invariants on generated articles', () => {
  // Articles assembled from realistic pieces in random order, with random line endings and a random BOM.
  const pieces = [
    '# Talks Resume in Geneva',
    'Talks Resume in Geneva',
    'By [AFP](#)',
    'October 01, 2020',
    '07.12.2020 12:16',
    '[Kremlin.ru](#)',
    'Russia said on Thursday that talks would resume, officials said.',
    '"We are ready," Lavrov said on Tuesday. "But not at any price."',
    '**Related article:** [Other Story, 2 Oct 2020](#)',
    'MOSCOW, Oct 1 (Reuters) – Ministers met again.',
    'Latest newsAnother Headline',
    '11.Jan.2026',
    '14 Jan 2026',
    'Original url:',
    '<https://example.com/2020/10/01/a>',
    'Mevlüt Çavuşoğlu 🎉 said earlier Thursday it was “fine”.',
    '© 2026 Example News',
    '',
    'Photo: AFP',
    'Updated 3:45 PM EDT, November 15, 2023',
    'Latest news«Quiet» harbours: who will fish there next?',
    '==========',
    '## A Subtitle',
    'By Jane Doe',
    'Our Standards: The Thomson Reuters Trust Principles.',
    'April 12-14, 2023',
    'They met yesterday and meet again tomorrow.',
    'Updated 3 hours ago',
    '2023-04-14T06:45:09.250+02:00',
    'Copyright Example Media Group, 2026',
    'Read also',
  ];
  const article = fc
    .record({
      parts: fc.array(fc.constantFrom(...pieces), { maxLength: 25 }),
      eol: fc.constantFrom('\n', '\r\n', '\r'),
      bom: fc.boolean(),
      blank: fc.boolean(),
    })
    .map(({ parts, eol, bom, blank }) => (bom ? '\uFEFF' : '') + parts.join(blank ? eol + eol : eol));

  it('keeps spans inside the text, paragraphs ordered, at most one primary, and code-point texts exact', () => {
    fc.assert(
      fc.property(article, (text) => {
        const s = findStructure(text);
        assert.ok(s.body.start <= s.body.end && s.body.end <= text.length);
        if (s.boilerplateStart !== null) assert.ok(s.boilerplateStart >= s.body.start && s.boilerplateStart <= text.length);
        s.paragraphs.forEach((p, i) => {
          assert.ok(p.start < p.end, 'paragraphs are not empty');
          if (i > 0) assert.ok(s.paragraphs[i - 1]!.end < p.start, 'paragraphs are ordered and disjoint');
          assert.ok(!/^[\s\uFEFF]|[\s]$/.test(text.slice(p.start, p.end)), 'paragraphs are trimmed');
        });
        const found = findDatelines(text, readArticle(text));
        assert.ok(found.filter((d) => d.primary).length <= 1);
        for (const d of found) {
          assert.match(d.iso, /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/);
          assert.equal(text.slice(d.start, d.end), d.text);
          if (d.primary && s.boilerplateStart !== null) assert.ok(d.start < s.boilerplateStart, 'never primary in boilerplate');
        }
        const a = analyze(text);
        const cps = [...text];
        for (const d of a.datelines) assert.equal(cps.slice(d.start, d.end).join(''), d.text);
      }),
      { numRuns: 300 },
    );
  });
});
