// Quote detection: mark styles, partial and split quotes, multi-paragraph quotes, nesting, apostrophes,
// non-speech marks (headline, boilerplate, links, scare quotes, titles), unbalanced marks and offsets.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { findQuotes, findUnbalancedQuoteMarks } from '../../../server/src/analysis/quotes/quotes';
import { analyze } from '../../../server/src/analysis/index';
import { articleOf, readArticle } from '../../../server/src/analysis/layout/structure';
import type { Quote, Structure } from '../../../server/src/analysis/types';

const TITLE = 'Ministers Meet in Geneva';

/** An article with a known headline line, built by hand so these tests do not depend on the layout analysis. */
function article(body: string, opts: { title?: string; boilerplate?: string; eol?: string } = {}): { text: string; structure: Structure } {
  const title = opts.title ?? TITLE;
  const eol = opts.eol ?? '\n';
  const head = `${title}${eol}${eol}`;
  const main = body.replace(/\n/g, eol);
  const text = head + main + (opts.boilerplate !== undefined ? eol + opts.boilerplate.replace(/\n/g, eol) : '');
  const structure: Structure = {
    title: { start: 0, end: title.length, text: title },
    body: { start: head.length, end: head.length + main.length },
    paragraphs: [],
    boilerplateStart: opts.boilerplate !== undefined ? head.length + main.length + eol.length : null,
  };
  return { text, structure };
}

function quotesIn(body: string, opts: Parameters<typeof article>[1] = {}): Quote[] {
  const { text, structure } = article(body, opts);
  const quotes = findQuotes(text, articleOf(text, structure));
  for (const q of quotes) assert.equal(text.slice(q.start, q.end), q.text, 'span covers exactly the text');
  return quotes;
}

const texts = (qs: Quote[]) => qs.map((q) => q.text);

describe('findQuotes', () => {
  describe('mark styles (the span includes its marks)', () => {
    const cases: [string, string][] = [
      ['straight', '"We will not accept this," Lavrov said.'],
      ['curly', '“We will not accept this,” Lavrov said.'],
      ['guillemets', '«We will not accept this,» Lavrov said.'],
      ['reversed guillemets', '»We will not accept this,« Lavrov said.'],
      ['low-high', '„We will not accept this,“ Lavrov said.'],
      ['low-high closing with a right mark', '„We will not accept this,” Lavrov said.'],
    ];
    for (const [name, body] of cases) {
      it(name, () => {
        const qs = quotesIn(body);
        assert.equal(qs.length, 1);
        assert.equal(qs[0].text, body.slice(0, body.indexOf(' Lavrov')));
        assert.equal(qs[0].partial, false);
        assert.equal(qs[0].speakerId, null);
        assert.equal(qs[0].cue, null);
        assert.equal(qs[0].source, null);
      });
    }
  });

  describe('partial or whole utterance', () => {
    it('a phrase woven into a sentence governed by "said" is a partial quote', () => {
      const qs = quotesIn(
        'Russia said on Thursday its minister and his counterpart had confirmed in a phone call they were ready for "close coordination" to stabilize the region.',
      );
      assert.deepEqual(texts(qs), ['"close coordination"']);
      assert.equal(qs[0].partial, true);
    });

    it('a quote after a cue verb inside the sentence is partial', () => {
      const qs = quotesIn('The ministry said both confirmed “readiness for close coordination of the actions of both sides”.');
      assert.equal(qs.length, 1);
      assert.equal(qs[0].partial, true);
    });

    it('a short quote ending the sentence after "told AFP that … was" is a partial quote', () => {
      const qs = quotesIn('A diplomatic source told AFP that the topic of the discussion was "Armenia\'s aggression."');
      assert.deepEqual(texts(qs), ['"Armenia\'s aggression."']);
      assert.equal(qs[0].partial, true);
    });

    it('a quote that opens the paragraph with the cue after it is whole', () => {
      const qs = quotesIn('"We know that they support the other side. It\'s not like that," he said, quoted by the Interfax news agency.');
      assert.equal(qs.length, 1);
      assert.equal(qs[0].partial, false);
    });

    it('a quote introduced by a colon is whole', () => {
      const qs = quotesIn('The governor said: “Inflation has proved more persistent than we expected.”');
      assert.equal(qs.length, 1);
      assert.equal(qs[0].partial, false);
    });

    it('a quote right after the cue verb and a comma is whole', () => {
      const qs = quotesIn('She told reporters, "We are ready to talk to anyone."');
      assert.equal(qs.length, 1);
      assert.equal(qs[0].partial, false);
    });

    it('a quote after a comma that follows a non-cue clause is partial', () => {
      const qs = quotesIn(
        'The Russian side did not agree with the actions of its partner, "when Ankara said that this conflict could have a military solution."',
      );
      assert.equal(qs.length, 1);
      assert.equal(qs[0].partial, true);
    });

    it('a dash or a wire dateline dash hands the sentence to the quote', () => {
      const dash = quotesIn('He was blunt — “We will not retreat from these positions.”');
      assert.equal(dash.length, 1);
      assert.equal(dash[0].partial, false);
      const wire = quotesIn('MOSCOW, Oct 1 (Reuters) - "We will respond to this in kind," Lavrov said.');
      assert.deepEqual(
        wire.map((q) => [q.text, q.partial]),
        [['"We will respond to this in kind,"', false]],
      );
    });

    it('an opening bracket does not hide the sentence start', () => {
      const qs = quotesIn('Talks went on. (“We will see what happens,” he added.)');
      assert.deepEqual(
        qs.map((q) => q.partial),
        [false],
      );
    });

    it('a quoted phrase at the start of a sentence that goes on is partial', () => {
      const qs = quotesIn('"Close coordination of all the actions" is what both ministers promised, officials said.');
      assert.equal(qs.length, 1);
      assert.equal(qs[0].partial, true);
    });
  });

  describe('split quotes', () => {
    it('“A,” she said, “B.” gives two whole quotes', () => {
      const qs = quotesIn('“The situation is tense,” she said, “but we will not give up on talks.”');
      assert.deepEqual(texts(qs), ['“The situation is tense,”', '“but we will not give up on talks.”']);
      assert.deepEqual(
        qs.map((q) => q.partial),
        [false, false],
      );
    });

    it('mixed styles (“…" and "…”) pair, and straight marks nested in a curly quote stay nested', () => {
      assert.deepEqual(texts(quotesIn('“A to the left," he said, “and B to the right.”')), ['“A to the left,"', '“and B to the right.”']);
      assert.deepEqual(texts(quotesIn('"We are ready,” she said. "And we are waiting,” he said.')), [
        '"We are ready,”',
        '"And we are waiting,”',
      ]);
      assert.deepEqual(texts(quotesIn('“He called it "nonsense" today," she said.')), ['“He called it "nonsense" today,"']);
      assert.deepEqual(texts(quotesIn('“He called it "nonsense" today, and left,” she said.')), [
        '“He called it "nonsense" today, and left,”',
      ]);
    });

    it('a careless “…“ closes with a second left mark', () => {
      assert.deepEqual(texts(quotesIn('“We are ready to go,“ he said.')), ['“We are ready to go,“']);
    });

    it('straight marks: "A," said X, "B." gives two quotes', () => {
      const qs = quotesIn('"We are ready," said Beridze, "and we have always been ready."');
      assert.deepEqual(texts(qs), ['"We are ready,"', '"and we have always been ready."']);
    });

    it('two quotes in a row, each its own sentence', () => {
      const qs = quotesIn(
        'He recalled "when Ankara said this could be solved by force." "But now an agreement has been reached," he said.',
      );
      assert.equal(qs.length, 2);
      assert.deepEqual(
        qs.map((q) => q.partial),
        [true, false],
      );
    });
  });

  describe('multi-paragraph quotes', () => {
    const paragraphs = [
      'In a statement, the governor said:',
      '“Inflation has proved more persistent than we expected in the spring.',
      '“We are aware that higher rates hurt families with loans.',
      '“Our task is to bring inflation back within the target range.”',
      'The rate now stands at 2.5 percent.',
    ];
    const expected = [
      '“Inflation has proved more persistent than we expected in the spring.',
      '“We are aware that higher rates hurt families with loans.',
      '“Our task is to bring inflation back within the target range.”',
    ];

    it('blank-line separated paragraphs: one quote per paragraph, the last to its closing mark', () => {
      const qs = quotesIn(paragraphs.join('\n\n'));
      assert.deepEqual(texts(qs), expected);
      assert.ok(qs.every((q) => !q.partial));
    });

    it('one paragraph per line', () => {
      assert.deepEqual(texts(quotesIn(paragraphs.join('\n'))), expected);
    });

    it('CRLF line ends: each part stops before the CR', () => {
      const qs = quotesIn(paragraphs.join('\n\n'), { eol: '\r\n' });
      assert.deepEqual(texts(qs), expected);
    });

    it('straight marks', () => {
      const straight = paragraphs.map((p) => p.replace(/[“”]/g, '"'));
      assert.deepEqual(
        texts(quotesIn(straight.join('\n\n'))),
        expected.map((p) => p.replace(/[“”]/g, '"')),
      );
    });

    it('a "Related article:" line between the paragraphs of one quote does not break it', () => {
      const withLink = [
        ...paragraphs.slice(0, 2),
        '**Related article:** [Dinar Steady as “Government” Eyes Sale](#)',
        ...paragraphs.slice(2),
      ];
      const { text, structure } = article(withLink.join('\n\n'));
      assert.deepEqual(texts(findQuotes(text, articleOf(text, structure))), expected);
      assert.deepEqual(findUnbalancedQuoteMarks(text, articleOf(text, structure)), []);
    });

    it('old Mac CR-only line ends', () => {
      assert.deepEqual(texts(quotesIn(paragraphs.join('\n'), { eol: '\r' })), expected);
    });

    it('a quote runs across a hard wrap that the layout joined into one paragraph, and only there', () => {
      const body =
        'The minister said the talks were "a step forward for both\nsides and for the region," he said.\n"We will meet again in April,\nnobody knows where.';
      const { text, structure } = article(body);
      const first = text.indexOf('The minister');
      const secondLine = text.indexOf('sides and');
      // The layout joined the first two lines (a wrap inside a sentence), not the last two.
      structure.paragraphs = [
        { start: first, end: text.indexOf(' he said.') + ' he said.'.length },
        { start: text.indexOf('"We will'), end: text.indexOf('April,') + 'April,'.length },
        { start: text.indexOf('nobody'), end: text.length },
      ];
      assert.ok(secondLine > first);
      assert.deepEqual(texts(findQuotes(text, articleOf(text, structure))), [
        '"a step forward for both\nsides and for the region,"',
        '"We will meet again in April,',
      ]);
    });

    it('continuation paragraphs are not reported as unbalanced', () => {
      const { text, structure } = article(paragraphs.join('\n\n'));
      assert.deepEqual(findUnbalancedQuoteMarks(text, articleOf(text, structure)), []);
    });
  });

  describe('nesting and apostrophes', () => {
    it('single quotes inside double quotes stay inside the outer quote', () => {
      const qs = quotesIn('“They called it ‘a temporary measure’ and then never lifted it,” the analyst said.');
      assert.deepEqual(texts(qs), ['“They called it ‘a temporary measure’ and then never lifted it,”']);
    });

    it('straight single quotes inside straight double quotes stay inside', () => {
      const qs = quotesIn('"I told him \'no deal without the border question\' and he agreed," she said.');
      assert.equal(qs.length, 1);
      assert.ok(qs[0].text.startsWith('"I told him'));
    });

    it('apostrophes are never paired into quotes', () => {
      const qs = quotesIn(
        "Russia’s position and Turkey’s actions differ, and the countries’ leaders know it. Moscow's envoy and Ankara's envoy met.",
      );
      assert.deepEqual(qs, []);
    });

    it('a single-quoted phrase in a headline is headline text', () => {
      const qs = quotesIn('Russia said it was ready to work with Turkey.', {
        title: "Russia Says Ready for 'Close Coordination' With Turkey",
      });
      assert.deepEqual(qs, []);
    });

    it('single-quoted speech (British style) follows the same rules as double quotes', () => {
      assert.deepEqual(texts(quotesIn("The minister said the sanctions were 'working', despite criticism.")), ["'working'"]);
      assert.deepEqual(quotesIn("The alliance's 'open door' policy remains in place."), []);
      assert.deepEqual(quotesIn("Fans of rock 'n' roll gathered in the square."), []);
    });

    it("a plural possessive (the oligarchs' lawyers) does not close a single-quoted quote", () => {
      const qs = quotesIn("'Everyone knows it's the oligarchs' lawyers who are winning,' said one MP.");
      assert.deepEqual(texts(qs), ["'Everyone knows it's the oligarchs' lawyers who are winning,'"]);
    });
  });

  describe('marks that are not speech', () => {
    it('the headline, even in double quotes and even without a layout title', () => {
      const text = '“Muslim NATO”: Turkey’s New Strategic Vector\n\nThe article body has no quotes.';
      const structure: Structure = { title: null, body: { start: 0, end: text.length }, paragraphs: [], boilerplateStart: null };
      assert.deepEqual(findQuotes(text, articleOf(text, structure)), []);
    });

    it('trailing boilerplate', () => {
      const qs = quotesIn('"We are ready," he said.', {
        boilerplate:
          'Latest news\nThe Use of the “Oreshnik” Missile\n10.Jan.2026\nAnalysts said “this will change everything in the region”',
      });
      assert.deepEqual(texts(qs), ['"We are ready,"']);
    });

    it('headlines of other articles in a list, without boilerplate from the layout', () => {
      const qs = quotesIn(
        "“I am sure of it,” Lavrov said.\n07.12.2020 12:16\nLatest newsErdogan Announces New 'Economic Reform Package'\n“Muslim NATO”: Turkey’s New Strategic Vector\n11.Jan.2026",
      );
      assert.deepEqual(texts(qs), ['“I am sure of it,”']);
    });

    it('link texts and "Related article:" lines', () => {
      const qs = quotesIn(
        [
          '**Related article:** [Putin, Macron Call for \'Complete\' Halt to "All Fighting" – Kremlin](#)',
          'See the [“full statement of the ministry on the talks”](#) for details, the agency said.',
        ].join('\n\n'),
      );
      assert.deepEqual(qs, []);
    });

    it('scare quotes around one to three words with no cue', () => {
      assert.deepEqual(quotesIn('Talks on the so-called “peace plan” resumed on Monday.'), []);
      assert.deepEqual(quotesIn('Analysts debate whether a “Muslim NATO” could emerge in the region.'), []);
      assert.deepEqual(quotesIn('The "working group" met twice in March.'), []);
    });

    it('so-called makes a label even when the phrase is long', () => {
      assert.deepEqual(quotesIn('Officials said the so-called "special military operation in the east" would go on.'), []);
    });

    it('titles of works and names', () => {
      assert.deepEqual(quotesIn('The report, titled “The Future of the Caucasus”, was published on Monday.'), []);
      assert.deepEqual(quotesIn('The exercise was given the codename “Eastern Shield” by the staff.'), []);
      assert.deepEqual(quotesIn('He appeared in the film “Gone With the Wind” in his youth.'), []);
      // A round-up's "In an editorial headlined “…,” the paper called …": the headline is no one's speech.
      assert.deepEqual(texts(quotesIn('In an editorial headlined "Flat Broke," the paper called the plan "a gamble with schools."')), [
        '"a gamble with schools."',
      ]);
    });

    it('a programme named after "on" is no speech, though a cue follows it', () => {
      assert.deepEqual(texts(quotesIn('On “Capitol Sunday,” Sen. Ruth Abara said the bill was “dead on arrival.”')), [
        '“dead on arrival.”',
      ]);
      assert.deepEqual(quotesIn('Appearing on "Morning Desk," Gov. Tom Illing said he would sign the bill.'), []);
      // A title-like cry with its cue is still said: "“We Will Win,” Illing told supporters."
      assert.deepEqual(texts(quotesIn('“We Will Win,” Illing told supporters on Monday.')), ['“We Will Win,”']);
    });

    it('a judgement of a work after a verb that judges it is speech, its title is not', () => {
      assert.deepEqual(texts(quotesIn('The critic was torn, calling the novel “clever, cold and far too long.”')), [
        '“clever, cold and far too long.”',
      ]);
      assert.deepEqual(quotesIn('She called the novel “A House of Rain” her favourite.'), []);
    });

    it('a short quote with a cue verb nearby is speech', () => {
      assert.deepEqual(texts(quotesIn('Both ministers confirmed “readiness” to continue the talks.')), ['“readiness”']);
      assert.deepEqual(texts(quotesIn('The senator called the plan "a tax on the poor."')), ['"a tax on the poor."']);
      assert.deepEqual(texts(quotesIn('"Never," he said.')), ['"Never,"']);
      assert.deepEqual(texts(quotesIn('He had one word for the plan: "Unacceptable."')), ['"Unacceptable."']);
      assert.deepEqual(texts(quotesIn('"Absolutely not," came the reply.')), ['"Absolutely not,"']);
      assert.deepEqual(texts(quotesIn('Was it over? "No."')), ['"No."']);
    });

    it('a determiner makes a noun phrase with scare quotes even in a sentence with a cue', () => {
      assert.deepEqual(quotesIn('Officials said the "peace plan" was dead.'), []);
      assert.deepEqual(texts(quotesIn('Officials said they wanted "peace" above all.')), ['"peace"']);
    });

    it("a short quote after a determiner deep in a reported clause, after the clause's own verb, is speech", () => {
      const q = quotesIn('The mayor said the closures were a “temporary inconvenience” meant to protect the old bridge.');
      assert.deepEqual(texts(q), ['“temporary inconvenience”']);
      assert.equal(q[0].partial, true);
      assert.deepEqual(texts(quotesIn('He said Russia wants a "buffer zone" along the border.')), ['"buffer zone"']);
      assert.deepEqual(texts(quotesIn('He said he saw the “green shoots” of a recovery.')), ['“green shoots”']);
      assert.deepEqual(texts(quotesIn('The governor told reporters that the storm had caused an “unprecedented disaster” in the north.')), [
        '“unprecedented disaster”',
      ]);
      assert.deepEqual(texts(quotesIn('She said, after the vote, that the result would bring the “dark days” to an end.')), [
        '“dark days”',
      ]);
    });

    it('a determiner phrase that opens the reported clause, hangs off its subject or follows another clause stays a label', () => {
      assert.deepEqual(quotesIn('Officials said that the collapse of the “peace plan” was a blow.'), []);
      assert.deepEqual(quotesIn('She said on Monday that talks would resume, and the “peace plan” was back.'), []);
      assert.deepEqual(quotesIn('Analysts noted the renewed push for a “ceasefire” in the region.'), []);
      assert.deepEqual(quotesIn('The “working group” met again, and the chairman said it was a success.'), []);
      assert.deepEqual(quotesIn('A “magic number”, one diplomat said, had not been reached.'), []);
      assert.deepEqual(quotesIn('The deal was a “win-win” for both countries and was signed on Monday.'), []);
    });

    it('"in his words" and "according to" are cues', () => {
      assert.deepEqual(texts(quotesIn('It was, in his words, "a turning point."')), ['"a turning point."']);
      assert.deepEqual(texts(quotesIn('The talks were "constructive," according to a source.')), ['"constructive,"']);
    });

    it('nicknames are names, not quotes', () => {
      assert.deepEqual(quotesIn('Former President Mikhail "Misha" Saakashvili was jailed.'), []);
      assert.deepEqual(quotesIn('The plan, which critics dubbed "Marshall Plan 2.0," was unveiled on Monday.'), []);
    });

    it('names given by a participle and titles after a noun for a work are not speech', () => {
      assert.deepEqual(quotesIn('A movement called "Together for peace and justice" was formed.'), []);
      assert.deepEqual(quotesIn('His book "The art of war and peace in our time" sold well.'), []);
      assert.deepEqual(quotesIn('Officials launched the operation "Clean Sweep for the city" on Monday.'), []);
      assert.deepEqual(texts(quotesIn('It was a move which critics called "a tax on the poor."')), ['"a tax on the poor."']);
      assert.deepEqual(texts(quotesIn('The EU urged both sides to exercise "maximum restraint" at once.')), ['"maximum restraint"']);
    });

    it('signs and placards, and longer labels after a determiner with nobody saying them, are not speech', () => {
      assert.deepEqual(quotesIn('Protesters carried banners reading "Hands off our country and our future".'), []);
      assert.deepEqual(quotesIn('Critics of the "rules-based order of the West" met in Minsk.'), []);
      assert.deepEqual(texts(quotesIn('The ministry said it was the "only way to guarantee security."')), [
        '"only way to guarantee security."',
      ]);
    });

    it('a list marker does not hide the sentence start', () => {
      assert.deepEqual(
        quotesIn('- "We are ready to talk," he said.').map((q) => q.partial),
        [false],
      );
    });

    it('an inch sign is not a quote mark', () => {
      const { text, structure } = article('The new 15" screen costs more.');
      assert.deepEqual(findQuotes(text, articleOf(text, structure)), []);
      assert.deepEqual(findUnbalancedQuoteMarks(text, articleOf(text, structure)), []);
    });
  });

  describe('unbalanced marks', () => {
    it('an opening mark without a close ends at its paragraph and does not swallow the next ones', () => {
      const body = [
        'The minister said "we will never accept these terms under any circumstances.',
        'Talks will resume next week.',
        '"We are ready," the envoy said.',
      ].join('\n\n');
      const { text, structure } = article(body);
      const qs = findQuotes(text, articleOf(text, structure));
      assert.deepEqual(texts(qs), ['"we will never accept these terms under any circumstances.', '"We are ready,"']);
      const unbalanced = findUnbalancedQuoteMarks(text, articleOf(text, structure));
      assert.deepEqual(unbalanced, [{ start: text.indexOf('"we will'), end: text.indexOf('"we will') + 1 }]);
    });

    it('a short unclosed quote is dropped, and a stray closing mark is reported', () => {
      const { text, structure } = article('He called it “absurd and left.\n\nNobody” knew why.\n\n“We are ready,” the envoy said.');
      assert.deepEqual(texts(findQuotes(text, articleOf(text, structure))), ['“We are ready,”']);
      const at = findUnbalancedQuoteMarks(text, articleOf(text, structure)).map((u) => text[u.start]);
      assert.deepEqual(at, ['“', '”']);
    });

    it('a second opener before any closer replaces the first', () => {
      const { text, structure } = article('He said “this is a draft. “We are ready,” the envoy said.');
      assert.deepEqual(texts(findQuotes(text, articleOf(text, structure))), ['“We are ready,”']);
      assert.deepEqual(findUnbalancedQuoteMarks(text, articleOf(text, structure)), [
        { start: text.indexOf('“this'), end: text.indexOf('“this') + 1 },
      ]);
    });

    it('balanced prose reports nothing', () => {
      const { text, structure } = article('“A,” she said, “B and C.”\n\nHe said "D E F G."');
      assert.deepEqual(findUnbalancedQuoteMarks(text, articleOf(text, structure)), []);
    });

    it('random text with the layout analysis: quotes in order, within the text, matching their spans', () => {
      const alphabet = [
        'We',
        'said',
        ' ',
        ' ',
        '.',
        ',',
        '\n',
        '\n\n',
        '"',
        '“',
        '”',
        '«',
        '»',
        '„',
        "'",
        '’',
        '# ',
        'the',
        'Latest news',
        '[x](#)',
        '\r\n',
      ];
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 150 }), (parts) => {
          const text = parts.join('');
          const qs = findQuotes(text, readArticle(text));
          let last = -1;
          for (const q of qs) {
            assert.equal(text.slice(q.start, q.end), q.text);
            assert.ok(q.start >= last && q.end <= text.length);
            last = q.end;
          }
        }),
        { numRuns: 300 },
      );
    });

    it('random text never yields a quote crossing a line, out of order, or not matching its span', () => {
      const alphabet = ['a', 'b', ' ', ' ', '.', ',', '\n', '\n\n', '"', '“', '”', '«', '»', '„', "'", '’', 'said', 'He', '\r\n', ':'];
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 120 }), (parts) => {
          const text = 'Title\n' + parts.join('');
          const structure: Structure = {
            title: { start: 0, end: 5, text: 'Title' },
            body: { start: 6, end: text.length },
            paragraphs: [],
            boilerplateStart: null,
          };
          const qs = findQuotes(text, articleOf(text, structure));
          let last = -1;
          for (const q of qs) {
            assert.equal(text.slice(q.start, q.end), q.text);
            assert.ok(!q.text.includes('\n'), 'a quote stays within its paragraph');
            assert.ok(q.start >= last, 'quotes come in order and do not overlap');
            last = q.end;
          }
          for (const u of findUnbalancedQuoteMarks(text, articleOf(text, structure))) assert.equal(u.end - u.start, 1);
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('offsets through analyze() (code points)', () => {
    it('BOM, CRLF, non-ASCII and emoji: each quote text is the code-point slice', () => {
      const text =
        '\uFEFF# Zoë Müller 🎉 Wins\r\n\r\nBy [AFP](#)\r\n\r\nZoë Müller 🎉 said: “Wir sind bereit 🇨🇭, Çavuşoğlu too.”\r\n\r\n“Ещё не всё потеряно,” said Jürg Baumann.\r\n';
      const a = analyze(text);
      const cps = [...text];
      assert.deepEqual(
        a.quotes.map((q) => q.text),
        ['“Wir sind bereit 🇨🇭, Çavuşoğlu too.”', '“Ещё не всё потеряно,”'],
      );
      for (const q of a.quotes) assert.equal(cps.slice(q.start, q.end).join(''), q.text);
    });
  });

  describe('the seeds through analyze()', () => {
    const seed = (name: string) => readFileSync(path.join(__dirname, '..', '..', '..', 'seeds', name), 'utf8');

    it('000: five speech quotes; the headline and the related-article link are not quotes', () => {
      const text = seed('000_2ebd0813046cf1ef.txt');
      const qs = analyze(text).quotes;
      assert.deepEqual(
        qs.map((q) => q.text),
        [
          '"close coordination"',
          '"readiness for close coordination of the actions of Russia and Turkey to stabilize the situation with the aim of returning the settlement of the Nagorno Karabakh conflict to the channel of peaceful talks"',
          '"Armenia\'s aggression."',
          '"We know that Turkey unambiguously supports Azerbaijan. But that doesn\'t mean that we are on the other side and support Armenia against Azerbaijan. It\'s not like that,"',
          '"the only option now is to cease hostilities and achieve a ceasefire regime."',
        ],
      );
      assert.deepEqual(
        qs.map((q) => q.partial),
        [true, true, true, false, true],
      );
      const cps = [...text];
      for (const q of qs) assert.equal(cps.slice(q.start, q.end).join(''), q.text);
    });

    it('004: three quotes by Lavrov; "Muslim NATO" and "Oreshnik" in the Latest-news list are not quotes', () => {
      const qs = analyze(seed('004_751050ed58a9faf9.txt')).quotes;
      assert.deepEqual(
        qs.map((q) => q.text),
        [
          '"when Ankara said that this conflict could have a military solution."',
          '"But now, thanks to the efforts of President Putin and his fellow leaders of Azerbaijan and Armenia, an agreement has been reached,"',
          '"I am sure that relations between Russia and Turkey are an example of how two independent countries are working to realize their goals, they do not bow to anyone, do not accept ultimatums and are not subject to pressure from outside,"',
        ],
      );
      assert.deepEqual(
        qs.map((q) => q.partial),
        [true, false, false],
      );
    });
  });
});
