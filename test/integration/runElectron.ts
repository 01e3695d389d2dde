// Runs the integration suite in a downloaded VS Code through @vscode/test-electron (machines with internet only).
// Usage: npm run build && npx tsx test/integration/runElectron.ts [--version 1.96.0]
import { cpSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(__dirname, '../..');

/** A scratch copy of seeds/: the suite tags and edits its files, and the user's samples must stay as they are. */
function scratchWorkspace(): string {
  const workspace = path.join(mkdtempSync(path.join(os.tmpdir(), 'seed-annotator-electron-')), 'seeds');
  mkdirSync(workspace, { recursive: true });
  for (const name of readdirSync(path.join(root, 'seeds')).filter((n) => n.endsWith('.txt'))) {
    cpSync(path.join(root, 'seeds', name), path.join(workspace, name));
  }
  return workspace;
}

async function main(): Promise<void> {
  const versionFlag = process.argv.indexOf('--version');
  const version = versionFlag >= 0 ? process.argv[versionFlag + 1] : '1.96.0';
  const workspace = scratchWorkspace();
  const code = await runTests({
    version,
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'dist', 'test', 'integration.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
  process.exitCode = code;
}

main().catch((error: unknown) => {
  console.error(`integration suite failed to run: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
