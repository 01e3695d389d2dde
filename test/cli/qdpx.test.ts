// REFI-QDA: the .qdpx of the seeds tagged by two coders validates against the official schema (xmllint) and carries
// every tag at its code-point offsets; importing it into a fresh copy restores the same tags, codes and coders;
// nothing is overwritten on a second import, and a changed source re-anchors.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readQdpx, zipEntries } from '../../server/src/refi/qdpx';
import { toQde } from '../../server/src/refi/qde';
import { buildCli, ROOT, runCli } from './builtCli';

const XSD = join(ROOT, 'schemas', 'refi-qda', 'Project-mrt2019.xsd');
const EMOJI_ARTICLE = '# Peace talks 🕊️ in Zürich 🇨🇭\n\nGENEVA — “We will not give up 💪,” said Zoë Müller, the envoy.\n';

interface Listed {
  file: string;
  id: string;
  tag: string;
  note: string;
  creator: { name: string } | null;
  start: number;
  end: number;
  text: string;
  status: string;
}

function xmllint(qde: string): { status: number | null; stderr: string } {
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  // Missing xmllint is a broken test machine, not a pass: say what to install.
  assert.ok(!probe.error, "xmllint is not installed: install Debian's libxml2-utils (apt-get install libxml2-utils; .ci/run does)");
  const dir = mkdtempSync(join(tmpdir(), 'seed-qde-'));
  try {
    writeFileSync(join(dir, 'project.qde'), qde);
    const run = spawnSync('xmllint', ['--noout', '--schema', XSD, join(dir, 'project.qde')], { encoding: 'utf8' });
    return { status: run.status, stderr: run.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('CLI: REFI-QDA export and import', function () {
  this.timeout(120000);
  let dir: string;
  const dirs: string[] = [];
  let original: Listed[];

  const cli = (args: string[], cwd: string) => runCli(args, cwd);
  const list = (cwd: string): Listed[] => {
    const run = cli(['tag', 'list', 'seeds', '--json'], cwd);
    assert.equal(run.status, 0, run.stderr);
    return (JSON.parse(run.stdout) as Listed[]).sort((a, b) => a.id.localeCompare(b.id));
  };
  const freshCopy = (): string => {
    const fresh = mkdtempSync(join(tmpdir(), 'seed-qdpx-fresh-'));
    dirs.push(fresh);
    mkdirSync(join(fresh, 'seeds'));
    for (const name of ['000_2ebd0813046cf1ef.txt', '004_751050ed58a9faf9.txt', 'emoji.txt'])
      cpSync(join(dir, 'seeds', name), join(fresh, 'seeds', name));
    return fresh;
  };

  before(async () => {
    await buildCli();
    dir = mkdtempSync(join(tmpdir(), 'seed-qdpx-'));
    dirs.push(dir);
    cpSync(join(ROOT, 'seeds'), join(dir, 'seeds'), { recursive: true, filter: (src) => !src.endsWith('.tags.json') });
    writeFileSync(join(dir, 'seeds', 'emoji.txt'), EMOJI_ARTICLE);
    const ok = (args: string[]) => {
      const run = cli(args, dir);
      assert.equal(run.status, 0, `${args.join(' ')}: ${run.stderr}`);
    };
    ok(['codebook', 'add', 'claim', '--description', 'An assertion of fact', '--color', '#112233']);
    ok(['codebook', 'add', 'threat', '--parent', 'claim', '--description', 'A warning of harm']);
    ok(['codebook', 'add', 'denial']);
    const seed4 = 'seeds/004_751050ed58a9faf9.txt';
    const seed0 = 'seeds/000_2ebd0813046cf1ef.txt';
    for (const coder of ['ana', 'ben']) {
      ok(['tag', 'add', seed4, '--text', 'Sergei Lavrov', '--tag', 'claim', '--coder', coder]);
      ok([
        'tag',
        'add',
        'seeds/emoji.txt',
        '--text',
        coder === 'ana' ? 'We will not give up 💪' : 'give up 💪,” said Zoë Müller',
        '--tag',
        'threat',
        '--coder',
        coder,
        '--note',
        `${coder} 🙂 thinks so`,
      ]);
      ok(['tag', 'add', seed0, '--start', '10', '--end', coder === 'ana' ? '40' : '55', '--tag', 'denial', '--coder', coder]);
    }
    ok(['tag', 'add', seed4, '--text', 'common denominator', '--tag', 'unlisted', '--coder', 'ana']);
    original = list(dir);
    assert.equal(original.length, 7);
  });
  after(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('exports a project that validates against the REFI-QDA schema and carries every tag at its code-point offsets', async () => {
    const run = cli(['export', 'seeds', '--format', 'qdpx', '--out', 'project.qdpx'], dir);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /7 tags in 3 sources, 2 coders written to project\.qdpx/);
    const bytes = readFileSync(join(dir, 'project.qdpx'));
    const project = await readQdpx(bytes);
    const lint = xmllint(toQde(project));
    assert.equal(lint.status, 0, `xmllint: ${lint.stderr}`);
    // The archive's own project.qde, byte for byte, validates too.
    const entries = await zipEntries(bytes);
    assert.deepEqual(
      [...entries.keys()].filter((n) => !n.startsWith('sources/')),
      ['project.qde'],
    );
    assert.equal([...entries.keys()].filter((n) => n.startsWith('sources/')).length, 3);
    assert.equal(xmllint(entries.get('project.qde')!.toString('utf8')).status, 0);

    assert.deepEqual(project.users.map((u) => u.name).sort(), ['ana', 'ben']);
    const userName = new Map(project.users.map((u) => [u.guid, u.name]));
    const codes = new Map<string, { name: string; color: string | null; description: string; parent: string | null }>();
    const walk = (list: typeof project.codes, parent: string | null) =>
      list.forEach((c) => {
        codes.set(c.guid, { name: c.name, color: c.color, description: c.description, parent });
        walk(c.children, c.name);
      });
    walk(project.codes, null);
    assert.deepEqual(
      [...codes.values()].find((c) => c.name === 'threat'),
      {
        name: 'threat',
        color: [...codes.values()].find((c) => c.name === 'threat')!.color,
        description: 'A warning of harm',
        parent: 'claim',
      },
    );
    assert.equal([...codes.values()].find((c) => c.name === 'claim')!.color, '#112233');
    assert.ok(
      [...codes.values()].some((c) => c.name === 'unlisted'),
      'a tag name missing from the codebook still gets a code',
    );
    const notes = new Map(project.notes.map((n) => [n.guid, n.text]));
    for (const tag of original) {
      const source = project.sources.find((s) => s.name === tag.file.split('\\').join('/'))!;
      const selection = source.selections.find((s) => s.guid === tag.id)!;
      assert.ok(selection, `tag ${tag.id} is a selection`);
      assert.deepEqual([selection.start, selection.end], [tag.start, tag.end]);
      assert.equal(
        Array.from(source.text).slice(selection.start, selection.end).join(''),
        tag.text,
        'code-point offsets into the archived text',
      );
      assert.equal(codes.get(selection.codings[0].codeGuid)!.name, tag.tag);
      assert.equal(userName.get(selection.codings[0].creatingUser!), tag.creator!.name);
      assert.equal(selection.noteGuids.map((g) => notes.get(g)).join(''), tag.note);
    }
    // GUIDs are stable: a second export names everything the same.
    assert.equal(cli(['export', 'seeds', '--format', 'qdpx', '--out', 'again.qdpx'], dir).status, 0);
    const again = await readQdpx(readFileSync(join(dir, 'again.qdpx')));
    assert.deepEqual(
      again.sources.map((s) => [s.guid, s.selections.map((x) => x.guid)]),
      project.sources.map((s) => [s.guid, s.selections.map((x) => x.guid)]),
    );
  });

  it('import into a fresh copy restores the same tags, codes and coders; a second import overwrites nothing', () => {
    const fresh = freshCopy();
    const run = cli(['import', join(dir, 'project.qdpx'), '--into', '.'], fresh);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /seeds\/emoji\.txt: .*same text.*; 2 tags imported/);
    assert.match(run.stdout, /4 codes added to the codebook/);
    const restored = list(fresh);
    assert.deepEqual(restored, original);
    const codebook = (cwd: string) => JSON.parse(cli(['codebook', 'show', '--json'], cwd).stdout) as unknown;
    assert.deepEqual(codebook(fresh), {
      version: 1,
      codes: [
        ...(codebook(dir) as { codes: object[] }).codes,
        {
          name: 'unlisted',
          description: '',
          color: (codebook(fresh) as { codes: { name: string; color: string }[] }).codes.find((c) => c.name === 'unlisted')!.color,
          parent: null,
        },
      ],
    });
    const second = cli(['import', join(dir, 'project.qdpx'), '--into', '.'], fresh);
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /0 tags imported, 2 already there/);
    assert.deepEqual(list(fresh), original);
  });

  it('reports a conflict and keeps the tag already there', () => {
    const fresh = freshCopy();
    assert.equal(cli(['import', join(dir, 'project.qdpx')], fresh).status, 0);
    const sidecar = join(fresh, 'seeds', 'emoji.txt.tags.json');
    const stored = JSON.parse(readFileSync(sidecar, 'utf8')) as { tags: { tag: string }[] };
    stored.tags[0].tag = 'edited-locally';
    writeFileSync(sidecar, JSON.stringify(stored, null, 2) + '\n');
    const before = readFileSync(sidecar, 'utf8');
    const run = cli(['import', join(dir, 'project.qdpx')], fresh);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /conflict: .*emoji\.txt: tag .* differs from the one already in emoji\.txt\.tags\.json; that one is kept/);
    assert.equal(readFileSync(sidecar, 'utf8'), before, 'nothing overwritten');
  });

  it('re-anchors the tags of a source changed since the export', () => {
    const fresh = freshCopy();
    writeFileSync(join(fresh, 'seeds', 'emoji.txt'), `UPDATED 🔔 with a new first line\n${EMOJI_ARTICLE}`);
    const run = cli(['import', join(dir, 'project.qdpx')], fresh);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /seeds\/emoji\.txt: .*\(text changed: tags re-anchored\); 2 tags imported/);
    const shift = Array.from('UPDATED 🔔 with a new first line\n').length;
    const moved = list(fresh).filter((t) => t.file.endsWith('emoji.txt'));
    const before = original.filter((t) => t.file.endsWith('emoji.txt'));
    assert.deepEqual(
      moved.map((t) => [t.id, t.text, t.start, t.end]),
      before.map((t) => [t.id, t.text, t.start + shift, t.end + shift]),
    );
  });
});
