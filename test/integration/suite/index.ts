// Entry of the extension integration suite (dist/test/integration.js): runs mocha inside the extension host.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { commandsAndViewsTests } from './commandsAndViews';
import { corpusTests } from './corpus';
import { languageTests } from './language';
import { languageServerTests, restartTests } from './languageServer';
import { serverCrashTests } from './serverCrash';
import { taggingTests } from './tagging';
import { codingTests } from './coding';
import { untrustedTests } from './untrusted';

/** Called by the test runner (@vscode/test-electron or code-server's payload route) once the extension is loaded. */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  // The suite is bundled, so test files cannot be loaded by path: define mocha's globals, then the suites.
  mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, 'integration', mocha);
  // The e2e runner also opens a workspace untrusted, marked by this file: only the read-only checks run there.
  if (untrustedRun()) {
    untrustedTests();
    return runMocha(mocha);
  }
  languageTests();
  languageServerTests();
  commandsAndViewsTests();
  corpusTests();
  taggingTests();
  codingTests();
  restartTests();
  serverCrashTests();
  return runMocha(mocha);
}

function untrustedRun(): boolean {
  return (vscode.workspace.workspaceFolders ?? []).some((f) => existsSync(join(f.uri.fsPath, UNTRUSTED_MARKER)));
}

/** Must match scripts/test-e2e.mjs. */
const UNTRUSTED_MARKER = '.seed-annotator-untrusted-run';

function runMocha(mocha: Mocha): Promise<void> {
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // One pre-formatted line: hosts that forward console arguments without printf formatting still read it.
      console.log(`integration: ${runner.stats?.passes ?? 0} passing, ${failures} failing`);
      if (failures > 0) reject(new Error(`${failures} integration tests failed`));
      else resolve();
    });
  });
}
