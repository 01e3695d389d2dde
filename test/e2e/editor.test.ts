// UI end-to-end: the packaged extension in code-server, driven through chromium like a user would.
// What to look for comes from the analysis core (the oracle); what is tested is that it reaches the screen.
// Run through `npm run test:e2e`, which starts code-server with the .vsix installed on a copy of seeds/.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { analyzeUtf16 } from '../../server/src/analysis';
import type { Analysis, Span } from '../../server/src/analysis';
import { eventually } from './eventually';
import { Workbench, e2eEnvironment, type TokenInspection } from './workbench';

const LAVROV_SEED = '004_751050ed58a9faf9.txt';
const OTHER_SEED = '000_2ebd0813046cf1ef.txt';
/** The words the tagging steps tag: a short passage that sits on one line of the editor. */
const PASSAGE = 'finding common ground';
const TAG = 'claim';
const NOTE = 'tagged by the UI test';
/** A line an editor might add above the story. */
const EDIT_ABOVE = "UPDATED with the minister's remarks in Moscow";
const repo = path.resolve(__dirname, '..', '..');

interface SidecarTag {
  tag: string;
  note: string;
  target: { selector: Array<{ type: string; exact?: string; start?: number; end?: number }> };
}

interface ListedTag {
  id: string;
  tag: string;
  note: string;
  text: string;
  status: string;
}

/** The tags of a file as the CLI sees them after re-anchoring against the text on disk. */
function cliTagList(file: string): ListedTag[] {
  const run = spawnSync(process.execPath, [path.join(repo, 'bin', 'seed-annotator.js'), 'tag', 'list', file, '--json'], {
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, `seed-annotator tag list failed: ${run.stderr}`);
  const parsed = JSON.parse(run.stdout) as Array<{ tags?: ListedTag[] } | ListedTag>;
  // Either one entry per file with its tags, or a flat list of tags.
  return parsed.flatMap((entry) => ('tags' in entry && Array.isArray(entry.tags) ? entry.tags : [entry as ListedTag]));
}

/** A piece of a span that the find widget can look for (one line, not too long) and which occurrence it is. */
function findable(text: string, span: Span): { needle: string; nth: number } {
  let needle = text.slice(span.start, span.end).split(/\r?\n|\r/)[0];
  // Skip an opening quotation mark: the word after it is the quote's own token.
  needle = needle
    .replace(/^["“«‘']\s*/, '')
    .slice(0, 24)
    .trimEnd();
  const lower = text.toLowerCase();
  const start = text.indexOf(needle, span.start);
  let nth = 0;
  for (let at = lower.indexOf(needle.toLowerCase()); at >= 0 && at <= start; at = lower.indexOf(needle.toLowerCase(), at + needle.length)) {
    nth += 1;
  }
  return { needle, nth };
}

/** The first word (letters/digits) of a needle, to find its rendered span. */
function firstWord(needle: string): string {
  return /[\p{L}\p{N}]+/u.exec(needle)?.[0] ?? needle;
}

describe('Seed Annotator in code-server (UI end to end)', function () {
  this.timeout(120_000);
  let env: ReturnType<typeof e2eEnvironment>;
  let workbench: Workbench;
  const texts = new Map<string, string>();
  const analyses = new Map<string, Analysis>();

  before(async function () {
    env = e2eEnvironment();
    for (const name of [LAVROV_SEED, OTHER_SEED]) {
      const text = fs.readFileSync(path.join(env.workspace, name), 'utf8');
      texts.set(name, text);
      analyses.set(name, analyzeUtf16(text));
    }
    workbench = await Workbench.open(env.url, env.artifacts);
  });

  after(async function () {
    if (!workbench) return;
    // Not a check: the picture for the README (scripts/test-e2e.mjs copies it with SEED_E2E_UPDATE_SCREENSHOT=1).
    try {
      await workbench.openViewContainer('Seed Annotator');
      await workbench.openFile(LAVROV_SEED);
      await workbench.cursorInto('Lavrov said', 2);
      await workbench.hoverAtCursor(/Sergei Lavrov/);
      await workbench.page.waitForTimeout(1000); // the hover fades in
      await workbench.screenshot('overview');
    } catch (error) {
      await workbench.screenshot('overview-failed').catch(() => undefined);
      console.log(`  (no overview screenshot: ${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
    }
    await workbench.close();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && workbench) {
      await workbench.screenshot(`failed-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 40)}`);
    }
  });

  for (const name of [OTHER_SEED, LAVROV_SEED]) {
    it(`opens ${name} as a seed article with the extension active`, async function () {
      await workbench.openFile(name);
      const language = workbench.page.locator('#status\\.editor\\.mode');
      await language.filter({ hasText: 'Seed' }).waitFor({ timeout: 30_000 });
      await workbench.screenshot(`open-${name.slice(0, 3)}`);
    });

    for (const kind of ['dateline', 'speaker', 'quote'] as const) {
      it(`colours ${kind}s of ${name} with semantic tokens, not only the TextMate grammar`, async function () {
        // Self-contained (opens the file, finds the span again), so a retry is safe. On a loaded 2-core CI machine the
        // workbench now and then misses a keystroke or leaves a widget over the editor; a retry starts clean.
        this.retries(2);
        const text = texts.get(name) as string;
        const analysis = analyses.get(name) as Analysis;
        const span: Span | undefined =
          kind === 'dateline'
            ? (analysis.datelines.find((d) => d.primary) ?? analysis.datelines[0])
            : kind === 'speaker'
              ? (analysis.speakers.find((s) => s.kind === 'person')?.mentions[0] ?? analysis.speakers[0]?.mentions[0])
              : analysis.quotes[0];
        assert.ok(span, `the analysis finds no ${kind} in ${name}`);
        const { needle, nth } = findable(text, span);
        await workbench.openFile(name);
        // Semantic tokens arrive after the grammar's colours; ask again until the server has answered.
        let inspection: TokenInspection | undefined;
        for (let attempt = 0; attempt < 20 && inspection?.semanticType !== kind; attempt++) {
          if (inspection) {
            await workbench.closeTokenInspection();
            await workbench.page.waitForTimeout(500);
          }
          await workbench.cursorInto(needle, nth);
          inspection = await workbench.inspectToken();
        }
        assert.ok(inspection);
        await workbench.screenshot(`${kind}-${name.slice(0, 3)}`);
        await workbench.closeTokenInspection();
        assert.equal(inspection.semanticType, kind, `token at "${needle}":\n${inspection.raw}`);
        assert.ok(inspection.semanticForeground, `no theme colour for the semantic token at "${needle}":\n${inspection.raw}`);
        assert.equal(inspection.foreground, inspection.semanticForeground, 'the applied colour is not the semantic one');
        const colours = await workbench.renderedColours(firstWord(needle));
        assert.ok(
          colours.includes(inspection.semanticForeground),
          `no rendered span of "${firstWord(needle)}" has the semantic colour ${inspection.semanticForeground}: ${colours.join(', ')}`,
        );
      });
    }
  }

  it('hover on "Lavrov" shows "Sergei Lavrov" and his role', async function () {
    this.retries(2); // self-contained, like the colour checks above
    const text = texts.get(LAVROV_SEED) as string;
    const speaker = (analyses.get(LAVROV_SEED) as Analysis).speakers.find((s) => s.mentions.some((m) => m.text === 'Lavrov'));
    assert.ok(speaker, 'the analysis finds no speaker mentioned as "Lavrov"');
    assert.match(speaker.name, /Sergei Lavrov/);
    assert.ok(speaker.role, 'the analysis gives Lavrov no role');
    const surname = speaker.mentions.find((m) => m.text === 'Lavrov') as Span;
    const { needle, nth } = findable(text, surname);
    await workbench.openFile(LAVROV_SEED);
    await workbench.cursorInto(needle, nth);
    const hover = await workbench.hoverAtCursor(/Sergei Lavrov/);
    await workbench.screenshot('hover-lavrov');
    assert.ok(hover.includes('Sergei Lavrov'), hover);
    assert.ok(hover.includes(speaker.role), `hover lacks the role "${speaker.role}": ${hover}`);
    await workbench.page.keyboard.press('Escape');
  });

  describe('tagging', function () {
    let sidecar: string;
    let source: string;

    before(async function () {
      // The steps below edit one article in one editor: start from a single empty group.
      await workbench.resetLayout();
      source = path.join(env.workspace, LAVROV_SEED);
      sidecar = `${source}.tags.json`;
      fs.rmSync(sidecar, { force: true });
    });

    it('"Tag Selection" tags the selected passage, decorates it and saves the sidecar next to the file', async function () {
      await workbench.openFile(LAVROV_SEED);
      await workbench.select(PASSAGE);
      await workbench.runCommand('Seed Annotator: Tag Selection');
      await workbench.pickQuickInput(TAG);
      await workbench.typeIntoInputBox(NOTE);
      const decorated = await eventually('the tag decoration', async () =>
        (await workbench.decorationsOn(PASSAGE)) > 0 ? true : undefined,
      );
      assert.ok(decorated);
      await workbench.screenshot('tagged');

      const stored = await eventually('the sidecar on disk', () => {
        if (!fs.existsSync(sidecar)) return undefined;
        const tags = (JSON.parse(fs.readFileSync(sidecar, 'utf8')) as { tags: SidecarTag[] }).tags;
        return tags.length > 0 ? tags : undefined;
      });
      assert.equal(stored.length, 1);
      assert.equal(stored[0].tag, TAG);
      assert.equal(stored[0].note, NOTE);
      const quote = stored[0].target.selector.find((selector) => selector.type === 'TextQuoteSelector');
      assert.equal(quote?.exact, PASSAGE);
    });

    it('keeps the tag on its words when text is inserted above it (on screen and after saving)', async function () {
      await workbench.focusEditor();
      await workbench.page.keyboard.press('Control+Home');
      await workbench.page.keyboard.type(EDIT_ABOVE);
      await workbench.page.keyboard.press('Enter');
      await workbench.page.keyboard.press('Control+S');
      await eventually('the saved file', () => (fs.readFileSync(source, 'utf8').startsWith(EDIT_ABOVE) ? true : undefined));
      // The decoration follows the words down one line.
      await eventually('the decoration on the moved words', async () => ((await workbench.decorationsOn(PASSAGE)) > 0 ? true : undefined));
      await workbench.screenshot('tag-after-edit');
      // Re-anchored against the saved text, the tag still covers exactly its words.
      const listed = await eventually('the re-anchored tag', () => {
        const tags = cliTagList(source).filter((tag) => tag.tag === TAG);
        return tags.length > 0 ? tags : undefined;
      });
      assert.equal(listed.length, 1);
      assert.equal(listed[0].text, PASSAGE);
      assert.notEqual(listed[0].status, 'orphaned');
    });

    it('opens the Speakers and Tags views, which list Sergei Lavrov and the tag', async function () {
      await workbench.openViewContainer('Seed Annotator');
      const speakers = await workbench.viewPane('Speakers');
      await speakers.locator('.monaco-list-row', { hasText: 'Sergei Lavrov' }).first().waitFor({ timeout: 20_000 });
      const tags = await workbench.viewPane('Tags');
      await workbench.expandAll(tags);
      await tags.locator('.monaco-list-row', { hasText: TAG }).first().waitFor({ timeout: 20_000 });
      await workbench.screenshot('views');
    });

    it('exports the tags as CSV next to the seeds', async function () {
      await workbench.openFile(LAVROV_SEED);
      await workbench.runCommand('Seed Annotator: Export Tags');
      await workbench.pickQuickInput('CSV');
      await workbench.pickQuickInput('This file');
      // The save dialog (code-server's own) proposes a name in the workspace folder: accept it.
      const target = await workbench.acceptSaveDialog();
      assert.ok(target.endsWith('.csv'), `the save dialog proposed ${target}`);
      const exported = path.join(env.workspace, path.basename(target));
      // The notice comes after the write; code-server's remote file system may create the file
      // empty before its bytes arrive, so the file is read once the notice shows and its rows are in.
      await workbench.page
        .locator('.notification-toast', { hasText: /exported 1 tag/ })
        .first()
        .waitFor({ timeout: 20_000 });
      const csv = await eventually('the exported CSV with its tag row', () => {
        const text = fs.existsSync(exported) ? fs.readFileSync(exported, 'utf8') : '';
        return text.includes(PASSAGE) ? text : undefined;
      });
      assert.ok(csv.includes(TAG), csv);
      await workbench.screenshot('export');
    });

    it('"Compute Coder Agreement" shows the figures `seed-annotator agreement` prints, once a second coder tagged', async function () {
      // A second coder marks part of the same passage from the command line (the first tag's coder is the OS user).
      const cli = (...args: string[]) =>
        spawnSync(process.execPath, [path.join(repo, 'bin', 'seed-annotator.js'), ...args], { encoding: 'utf8', cwd: env.workspace });
      const added = cli('tag', 'add', source, '--text', 'common ground', '--tag', TAG, '--coder', 'e2e-second-coder');
      assert.equal(added.status, 0, added.stderr);
      const expected = cli('agreement', '.', '--json');
      assert.equal(expected.status, 0, expected.stderr);
      const claim = (
        JSON.parse(expected.stdout) as {
          tags: { tag: string; alpha: number; kappa: number; agreement: number; units: { total: number } }[];
        }
      ).tags.find((t) => t.tag === TAG)!;
      const cells = [
        TAG,
        claim.alpha.toFixed(3),
        claim.kappa.toFixed(3),
        `${(claim.agreement * 100).toFixed(1)}%`,
        String(claim.units.total),
      ];
      await workbench.openFile(LAVROV_SEED);
      const groups = workbench.page.locator('.part.editor .editor-group-container');
      const groupsBefore = await groups.count();
      await workbench.runCommand('Seed Annotator: Compute Coder Agreement');
      // The rendered report opens as a tab of the article's group (a Markdown preview: a webview in two frames).
      await workbench.page
        .locator('.editor-group-container.active .tab.active', { hasText: 'Coder agreement' })
        .waitFor({ timeout: 30_000 });
      const preview = workbench.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
      const shown = preview.locator('tr', { has: preview.locator('td', { hasText: new RegExp(`^${TAG}$`) }) }).first();
      await shown.waitFor({ timeout: 30_000 });
      assert.deepEqual(
        (await shown.locator('td').allInnerTexts()).slice(0, cells.length).map((cell) => cell.trim()),
        cells,
      );
      assert.equal(await groups.count(), groupsBefore, 'the report took an editor group of its own');
      await workbench.screenshot('agreement');
    });
  });

  describe('Review Quotes', function () {
    /** A copy of a seed with one quote's cue taken away, so the analysis cannot say who said it. */
    const REVIEW_SEED = '005_0a1b2c3d4e5f6a7b.txt';
    const AMBIGUOUS = 'I am sure that relations between Russia and Turkey';
    let source: string;

    before(async function () {
      const original = fs.readFileSync(path.join(repo, 'seeds', LAVROV_SEED), 'utf8');
      const text = original.replace('," Lavrov said, stressing that', '." Some stressed that');
      assert.notEqual(text, original, 'the seed still has the cue the test removes');
      // The oracle: that quote is the only one the analysis leaves without a sure speaker.
      const analysis = analyzeUtf16(text);
      const unsure = analysis.quotes.filter((q) => q.speakerId === null || (q.confidence ?? 0) < 0.8);
      assert.deepEqual(
        unsure.map((q) => q.speakerId === null && q.text.includes(AMBIGUOUS)),
        [true],
      );
      source = path.join(env.workspace, REVIEW_SEED);
      fs.writeFileSync(source, text);
      fs.rmSync(`${source}.tags.json`, { force: true });
      // One editor group, nothing open: what the tagging steps left (the agreement report) must not matter here.
      await workbench.resetLayout();
    });

    it('walks the unattributed quote, saves the picked speaker in the sidecar and shows it in the hover', async function () {
      await workbench.openFile(REVIEW_SEED);
      await workbench.runCommand('Seed Annotator: Review Quotes');
      await workbench.pickQuickInput('This file');
      await workbench.page
        .locator('.quick-input-widget', { hasText: /Review Quotes: 1 of 1/ })
        .first()
        .waitFor({ timeout: 20_000 });
      await workbench.screenshot('review-quotes');
      await workbench.pickQuickInput('Sergei Lavrov');

      const stored = await eventually('the correction in the sidecar', () => {
        if (!fs.existsSync(`${source}.tags.json`)) return undefined;
        const sidecar = JSON.parse(fs.readFileSync(`${source}.tags.json`, 'utf8')) as {
          attributions: { quote: { exact: string }; speaker?: string }[];
        };
        return sidecar.attributions.length > 0 ? sidecar.attributions : undefined;
      });
      assert.equal(stored.length, 1);
      assert.ok(stored[0].quote.exact.includes(AMBIGUOUS), stored[0].quote.exact);
      assert.equal(stored[0].speaker, 'Sergei Lavrov');

      await workbench.cursorInto(AMBIGUOUS);
      const hover = await workbench.hoverAtCursor(/Quote by Sergei Lavrov/);
      assert.match(hover, /Confidence 1\.00/);
      await workbench.screenshot('review-quotes-hover');
      for (let i = 0; i < 2; i++) await workbench.page.keyboard.press('Escape');
    });
  });
});
