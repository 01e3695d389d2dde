import { strict as assert } from 'node:assert';
import { CancellationTokenSource, SymbolKind } from 'vscode-languageserver';
import { workspaceSpeakers } from '../../server/src/features/workspaceSpeakers';
import { workspaceSymbols } from '../../server/src/features/workspaceSymbols';
import { indexedFileOf, type IndexedFile } from '../../server/src/workspace/workspaceIndex';
import { AnalysisBuilder, articleBuilder } from './fixture';

function files(): IndexedFile[] {
  const second = new AnalysisBuilder('Moscow\'s UN Ambassador Vasily Nebenzya said "the only option is to achieve a ceasefire regime."')
    .speaker('Vasily Nebenzya', 'person', "Moscow's UN Ambassador", [['Vasily Nebenzya', 'name']])
    .quote('"the only option is to achieve a ceasefire regime."', 'Vasily Nebenzya', ['said'])
    .build('file:///ws/seeds/b.txt');
  return [indexedFileOf(articleBuilder().build('file:///ws/seeds/a.txt')), indexedFileOf(second)];
}

describe('workspace symbols', () => {
  it('finds quotes by their words, with the speaker and file as container', () => {
    const found = workspaceSymbols(files(), 'ceasefire')!;
    assert.deepEqual(
      found.map((s) => [s.kind, s.name, s.containerName, s.location.uri]),
      [
        [SymbolKind.String, '"We agreed on a ceasefire,"', 'Sergei Lavrov — a.txt', 'file:///ws/seeds/a.txt'],
        [SymbolKind.String, '"the only option is to achieve a ceasefire regime."', 'Vasily Nebenzya — b.txt', 'file:///ws/seeds/b.txt'],
      ],
    );
  });

  it('finds speakers by name, surname-like abbreviation or role', () => {
    const byName = workspaceSymbols(files(), 'nebenzya')!.filter((s) => s.kind !== SymbolKind.String);
    assert.deepEqual(
      byName.map((s) => s.name),
      ['Vasily Nebenzya'],
    );
    assert.ok(workspaceSymbols(files(), 'foreign minister')!.some((s) => s.name === 'Mevlüt Çavuşoğlu'));
    assert.deepEqual(
      workspaceSymbols(files(), 'çavuş')!.map((s) => s.name),
      ['Mevlüt Çavuşoğlu', '"This is a good day for Lavrov and me."', '"nothing is final"'],
    );
  });

  it('keeps the match visible in a long quote and returns null once cancelled', () => {
    const long = `"${'word '.repeat(40)}the ceasefire holds ${'word '.repeat(40)}"`;
    const file = indexedFileOf(new AnalysisBuilder(long).quote(long, null).build('file:///ws/c.txt'));
    const [symbol] = workspaceSymbols([file], 'ceasefire')!;
    assert.ok(symbol.name.includes('ceasefire') && symbol.name.startsWith('…') && symbol.name.endsWith('…'), symbol.name);
    const cancelled = new CancellationTokenSource();
    cancelled.cancel();
    assert.equal(workspaceSymbols(files(), '', cancelled.token), null);
  });

  it('merges a speaker across files for the Speakers view', () => {
    const speakers = workspaceSpeakers([...files(), { ...files()[1], uri: 'file:///ws/seeds/c.txt' }])!;
    const nebenzya = speakers.find((s) => s.name === 'Vasily Nebenzya');
    assert.deepEqual(
      nebenzya?.files.map((f) => [f.uri, f.quotes.length]),
      [
        ['file:///ws/seeds/b.txt', 1],
        ['file:///ws/seeds/c.txt', 1],
      ],
    );
    assert.deepEqual(
      speakers.map((s) => s.name),
      ['Mevlüt Çavuşoğlu', 'Sergei Lavrov', 'Vasily Nebenzya'],
    );
  });
});
