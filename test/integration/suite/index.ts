// Entry of the extension integration suite (dist/test/integration.js): runs mocha inside the extension host.
import Mocha from 'mocha';
import { commandsAndViewsTests } from './commandsAndViews';
import { languageTests } from './language';
import { languageServerTests, restartTests } from './languageServer';
import { serverCrashTests } from './serverCrash';
import { taggingTests } from './tagging';

/** Called by the test runner (@vscode/test-electron or code-server's payload route) once the extension is loaded. */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  // The suite is bundled, so test files cannot be loaded by path: define mocha's globals, then the suites.
  mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, 'integration', mocha);
  languageTests();
  languageServerTests();
  commandsAndViewsTests();
  taggingTests();
  restartTests();
  serverCrashTests();
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // One pre-formatted line: hosts that forward console arguments without printf formatting still read it.
      console.log(`integration: ${runner.stats?.passes ?? 0} passing, ${failures} failing`);
      if (failures > 0) reject(new Error(`${failures} integration tests failed`));
      else resolve();
    });
  });
}
