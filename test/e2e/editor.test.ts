// UI end-to-end: the packaged extension in code-server, driven through chromium like a user would.
// What to look for comes from the analysis core (the oracle); what is tested is that it reaches the screen.
// Run through `npm run test:e2e`, which starts code-server with the .vsix installed on a copy of seeds/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyzeUtf16 } from '../../server/src/analysis';
import type { Analysis, Span } from '../../server/src/analysis';
import { Workbench, e2eEnvironment } from './workbench';

const LAVROV_SEED = '004_751050ed58a9faf9.txt';
const OTHER_SEED = '000_2ebd0813046cf1ef.txt';

/** A piece of a span that the find widget can look for (one line, not too long) and which occurrence it is. */
function findable(text: string, span: Span): { needle: string; nth: number } {
  let needle = text.slice(span.start, span.end).split(/\r?\n|\r/)[0];
  // Skip an opening quotation mark: the word after it is the quote's own token.
  needle = needle.replace(/^["“«‘']\s*/, '').slice(0, 24).trimEnd();
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
    if (workbench) await workbench.close();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && workbench) {
      await workbench.screenshot(`failed-${(this.currentTest.title.replace(/\W+/g, '-')).slice(0, 40)}`);
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
        const text = texts.get(name) as string;
        const analysis = analyses.get(name) as Analysis;
        const span: Span | undefined =
          kind === 'dateline'
            ? analysis.datelines.find((d) => d.primary) ?? analysis.datelines[0]
            : kind === 'speaker'
              ? analysis.speakers.find((s) => s.kind === 'person')?.mentions[0] ?? analysis.speakers[0]?.mentions[0]
              : analysis.quotes[0];
        assert.ok(span, `the analysis finds no ${kind} in ${name}`);
        const { needle, nth } = findable(text, span);
        await workbench.openFile(name);
        // Semantic tokens arrive after the grammar's colours; ask again until the server has answered.
        let inspection = await workbench.inspectToken();
        for (let attempt = 0; attempt < 20 && inspection.semanticType !== kind; attempt++) {
          await workbench.closeTokenInspection();
          await workbench.cursorInto(needle, nth);
          inspection = await workbench.inspectToken();
          if (inspection.semanticType !== kind) await workbench.page.waitForTimeout(500);
        }
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
});
