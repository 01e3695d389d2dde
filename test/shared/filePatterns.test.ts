// The client gives the seed language to exactly the files the server's workspace index treats as seeds.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { minimatch } from 'minimatch';
import { patternScope } from '../../shared/filePatterns';
import { SeedFileMatcher } from '../../server/src/workspace/workspaceIndex';

const root = path.resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { languages: { id: string; filenamePatterns: string[] }[] };
};
const builtIn = manifest.contributes.languages.find((l) => l.id === 'seed')?.filenamePatterns ?? [];
const folder = '/home/analyst/project';

/** The editor's view: the manifest's filenamePatterns on the full path, then the setting through patternScope. */
function clientSeesSeed(relative: string, extra: string[]): boolean {
  const full = `${folder}/${relative}`;
  if (builtIn.some((glob) => minimatch(full, glob))) return true;
  return extra.some((pattern) => {
    const scope = patternScope(pattern);
    return scope !== undefined && minimatch(scope.anywhere ? full : relative, scope.glob);
  });
}

describe('seed file patterns (client and server agree)', () => {
  const files = [
    'seeds/a.txt',
    'corpus/seeds/b.txt',
    'seeds/nested/c.txt',
    'seeds/a.md',
    '017_0123456789abcdef.txt',
    'scrape/2026/017_0123456789abcdef.txt',
    '017_0123456789ABCDEF.txt',
    '17_0123456789abcdef.txt',
    'articles/ceasefire.txt',
    'old/articles/ceasefire.txt',
    'notes.txt',
    'drafts/x.article.txt',
    'x.article.txt',
  ];
  const settings: string[][] = [[], ['articles/*.txt'], ['**/articles/*.txt'], ['*.article.txt'], ['  '], ['drafts/*.txt', 'articles/**']];

  for (const extra of settings) {
    it(`agrees with filePatterns ${JSON.stringify(extra)}`, () => {
      const server = new SeedFileMatcher(extra);
      for (const file of files) {
        assert.equal(clientSeesSeed(file, extra), server.matches(file.split('/').join(path.sep)), `${file} with ${JSON.stringify(extra)}`);
      }
    });
  }

  it('reads patterns as the README says: no slash = a file name anywhere, a slash = from the workspace folder', () => {
    assert.deepEqual(patternScope('*.article.txt'), { anywhere: true, glob: '**/*.article.txt' });
    assert.deepEqual(patternScope('articles/*.txt'), { anywhere: false, glob: 'articles/*.txt' });
    assert.deepEqual(patternScope('/data/scrape/*.txt'), { anywhere: true, glob: '/data/scrape/*.txt' });
    assert.equal(patternScope('   '), undefined);
  });
});
