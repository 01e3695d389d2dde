// Neovim as a second, independent LSP client: hover, go to definition and references on "Lavrov" in a real seed.
// The expected answers come from the analysis core itself; what is tested is that they reach another editor.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyzeUtf16 } from '../../server/src/analysis';
import type { Speaker, Span } from '../../server/src/analysis';

const repo = path.resolve(__dirname, '..', '..');
const seedName = '004_751050ed58a9faf9.txt';

interface LspRange { start: { line: number; character: number }; end: { line: number; character: number } }
interface LspLocation { uri: string; range: LspRange }
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

function rangeOf(text: string, span: Span): LspRange {
  return { start: positionAt(text, span.start), end: positionAt(text, span.end) };
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
  let speaker: Speaker;
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

    const analysis = analyzeUtf16(text);
    const found = analysis.speakers.find((s) => s.mentions.some((m) => m.text === 'Lavrov'));
    assert.ok(found, 'the analysis finds no speaker mentioned as "Lavrov" in the seed');
    speaker = found;
    const surname = speaker.mentions.find((m) => m.text === 'Lavrov') as Span;
    // Ask in the middle of the word, as a user whose cursor sits on it.
    const at = positionAt(text, surname.start + 2);

    const out = path.join(workDir, 'result.json');
    const run = spawnSync(
      'nvim',
      ['--headless', '-n', '-i', 'NONE', '-u', path.join(repo, 'test', 'neovim', 'init.lua'), '-c', `luafile ${path.join(repo, 'test', 'neovim', 'test.lua')}`],
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
    assert.ok(hover.includes(speaker.name), `hover does not name ${speaker.name}: ${hover}`);
    assert.ok(speaker.name.split(/\s+/).length >= 2, `the speaker's fullest name is a single word: ${speaker.name}`);
    if (speaker.role) assert.ok(hover.includes(speaker.role), `hover does not give the role "${speaker.role}": ${hover}`);
  });

  it('go to definition lands on the fullest mention of the speaker', function () {
    const locations = result.definition ? ([] as LspLocation[]).concat(result.definition) : [];
    assert.equal(locations.length, 1, `expected one definition, got ${JSON.stringify(result.definition)}`);
    const target = locations[0];
    assert.ok(target.uri.endsWith(seedName), `definition is in another file: ${target.uri}`);
    const mention = speaker.mentions.find(
      (m) => rangeKey(rangeOf(text, m)) === rangeKey(target.range),
    );
    assert.ok(mention, `definition ${JSON.stringify(target.range)} is not a mention of ${speaker.name}`);
    assert.equal(mention.text, speaker.name);
  });

  it('references list every mention of the speaker', function () {
    const found = new Set((result.references ?? []).map((location) => rangeKey(location.range)));
    for (const mention of speaker.mentions) {
      assert.ok(found.has(rangeKey(rangeOf(text, mention))), `reference to "${mention.text}" at ${mention.start} is missing`);
    }
    assert.ok(speaker.mentions.filter((m) => m.text === 'Lavrov').length >= 1);
  });
});
