// The TagStore: tags follow edits, survive reloads and merges, undo, attribution corrections, and file lifecycle.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CodePointIndex } from '../../server/src/analysis/offsets';
import { readSidecar, serializeSidecar, sidecarPathFor } from '../../server/src/tags/sidecar';
import type { Sidecar } from '../../server/src/tags/sidecarTypes';
import { TagStore } from '../../server/src/tags/tagStore';

const TEXT = 'KYIV, 7 Dec — 🇺🇦 “We will hold the line,” the mayor said.\r\nTalks resume on Friday.\r\nNo comment from Moscow.\r\n';

/** Code-point span of the first `words` in `text`. */
function spanOf(text: string, words: string): [number, number] {
  const at = text.indexOf(words);
  assert.notEqual(at, -1, words);
  const index = new CodePointIndex(text);
  return [index.toCodePoint(at), index.toCodePoint(at + words.length)];
}

describe('TagStore', () => {
  let dir: string;
  let source: string;
  let clock: number;
  const now = () => new Date(Date.UTC(2026, 10, 25, 10, 0, clock++));
  let ids: number;
  const newId = () => `t${++ids}`;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tagstore-'));
    source = join(dir, 'article.txt');
    writeFileSync(source, TEXT);
    clock = 0;
    ids = 0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function disk(): Sidecar {
    const read = readSidecar(sidecarPathFor(source));
    assert.equal(read.kind, 'ok');
    return (read as { sidecar: Sidecar }).sidecar;
  }

  it('does not create a sidecar for a file nobody tagged', () => {
    const store = new TagStore();
    store.open(source, TEXT);
    assert.deepEqual(store.list(source), []);
    store.save(source);
    assert.equal(existsSync(sidecarPathFor(source)), false);
  });

  it('stores code points (flag emoji and CRLF count as on disk) and reopens to the same tag', () => {
    const store = new TagStore({ now, newId });
    store.open(source, TEXT);
    const [start, end] = spanOf(TEXT, 'Talks resume on Friday.');
    const tag = store.add(source, start, end, 'claim', 'verify');
    assert.equal(tag.text, 'Talks resume on Friday.');
    // 🇺🇦 is two code points but four UTF-16 units.
    assert.equal(start, TEXT.indexOf('Talks') - 2);
    const stored = disk();
    assert.equal(stored.source.length, [...TEXT].length);
    assert.deepEqual(stored.tags[0].target.selector[0], { type: 'TextPositionSelector', start, end });
    const again = new TagStore();
    again.open(source, TEXT);
    assert.deepEqual(
      again.list(source).map((t) => [t.id, t.status, t.start, t.end]),
      [['t1', 'anchored', start, end]],
    );
  });

  it('follows live edits: insertion before, typing inside, and keeps an orphan when its passage is deleted', () => {
    const store = new TagStore({ now, newId });
    store.open(source, TEXT);
    store.add(source, ...spanOf(TEXT, 'Talks resume on Friday'), 'claim');
    let text = 'UPDATE: ' + TEXT;
    store.updateText(source, text);
    let [tag] = store.list(source);
    assert.deepEqual([tag.start, tag.end], spanOf(text, 'Talks resume on Friday'));
    assert.equal(tag.status, 'anchored');
    text = text.replace('resume on', 'resume early on');
    store.updateText(source, text);
    [tag] = store.list(source);
    assert.equal(tag.text, 'Talks resume early on Friday');
    // Delete the whole line: the tag is kept as an orphan, with its words.
    text = text.replace('Talks resume early on Friday.\r\n', '');
    store.updateText(source, text);
    [tag] = store.list(source);
    assert.equal(tag.status, 'orphaned');
    assert.equal(tag.text, 'Talks resume early on Friday');
    store.save(source);
    assert.equal(disk().tags[0].status, 'orphaned');
    // The words come back (an undo in the editor): the tag finds them again.
    text = text + 'Talks resume early on Friday.\r\n';
    store.updateText(source, text);
    [tag] = store.list(source);
    assert.equal(tag.status, 'moved');
    assert.deepEqual([tag.start, tag.end], spanOf(text, 'Talks resume early on Friday'));
  });

  it('never drops a tag through any sequence of live edits, and keeps its words when edits miss them (property)', () => {
    const words = 'Talks resume on Friday.';
    const store = new TagStore({ now, newId });
    store.open(source, TEXT);
    const { id } = store.add(source, ...spanOf(TEXT, words), 'claim');
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat(), remove: fc.nat({ max: 30 }), insert: fc.string({ maxLength: 10 }) }), {
          minLength: 1,
          maxLength: 10,
        }),
        (edits) => {
          store.open(source, TEXT); // back to the saved tag: live edits are not written
          let text = TEXT;
          let untouched = true;
          for (const e of edits) {
            const at = e.at % (text.length + 1);
            const [s, end] = [text.indexOf(words), text.indexOf(words) + words.length];
            if (s === -1 || (at < end && at + e.remove > s) || (at > s && at < end)) untouched = false;
            text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
            store.updateText(source, text);
            const tags = store.list(source);
            assert.deepEqual(
              tags.map((t) => t.id),
              [id],
            );
          }
          const [tag] = store.list(source);
          if (untouched && text.split(words).length === 2) {
            assert.equal(tag.text, words);
            const index = new CodePointIndex(text);
            assert.equal(text.slice(index.toUtf16(tag.start), index.toUtf16(tag.end)), words);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('re-anchors on open when the source was replaced on disk', () => {
    const store = new TagStore({ now, newId });
    store.open(source, TEXT);
    store.add(source, ...spanOf(TEXT, 'No comment from Moscow.'), 'denial');
    const replaced = 'Re-scraped header\n\n' + TEXT.replace(/\r\n/g, '\n');
    writeFileSync(source, replaced);
    const reader = new TagStore();
    reader.open(source, replaced);
    const [tag] = reader.list(source);
    assert.equal(tag.status, 'moved');
    assert.deepEqual([tag.start, tag.end], spanOf(replaced, 'No comment from Moscow.'));
  });

  it('merges an external write: union by id, the newer edit wins, nothing lost', () => {
    const store = new TagStore({ now, newId });
    store.open(source, TEXT);
    const mine = store.add(source, ...spanOf(TEXT, 'Talks resume'), 'claim');
    const shared = store.add(source, ...spanOf(TEXT, 'the mayor said'), 'attribution');
    // Another editor loaded the file, edited `shared` later than us, added its own tag, and never saw `mine`.
    const theirs = disk();
    theirs.tags = theirs.tags
      .filter((t) => t.id !== mine.id)
      .map((t) => ({ ...t, note: 'their note', modified: '2026-11-25T12:00:00.000Z' }));
    theirs.tags.push({
      ...theirs.tags[0],
      id: 'other-1',
      tag: 'threat',
      note: '',
      modified: undefined,
      created: '2026-11-25T11:00:00.000Z',
    });
    delete theirs.tags[1].modified;
    writeFileSync(sidecarPathFor(source), serializeSidecar(theirs));
    assert.equal(store.reload(source), true);
    const merged = store.list(source);
    assert.deepEqual(merged.map((t) => t.id).sort(), [mine.id, shared.id, 'other-1'].sort());
    assert.equal(merged.find((t) => t.id === shared.id)?.note, 'their note');
    // The merge is written back so the other side sees our tag too; a second reload changes nothing.
    assert.deepEqual(
      disk()
        .tags.map((t) => t.id)
        .sort(),
      [mine.id, shared.id, 'other-1'].sort(),
    );
    assert.equal(store.reload(source), false);
  });

  it('keeps our newer edit over an older one on disk, and a removal over a stale copy', () => {
    const store = new TagStore({ now, newId });
    store.open(source, TEXT);
    const a = store.add(source, ...spanOf(TEXT, 'Talks resume'), 'claim');
    const b = store.add(source, ...spanOf(TEXT, 'No comment'), 'denial');
    const stale = readFileSync(sidecarPathFor(source), 'utf8');
    store.update(source, a.id, { note: 'ours, newer' });
    store.remove(source, b.id);
    writeFileSync(sidecarPathFor(source), stale); // e.g. a git checkout of the older file
    store.reload(source);
    assert.deepEqual(
      store.list(source).map((t) => [t.id, t.note]),
      [[a.id, 'ours, newer']],
    );
  });

  it('undoes add, edit and remove in order', () => {
    const store = new TagStore({ now, newId });
    store.open(source, TEXT);
    const tag = store.add(source, ...spanOf(TEXT, 'Talks resume'), 'claim');
    store.update(source, tag.id, { tag: 'denial', note: 'n' });
    store.remove(source, tag.id);
    assert.equal(store.undo(source), 'remove denial');
    assert.deepEqual(
      store.list(source).map((t) => t.tag),
      ['denial'],
    );
    assert.equal(store.undo(source), 'edit claim');
    assert.deepEqual(
      store.list(source).map((t) => [t.tag, t.note]),
      [['claim', '']],
    );
    assert.equal(store.undo(source), 'add claim');
    assert.deepEqual(store.list(source), []);
    assert.deepEqual(disk().tags, []);
    assert.equal(store.undo(source), null);
  });

  it('merges a sidecar changed on disk before the watcher reported it, instead of overwriting it', () => {
    const store = new TagStore({ now, newId });
    store.open(source, TEXT);
    store.add(source, ...spanOf(TEXT, 'Talks resume'), 'claim');
    // The CLI adds a tag to the same file while the editor has it open.
    const cli = new TagStore({ now, newId: () => 'from-cli' });
    cli.open(source, TEXT);
    cli.add(source, ...spanOf(TEXT, 'No comment'), 'denial');
    // No reload yet: the editor's next change must keep the CLI's tag.
    store.add(source, ...spanOf(TEXT, 'the mayor said'), 'cue');
    assert.deepEqual(
      disk()
        .tags.map((t) => t.tag)
        .sort(),
      ['claim', 'cue', 'denial'],
    );
    assert.deepEqual(
      store
        .list(source)
        .map((t) => t.tag)
        .sort(),
      ['claim', 'cue', 'denial'],
    );
  });

  it('undo takes back only its own change, never tags merged in since', () => {
    const store = new TagStore({ now, newId });
    store.open(source, TEXT);
    store.add(source, ...spanOf(TEXT, 'Talks resume'), 'claim');
    const cli = new TagStore({ now, newId: () => 'from-cli' });
    cli.open(source, TEXT);
    cli.add(source, ...spanOf(TEXT, 'No comment'), 'denial');
    store.reload(source);
    assert.equal(store.undo(source), 'add claim');
    assert.deepEqual(
      store.list(source).map((t) => t.id),
      ['from-cli'],
    );
    assert.deepEqual(
      disk().tags.map((t) => t.id),
      ['from-cli'],
    );
  });

  it('sets, replaces and clears an attribution correction for a quote', () => {
    const store = new TagStore({ now, newId });
    store.open(source, TEXT);
    const [start, end] = spanOf(TEXT, '“We will hold the line,”');
    store.setAttribution(source, start, end, 'Vitali Klitschko');
    store.setAttribution(source, start, end, 'Volodymyr Zelensky');
    assert.deepEqual(
      disk().attributions.map((a) => [a.quote.exact, a.speaker]),
      [['“We will hold the line,”', 'Volodymyr Zelensky']],
    );
    assert.deepEqual(
      store.attributionOverrides(source).map((a) => a.speaker),
      ['Volodymyr Zelensky'],
    );
    assert.deepEqual(store.attributions(source)[0].span, { start, end });
    store.setAttribution(source, start, end, null);
    assert.deepEqual(disk().attributions, []);
    assert.equal(store.undo(source), 'remove attribution');
    assert.deepEqual(
      disk().attributions.map((a) => a.speaker),
      ['Volodymyr Zelensky'],
    );
    assert.equal(store.undo(source), 'attribute to Volodymyr Zelensky');
    assert.deepEqual(
      disk().attributions.map((a) => a.speaker),
      ['Vitali Klitschko'],
    );
  });

  it('marks a quote as not a quote: stored without a speaker, passed to the analysis, undone like any correction', () => {
    const store = new TagStore({ now, newId });
    store.open(source, TEXT);
    const [start, end] = spanOf(TEXT, '“We will hold the line,”');
    store.setAttribution(source, start, end, 'Vitali Klitschko');
    store.setAttribution(source, start, end, null, true);
    const stored = JSON.parse(readFileSync(sidecarPathFor(source), 'utf8')) as { attributions: Record<string, unknown>[] };
    assert.deepEqual(
      stored.attributions.map((a) => Object.keys(a)),
      [['quote', 'notQuote']],
    );
    assert.deepEqual(
      store.attributionOverrides(source).map((a) => [a.exact, a.notQuote]),
      [['“We will hold the line,”', true]],
    );
    assert.equal(store.attributions(source)[0].notQuote, true);
    assert.equal(store.undo(source), 'mark as not a quote');
    assert.deepEqual(
      disk().attributions.map((a) => [a.speaker, a.notQuote]),
      [['Vitali Klitschko', undefined]],
    );
  });

  it('refuses empty ranges, ranges past the end and blank tag names', () => {
    const store = new TagStore();
    store.open(source, TEXT);
    const length = [...TEXT].length;
    assert.throws(() => store.add(source, 3, 3, 'x'), /range must be non-empty/);
    assert.throws(() => store.add(source, 0, length + 1, 'x'), /inside the text/);
    assert.throws(() => store.add(source, 0, 2, '  '), /needs a name/);
    assert.equal(existsSync(sidecarPathFor(source)), false);
  });
});
