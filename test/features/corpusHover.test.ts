// Corpus hover sections: counts, the first occurrence, and links that hostile names and file names cannot break.
import { strict as assert } from 'node:assert';
import { corpusSpeakerMarkdown, provenanceMarkdown } from '../../server/src/features/corpusHover';
import type { ProvenanceGroup } from '../../server/src/corpus/provenance';

const range = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 5 } });

describe('corpus hover sections', () => {
  const group: ProvenanceGroup = {
    text: '“x”',
    occurrences: [
      { file: 'file:///c/first%20(wire).txt', start: 10, end: 20, speaker: 'Mevlüt Çavuşoğlu', date: '2020-12-03', range: range(8) },
      { file: 'file:///c/b.txt', start: 5, end: 15, speaker: '[evil](command:workbench.action.quit)', date: '2020-12-05', range: range(2) },
      { file: 'file:///c/c.txt', start: 5, end: 15, speaker: null, date: null },
    ],
  };

  it('names the first article and date, with a link to its line, from a later copy', () => {
    const text = provenanceMarkdown(group, 'file:///c/c.txt', 5) ?? '';
    assert.match(
      text,
      /^Also in 2 other articles — first on 2020\\-12\\-03 in \[first \\\(wire\\\)\\\.txt\]\(file:\/\/\/c\/first%20%28wire%29\.txt#L9\)/,
    );
  });

  it('says when the hovered quote is itself the first occurrence', () => {
    assert.match(provenanceMarkdown(group, 'file:///c/first%20(wire).txt', 10) ?? '', /this is the first occurrence \(2020\\-12\\-03\)/);
  });

  it('escapes speaker names so they cannot become links or commands', () => {
    const text = provenanceMarkdown(group, 'file:///c/c.txt', 5) ?? '';
    assert.ok(!text.includes('](command:'), text);
    assert.ok(text.includes('\\[evil\\]\\(command\\:workbench\\.action\\.quit\\)'));
  });

  it('has nothing to say for a quote found in its own file only', () => {
    assert.equal(provenanceMarkdown({ text: 'x', occurrences: [group.occurrences[2]] }, 'file:///c/c.txt', 5), null);
  });

  it("counts a speaker's articles and quotes", () => {
    const md = corpusSpeakerMarkdown({
      id: 'p',
      name: 'N',
      kind: 'person',
      roles: ['a', 'b*'],
      aliases: [],
      files: 2,
      quotes: 3,
      occurrences: [
        { file: 'a', speakerId: 's1' },
        { file: 'b', speakerId: 's1' },
      ],
    });
    assert.equal(md, 'Across the corpus: in 2 articles, 3 quotes\n\nRoles: a; b\\*');
  });
});
