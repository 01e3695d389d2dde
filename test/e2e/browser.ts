// Debian's chromium driven by playwright-core, sealed off from every host but 127.0.0.1, for code-server tests.
import fs from 'node:fs';
import { format } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export function chromiumPath(): string {
  return process.env.SEED_CHROMIUM ?? '/usr/bin/chromium';
}

/** Headless chromium that cannot resolve any host but 127.0.0.1 and does no background traffic of its own. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
}

/** A page whose requests to anything but 127.0.0.1 are aborted (a second wall behind the resolver rules). */
export async function sealedContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local = url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:';
    return local ? route.continue() : route.abort('blockedbyclient');
  });
  return context;
}

export interface CodeServerHandle {
  base: string;
  port: number;
}

export interface IntegrationOutcome {
  code: number;
  log: string;
  ms: number;
}

/**
 * Runs the extension's integration suite the way @vscode/test-electron would, but in code-server: the
 * workbench URL carries a `payload` naming the extension under development and the tests' module, and
 * the page reports through window.codeAutomationLog / window.codeAutomationExit, which we expose.
 */
export async function runIntegrationSuite(options: {
  server: CodeServerHandle;
  extensionPath: string;
  testsPath: string;
  folder: string;
  screenshot: string;
  log: (line: string) => void;
  timeoutMs?: number;
}): Promise<IntegrationOutcome> {
  const started = Date.now();
  const remote = (file: string) => `vscode-remote://127.0.0.1:${options.server.port}${file}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(options.extensionPath)],
    ['extensionTestsPath', remote(options.testsPath)],
  ]);
  const url = `${options.server.base}/?folder=${encodeURIComponent(options.folder)}&payload=${encodeURIComponent(payload)}`;
  const browser = await launchChromium();
  const lines: string[] = [];
  try {
    const context = await sealedContext(browser);
    const page: Page = await context.newPage();
    let finish: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => {
      finish = resolve;
    });
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      // The page forwards console arguments unformatted ("%d passing", 17): format them as console.log would.
      const text = format(...(Array.isArray(args) ? args : [args]));
      // The workbench logs a great deal; keep what the extension host and the tests print.
      lines.push(text);
      if (/passing|failing|pending|✔|✓|^\s*\d+\) /.test(text)) options.log(text);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => finish(code));
    await page.goto(url);
    const timeout = options.timeoutMs ?? 180_000;
    const code = await Promise.race([exited, new Promise<number>((resolve) => setTimeout(() => resolve(-1), timeout))]);
    if (code === -1) lines.push(`timed out after ${timeout / 1000} s without codeAutomationExit`);
    // On failure the workbench's own errors help most: show the end of the log.
    if (code !== 0) lines.slice(-40).forEach((line) => options.log(line));
    await page.screenshot({ path: options.screenshot }).catch(() => undefined);
    fs.writeFileSync(options.screenshot.replace(/\.png$/, '.log'), lines.join('\n'));
    return { code, log: lines.join('\n'), ms: Date.now() - started };
  } finally {
    await browser.close();
  }
}
