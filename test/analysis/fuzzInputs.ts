// Hostile and random articles for the fuzz tests: the named adversarial inputs of issue 13, each a function of its
// size so a test can double it, and a fast-check arbitrary that mixes the pieces journalists' text is made of with
// the pieces that break parsers (lone surrogates, NUL, RTL marks, mixed line ends, unclosed marks and links).
import fc from 'fast-check';
import type { Analysis, Span } from '../../server/src/analysis/index';

/** `unit` repeated up to about `size` UTF-16 units. */
const repeated = (unit: string) => (size: number) => unit.repeat(Math.max(1, Math.ceil(size / unit.length)));

/** Adversarial inputs by name; each grows linearly with `size`. */
export const ADVERSARIAL: Record<string, (size: number) => string> = {
  'unbalanced straight quotes': repeated('"a '),
  'nested and mixed quote marks': repeated('“«‘"a’»” „b“ \''),
  'unclosed quote over a long paragraph': (size) => '"' + 'word '.repeat(Math.ceil(size / 5)),
  commas: repeated(','),
  'only newlines': repeated('\n'),
  'mixed CRLF, CR and LF': repeated('a\r\n\rb\n\r\n\n'),
  'lone surrogates': repeated('\uD800a\uDC00 b\uDBFF'),
  'NUL bytes': repeated('\0a\0'),
  'RTL and zero-width marks': repeated('\u200F\u202Ea\u200B\u2028'),
  'one long line of prose': repeated('The minister said the talks went well and "progress was made" on Tuesday, officials said. '),
  'long run of capitalised words': repeated('Anna Bell Carl Dora Emil Mr '),
  titles: repeated('PRESIDENT JOE SMITH '),
  Mr: repeated('Mr '),
  'unclosed markdown links': repeated('[x]('),
  brackets: repeated('([{<'),
  'quotes with cues, one per line': repeated('"We will win," Smith said.\n\n'),
  headings: repeated('# Heading ##  \n'),
  'dates and times': repeated('1.1.2020 12:30:00:00 GMT+3:00 October 1-'),
  'colon-joined numbers': repeated('0:00'),
  'spaces and tabs': repeated(' \t'),
};

const PIECES = [
  '"',
  '“',
  '”',
  '«',
  '»',
  '‘',
  '’',
  '„',
  "'",
  ' ',
  ' ',
  ' ',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '\t',
  ',',
  '.',
  ':',
  '—',
  'said',
  'told reporters',
  'according to',
  'he said.',
  'Smith',
  'Anna Kowalska',
  'Mr',
  'President',
  'Minister',
  'the ministry',
  'Kremlin',
  'Reuters',
  'MOSCOW, Oct 1 (Reuters) -',
  'October 1, 2020',
  '2020-10-01',
  '12:16',
  '# ',
  '[link](',
  ')',
  '[',
  ']',
  '(',
  'https://example.org/a',
  '**',
  '- ',
  'Original url:',
  'Zoë',
  '😀',
  '🇺🇦',
  '\uD800',
  '\uDC00',
  '\0',
  '\u200F',
  '\u202E',
  '\u2028',
  '\uFEFF',
  'é',
  'we will',
  'not',
  'He',
  'She',
  'They',
];

/** A random article: pieces above and arbitrary Unicode, up to a few hundred pieces. */
export const randomArticle: fc.Arbitrary<string> = fc
  .array(
    fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) }),
    { maxLength: 300 },
  )
  .map((parts) => parts.join(''));

/** The invariants every analysis keeps; throws an assertion message naming the first one broken. */
export function checkInvariants(text: string, a: Analysis): void {
  const codePoints = Array.from(text);
  const fail = (what: string) => {
    throw new Error(`${what} (text ${JSON.stringify(text.slice(0, 200))})`);
  };
  const checkSpan = (s: Span, what: string) => {
    if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= codePoints.length)) {
      fail(`${what} [${s.start}, ${s.end}) outside the text of ${codePoints.length} code points`);
    }
    if (codePoints.slice(s.start, s.end).join('') !== s.text) fail(`${what} text ${JSON.stringify(s.text)} is not the slice it spans`);
  };
  const checkSorted = (spans: readonly { start: number }[], what: string) => {
    for (let i = 1; i < spans.length; i++) if (spans[i].start < spans[i - 1].start) fail(`${what} not sorted`);
  };
  a.datelines.forEach((d) => {
    checkSpan(d, 'dateline');
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(d.iso);
    if (m === null) fail(`dateline iso ${d.iso} is not ISO`);
    const [year, month, day, hour = 0, minute = 0] = m!.slice(1).map((x) => Number(x ?? 0));
    const date = new Date(Date.UTC(year, month - 1, day, hour, minute));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || hour > 23 || minute > 59) {
      fail(`dateline iso ${d.iso} is not a real date`);
    }
  });
  checkSorted(a.datelines, 'datelines');
  if (a.datelines.filter((d) => d.primary).length > 1) fail('more than one primary dateline');
  const ids = new Set(a.speakers.map((s) => s.id));
  if (ids.size !== a.speakers.length) fail('speaker ids repeat');
  a.speakers.forEach((s) => {
    s.mentions.forEach((m) => checkSpan(m, `mention of ${s.id}`));
    checkSorted(s.mentions, `mentions of ${s.id}`);
  });
  a.quotes.forEach((q, i) => {
    checkSpan(q, 'quote');
    if (q.cue) checkSpan(q.cue, 'cue');
    if (q.source) checkSpan(q.source, 'source');
    if (q.speakerId !== null && !ids.has(q.speakerId)) fail(`quote speakerId ${q.speakerId} is not a speaker`);
    if (i > 0 && q.start < a.quotes[i - 1].end) fail('quotes overlap or are not sorted');
  });
  const { structure } = a;
  if (structure.title) checkSpan(structure.title, 'title');
  for (const p of structure.paragraphs) if (p.start < 0 || p.start > p.end || p.end > codePoints.length) fail('paragraph outside the text');
  checkSorted(structure.paragraphs, 'paragraphs');
}
