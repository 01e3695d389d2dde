// Golden test on the user's two real seeds, checked by hand: who said each quote, the roles, and the
// article's own date. Runs the whole analysis on the raw files, so offsets are code points.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type Analysis, type Speaker } from '../../server/src/analysis/index';

const SEEDS = join(__dirname, '..', '..', 'seeds');

function load(name: string): { text: string; analysis: Analysis } {
  const text = readFileSync(join(SEEDS, name), 'utf8');
  return { text, analysis: analyze(text) };
}

function speakerOf(a: Analysis, quoteStart: string): Speaker | null {
  const quote = a.quotes.find((q) => q.text.replace(/^["“«]/, '').startsWith(quoteStart));
  assert.ok(quote, `quote starting ${JSON.stringify(quoteStart)} was found`);
  return a.speakers.find((s) => s.id === quote.speakerId) ?? null;
}

describe('golden: seeds/000_2ebd0813046cf1ef.txt', () => {
  const { text, analysis } = load('000_2ebd0813046cf1ef.txt');
  const cps = Array.from(text);

  it('finds the five speech quotes and no headline quote', () => {
    assert.equal(analysis.quotes.length, 5);
    assert.ok(analysis.quotes.every((q) => !q.text.includes('Close Coordination')));
  });

  it('attributes each quote to the right source', () => {
    assert.equal(speakerOf(analysis, 'close coordination')?.name, 'Russia');
    assert.match(speakerOf(analysis, 'readiness')?.name ?? '', /^the Russian ministry$/i);
    const source = speakerOf(analysis, "Armenia's aggression.");
    assert.match(source?.name ?? '', /^a Turkish diplomatic source$/i);
    assert.equal(source?.kind, 'anonymous');
    assert.equal(speakerOf(analysis, 'We know that Turkey')?.name, 'Vasily Nebenzya');
    assert.equal(speakerOf(analysis, 'the only option')?.name, 'Vasily Nebenzya');
  });

  it('gives Nebenzya his role and links "he" and "He" to him', () => {
    const nebenzya = analysis.speakers.find((s) => s.name === 'Vasily Nebenzya');
    assert.equal(nebenzya?.role, "Moscow's UN Ambassador");
    assert.equal(nebenzya?.kind, 'person');
    const pronouns = nebenzya?.mentions.filter((m) => m.form === 'pronoun').map((m) => m.text);
    assert.deepEqual(pronouns, ['he', 'He']);
    for (const m of nebenzya?.mentions ?? []) assert.equal(cps.slice(m.start, m.end).join(''), m.text);
  });

  it('keeps Sergei Lavrov as a speaker with his role, though he has no quote', () => {
    const lavrov = analysis.speakers.find((s) => s.name === 'Sergei Lavrov');
    assert.equal(lavrov?.role, 'foreign minister');
    assert.ok(!analysis.quotes.some((q) => q.speakerId === lavrov?.id));
  });

  it('never makes Interfax the speaker, and the cue of the Nebenzya quote is "said"', () => {
    const interfax = analysis.speakers.find((s) => /interfax/i.test(s.name));
    assert.ok(!interfax || !analysis.quotes.some((q) => q.speakerId === interfax.id));
    const quote = analysis.quotes.find((q) => q.text.startsWith('"We know'));
    assert.equal(quote?.cue?.text, 'said');
    assert.equal(quote?.source?.text, 'he');
  });

  it('creates no speakers from places, headline words or months', () => {
    const names = analysis.speakers.map((s) => s.name);
    for (const bad of ['Moscow', 'Nagorno Karabakh', 'October', 'Thursday', 'Fighting', 'However', 'Kremlin.ru']) {
      assert.ok(!names.includes(bad), `${bad} is not a speaker`);
    }
  });

  it('has the primary dateline 2020-10-01', () => {
    const primary = analysis.datelines.filter((d) => d.primary);
    assert.equal(primary.length, 1);
    assert.equal(primary[0].iso, '2020-10-01');
  });
});

describe('golden: seeds/004_751050ed58a9faf9.txt', () => {
  const { analysis } = load('004_751050ed58a9faf9.txt');

  it('attributes its three quotes to Sergei Lavrov, Russian Foreign Minister', () => {
    assert.equal(analysis.quotes.length, 3);
    const lavrov = analysis.speakers.find((s) => s.name === 'Sergei Lavrov');
    assert.equal(lavrov?.role, 'Russian Foreign Minister');
    assert.ok(lavrov?.aliases.includes('Lavrov'));
    for (const q of analysis.quotes) assert.equal(q.speakerId, lavrov?.id, q.text);
  });

  it('links "He" in "He stressed" to Lavrov', () => {
    const lavrov = analysis.speakers.find((s) => s.name === 'Sergei Lavrov');
    assert.ok(lavrov?.mentions.some((m) => m.form === 'pronoun' && m.text === 'He'));
  });

  it('does not turn the headline or the Latest news list into speakers', () => {
    assert.deepEqual(
      analysis.speakers.map((s) => s.name),
      ['Sergei Lavrov'],
    );
  });

  it('has the primary dateline 2020-12-07T12:16 and none from the Latest news list', () => {
    const primary = analysis.datelines.filter((d) => d.primary);
    assert.equal(primary.length, 1);
    assert.equal(primary[0].iso, '2020-12-07T12:16');
  });
});
