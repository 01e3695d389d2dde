// The compact form a file's index summary takes between threads and in the cache (server/src/workspace/summaryCodec.ts):
// it gives back exactly the summary, and anything that is not a valid entry decodes to null, never to a summary.
import { strict as assert } from 'node:assert';
import { decodeSummary, encodeSummary } from '../../server/src/workspace/summaryCodec';
import type { FileSummary } from '../../server/src/workspace/workspaceIndex';

const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });

const SUMMARY: FileSummary = {
  hash: 'ab'.repeat(32),
  title: 'Ministers meet in Tbilisi',
  primaryDate: '2020-10-01',
  speakers: [
    {
      id: 's1',
      name: 'Mevlüt Çavuşoğlu',
      kind: 'person',
      role: 'Foreign Minister',
      aliases: ['Çavuşoğlu'],
      mentions: 3,
      range: range(2, 0, 16),
    },
    { id: 's2', name: 'The Foreign Ministry', kind: 'organization', role: null, aliases: [], mentions: 1, range: range(5, 4, 24) },
  ],
  quotes: [
    {
      text: '"We are ready 🙂,"',
      speaker: 'Mevlüt Çavuşoğlu',
      speakerId: 's1',
      confidence: 0.93,
      range: range(3, 0, 17),
      start: 41,
      end: 58,
    },
    { text: '"No comment."', speaker: null, speakerId: null, confidence: null, range: range(6, 2, 15), start: 90, end: 103 },
  ],
};

describe('index summary codec', () => {
  it('round-trips a summary exactly, in much less JSON than the objects, a quote naming its speaker by id', () => {
    const encoded = encodeSummary(SUMMARY);
    assert.deepEqual(decodeSummary(encoded), SUMMARY);
    assert.ok(encoded.length < JSON.stringify(SUMMARY).length * 0.7, `${encoded.length} vs ${JSON.stringify(SUMMARY).length}`);
    assert.ok(!encoded.includes('"speaker"') && encoded.split('Mevlüt Çavuşoğlu').length === 2, 'the name is stored once');
    const empty: FileSummary = { hash: 'cd'.repeat(32), title: null, primaryDate: null, speakers: [], quotes: [] };
    assert.deepEqual(decodeSummary(encodeSummary(empty)), empty);
  });

  it('decodes anything that is not a valid entry to null', () => {
    const entry = JSON.parse(encodeSummary(SUMMARY)) as unknown[];
    /** A copy of `list` with one element replaced. */
    const replaced = (list: unknown[], at: number, value: unknown) => list.map((v, i) => (i === at ? value : v));
    const speaker = (entry[3] as unknown[][])[0];
    const quote = (entry[4] as unknown[][])[0];
    const withSpeaker = (at: number, value: unknown) => [entry[0], entry[1], entry[2], [replaced(speaker, at, value)], []];
    const withQuote = (at: number, value: unknown) => [entry[0], entry[1], entry[2], [speaker], [replaced(quote, at, value)]];
    const broken: unknown[] = [
      { ...SUMMARY },
      entry.slice(0, 4),
      replaced(entry, 0, 'not a hash'),
      replaced(entry, 1, 7),
      replaced(entry, 3, {}),
      withSpeaker(2, 'robot'),
      withSpeaker(4, [1]),
      withSpeaker(5, 1.5),
      withSpeaker(8, '3'),
      [entry[0], entry[1], entry[2], [speaker.slice(0, 9)], []],
      withQuote(0, null),
      withQuote(2, 'sure'),
      withQuote(3, null),
      withQuote(8, -0.5),
    ];
    for (const value of broken) assert.equal(decodeSummary(JSON.stringify(value)), null, JSON.stringify(value));
    assert.equal(decodeSummary('{"torn'), null);
  });
});
