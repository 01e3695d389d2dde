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
  querySelectorAll(selector: string): ArrayLike<PageElement>;
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
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor();
    await input.fill(name);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator(`.tab.active[aria-label^="${name}"]`).waitFor();
    await this.activeEditor().locator('.view-line').first().waitFor();
  }

  activeEditor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** Runs a command by its title from the command palette (F1). */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor();
    await input.fill(`>${title}`);
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    await row.waitFor();
    await this.page.keyboard.press('Enter');
  }

  /**
   * Selects the `nth` occurrence (1-based) of `text` in the active editor: the find widget selects the first match
   * from the top as it is typed, Enter moves to the next one; Escape closes the widget and keeps the selection.
   */
  async select(text: string, nth = 1): Promise<void> {
    // Focus the text first: Ctrl+F elsewhere (explorer, panel) opens another find.
    await this.activeEditor().locator('.view-lines').click({ position: { x: 5, y: 5 } });
    await this.page.keyboard.press('Control+Home');
    await this.page.keyboard.press('Control+F');
    const find = this.page.locator('.editor-group-container.active .find-widget textarea').first();
    await find.waitFor();
    await find.fill(text);
    await this.page.locator('.editor-group-container.active .find-widget .matchesCount', { hasText: /\d+ of \d+/ }).waitFor();
    for (let i = 1; i < nth; i++) await this.page.keyboard.press('Enter');
    await this.page.keyboard.press('Escape');
    await this.page.locator('.editor-group-container.active .find-widget.visible').waitFor({ state: 'detached' }).catch(() => undefined);
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
    await this.page.locator('.token-inspect-widget').waitFor({ state: 'detached' }).catch(() => undefined);
  }

  /** Shows the hover at the cursor ("Show or Focus Hover") and returns its text once it has some. */
  async hoverAtCursor(expect: RegExp): Promise<string> {
    await this.runCommand('Show or Focus Hover');
    const hover = this.page.locator('.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content', { hasText: expect }).first();
    await hover.waitFor({ timeout: 20_000 });
    return hover.innerText();
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
  return `#${parts.slice(1, 4).map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`.toUpperCase();
}
