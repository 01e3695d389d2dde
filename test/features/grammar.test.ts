// The TextMate grammar (syntaxes/seed.tmLanguage.json) colours seed articles sensibly before the server answers.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const root = path.resolve(__dirname, '../..');

interface ScopedText {
  line: number;
  text: string;
  scopes: string[];
}

async function loadGrammar(): Promise<textmate.IGrammar> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => {
      if (scopeName !== 'source.seed') return null;
      const file = path.join(root, 'syntaxes/seed.tmLanguage.json');
      return textmate.parseRawGrammar(readFileSync(file, 'utf8'), file);
    },
  });
  const grammar = await registry.loadGrammar('source.seed');
  assert.ok(grammar, 'source.seed grammar loads');
  return grammar;
}

/** Tokenizes the text line by line, carrying the rule stack across lines as an editor does. */
function tokenize(grammar: textmate.IGrammar, text: string): ScopedText[] {
  const out: ScopedText[] = [];
  let stack = textmate.INITIAL;
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    const result = grammar.tokenizeLine(line, stack);
    for (const token of result.tokens) {
      out.push({ line: index, text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes });
    }
    stack = result.ruleStack;
  }
  return out;
}

/** The text of every maximal run of tokens on one line that carry a scope starting with `scope`. */
function runsWithScope(tokens: ScopedText[], scope: string): string[] {
  const runs: string[] = [];
  let current: string | null = null;
  let currentLine = -1;
  for (const token of tokens) {
    const has = token.scopes.some((s) => s === scope || s.startsWith(`${scope}.`));
    if (has && current !== null && token.line !== currentLine) {
      runs.push(current);
      current = null;
    }
    currentLine = token.line;
    if (has) current = (current ?? '') + token.text;
    else if (current !== null) {
      runs.push(current);
      current = null;
    }
  }
  if (current !== null) runs.push(current);
  return runs;
}

describe('TextMate grammar source.seed', () => {
  let grammar: textmate.IGrammar;
  before(async () => {
    grammar = await loadGrammar();
  });

  it('marks headings, bylines, links, bold text and "Original url:" lines', () => {
    const tokens = tokenize(
      grammar,
      [
        "# Russia Says Ready for 'Close Coordination' With Turkey",
        '',
        'By [AFP](#)',
        'By Jane Smith',
        '**Related article:** [Putin, Macron Call for Halt](#)',
        'Original url: https://example.org/news/1.html',
      ].join('\n'),
    );
    assert.deepEqual(runsWithScope(tokens, 'markup.heading'), ["# Russia Says Ready for 'Close Coordination' With Turkey"]);
    assert.deepEqual(runsWithScope(tokens, 'string.quoted.single'), ["'Close Coordination'"]);
    assert.deepEqual(runsWithScope(tokens, 'keyword.other.byline'), ['By', 'By']);
    assert.deepEqual(runsWithScope(tokens, 'entity.name.type.author'), ['Jane Smith']);
    assert.deepEqual(runsWithScope(tokens, 'string.other.link.title'), ['AFP', 'Putin, Macron Call for Halt']);
    assert.deepEqual(runsWithScope(tokens, 'markup.bold'), ['**Related article:**']);
    assert.deepEqual(runsWithScope(tokens, 'keyword.other.source'), ['Original url:']);
    assert.deepEqual(runsWithScope(tokens, 'markup.underline.link'), ['#', '#', 'https://example.org/news/1.html']);
  });

  it('marks straight, curly and guillemet quotes, ending each at its line end at the latest', () => {
    const tokens = tokenize(
      grammar,
      [
        'He said "we are ready" and “they are not”, adding «non» and ‘maybe’.',
        '"An opening mark with no closing one',
        'is not a quote on the next line.',
      ].join('\n'),
    );
    assert.deepEqual(runsWithScope(tokens, 'string.quoted.double'), [
      '"we are ready"',
      '“they are not”',
      '"An opening mark with no closing one',
    ]);
    assert.deepEqual(runsWithScope(tokens, 'string.quoted.other.guillemet'), ['«non»']);
    assert.deepEqual(runsWithScope(tokens, 'string.quoted.single'), ['‘maybe’']);
  });

  it('does not take apostrophes for quotes', () => {
    const tokens = tokenize(grammar, "Turkey's actions and Turkey’s membership, the call's contents.");
    assert.deepEqual(runsWithScope(tokens, 'string'), []);
  });

  it('marks numeric and month-name dates and times, but not bare month-like words', () => {
    const tokens = tokenize(
      grammar,
      [
        '07.12.2020 12:16',
        'October 01, 2020 and 11.Jan.2026, on 7 December 2020, in March 2021, 2020-12-07T12:16 and at 3:30 pm.',
        'May I say that prices may march on, Mar said.',
      ].join('\n'),
    );
    assert.deepEqual(runsWithScope(tokens, 'constant.numeric.date'), [
      '07.12.2020 12:16',
      'October 01, 2020',
      '11.Jan.2026',
      '7 December 2020',
      'March 2021',
      '2020-12-07T12:16',
    ]);
    assert.deepEqual(runsWithScope(tokens, 'constant.numeric.time'), ['3:30 pm']);
  });

  it('tokenizes both real seeds without leaving a quote open across lines', () => {
    for (const name of ['000_2ebd0813046cf1ef.txt', '004_751050ed58a9faf9.txt']) {
      const text = readFileSync(path.join(root, 'seeds', name), 'utf8');
      const topLevel = grammar.tokenizeLine('', textmate.INITIAL).ruleStack;
      let stack = textmate.INITIAL;
      for (const line of text.split(/\r?\n/)) {
        stack = grammar.tokenizeLine(line, stack).ruleStack;
        assert.ok(stack.equals(topLevel), `${name}: no rule stays open after the line ${JSON.stringify(line)}`);
      }
      const tokens = tokenize(grammar, text);
      assert.ok(runsWithScope(tokens, 'string.quoted').length >= 3, `${name}: quotes are marked`);
      assert.ok(runsWithScope(tokens, 'constant.numeric.date').length >= 1, `${name}: dates are marked`);
    }
  });
});
