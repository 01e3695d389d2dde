// `npm start`: build and package the extension, then open the project's seeds/ in code-server (VS Code in the
// browser) with the extension installed, behind a generated password. Runs until Ctrl-C.
// Where code-server cannot run, it says why and shows the analysis of seeds/ from the command line instead.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CODE_SERVER_VERSION, findOnPath, prepareCodeServer, repoRoot } from './code-server.mjs';
import { generatePassword, installVsix, launchCodeServer } from './code-server-launch.mjs';

const seeds = path.join(repoRoot, 'seeds');
const vsix = path.join(repoRoot, 'dist', 'seed-annotator.vsix');
// The editor profile (settings, open editors, installed extension) is kept between runs, inside the repo's
// git-ignored .cache/.
const stateDir = path.join(repoRoot, '.cache', 'editor');

function say(line) {
  console.log(`[start] ${line}`);
}

function packageExtension() {
  say('building and packaging the extension (npm run package)');
  const result = spawnSync('npm', ['run', 'package', '--silent'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0 || !fs.existsSync(vsix)) throw new Error('npm run package failed (see the messages above)');
}

/** Without code-server the same analysis is still useful: show it for the seeds, from the CLI. */
function fallBackToCli(reason) {
  console.log('');
  say(`code-server could not be started: ${reason}`);
  say('falling back to the command line: `seed-annotator analyze seeds/` (the same analysis the editor shows)');
  console.log('');
  const cli = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'seed-annotator.js'), 'analyze', seeds], { stdio: 'inherit' });
  process.exit(cli.status ?? 1);
}

function openBrowser(url) {
  // Only where a display exists; on a server the printed URL is the way in.
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
  const opener = findOnPath('xdg-open');
  if (!opener) return;
  const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

async function main() {
  packageExtension();
  let server;
  try {
    const entry = await prepareCodeServer({ log: (line) => say(line) });
    installVsix({ entry, stateDir, vsix, log: say });
    const password = generatePassword();
    server = await launchCodeServer({ entry, stateDir, folder: seeds, auth: 'password', password, log: say });
  } catch (error) {
    fallBackToCli(error instanceof Error ? error.message : String(error));
    return;
  }
  console.log('');
  console.log(`Seed Annotator is open in code-server ${CODE_SERVER_VERSION} (VS Code 1.96) on seeds/:`);
  console.log(`URL: ${server.url}`);
  console.log(`Password: ${server.password}`);
  console.log('Press Ctrl-C to stop.');
  openBrowser(server.url);

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping code-server`);
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  const { code, signal } = await server.exited;
  if (!stopping) {
    say(`code-server stopped by itself (exit ${code ?? signal}); its log: ${server.logFile}`);
    process.exit(1);
  }
}

await main();
