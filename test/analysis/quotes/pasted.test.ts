// Pasted text as quotes of its author: an embedded post above its signature ("> — Name (@handle) date") and a
// leaked email's body under its "From: / To: / Subject:" header. Every sentence is made up for the test.
import { strict as assert } from 'node:assert';
import { analyze, type Analysis } from '../../../server/src/analysis/index';
import { pastedLines } from '../../../server/src/analysis/quotes/pasted';
import { splitLines } from '../../../server/src/analysis/article/lines';

/** A plain-layout article: headline, one paragraph a line, the closing time stamp. */
function plain(lines: string[]): Analysis {
  return analyze(['Harbour Council Row Spills Online', ...lines, 'The council meets again on Thursday.', '12.03.2025 18:20'].join('\n'));
}

function speakerOf(a: Analysis, text: string): string | null {
  const q = a.quotes.find((x) => x.text === text);
  assert.ok(q, `quote ${JSON.stringify(text)} in ${JSON.stringify(a.quotes.map((x) => x.text))}`);
  return a.speakers.find((s) => s.id === q.speakerId)?.name ?? null;
}

describe('pasted text: embedded posts', () => {
  it('quotes the post above its signature, without its picture link, as the poster', () => {
    const a = plain([
      'Councillor Nadia Ferro criticised the harbour plan on Tuesday.',
      '> The harbour belongs to everyone, not to three developers. pic.twitter.com/Hq83Lz',
      '> — Nadia Ferro (@nadiaferro) March 11, 2025',
    ]);
    assert.equal(speakerOf(a, 'The harbour belongs to everyone, not to three developers.'), 'Nadia Ferro');
  });

  it('takes every line of a block-quoted post, and a poster not named before', () => {
    const a = plain([
      'The mayor answered within the hour.',
      '> We consulted for two years.',
      '> Every resident had a say.',
      '> — Tomas Lind (@mayorlind) March 11, 2025',
    ]);
    assert.equal(speakerOf(a, 'We consulted for two years.'), 'Tomas Lind');
    assert.equal(speakerOf(a, 'Every resident had a say.'), 'Tomas Lind');
  });

  it('takes the one line above a signature written without the block-quote mark', () => {
    const a = plain([
      'Residents kept posting all evening.',
      'No boats, no jobs. Simple as that. #SaveTheQuay',
      '— Ada Brennan (@adabrennan) March 11, 2025',
    ]);
    assert.equal(speakerOf(a, 'No boats, no jobs. Simple as that. #SaveTheQuay'), 'Ada Brennan');
  });

  it('speaks as an organization named before when the signature is its name', () => {
    const a = plain([
      'Quayside Ferries, which runs the crossing, said little at first.',
      '> Our timetable is unchanged this week.',
      '> — Quayside Ferries (@quaysideferries) March 11, 2025',
    ]);
    assert.equal(speakerOf(a, 'Our timetable is unchanged this week.'), 'Quayside Ferries');
  });

  it('never takes the line that introduces the post with a colon, nor the signature', () => {
    const text = ['Ferro replied:', '— Nadia Ferro (@nadiaferro) March 11, 2025'].join('\n');
    assert.deepEqual([...pastedLines(splitLines(text)).keys()], []);
  });
});

describe('pasted text: email bodies', () => {
  it('quotes the body under a From / To / Subject header as the sender', () => {
    const a = plain([
      'Emails seen by this newspaper show the deal was agreed in advance.',
      'From: Oskar Velde',
      'To: Nadia Ferro',
      'Subject: quay lease',
      'Nadia, the developers want an answer by Friday. I said we would sign.',
      'Velde did not reply to a request for comment.',
    ]);
    assert.equal(speakerOf(a, 'Nadia, the developers want an answer by Friday. I said we would sign.'), 'Oskar Velde');
    assert.ok(!a.quotes.some((q) => q.text.includes('Velde did not reply')), 'the reporter’s next line is no quote');
  });

  it('reads the sender before an address, and gives no speaker for an address alone', () => {
    const a = plain([
      'Two messages were attached to the complaint.',
      'From: Oskar Velde <oskar.velde@quaydev.example>',
      'Sent: Monday, March 10, 2025',
      'The paperwork is ready.',
      'Nothing else was attached.',
      'From: board@quaydev.example',
      'Subject: minutes',
      'Please delete the earlier draft.',
      'The board declined to comment.',
    ]);
    assert.equal(speakerOf(a, 'The paperwork is ready.'), 'Oskar Velde');
    assert.equal(speakerOf(a, 'Please delete the earlier draft.'), null);
  });

  it('needs a header: a lone "From:" line is prose', () => {
    const text = ['From: the archive of the harbour board', 'The minutes were never published.'].join('\n');
    assert.deepEqual([...pastedLines(splitLines(text)).keys()], []);
  });
});
