// The review queue behind "Review Quotes": which quotes need an analyst, in which order, with which speakers offered.
import { strict as assert } from 'node:assert';
import type { Range } from 'vscode-languageserver';
import { rankedSpeakers, reviewQueue } from '../../server/src/features/reviewQuotes';
import type { IndexedFile, IndexedQuote, IndexedSpeaker } from '../../server/src/workspace/workspaceIndex';

const at = (line: number): Range => ({ start: { line, character: 0 }, end: { line, character: 10 } });
const speaker = (name: string, line: number): IndexedSpeaker => ({
  id: `s${line}`,
  name,
  kind: 'person',
  role: null,
  aliases: [],
  mentions: 1,
  range: at(line),
});
const quote = (text: string, line: number, who: string | null, confidence: number | null): IndexedQuote => ({
  text,
  speaker: who,
  speakerId: who && `s-${who}`,
  confidence,
  range: at(line),
  start: line * 100,
  end: line * 100 + 10,
});
const file = (uri: string, speakers: IndexedSpeaker[], quotes: IndexedQuote[]): IndexedFile => ({
  uri,
  hash: '0'.repeat(64),
  title: null,
  primaryDate: null,
  speakers,
  quotes,
});

describe('review queue', () => {
  const a = file(
    'file:///w/a.txt',
    [speaker('Ana Ruiz', 2), speaker('Ben Okoro', 6), speaker('Cleo Park', 12)],
    [
      quote('“sure”', 3, 'Ana Ruiz', 0.97),
      quote('“unsure”', 8, 'Ana Ruiz', 0.62),
      quote('“nobody”', 10, null, null),
      quote('“edge”', 14, 'Cleo Park', 0.8),
    ],
  );
  const b = file(
    'file:///w/b.txt',
    [speaker('Dev Shah', 1)],
    [quote('“lowest”', 4, 'Dev Shah', 0.5), quote('“also nobody”', 2, null, null)],
  );

  it('takes unattributed quotes and those below 0.8, and leaves the trusted ones out', () => {
    const queue = reviewQueue([a]) ?? [];
    assert.deepEqual(
      queue.map((q) => q.text),
      ['“nobody”', '“unsure”'],
    );
  });

  it('puts unattributed quotes first, then the lowest confidence, across files', () => {
    const queue = reviewQueue([a, b]) ?? [];
    assert.deepEqual(
      queue.map((q) => q.text),
      ['“nobody”', '“also nobody”', '“lowest”', '“unsure”'],
    );
    assert.deepEqual(
      queue.map((q) => q.confidence),
      [null, null, 0.5, 0.62],
    );
  });

  it("offers the analyzer's speaker first, then those named before the quote, nearest first, then the rest", () => {
    assert.deepEqual(rankedSpeakers(a.speakers, a.quotes[1]), ['Ana Ruiz', 'Ben Okoro', 'Cleo Park']);
    assert.deepEqual(rankedSpeakers(a.speakers, a.quotes[2]), ['Ben Okoro', 'Ana Ruiz', 'Cleo Park']);
  });

  it('returns null when cancelled', () => {
    assert.equal(reviewQueue([a], { isCancellationRequested: true, onCancellationRequested: () => ({ dispose() {} }) }), null);
  });
});
