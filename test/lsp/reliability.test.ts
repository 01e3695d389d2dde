// The language server as one writer among others: it and the CLI tagging the same file at once keep both sets; a
// server killed in the middle of a run of tags and corrections has put everything it acknowledged on disk, and a
// restarted server finds it all; in an untrusted workspace it writes nothing.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, InitializeResult } from 'vscode-languageserver/node';
import { ServerTagCommands, TagRequests, type AttributionDto, type DocumentTags, type TagDto } from '../../shared/protocol';
import { readSidecar } from '../../server/src/tags/sidecar';
import { buildOnce, CLIENT_CAPABILITIES, LspClient, ROOT } from './lspClient';

const LINES = Array.from({ length: 40 }, (_, i) => `Paragraph ${i}: “We will decide on day ${i},” Minister Ana Ruiz said in Madrid.`);
const ARTICLE = `# Budget talks\n\nMADRID, Dec 7 (AFP) - ${LINES.join('\n\n')}\n`;

async function startServer(dir: string, initializationOptions?: unknown): Promise<LspClient> {
  const client = LspClient.start();
  client.connection.onRequest('workspace/workspaceFolders', () => [{ uri: pathToFileURL(dir).href, name: 'w' }]);
  (await client.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    capabilities: CLIENT_CAPABILITIES,
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }],
    initializationOptions,
  })) as InitializeResult;
  await client.connection.sendNotification('initialized', {});
  return client;
}

function cli(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'seed-annotator.js'), ...args], { cwd });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}

describe('the server as one writer among others', function () {
  this.timeout(90_000);
  let dir: string;
  let source: string;
  let uri: string;
  let doc: TextDocument;
  const running: LspClient[] = [];

  before(() => buildOnce());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lsp-reliable-'));
    source = join(dir, 'article.txt');
    writeFileSync(source, ARTICLE);
    uri = pathToFileURL(source).href;
    doc = TextDocument.create(uri, 'seed', 1, ARTICLE);
  });
  afterEach(async () => {
    for (const client of running.splice(0)) {
      if (client.process.exitCode === null && client.process.signalCode === null) {
        await client.stop().catch(() => client.process.kill('SIGKILL'));
      }
    }
    rmSync(dir, { recursive: true, force: true });
  });

  const open = (client: LspClient) =>
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'seed', version: 1, text: ARTICLE } });
  const rangeOfNth = (words: string, nth: number) => {
    let at = -1;
    for (let i = 0; i <= nth; i++) at = ARTICLE.indexOf(words, at + 1);
    assert.notEqual(at, -1);
    return { start: doc.positionAt(at), end: doc.positionAt(at + words.length) };
  };
  const storedTags = () => {
    const read = readSidecar(`${source}.tags.json`);
    assert.equal(read.kind, 'ok', read.kind === 'invalid' ? read.message : 'missing');
    return read.kind === 'ok' ? read.sidecar : null;
  };

  it('the language server and the CLI tagging the same file at once: both sets are kept', async () => {
    const client = await startServer(dir);
    running.push(client);
    await open(client);
    const fromServer = Array.from({ length: 20 }, (_, i) =>
      client.request<TagDto>(TagRequests.add, { uri, range: rangeOfNth('Paragraph', i), tag: `lsp${i}` }),
    );
    const fromCli = Array.from({ length: 20 }, (_, i) =>
      cli(['tag', 'add', 'article.txt', '--text', 'Madrid', '--nth', String(i + 1), '--tag', `cli${i}`], dir),
    );
    const [served, ran] = await Promise.all([Promise.all(fromServer), Promise.all(fromCli)]);
    ran.forEach((r, i) => assert.equal(r.code, 0, `cli ${i}: ${r.stderr}`));
    const names = new Set(storedTags()!.tags.map((t) => t.tag));
    for (let i = 0; i < 20; i++) {
      assert.ok(names.has(`lsp${i}`), `lsp${i} lost`);
      assert.ok(names.has(`cli${i}`), `cli${i} lost`);
    }
    assert.equal(names.size, 40);
    assert.equal(served.length, 20);
    // The server hears about the CLI's writes through the file watcher and then lists all 40 too.
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: `${uri}.tags.json`, type: 2 }] });
    const listed = await client.waitFor('all 40 tags in the server', async () => {
      const [tags] = await client.request<DocumentTags[]>(TagRequests.list, { uri });
      return tags.tags.length === 40 ? tags.tags : undefined;
    });
    assert.equal(listed.length, 40);
  });

  it('a server killed mid-sequence has put every acknowledged tag and correction on disk; a restarted one finds them', async () => {
    const client = await startServer(dir);
    running.push(client);
    await open(client);
    const acknowledged = new Set<string>();
    let lastSpeaker: string | null = null;
    const speakersSent: string[] = [];
    const inFlight: Promise<unknown>[] = [];
    // Pipelined as an impatient user would: requests go out without waiting, and the server is killed after 15
    // answers while the rest are still queued or being handled.
    for (let i = 0; i < 40; i++) {
      inFlight.push(
        client.request<TagDto>(TagRequests.add, { uri, range: rangeOfNth('Paragraph', i), tag: `t${i}` }).then(
          (tag) => {
            acknowledged.add(tag.id);
          },
          () => undefined,
        ),
      );
      if (i % 5 === 0) {
        const speaker = `Speaker ${i}`;
        speakersSent.push(speaker);
        const quote = rangeOfNth('“We will decide', 0);
        inFlight.push(
          client
            .request<AttributionDto[]>('workspace/executeCommand', {
              command: ServerTagCommands.setAttribution,
              arguments: [{ uri, quoteRange: quote, speaker }],
            })
            .then(
              () => {
                lastSpeaker = speaker;
              },
              () => undefined,
            ),
        );
      }
    }
    await client.waitFor('15 acknowledgements', () => (acknowledged.size >= 15 ? true : undefined), 30_000);
    const exited = new Promise((done) => client.process.once('exit', done));
    client.process.kill('SIGKILL');
    await exited;
    client.connection.dispose(); // rejects the requests that will never be answered
    await Promise.all(inFlight);
    assert.ok(acknowledged.size >= 15 && acknowledged.size <= 40);

    const onDisk = storedTags()!;
    const stored = new Set(onDisk.tags.map((t) => t.id));
    const lost = [...acknowledged].filter((id) => !stored.has(id));
    assert.deepEqual(lost, [], `${lost.length} acknowledged tags are not on disk`);
    if (lastSpeaker !== null) {
      // The acknowledged correction, or one sent after it that the server finished before dying.
      const after = speakersSent.slice(speakersSent.indexOf(lastSpeaker));
      assert.ok(after.includes(onDisk.attributions[0]?.speaker ?? ''), `correction on disk: ${JSON.stringify(onDisk.attributions)}`);
    }

    const restarted = await startServer(dir);
    running.push(restarted);
    await open(restarted);
    const [listed] = await restarted.request<DocumentTags[]>(TagRequests.list, { uri });
    const ids = new Set(listed.tags.map((t) => t.id));
    assert.deepEqual(
      [...acknowledged].filter((id) => !ids.has(id)),
      [],
    );
    // And it can write again at once, whatever the killed server left behind.
    const more = await restarted.request<TagDto>(TagRequests.add, { uri, range: rangeOfNth('Madrid', 3), tag: 'after-restart' });
    assert.ok(storedTags()!.tags.some((t) => t.id === more.id));
  });

  it('in an untrusted workspace it shows tags but writes nothing: every write request is refused', async () => {
    const seeded = await cli(['tag', 'add', 'article.txt', '--text', 'Madrid', '--tag', 'existing'], dir);
    assert.equal(seeded.code, 0, seeded.stderr);
    const before = readFileSync(`${source}.tags.json`, 'utf8');
    const client = await startServer(dir, { trusted: false });
    running.push(client);
    await open(client);
    const [listed] = await client.request<DocumentTags[]>(TagRequests.list, { uri });
    assert.deepEqual(
      listed.tags.map((t) => t.tag),
      ['existing'],
    );
    const quote = rangeOfNth('“We will decide', 0);
    const attempts: [string, Promise<unknown>][] = [
      ['add', client.request(TagRequests.add, { uri, range: rangeOfNth('Paragraph', 0), tag: 'x' })],
      ['update', client.request(TagRequests.update, { uri, id: listed.tags[0].id, tag: 'y' })],
      ['remove', client.request(TagRequests.remove, { uri, id: listed.tags[0].id })],
      ['undo', client.request(TagRequests.undo, { uri })],
      ['setAttribution', client.request(TagRequests.setAttribution, { uri, quoteRange: quote, speaker: 'Someone' })],
      [
        'executeCommand add',
        client.request('workspace/executeCommand', {
          command: ServerTagCommands.add,
          arguments: [{ uri, range: rangeOfNth('Paragraph', 1), tag: 'z' }],
        }),
      ],
    ];
    for (const [name, attempt] of attempts) {
      await assert.rejects(attempt, /not trusted, so Seed Annotator is read-only/, name);
    }
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: quote,
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions, [], 'no write action is offered');
    // A sidecar changed on disk (someone else's tag) is shown, and nothing is written back.
    const theirs = JSON.parse(before) as { tags: { id: string; tag: string }[] };
    theirs.tags.push({ ...theirs.tags[0], id: 'from-disk', tag: 'theirs' });
    const changed = JSON.stringify(theirs);
    writeFileSync(`${source}.tags.json`, changed);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: `${uri}.tags.json`, type: 2 }] });
    await client.waitFor('their tag', async () => {
      const [tags] = await client.request<DocumentTags[]>(TagRequests.list, { uri });
      return tags.tags.some((t) => t.tag === 'theirs') ? true : undefined;
    });
    assert.equal(readFileSync(`${source}.tags.json`, 'utf8'), changed);
  });
});
