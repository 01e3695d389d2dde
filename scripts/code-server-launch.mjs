// Starts a prepared code-server on 127.0.0.1 with its own config, profile and extensions, kept from going online.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** A port that is free on 127.0.0.1 right now (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * The gallery points at a 127.0.0.1 port nobody listens on: code-server then fails fast and quietly instead
 * of trying to reach Open VSX (there is no internet here, and the tests must never depend on it).
 */
function closedGallery(port) {
  const base = `http://127.0.0.1:${port}`;
  return JSON.stringify({
    serviceUrl: `${base}/gallery`,
    itemUrl: `${base}/item`,
    resourceUrlTemplate: `${base}/resource/{publisher}/{name}/{version}/{path}`,
    controlUrl: '',
    recommendationsUrl: '',
  });
}

/** User settings that keep the editor quiet and offline, and make what the tests look at deterministic. */
const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.colorTheme': 'Default Dark Modern',
  'security.workspace.trust.enabled': false,
  'editor.semanticHighlighting.enabled': true,
  'git.enabled': false,
  'npm.fetchOnlinePackageInfo': false,
};

/** A password good enough for a local editor that has a terminal. */
export function generatePassword() {
  return crypto.randomBytes(18).toString('base64url');
}

function profileDirs(stateDir) {
  return {
    userData: path.join(stateDir, 'user-data'),
    extensions: path.join(stateDir, 'extensions'),
    config: path.join(stateDir, 'config.yaml'),
  };
}

/** Installs a .vsix into the profile with code-server's own CLI (what a user would do by hand). */
export function installVsix({ entry, stateDir, vsix, log = console.log }) {
  const dirs = profileDirs(stateDir);
  fs.mkdirSync(dirs.extensions, { recursive: true });
  const result = spawnSync(
    process.execPath,
    [entry, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', vsix, '--force'],
    { encoding: 'utf8', env: { ...process.env, EXTENSIONS_GALLERY: closedGallery(1) } },
  );
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`installing ${vsix} into code-server failed (exit ${result.status}):\n${output}`);
  }
  log(`installed ${path.basename(vsix)} into ${dirs.extensions}`);
}

/**
 * Starts code-server and resolves once it answers. `auth` is 'password' for people (npm start) and 'none'
 * only for the tests' throwaway servers. `stateDir` holds the config, the user data and the extensions;
 * `settings` are added to the user settings; `workspaceTrust` turns the editor's workspace trust on, so the
 * folder opens untrusted (restricted mode), for the read-only checks.
 */
export async function launchCodeServer({
  entry,
  stateDir,
  folder,
  auth = 'none',
  password,
  settings = {},
  workspaceTrust = false,
  log = console.log,
}) {
  const dirs = profileDirs(stateDir);
  const port = await freePort();
  const galleryPort = await freePort();
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.mkdirSync(dirs.extensions, { recursive: true });
  const settingsFile = path.join(dirs.userData, 'User', 'settings.json');
  const existing = fs.existsSync(settingsFile) ? JSON.parse(fs.readFileSync(settingsFile, 'utf8')) : {};
  // With `workspaceTrust`, the folder opens in restricted mode (untrusted, no prompt), as a stranger's folder would.
  const trust = workspaceTrust
    ? {
        'security.workspace.trust.enabled': true,
        'security.workspace.trust.startupPrompt': 'never',
        'security.workspace.trust.untrustedFiles': 'open',
      }
    : {};
  fs.writeFileSync(settingsFile, JSON.stringify({ ...existing, ...USER_SETTINGS, ...trust, ...settings }, null, 2));
  // Our own config file, so the user's ~/.config/code-server/config.yaml (or its password) is never used.
  fs.writeFileSync(dirs.config, `bind-addr: 127.0.0.1:${port}\nauth: ${auth}\ncert: false\n`, { mode: 0o600 });

  const args = [
    entry,
    '--auth',
    auth,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--config',
    dirs.config,
    '--user-data-dir',
    dirs.userData,
    '--extensions-dir',
    dirs.extensions,
  ];
  if (!workspaceTrust) args.push('--disable-workspace-trust');
  if (folder) args.push(folder);
  const env = { ...process.env, EXTENSIONS_GALLERY: closedGallery(galleryPort) };
  delete env.PASSWORD;
  delete env.HASHED_PASSWORD;
  if (auth === 'password') env.PASSWORD = password;
  // Own process group, so stop() ends code-server together with the helpers it forks.
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const logFile = path.join(stateDir, 'code-server.log');
  const logStream = fs.createWriteStream(logFile);
  child.stdout.pipe(logStream);
  child.stderr.pipe(logStream);

  const base = `http://127.0.0.1:${port}`;
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return; // already gone
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    const status = await Promise.race([
      fetch(`${base}/healthz`).then(
        (response) => response.status,
        () => 0,
      ),
      exited.then(() => -1),
    ]);
    if (status === 200) break;
    if (status === -1 || Date.now() > deadline) {
      await stop();
      const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n') : '';
      throw new Error(`code-server did not start on ${base} (see ${logFile}):\n${tail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const url = folder ? `${base}/?folder=${encodeURIComponent(folder)}` : `${base}/`;
  log(`code-server listening on ${base} (log: ${logFile})`);
  return { base, port, url, password, stop, exited, child, logFile };
}
