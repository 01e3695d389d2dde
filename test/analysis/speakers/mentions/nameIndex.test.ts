// The name index on its own: a token's candidate is the last one filed there, as a map from token to candidate
// written in reading order would give, and any token outside the indexed range has none.
import { strict as assert } from 'node:assert';
import { indexNames } from '../../../../server/src/analysis/speakers/mentions/nameIndex';
import { findMentions } from '../../../../server/src/analysis/speakers/mentions';
import type { NameCandidate } from '../../../../server/src/analysis/speakers/mentions/names';
import { stageInput } from '../stageInput';

/** A candidate with only the token ranges the index reads. */
function candidate(text: string, phraseFirst: number, first: number, end: number, phraseEnd: number): NameCandidate {
  return {
    first,
    end,
    start: 0,
    stop: 0,
    text,
    kind: 'person',
    role: null,
    phraseFirst,
    phraseEnd,
    gender: null,
    words: [text.toLowerCase()],
    titled: false,
    descriptor: null,
    governedBy: null,
    subjectOpener: false,
  };
}

/** The index as maps, filled the obvious way. */
function mapsOf(names: readonly NameCandidate[]) {
  const byLast = new Map<number, NameCandidate>();
  const byFirst = new Map<number, NameCandidate>();
  for (const c of names) {
    byLast.set(c.end - 1, c);
    byLast.set(c.phraseEnd - 1, c);
    byFirst.set(c.phraseFirst, c);
    byFirst.set(c.first, c);
  }
  return { byLast, byFirst };
}

describe('speakers/mentions: name index', () => {
  it('gives the candidate filed last at a token, and none outside the names', () => {
    // "Vogt" ends a phrase at token 6 that a later candidate starts at: both directions keep their own.
    const names = [candidate('Anna Vogt', 2, 4, 6, 7), candidate('Lenz', 6, 6, 7, 7), candidate('Roe', 12, 12, 13, 13)];
    const index = indexNames(names);
    const maps = mapsOf(names);
    for (let i = -3; i < 20; i++) {
      assert.equal(index.byLast.get(i), maps.byLast.get(i), `byLast ${i}`);
      assert.equal(index.byFirst.get(i), maps.byFirst.get(i), `byFirst ${i}`);
    }
    assert.equal(index.byLast.get(6), names[1]);
    assert.equal(index.byFirst.get(6), names[1]);
    assert.equal(index.byFirst.get(2), names[0]);
  });

  it('agrees with the maps on a real article at every token', () => {
    const { tt } = stageInput([
      'Russian Foreign Minister Sergei Lavrov, speaking in Moscow, said the talks with Turkish officials went well.',
      '“We agreed on the next steps,” Lavrov told reporters, and Mevlüt Çavuşoğlu, his Turkish counterpart, agreed.',
    ]);
    const { names, index } = findMentions(tt);
    assert.ok(names.length >= 3, JSON.stringify(names.map((n) => n.text)));
    const maps = mapsOf(names);
    for (let i = -1; i <= tt.tokens.length; i++) {
      assert.equal(index.byLast.get(i), maps.byLast.get(i), `byLast ${i}`);
      assert.equal(index.byFirst.get(i), maps.byFirst.get(i), `byFirst ${i}`);
    }
  });

  it('is empty for a text without names', () => {
    const index = indexNames([]);
    assert.equal(index.byLast.get(0), undefined);
    assert.equal(index.byFirst.get(0), undefined);
  });
});
