// `npm run test:e2e`: the extension in real editors — its integration suite inside code-server, UI tests
// driven through chromium, and neovim as a second LSP client. Prints `e2e: N passed, M failed`.
//
// Environment: SEED_E2E_SKIP_BUILD=1 skips `npm run package` (when it was just run);
// SEED_E2E_ONLY=integration|ui|neovim runs one stage (while working on it; `npm test` runs all three);
// SEED_E2E_UPDATE_SCREENSHOT=1 copies the UI run's overview picture to docs/screenshot.png (the README's);
// SEED_CHROMIUM overrides /usr/bin/chromium; SEED_ANNOTATOR_CACHE moves the code-server cache.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { prepareCodeServer, repoRoot } from './code-server.mjs';
import { installVsix, launchCodeServer } from './code-server-launch.mjs';

const require = createRequire(import.meta.url);
// The browser helpers are TypeScript shared with the UI tests; tsx loads them.
require('tsx/cjs');
const { runIntegrationSuite, chromiumPath } = require('../test/e2e/browser.ts');
const started = Date.now();
const artifacts = path.join(repoRoot, 'test-artifacts');
const runDir = path.join(artifacts, 'e2e-run');
const vsix = path.join(repoRoot, 'dist', 'seed-annotator.vsix');
const integrationSuite = path.join(repoRoot, 'dist', 'test', 'integration.js');
const totals = { passed: 0, failed: 0 };
const failures = [];
const servers = [];

function say(line) {
  console.log(`[e2e] ${line}`);
}

function fail(what, why) {
  totals.failed += 1;
  failures.push(`${what}: ${why}`);
  say(`FAILED ${what}: ${why}`);
}

/** A fresh copy of seeds/, so tests may tag and edit without touching the user's own samples. */
function freshWorkspace(name) {
  const dir = path.join(runDir, name, 'seeds');
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const file of fs.readdirSync(path.join(repoRoot, 'seeds'))) {
    if (file.endsWith('.txt')) fs.copyFileSync(path.join(repoRoot, 'seeds', file), path.join(dir, file));
  }
  return dir;
}

async function integrationStage(entry) {
  say('(1) extension integration suite inside code-server (payload route)');
  if (!fs.existsSync(integrationSuite)) {
    fail('integration suite', `${path.relative(repoRoot, integrationSuite)} is missing (npm run build should bundle it)`);
    return;
  }
  const stateDir = path.join(runDir, 'integration-profile');
  fs.rmSync(stateDir, { recursive: true, force: true });
  const workspace = freshWorkspace('integration-workspace');
  const server = await launchCodeServer({ entry, stateDir, folder: workspace, auth: 'none', log: say });
  servers.push(server);
  try {
    const outcome = await runIntegrationSuite({
      server,
      extensionPath: repoRoot,
      testsPath: integrationSuite,
      folder: workspace,
      screenshot: path.join(artifacts, 'integration-suite.png'),
      log: (line) => console.log(`  ${line}`),
    });
    const passing = Number(/(\d+) passing/.exec(outcome.log)?.[1] ?? 0);
    const failing = Number(/(\d+) failing/.exec(outcome.log)?.[1] ?? 0);
    // An in-editor run that ran no test proves nothing: "0 passing" with exit 0 is a failure, not one pass.
    if (outcome.code === 0 && failing === 0 && passing > 0) {
      totals.passed += passing;
      say(`integration suite passed (${passing} tests, ${(outcome.ms / 1000).toFixed(1)} s)`);
    } else {
      totals.passed += passing;
      totals.failed += Math.max(failing, 1);
      failures.push(`integration suite: exit code ${outcome.code}, ${passing} passing, ${failing} failing${passing === 0 ? ' (no test ran)' : ''}`);
      say(`integration suite FAILED: exit code ${outcome.code}, ${passing} passing, ${failing} failing`);
    }
  } finally {
    await server.stop();
  }
}

/** Runs mocha files in this process (TypeScript through tsx) and adds their counts to the totals. */
async function runMocha(files, label) {
  const Mocha = require('mocha');
  const mocha = new Mocha({ timeout: 120_000, reporter: 'spec', color: process.stdout.isTTY });
  for (const file of files) mocha.addFile(file);
  await mocha.loadFilesAsync();
  await new Promise((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', () => {
      totals.passed += 1;
    });
    runner.on('fail', (test, error) => {
      totals.failed += 1;
      failures.push(`${label}: ${test.fullTitle()}: ${error?.message?.split('\n')[0] ?? error}`);
    });
  });
  mocha.dispose();
}

function testFiles(dir) {
  const full = path.join(repoRoot, 'test', dir);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full)
    .filter((file) => file.endsWith('.test.ts'))
    .sort()
    .map((file) => path.join(full, file));
}

async function uiStage(entry) {
  say('(2) UI end-to-end tests in code-server through chromium');
  const stateDir = path.join(runDir, 'ui-profile');
  fs.rmSync(stateDir, { recursive: true, force: true });
  installVsix({ entry, stateDir, vsix, log: say });
  const workspace = freshWorkspace('ui-workspace');
  // Hovers open below the line, so the README picture keeps the text above the hover in view.
  const settings = { 'editor.hover.above': false };
  const server = await launchCodeServer({ entry, stateDir, folder: workspace, auth: 'none', settings, log: say });
  servers.push(server);
  process.env.SEED_E2E_URL = server.url;
  process.env.SEED_E2E_WORKSPACE = workspace;
  process.env.SEED_E2E_ARTIFACTS = artifacts;
  try {
    await runMocha(testFiles('e2e'), 'UI');
  } finally {
    await server.stop();
  }
  if (process.env.SEED_E2E_UPDATE_SCREENSHOT === '1') {
    const overview = fs.readdirSync(artifacts).find((file) => /^ui-\d+-overview\.png$/.test(file));
    if (overview) {
      fs.mkdirSync(path.join(repoRoot, 'docs'), { recursive: true });
      fs.copyFileSync(path.join(artifacts, overview), path.join(repoRoot, 'docs', 'screenshot.png'));
      say(`copied ${overview} to docs/screenshot.png`);
    }
  }
}

async function neovimStage() {
  say('(3) neovim as a second LSP client');
  await runMocha(testFiles('neovim'), 'neovim');
}

async function main() {
  fs.mkdirSync(runDir, { recursive: true });
  // Screenshots of an earlier run would be mistaken for this one's.
  for (const file of fs.readdirSync(artifacts)) {
    if (/^(ui-.*\.png|integration-suite\.(png|log))$/.test(file)) fs.rmSync(path.join(artifacts, file));
  }
  if (process.env.SEED_E2E_SKIP_BUILD !== '1') {
    say('building and packaging the extension (npm run package)');
    const build = spawnSync('npm', ['run', 'package', '--silent'], { cwd: repoRoot, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run package failed');
  }
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} is missing after npm run package`);
  if (!fs.existsSync(chromiumPath())) {
    throw new Error(`chromium not found at ${chromiumPath()}: apt-get install -y chromium (or set SEED_CHROMIUM)`);
  }
  const entry = await prepareCodeServer({ log: say });
  const stages = { integration: () => integrationStage(entry), ui: () => uiStage(entry), neovim: () => neovimStage() };
  const only = process.env.SEED_E2E_ONLY;
  if (only && !(only in stages)) throw new Error(`SEED_E2E_ONLY=${only}: expected one of ${Object.keys(stages).join(', ')}`);
  for (const [name, stage] of Object.entries(stages)) {
    if (only && name !== only) continue;
    try {
      await stage();
    } catch (error) {
      fail('stage', error instanceof Error ? error.message : String(error));
    }
  }
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  fail('setup', error instanceof Error ? error.message : String(error));
} finally {
  await Promise.all(servers.map((server) => server.stop()));
}
if (failures.length > 0) {
  console.log('\nFailures:');
  for (const line of failures) console.log(`  - ${line}`);
}
console.log(`e2e time: ${((Date.now() - started) / 1000).toFixed(0)} s`);
// The summary stands alone on its line so CI can read it as the closing count.
console.log(`e2e: ${totals.passed} passed, ${totals.failed} failed`);
if (totals.failed > 0 || totals.passed === 0) exitCode = 1;
process.exit(exitCode);
