// Drives the code-server workbench like a user: keyboard shortcuts, Quick Open, the command palette, find, hover.
// Selectors are VS Code's own DOM classes (stable across 1.9x).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, sealedContext } from './browser';

/** Settings of the e2e run, passed by scripts/test-e2e.mjs. */
export function e2eEnvironment(): { url: string; workspace: string; artifacts: string } {
  const url = process.env.SEED_E2E_URL;
  const workspace = process.env.SEED_E2E_WORKSPACE;
  const artifacts = process.env.SEED_E2E_ARTIFACTS;
  if (!url || !workspace || !artifacts) {
    throw new Error('the UI tests need a running code-server: run them with `npm run test:e2e`');
  }
  return { url, workspace, artifacts };
}

/** The little of the DOM the page functions below use (the project's typecheck has no DOM library). */
interface PageElement {
  innerText: string;
  children: ArrayLike<PageElement>;
  className: string;
  getBoundingClientRect(): PageBox;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}
interface PageBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
}
interface PageWindow {
  getComputedStyle(element: PageElement): { color: string };
}

export class Workbench {
  private shot = 0;

  private constructor(
    readonly browser: Browser,
    readonly page: Page,
    private readonly artifacts: string,
  ) {}

  static async open(url: string, artifacts: string): Promise<Workbench> {
    const browser = await launchChromium();
    const context = await sealedContext(browser);
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The explorer shows the folder once the remote connection and the file service are up.
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    fs.mkdirSync(artifacts, { recursive: true });
    return new Workbench(browser, page, artifacts);
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  /** Saves a numbered screenshot under test-artifacts/ and returns its path. */
  async screenshot(step: string): Promise<string> {
    this.shot += 1;
    const file = path.join(this.artifacts, `ui-${String(this.shot).padStart(2, '0')}-${step}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Opens a workspace file through Quick Open (Ctrl+P) and waits for its editor. */
  async openFile(name: string): Promise<void> {
    // A file written just before may not be in the file search yet ("No matching results"): asked again.
    await this.openQuickInput('Control+P', name, name);
    await this.page.keyboard.press('Enter');
    await this.page.locator(`.tab.active[aria-label^="${name}"]`).waitFor();
    await this.activeEditor().locator('.view-line').first().waitFor();
  }

  /**
   * Presses `key` (Quick Open, the command palette), types `text` and waits for a row showing `row`. Keys pressed
   * while a webview (a Markdown preview, the dashboard) has the focus stay in its frame, and a webview that finishes
   * loading may take the focus and close the input again: then the focus goes back to the workbench by a click on
   * the active tab, and the whole step is tried again; the fifth miss fails loudly.
   */
  private async openQuickInput(key: string, text: string, row: string): Promise<void> {
    const input = this.quickInput();
    const match = this.page.locator('.quick-input-list .monaco-list-row', { hasText: row }).first();
    for (let attempt = 1; ; attempt++) {
      try {
        await this.page.keyboard.press(key);
        await input.fill(text, { timeout: 5_000 });
        await match.waitFor({ timeout: 10_000 });
        return;
      } catch (error) {
        if (attempt === 5) throw error;
        await this.page.keyboard.press('Escape');
        // With no editor open there is no tab, and no webview to take the focus either.
        const tab = this.page.locator('.editor-group-container.active .tab.active').first();
        if ((await tab.count()) > 0) await tab.click({ timeout: 5_000 }).catch(() => undefined);
        await this.page.waitForTimeout(500);
      }
    }
  }

  activeEditor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /**
   * Gives the keyboard focus to the text of the active editor. Its input element takes the focus directly, as Tab
   * would give it: a click at some pixel of the text can land on whatever covers that point (a widget, a sash, the
   * page of a group too narrow to show it), and a miss there sends the next keys elsewhere.
   */
  async focusEditor(): Promise<void> {
    const editor = this.activeEditor();
    await editor.locator('textarea.inputarea').first().focus();
    await this.page
      .locator('.editor-group-container.active .monaco-editor.focused')
      .first()
      .waitFor({ timeout: 5_000 })
      .catch((err: Error) => {
        throw new Error(`the active editor did not take the focus: ${err.message}`);
      });
  }

  /** Closes every editor and every group but one, as a describe that starts from an empty window expects. */
  async resetLayout(): Promise<void> {
    const groups = this.page.locator('.part.editor .editor-group-container');
    for (let attempt = 1; ; attempt++) {
      await this.runCommand('View: Close All Editor Groups');
      // An editor that was still opening (a preview, a webview) can arrive after the close: then close again.
      const deadline = Date.now() + 5_000;
      while (Date.now() < deadline && ((await groups.count()) !== 1 || (await this.page.locator('.part.editor .tab').count()) > 0)) {
        await this.page.waitForTimeout(250);
      }
      const left = { groups: await groups.count(), tabs: await this.page.locator('.part.editor .tab').count() };
      if (left.groups === 1 && left.tabs === 0) return;
      if (attempt === 3) throw new Error(`resetLayout: ${left.groups} editor group(s) and ${left.tabs} tab(s) left after 3 tries`);
    }
  }

  /** Runs a command by its title from the command palette (F1). */
  async runCommand(title: string): Promise<void> {
    await this.openQuickInput('F1', `>${title}`, title);
    await this.page.keyboard.press('Enter');
  }

  /**
   * Selects the `nth` occurrence (1-based) of `text` in the active editor: the find widget selects the first match
   * from the top as it is typed, Enter moves to the next one; Escape closes the widget and keeps the selection.
   */
  async select(text: string, nth = 1): Promise<void> {
    // Close whatever may still cover the editor (a quick input, the token inspector, a find widget) before clicking.
    for (let i = 0; i < 2; i++) await this.page.keyboard.press('Escape');
    // Focus the text first: Ctrl+F elsewhere (explorer, panel) opens another find.
    await this.focusEditor();
    await this.page.keyboard.press('Control+Home');
    await this.page.keyboard.press('Control+F');
    const find = this.page.locator('.editor-group-container.active .find-widget textarea').first();
    await find.waitFor();
    await find.fill(text);
    const count = this.page.locator('.editor-group-container.active .find-widget .matchesCount', { hasText: /(\d+|\?) of \d+/ });
    await count.waitFor();
    // "? of N": the widget found the matches but did not move to one (it happens when typing races the search);
    // Enter moves to the first match from the top, as typing would have.
    let atFirst = /^\d+ of/.test((await count.textContent()) ?? '');
    if (!atFirst) {
      await this.page.waitForTimeout(300); // the search may still be settling onto the first match
      atFirst = /^\d+ of/.test((await count.textContent()) ?? '');
    }
    for (let i = atFirst ? 1 : 0; i < nth; i++) await this.page.keyboard.press('Enter');
    // Escape may first be taken by a notification toast (it hides toasts); press until the find widget is gone.
    const widget = this.page.locator('.editor-group-container.active .find-widget.visible');
    for (let i = 0; i < 5 && (i === 0 || (await widget.count()) > 0); i++) {
      await this.page.keyboard.press('Escape');
      await widget.waitFor({ state: 'detached', timeout: 1000 }).catch(() => undefined); // pressed again below
    }
    if ((await widget.count()) > 0) throw new Error(`select(${JSON.stringify(text)}): the find widget did not close after 5 Escapes`);
  }

  /** Puts the cursor inside the `nth` occurrence of `text` (two characters in), with nothing selected. */
  async cursorInto(text: string, nth = 1): Promise<void> {
    await this.select(text, nth);
    await this.page.keyboard.press('ArrowLeft');
    await this.page.keyboard.press('ArrowRight');
    await this.page.keyboard.press('ArrowRight');
  }

  /** Runs "Developer: Inspect Editor Tokens and Scopes" at the cursor and reads the widget, then closes it. */
  async inspectToken(): Promise<TokenInspection> {
    await this.runCommand('Developer: Inspect Editor Tokens and Scopes');
    const inspection = await readTokenInspection(this.page);
    return inspection;
  }

  async closeTokenInspection(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page
      .locator('.token-inspect-widget')
      .waitFor({ state: 'detached' })
      .catch((err: Error) => {
        throw new Error(`the token inspection widget did not close: ${err.message}`);
      });
  }

  /** Shows the hover at the cursor ("Show or Focus Hover") and returns its text once it has some. */
  async hoverAtCursor(expect: RegExp): Promise<string> {
    await this.runCommand('Show or Focus Hover');
    const hover = this.page.locator('.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content', { hasText: expect }).first();
    await hover.waitFor({ timeout: 20_000 });
    return hover.innerText();
  }

  private quickInput(): Locator {
    return this.page.locator('.quick-input-widget .quick-input-box input');
  }

  /** Waits until the open quick input no longer shows `value` (it closed, or the next prompt replaced it). */
  private async quickInputMovedOn(value: string): Promise<void> {
    const input = this.quickInput();
    for (let i = 0; i < 100; i++) {
      if (!(await input.isVisible()) || (await input.inputValue()) !== value) return;
      await this.page.waitForTimeout(100);
    }
    throw new Error(`the quick input still shows ${JSON.stringify(value)} after 10 s: Enter was not taken`);
  }

  /** In an open quick pick, types `label`, waits for a matching item and accepts the first one. */
  async pickQuickInput(label: string): Promise<void> {
    const input = this.quickInput();
    await input.waitFor();
    await input.fill(label);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.quickInputMovedOn(label);
  }

  /** Answers an open input box. */
  async typeIntoInputBox(text: string): Promise<void> {
    const input = this.quickInput();
    await input.waitFor();
    await input.fill(text);
    await this.page.keyboard.press('Enter');
    await this.quickInputMovedOn(text);
  }

  /** Accepts the file path code-server's save dialog proposes (once it has filled in the name) and returns it. */
  async acceptSaveDialog(): Promise<string> {
    const input = this.quickInput();
    await input.waitFor();
    // The dialog first shows a folder, then the proposed file name.
    let proposed = await input.inputValue();
    for (let i = 0; i < 100 && !/[^/]\.[\w-]+$/.test(proposed); i++) {
      await this.page.waitForTimeout(100);
      proposed = await input.inputValue();
    }
    if (!/[^/]\.[\w-]+$/.test(proposed))
      throw new Error(`the save dialog never proposed a file name (it shows ${JSON.stringify(proposed)})`);
    await this.page.keyboard.press('Enter');
    await this.quickInputMovedOn(proposed);
    return proposed;
  }

  /**
   * How many extension decorations (TextEditorDecorationType) cover exactly the words `text`, on screen:
   * the decoration's box must span the words' box in the rendered line, within a character at each end.
   */
  async decorationsOn(text: string): Promise<number> {
    const line = this.activeEditor().locator('.view-line', { hasText: text }).first();
    if ((await line.count()) === 0) return 0;
    const words = await line.evaluate((element: PageElement, wanted: string) => {
      const inner = element.children[0] ?? element;
      const box = inner.getBoundingClientRect();
      const content = inner.innerText.replace(/\u00a0/g, ' ');
      const at = content.indexOf(wanted);
      const charWidth = (box.right - box.left) / Math.max(content.length, 1);
      return {
        left: box.left + at * charWidth,
        right: box.left + (at + wanted.length) * charWidth,
        top: box.top,
        bottom: box.bottom,
        charWidth,
        at,
      };
    }, text);
    if (words.at < 0) return 0;
    const boxes = await this.activeEditor()
      .locator('.view-overlays [class*="ced-"]')
      .evaluateAll((elements: PageElement[]) => elements.map((element) => element.getBoundingClientRect()));
    return boxes.filter(
      (box) =>
        box.top < words.bottom &&
        box.bottom > words.top &&
        Math.abs(box.left - words.left) <= words.charWidth &&
        Math.abs(box.right - words.right) <= words.charWidth,
    ).length;
  }

  /** Opens a view container from the activity bar by its title. */
  async openViewContainer(title: string): Promise<void> {
    const item = this.page.locator(`.activitybar .action-item .action-label[aria-label^="${title}"]`).first();
    await item.waitFor();
    const expanded = await item
      .locator('xpath=..')
      .getAttribute('aria-expanded')
      .catch(() => null);
    if (expanded !== 'true') await item.click();
    await this.page
      .locator('.sidebar .composite.title', { hasText: title })
      .first()
      .waitFor()
      .catch((err: Error) => {
        throw new Error(`the "${title}" view container did not open: ${err.message}`);
      });
  }

  /** The body of a view in the side bar, expanded if it was collapsed. */
  async viewPane(title: string): Promise<Locator> {
    const pane = this.page.locator('.sidebar .pane', { has: this.page.locator('.pane-header', { hasText: title }) }).first();
    const header = pane.locator('.pane-header').first();
    await header.waitFor();
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    return pane.locator('.pane-body');
  }

  /** Expands every collapsed row of a tree view (a few levels deep). */
  async expandAll(tree: Locator): Promise<void> {
    for (let i = 0; i < 20; i++) {
      const collapsed = tree.locator('.monaco-list-row[aria-expanded="false"]').first();
      if ((await collapsed.count()) === 0) return;
      await collapsed.click();
      await this.page.waitForTimeout(200);
    }
    throw new Error('expandAll: rows were still collapsed after 20 clicks');
  }

  /** Colours (#RRGGBB) of the rendered token spans that contain `word`, in the visible lines of the active editor. */
  async renderedColours(word: string): Promise<string[]> {
    const spans = this.activeEditor().locator('.view-line span span', { hasText: word });
    const colours = await spans.evaluateAll((elements: PageElement[]) =>
      elements.map((element) => (globalThis as unknown as PageWindow).getComputedStyle(element).color),
    );
    return colours.map(cssColourToHex);
  }
}

/** What "Developer: Inspect Editor Tokens and Scopes" reports for the token at the cursor. */
export interface TokenInspection {
  semanticType: string | undefined;
  modifiers: string | undefined;
  /** The colour the editor applies (semantic when a semantic rule matched, else the TextMate one). */
  foreground: string | undefined;
  /** The colour the TextMate grammar alone would give, when a theme rule matches its scopes. */
  textmateForeground: string | undefined;
  /** The colour of the theme rule that matched the semantic token, when one did. */
  semanticForeground: string | undefined;
  raw: string;
}

/** Reads the inspect widget's key/value rows in order (keys repeat: foreground appears once per section). */
export async function readTokenInspection(page: Page): Promise<TokenInspection> {
  const widget = page.locator('.token-inspect-widget');
  await widget.waitFor();
  const rows = await widget.evaluate((element: PageElement) =>
    Array.from(element.querySelectorAll('tr')).map((tr) => Array.from(tr.children).map((td) => td.innerText.trim())),
  );
  // The semantic section's colour row is keyed "foreground, bold, italic, …" when the rule sets a font style.
  const keys = rows.map((row) => (row[0] ?? '').replace(/^foreground,.*$/, 'foreground'));
  const value = (key: string, from = 0) => {
    const index = keys.indexOf(key, from);
    return index < 0 ? undefined : rows[index][1];
  };
  const hex = (text: string | undefined) => /#[0-9a-f]{6}/i.exec(text ?? '')?.[0].toUpperCase();
  const textmateAt = keys.indexOf('textmate scopes');
  const semanticAt = keys.indexOf('semantic token type');
  return {
    semanticType: value('semantic token type'),
    modifiers: value('modifiers'),
    foreground: hex(value('foreground')),
    textmateForeground: textmateAt < 0 ? undefined : hex(value('foreground', textmateAt)),
    // Only the semantic section (it ends where the TextMate one starts) counts here.
    semanticForeground:
      semanticAt < 0 || (textmateAt >= 0 && keys.indexOf('foreground', semanticAt) > textmateAt)
        ? undefined
        : hex(value('foreground', semanticAt)),
    raw: rows.map((row) => row.join(': ')).join('\n'),
  };
}

/** `rgb(209, 105, 105)` -> `#D16969`. */
export function cssColourToHex(colour: string): string {
  const parts = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(colour);
  if (!parts) return colour;
  return `#${parts
    .slice(1, 4)
    .map((n) => Number(n).toString(16).padStart(2, '0'))
    .join('')}`.toUpperCase();
}
