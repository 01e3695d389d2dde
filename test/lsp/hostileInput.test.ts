// Hostile input through the real server: tag names, notes, speaker names and quotes carrying markdown links,
// `command:` URIs, HTML and backticks show as plain text in hovers; a document over the size ceiling gets a clear
// message, is neither analyzed nor tagged, and the server stays up.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover } from 'vscode-languageserver/node';
import { TagRequests, type TagDto } from '../../shared/protocol';
import { buildOnce, LspClient } from './lspClient';

const HOSTILE = [
  '[click](command:workbench.action.quit)',
  '<img src=x onerror=alert(1)>',
  '`code` and ``more``',
  '![image](https://example.invalid/x.png)',
  '<https://example.invalid/autolink>',
  '**bold** _em_ # heading',
];

const ARTICLE = [
  '# [Breaking](command:workbench.action.quit) <b>news</b>',
  '',
  'LONDON, Dec 7 (Reuters) - “Read [this](command:workbench.action.quit) <script>x()</script> `now`,” Minister Jane Doe said on Monday.',
  '',
].join('\n');

/** True when `markdown` has none of the active constructs a hostile string could have produced. */
function inert(markdown: string): void {
  assert.doesNotMatch(markdown, /(?<!\\)\]\(/, `a link could form: ${markdown}`);
  assert.doesNotMatch(markdown, /(?<!\\)<[a-z/!]/i, `HTML or an autolink could form: ${markdown}`);
  assert.doesNotMatch(markdown, /(?<!\\)`/, `a code span could form: ${markdown}`);
  assert.doesNotMatch(markdown, /(?<!\\)!\[/, `an image could form: ${markdown}`);
}

function hoverValue(hover: Hover | null): string {
  return hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
}

describe('hostile input over LSP', function () {
  this.timeout(60_000);
  let dir: string;
  let client: LspClient;

  before(async () => {
    buildOnce();
    dir = mkdtempSync(join(tmpdir(), 'lsp-hostile-'));
    client = LspClient.start();
    await client.initialize([{ uri: pathToFileURL(dir).href, name: 'w' }]);
  });
  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('tag names, notes, speaker names and quotes with links, command URIs, HTML and backticks hover as plain text', async () => {
    const source = join(dir, 'article.txt');
    writeFileSync(source, ARTICLE);
    const uri = pathToFileURL(source).href;
    const doc = TextDocument.create(uri, 'seed', 1, ARTICLE);
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'seed', version: 1, text: ARTICLE } });
    const quoteAt = ARTICLE.indexOf('“Read');
    const range = { start: doc.positionAt(quoteAt), end: doc.positionAt(ARTICLE.indexOf('”', quoteAt) + 1) };
    for (const [i, hostile] of HOSTILE.entries()) {
      await client.request<TagDto>(TagRequests.add, { uri, range, tag: `${hostile} ${i}`, note: hostile });
    }
    await client.request(TagRequests.setAttribution, {
      uri,
      quoteRange: range,
      speaker: '[Evil](command:workbench.action.quit) <i>x</i> `y`',
    });
    const onQuote = hoverValue(
      await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: doc.positionAt(quoteAt + 3) }),
    );
    assert.match(onQuote, /Tags/, 'the hover shows the tags');
    assert.match(onQuote, /command\\:workbench/, 'the words are still there, escaped');
    inert(onQuote);
    const onName = hoverValue(
      await client.request<Hover | null>('textDocument/hover', {
        textDocument: { uri },
        position: doc.positionAt(ARTICLE.indexOf('Jane Doe') + 2),
      }),
    );
    inert(onName);
  });

  it('a document over the 10 MB ceiling is named, not analyzed or tagged, and the server stays up', async () => {
    const source = join(dir, 'huge.txt');
    const text = `# Huge\n\n${'Officials said the talks would resume on Friday. '.repeat(230_000)}\n`;
    assert.ok(Buffer.byteLength(text) > 10 * 1024 * 1024);
    writeFileSync(source, text);
    const uri = pathToFileURL(source).href;
    client.settings = { ...client.settings, maxFileSizeKb: 50 * 1024 }; // a user raising the setting cannot pass the ceiling
    await client.notify('workspace/didChangeConfiguration', { settings: {} });
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'seed', version: 1, text } });
    // The settings arrive asynchronously (workspace/configuration): the open may be checked under the old ones first.
    const ceiling = () => client.diagnostics.get(uri)?.diagnostics.find((d) => /over the 10 MB ceiling/.test(String(d.message)));
    assert.ok(await client.waitFor('the size diagnostic', ceiling, 30_000));
    await assert.rejects(
      client.request(TagRequests.add, { uri, range: { start: { line: 2, character: 0 }, end: { line: 2, character: 9 } }, tag: 'x' }),
      (err: Error) => err.message.includes('huge.txt') && /over the 10 MB limit/.test(err.message),
    );
    assert.equal(existsSync(`${source}.tags.json`), false, 'nothing written');
    // Still answering.
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 3 } });
    assert.equal(hover, null);
    await client.notify('textDocument/didClose', { textDocument: { uri } });
  });
});
