// Neovim as a second, independent LSP client: hover, go to definition and references on "Lavrov" in a real seed.
// The expected answers are written down from reading the article (who is Lavrov, where he is named, where he is
// referred to), not computed by the analysis: what neovim answered is compared with them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repo = path.resolve(__dirname, '..', '..');
const seedName = '004_751050ed58a9faf9.txt';

/** What a reader of the seed knows: Lavrov's full name and role, and every place he is named or referred to. */
const EXPECTED = {
  name: 'Sergei Lavrov',
  role: 'Russian Foreign Minister',
  /** Each entry: words that occur in the article and refer to him (the `nth` occurrence of `text`). */
  mentions: [
    { text: 'Sergei Lavrov', nth: 1 },
    { text: 'He stressed', nth: 1, length: 2 }, // "He" at the start of the next paragraph
    { text: 'Lavrov recalled', nth: 1, length: 6 },
    { text: 'Lavrov said, stressing', nth: 1, length: 6 },
  ],
};

interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface LspLocation {
  uri: string;
  range: LspRange;
}
interface NeovimResult {
  errors: string[];
  filetype?: string;
  attached?: boolean;
  client?: string;
  hover?: { contents: { kind?: string; value: string } | string | Array<string | { value: string }> } | null;
  definition?: LspLocation | LspLocation[] | null;
  references?: LspLocation[] | null;
}

/** LSP positions (UTF-16 code units; \r\n, \n and \r all end a line) of JS string offsets. */
function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const ch = text[i];
    if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/** JS string offset of the `nth` (1-based) occurrence of `words`. */
function nthIndex(text: string, words: string, nth: number): number {
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = text.indexOf(words, at + 1);
    assert.notEqual(at, -1, `"${words}" occurs fewer than ${nth} times in the seed`);
  }
  return at;
}

/** The words of the text under an LSP range neovim returned (single-line ranges). */
function wordsAt(text: string, range: LspRange): string {
  const lines = text.split(/\r\n|\r|\n/);
  assert.equal(range.start.line, range.end.line, `a multi-line range: ${rangeKey(range)}`);
  return lines[range.start.line].slice(range.start.character, range.end.character);
}

/** A range as a comparable string (neovim's JSON sorts object keys, so key order cannot be relied on). */
function rangeKey(range: LspRange): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

function hoverText(hover: NeovimResult['hover']): string {
  if (!hover) return '';
  const { contents } = hover;
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map((part) => (typeof part === 'string' ? part : part.value)).join('\n');
  return contents.value;
}

function which(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

describe('neovim drives the language server (second LSP client)', function () {
  this.timeout(90_000);
  let text: string;
  let result: NeovimResult;
  let workDir: string;

  before(function () {
    assert.ok(which('nvim'), 'neovim is not installed: apt-get install -y neovim (the CI script does it)');
    assert.ok(fs.existsSync(path.join(repo, 'dist', 'server.js')), 'dist/server.js is missing: run npm run build');
    // A private copy under a seeds/ folder: the config gives *.txt under seeds/ the `seed` filetype.
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-nvim-'));
    const seeds = path.join(workDir, 'seeds');
    fs.mkdirSync(seeds);
    const file = path.join(seeds, seedName);
    fs.copyFileSync(path.join(repo, 'seeds', seedName), file);
    text = fs.readFileSync(file, 'utf8');

    // Ask in the middle of the surname where it stands alone ("… Lavrov recalled"), as a user whose cursor sits on it.
    const at = positionAt(text, nthIndex(text, 'Lavrov recalled', 1) + 2);

    const out = path.join(workDir, 'result.json');
    const run = spawnSync(
      'nvim',
      [
        '--headless',
        '-n',
        '-i',
        'NONE',
        '-u',
        path.join(repo, 'test', 'neovim', 'init.lua'),
        '-c',
        `luafile ${path.join(repo, 'test', 'neovim', 'test.lua')}`,
      ],
      {
        cwd: workDir,
        encoding: 'utf8',
        timeout: 80_000,
        env: {
          ...process.env,
          SEED_ANNOTATOR_REPO: repo,
          SEED_NVIM_FILE: file,
          SEED_NVIM_LINE: String(at.line),
          SEED_NVIM_CHARACTER: String(at.character),
          SEED_NVIM_OUT: out,
        },
      },
    );
    assert.ok(fs.existsSync(out), `neovim wrote no result (exit ${run.status}, signal ${run.signal}): ${run.stderr}`);
    result = JSON.parse(fs.readFileSync(out, 'utf8')) as NeovimResult;
    assert.deepEqual(result.errors, [], 'the neovim script reported errors');
  });

  after(function () {
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('gives the seed filetype and attaches the seed-annotator client', function () {
    assert.equal(result.filetype, 'seed');
    assert.equal(result.attached, true);
    assert.equal(result.client, 'seed-annotator');
  });

  it('hover on "Lavrov" names the speaker in full, with the role', function () {
    const hover = hoverText(result.hover);
    assert.ok(hover.includes(EXPECTED.name), `hover does not name ${EXPECTED.name}: ${hover}`);
    assert.ok(hover.includes(EXPECTED.role), `hover does not give the role "${EXPECTED.role}": ${hover}`);
  });

  it('go to definition lands on the full name', function () {
    const locations = result.definition ? ([] as LspLocation[]).concat(result.definition) : [];
    assert.equal(locations.length, 1, `expected one definition, got ${JSON.stringify(result.definition)}`);
    const [target] = locations;
    assert.ok(target.uri.endsWith(seedName), `definition is in another file: ${target.uri}`);
    const at = nthIndex(text, EXPECTED.name, 1);
    assert.equal(rangeKey(target.range), rangeKey({ start: positionAt(text, at), end: positionAt(text, at + EXPECTED.name.length) }));
    assert.equal(wordsAt(text, target.range), EXPECTED.name);
  });

  it('references list every place he is named or referred to, and otherwise only his quotes', function () {
    const references = result.references ?? [];
    const found = new Set(references.map((location) => rangeKey(location.range)));
    for (const mention of EXPECTED.mentions) {
      const at = nthIndex(text, mention.text, mention.nth);
      const range = { start: positionAt(text, at), end: positionAt(text, at + (mention.length ?? mention.text.length)) };
      assert.ok(found.has(rangeKey(range)), `no reference at "${mention.text}" (${rangeKey(range)}); got ${[...found].join(', ')}`);
    }
    let mentions = 0;
    for (const location of references) {
      assert.ok(location.uri.endsWith(seedName));
      const words = wordsAt(text, location.range);
      if (['Sergei Lavrov', 'Lavrov', 'He'].includes(words)) mentions++;
      // The rest are what he said: whole quotes, from an opening to a closing quote mark.
      else assert.match(words, /^["“«].*["”»][,.]?$/u, `a reference to "${words}" is neither a mention nor a quote`);
    }
    assert.equal(mentions, EXPECTED.mentions.length);
  });
});
