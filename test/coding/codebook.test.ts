// The codebook: pure edits (hierarchy, colours, renames, removals), the file's checks, and writes under the lock.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codebookPath, CodebookError, parseCodebook, readCodebook, type Codebook } from '../../server/src/coding/codebook';
import {
  addCode,
  codebookFromNames,
  describeCode,
  moveCode,
  recolourCode,
  removeCode,
  renameCodeIn,
} from '../../server/src/coding/codebookEdits';
import { CodebookWorkspace } from '../../server/src/coding/codebookWorkspace';

describe('coding: codebook', () => {
  const base = (): Codebook => {
    let cb = codebookFromNames(['claim', 'denial']);
    cb = addCode(cb, { name: 'threat', parent: 'claim', description: 'A warning of harm', color: '#AABBCC' });
    return cb;
  };

  it('adds codes with a colour, a definition and a parent; refuses duplicates, unknown parents, bad colours', () => {
    const cb = base();
    assert.deepEqual(
      cb.codes.map((c) => [c.name, c.parent]),
      [
        ['claim', null],
        ['denial', null],
        ['threat', 'claim'],
      ],
    );
    assert.equal(cb.codes[2].color, '#aabbcc');
    assert.match(cb.codes[0].color, /^#[0-9a-f]{6}$/);
    assert.notEqual(cb.codes[0].color, cb.codes[1].color, 'seeded codes get distinct colours in order');
    assert.throws(() => addCode(cb, { name: 'claim' }), /already has a code "claim"/);
    assert.throws(() => addCode(cb, { name: 'x', parent: 'nope' }), /no code "nope"/);
    assert.throws(() => addCode(cb, { name: 'x', color: 'red' }), /not a colour/);
    assert.throws(() => addCode(cb, { name: '  ' }), CodebookError);
  });

  it('moves a code, never under itself or its descendants; recolours and describes', () => {
    const cb = base();
    assert.equal(moveCode(cb, 'denial', 'threat').codes[1].parent, 'threat');
    assert.throws(() => moveCode(cb, 'claim', 'threat'), /"threat" is inside "claim"/);
    assert.throws(() => moveCode(cb, 'claim', 'claim'), /inside/);
    assert.equal(moveCode(cb, 'threat', null).codes[2].parent, null);
    assert.equal(recolourCode(cb, 'claim', '#00FF00').codes[0].color, '#00ff00');
    assert.equal(describeCode(cb, 'denial', 'Rejects a claim').codes[1].description, 'Rejects a claim');
  });

  it("renames a code and its children's parent; removing a code moves its children up", () => {
    const renamed = renameCodeIn(base(), 'claim', 'assertion');
    assert.deepEqual(
      renamed.codes.map((c) => [c.name, c.parent]),
      [
        ['assertion', null],
        ['denial', null],
        ['threat', 'assertion'],
      ],
    );
    assert.throws(() => renameCodeIn(base(), 'claim', 'denial'), /already has a code "denial"/);
    assert.equal(renameCodeIn(base(), 'unknown', 'x').codes.length, 3, 'a code not in the codebook leaves it as it is');
    const removed = removeCode(base(), 'claim');
    assert.deepEqual(
      removed.codes.map((c) => [c.name, c.parent]),
      [
        ['denial', null],
        ['threat', null],
      ],
    );
  });

  it('names the file and the problem for bad JSON, schema errors, duplicates, missing parents and cycles', () => {
    const path = '/w/.seed-annotator/codebook.json';
    const problem = (raw: string) => {
      const read = parseCodebook(raw, path);
      assert.equal(read.kind, 'invalid');
      return read.kind === 'invalid' ? read.message : '';
    };
    assert.match(problem('{"version": 1,\n "codes": [}'), /codebook\.json: not valid JSON at line 2/);
    assert.match(problem('{"version": 2, "codes": []}'), /does not match the codebook schema: \/version/);
    assert.match(
      problem('{"version": 1, "codes": [{"name": "a", "description": "", "color": "red", "parent": null}]}'),
      /\/codes\/0\/color/,
    );
    const code = (name: string, parent: string | null) => ({ name, description: '', color: '#000000', parent });
    assert.match(problem(JSON.stringify({ version: 1, codes: [code('a', null), code('a', null)] })), /"a" appears more than once/);
    assert.match(problem(JSON.stringify({ version: 1, codes: [code('a', 'b')] })), /parent "b", which is not a code/);
    assert.match(problem(JSON.stringify({ version: 1, codes: [code('a', 'b'), code('b', 'a')] })), /its own ancestor/);
    assert.equal(parseCodebook(JSON.stringify(base()), path).kind, 'ok');
  });

  describe('in a workspace folder', () => {
    let root: string;
    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'seed-codebook-'));
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('starts from the seed (the old tags setting) and writes the file on the first edit', () => {
      const ws = new CodebookWorkspace(root, ['claim', 'denial']);
      assert.deepEqual(ws.state(), { codebook: codebookFromNames(['claim', 'denial']), exists: false });
      ws.describe('claim', 'An assertion of fact');
      const read = readCodebook(codebookPath(root));
      assert.equal(read.kind, 'ok');
      assert.deepEqual(read.kind === 'ok' && read.codebook.codes.map((c) => [c.name, c.description]), [
        ['claim', 'An assertion of fact'],
        ['denial', ''],
      ]);
      assert.equal(readFileSync(codebookPath(root), 'utf8').endsWith('\n'), true);
    });

    it('never overwrites an invalid codebook', () => {
      mkdirSync(join(root, '.seed-annotator'));
      writeFileSync(codebookPath(root), '{"version": 1, "codes": [');
      const ws = new CodebookWorkspace(root, ['claim']);
      assert.throws(() => ws.add({ name: 'x' }), /codebook\.json: not valid JSON/);
      assert.equal(readFileSync(codebookPath(root), 'utf8'), '{"version": 1, "codes": [');
    });
  });
});
