// Tags through the real language server bundle: tag a passage, edit the document, and find the tag on the same
// words, in memory (UTF-16 ranges) and in the sidecar on disk (code points); reloads, refusals and attributions.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Hover, InitializeResult } from 'vscode-languageserver/node';
import {
  ServerTagCommands,
  TagNotifications,
  TagRequests,
  type DocumentTags,
  type SidecarProblem,
  type TagDto,
} from '../../shared/protocol';
import { buildOnce, LspClient } from './lspClient';

const ARTICLE = [
  '# Talks stall in Ankara 🌍',
  '',
  'ANKARA, Dec 7 (AFP) - “We will not accept new sanctions,” Foreign Minister Sergei Lavrov said on Monday.',
  '',
  'Turkish officials said the talks would resume on Friday.',
  '',
].join('\r\n');

describe('tagging over LSP', function () {
  this.timeout(60000);
  let dir: string;
  let client: LspClient;
  let uri: string;
  let source: string;
  let doc: TextDocument;
  let init: InitializeResult;
  const changes: string[] = [];
  const problems: SidecarProblem[] = [];

  before(async () => {
    buildOnce();
    dir = mkdtempSync(join(tmpdir(), 'lsp-tags-'));
    source = join(dir, 'article.txt');
    writeFileSync(source, ARTICLE);
    uri = pathToFileURL(source).href;
    client = LspClient.start();
    client.connection.onNotification(TagNotifications.changed, (p: { uri: string }) => {
      changes.push(p.uri);
    });
    client.connection.onNotification(TagNotifications.sidecarProblem, (p) => {
      problems.push(p as SidecarProblem);
    });
    client.connection.onRequest('workspace/workspaceFolders', () => [{ uri: pathToFileURL(dir).href, name: 'w' }]);
    init = await client.initialize([{ uri: pathToFileURL(dir).href, name: 'w' }]);
    assert.ok(init.capabilities.executeCommandProvider?.commands.includes(ServerTagCommands.add));
    assert.ok(init.capabilities.codeActionProvider);
    doc = TextDocument.create(uri, 'seed', 1, ARTICLE);
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'seed', version: 1, text: ARTICLE } });
  });

  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** LSP range of the first occurrence of `words` in the current text. */
  function rangeOf(words: string) {
    const at = doc.getText().indexOf(words);
    assert.notEqual(at, -1);
    return { start: doc.positionAt(at), end: doc.positionAt(at + words.length) };
  }

  async function edit(range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string) {
    TextDocument.update(doc, [{ range, text }], doc.version + 1);
    await client.notify('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [{ range, text }] });
  }

  async function tags(): Promise<TagDto[]> {
    const [result] = await client.request<DocumentTags[]>(TagRequests.list, { uri });
    return result.tags;
  }

  function sidecar() {
    return JSON.parse(readFileSync(source + '.tags.json', 'utf8'));
  }

  let id: string;

  it('adds a tag from a UTF-16 range and saves it in code points', async () => {
    const words = 'Turkish officials said the talks would resume on Friday.';
    const added = await client.request<TagDto>(TagRequests.add, { uri, range: rangeOf(words), tag: 'claim', note: 'check', coder: 'Zoë' });
    id = added.id;
    assert.equal(added.creator, 'Zoë');
    assert.equal(added.text, words);
    // The emoji in the title is two UTF-16 units but one code point.
    assert.equal(added.start, [...ARTICLE.slice(0, ARTICLE.indexOf(words))].length);
    const stored = sidecar();
    assert.equal(stored.tags.length, 1);
    assert.deepEqual(stored.tags[0].target.selector[0], { type: 'TextPositionSelector', start: added.start, end: added.end });
    assert.equal(stored.tags[0].target.selector[1].exact, words);
    assert.deepEqual(stored.tags[0].creator, { type: 'Person', name: 'Zoë' });
    await client.waitFor('tags/changed', () => (changes.includes(uri) ? true : undefined));
  });

  it('keeps the tag on the same words after edits before it and inside it', async () => {
    await edit({ start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, 'UPDATED 🔥 ');
    let [tag] = await tags();
    assert.equal(doc.getText(tag.range), 'Turkish officials said the talks would resume on Friday.');
    // Typing inside the tagged words grows the tag around them.
    const inside = rangeOf('would resume');
    await edit({ start: inside.start, end: inside.start }, 'probably ');
    [tag] = await tags();
    assert.equal(tag.id, id);
    assert.equal(doc.getText(tag.range), 'Turkish officials said the talks probably would resume on Friday.');
    assert.notEqual(tag.status, 'orphaned');
  });

  it('shows the tag in hovers and offers to edit or remove it', async () => {
    const [tag] = await tags();
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: tag.range.start });
    const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(value, /\*\*claim\*\* by Zoë: check/);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: tag.range,
      context: { diagnostics: [] },
    });
    assert.ok(actions.some((a) => a.title === 'Edit tag “claim”'));
    assert.ok(actions.some((a) => a.title === 'Remove tag “claim”' && a.command?.command === ServerTagCommands.remove));
  });

  it('marks analysis tokens under a tag with the `tagged` modifier', async () => {
    const quote = await client.request<TagDto>(TagRequests.add, {
      uri,
      range: rangeOf('“We will not accept new sanctions,”'),
      tag: 'quote-tag',
    });
    assert.equal(quote.creator, userInfo().username, 'no coder given: the OS user name');
    const legend = init.capabilities.semanticTokensProvider!.legend;
    const taggedBit = 1 << legend.tokenModifiers.indexOf('tagged');
    const { data } = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    let line = 0;
    let character = 0;
    const tagged: { line: number; character: number }[] = [];
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
      if (data[i + 4] & taggedBit) tagged.push({ line, character });
    }
    assert.ok(tagged.length > 0, 'some token carries `tagged`');
    for (const t of tagged) {
      const offset = doc.offsetAt(t);
      const inside = (r: TagDto['range']) => doc.offsetAt(r.start) <= offset && offset < doc.offsetAt(r.end);
      assert.ok(inside(quote.range) || (await tags()).some((x) => inside(x.range)));
    }
    await client.request(TagRequests.remove, { uri, id: quote.id });
  });

  it('merges a sidecar written by someone else and keeps both sides', async () => {
    const onDisk = sidecar();
    const theirs = JSON.parse(JSON.stringify(onDisk.tags[0]));
    theirs.id = 'from-another-editor';
    theirs.tag = 'denial';
    onDisk.tags = [theirs]; // their version does not have our tag at all
    writeFileSync(source + '.tags.json', JSON.stringify(onDisk, null, 2) + '\n');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(source + '.tags.json').href, type: 2 }] });
    const names = await client.waitFor('merged tags', async () => {
      const list = (await tags()).map((t) => t.tag).sort();
      return list.length === 2 ? list : undefined;
    });
    assert.deepEqual(names, ['claim', 'denial']);
    assert.deepEqual(
      sidecar()
        .tags.map((t: { tag: string }) => t.tag)
        .sort(),
      ['claim', 'denial'],
    );
    const vocabulary = await client.request<string[]>(TagRequests.vocabulary, {});
    assert.deepEqual(vocabulary, ['claim', 'denial']);
  });

  it('refuses to tag while the sidecar is invalid, and leaves it untouched', async () => {
    const broken = '{"version": 1, "tags": [';
    writeFileSync(source + '.tags.json', broken);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(source + '.tags.json').href, type: 2 }] });
    const problem = await client.waitFor('sidecar problem', () => problems.find((p) => p.message));
    assert.match(problem.message, /article\.txt\.tags\.json: not valid JSON at line 1/);
    await assert.rejects(client.request(TagRequests.add, { uri, range: rangeOf('ANKARA'), tag: 'place' }), /not valid JSON/);
    assert.equal(readFileSync(source + '.tags.json', 'utf8'), broken);
  });

  it('restores everything once the sidecar is fixed, and supports undo', async () => {
    writeFileSync(
      source + '.tags.json',
      '{"version": 1, "source": {"file": "article.txt", "sha256": "' +
        '0'.repeat(64) +
        '", "length": 1}, "tags": [], "attributions": []}\n',
    );
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(source + '.tags.json').href, type: 2 }] });
    await client.waitFor('problem cleared', () => (problems.at(-1)?.message === null ? true : undefined));
    assert.equal((await tags()).length, 2);
    await client.request(TagRequests.remove, { uri, id });
    assert.equal((await tags()).length, 1);
    const undone = await client.request<{ undone: string | null }>(TagRequests.undo, { uri });
    assert.equal(undone.undone, 'remove claim');
    assert.equal((await tags()).length, 2);
    assert.equal(sidecar().tags.length, 2);
  });

  it('saves an attribution correction and the analysis applies it', async () => {
    const quote = rangeOf('“We will not accept new sanctions,”');
    const inside = {
      start: { line: quote.start.line, character: quote.start.character + 3 },
      end: { line: quote.start.line, character: quote.start.character + 3 },
    };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: inside,
      context: { diagnostics: [] },
    });
    assert.ok(actions.some((a) => a.title === 'Attribute to…'));
    await client.request('workspace/executeCommand', {
      command: ServerTagCommands.setAttribution,
      arguments: [{ uri, quoteRange: inside, speaker: 'Recep Tayyip Erdogan' }],
    });
    assert.deepEqual(
      sidecar().attributions.map((a: { speaker: string }) => a.speaker),
      ['Recep Tayyip Erdogan'],
    );
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: inside.start });
    const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(value, /Erdogan/);
  });

  it('exports the workspace with the corrected speaker', async () => {
    await client.request<TagDto>(TagRequests.add, { uri, range: rangeOf('We will not accept'), tag: 'refusal' });
    const result = await client.request<{ content: string; count: number }>(TagRequests.export, { format: 'jsonl' });
    const rows = result.content
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { tag: string; speaker: string | null; dateline: string | null });
    assert.equal(result.count, rows.length);
    const refusal = rows.find((r) => r.tag === 'refusal');
    assert.equal(refusal?.speaker, 'Recep Tayyip Erdogan');
    const w3c = await client.request<{ content: string }>('workspace/executeCommand', {
      command: ServerTagCommands.export,
      arguments: [{ uris: [uri], format: 'w3c' }],
    });
    assert.equal(
      (JSON.parse(w3c.content) as { type: string }[]).every((a) => a.type === 'Annotation'),
      true,
    );
  });

  it('marks a quote as not a quote through its code action: stored as notQuote, and the quote is gone', async () => {
    const quote = rangeOf('“We will not accept new sanctions,”');
    const inside = {
      start: { line: quote.start.line, character: quote.start.character + 3 },
      end: { line: quote.start.line, character: quote.start.character + 3 },
    };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: inside,
      context: { diagnostics: [] },
    });
    const notQuote = actions.find((a) => a.title === 'Not a quote');
    assert.ok(notQuote?.command, actions.map((a) => a.title).join(', '));
    await client.request('workspace/executeCommand', { command: notQuote.command.command, arguments: notQuote.command.arguments });
    assert.deepEqual(
      sidecar().attributions.map((a: { notQuote?: boolean; speaker?: string }) => [a.notQuote, a.speaker]),
      [[true, undefined]],
    );
    const after = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: inside,
      context: { diagnostics: [] },
    });
    assert.ok(!after.some((a) => a.title === 'Not a quote'), 'no quote there any more');
    await client.request(TagRequests.undo, { uri });
  });

  it('offers the attribution choices as quick fixes of an "unattributed quote" diagnostic (the Problems panel)', async () => {
    const quote = rangeOf('“We will not accept new sanctions,”');
    const diagnostic = { range: quote, message: 'Quote with no speaker found', code: 'unattributed-quote', severity: 3 };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: quote,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
    const fixes = actions.filter((a) => a.kind === 'quickfix');
    assert.ok(
      fixes.some((a) => a.title === 'Not a quote'),
      actions.map((a) => `${a.title} (${a.kind})`).join(', '),
    );
    assert.ok(fixes.some((a) => a.title === 'Attribute to…'));
    assert.ok(fixes.every((a) => a.diagnostics?.[0]?.code === 'unattributed-quote'));
  });
});
