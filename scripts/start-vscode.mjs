// `npm run start:vscode`: the same as `npm start`, in a desktop VS Code installed on this machine: builds, then
// opens seeds/ in `code --extensionDevelopmentPath=<repo>` (the extension loaded from the working tree).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { findOnPath, repoRoot } from './code-server.mjs';

const code = findOnPath('code') ?? findOnPath('code-insiders') ?? findOnPath('codium');
if (!code) {
  console.error(
    'start:vscode: no desktop VS Code here (`code` is not on PATH).\n' +
      '  Install VS Code and run "Shell Command: Install \'code\' command in PATH" from its command palette,\n' +
      '  or use `npm start`, which opens the same seeds in code-server (VS Code in the browser).',
  );
  process.exit(1);
}

console.log('[start:vscode] building the extension (npm run build)');
const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: repoRoot, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const args = [`--extensionDevelopmentPath=${repoRoot}`, '--new-window', path.join(repoRoot, 'seeds')];
console.log(`[start:vscode] ${path.basename(code)} ${args.join(' ')}`);
// `code` returns once the window is open; VS Code keeps running on its own.
const child = spawn(code, args, { stdio: 'inherit' });
child.on('exit', (status) => process.exit(status ?? 0));
