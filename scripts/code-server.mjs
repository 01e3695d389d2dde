// Prepares code-server (VS Code 1.96 as a web server) so it runs offline here: cached, idempotent, resumable.
//
// The registry package's own postinstall downloads native prebuilds and a git-hosted dependency, neither of
// which is reachable without internet, so every step it would do is done here by hand (issue 6):
// unpack without install scripts, install dependencies with --ignore-scripts, point the one git entry of the
// shrinkwrap at the identical registry tarball, rebuild native modules against the Node headers Debian
// installs, make the links the postinstall would make, and give Quick Open Debian's ripgrep.
//
// Usage: node scripts/code-server.mjs            prepare (or verify) and print the entry point and the time
//        node scripts/code-server.mjs --force    throw the cache away and prepare from scratch
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Pinned: 4.96.x is the newest line whose `engines.node` is 20, the Node this project targets. */
export const CODE_SERVER_VERSION = '4.96.4';
/** The registry twin of the git entry in lib/vscode/npm-shrinkwrap.json (same integrity hash). */
const PROXY_AGENT = '@vscode/proxy-agent@0.27.0';
/** Bump when the recipe below changes, so cached installs made by an older recipe are redone. */
const RECIPE = 3;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where prepared installs live: $SEED_ANNOTATOR_CACHE, else the user cache (kept between runs on a machine). */
export function cacheRoot() {
  if (process.env.SEED_ANNOTATOR_CACHE) return path.resolve(process.env.SEED_ANNOTATOR_CACHE);
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'seed-annotator');
}

/** Native modules are tied to the Node ABI, so an install is only reused by the same ABI. */
function installDir() {
  return path.join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}-node${process.versions.modules}`);
}

function stamp() {
  return { recipe: RECIPE, version: CODE_SERVER_VERSION, abi: process.versions.modules, node: process.version };
}

/** The entry point of a prepared install, or undefined when it is missing or was made by another recipe. */
export function preparedEntry() {
  const dir = installDir();
  try {
    const done = JSON.parse(fs.readFileSync(path.join(dir, '.seed-annotator-prepared.json'), 'utf8'));
    if (done.recipe !== RECIPE || done.abi !== process.versions.modules) return undefined;
  } catch {
    return undefined;
  }
  const entry = path.join(dir, 'package', 'out', 'node', 'entry.js');
  return fs.existsSync(entry) ? entry : undefined;
}

/** The prefix whose include/node holds the headers of the running Node (Debian: /usr), so node-gyp downloads nothing. */
export function nodeHeadersPrefix() {
  const candidates = [process.env.npm_config_nodedir, path.resolve(path.dirname(process.execPath), '..'), '/usr', '/usr/local'].filter(
    Boolean,
  );
  for (const prefix of candidates) {
    const header = path.join(prefix, 'include', 'node', 'node_version.h');
    if (!fs.existsSync(header)) continue;
    const text = fs.readFileSync(header, 'utf8');
    const major = /#define NODE_MAJOR_VERSION (\d+)/.exec(text)?.[1];
    const minor = /#define NODE_MINOR_VERSION (\d+)/.exec(text)?.[1];
    if (`v${major}.${minor}` === process.version.split('.').slice(0, 2).join('.')) return prefix;
  }
  throw new Error(
    `No Node ${process.version} headers found (looked for include/node/node_version.h under ${candidates.join(', ')}).\n` +
      "Install the headers of this Node (NodeSource's nodejs package ships them; Debian's own node has them in\n" +
      'libnode-dev), or set npm_config_nodedir to a prefix whose include/node holds them.',
  );
}

function makeRunner(logFile, log) {
  return function run(cmd, args, cwd, env = {}) {
    fs.appendFileSync(logFile, `\n$ (cd ${cwd} && ${cmd} ${args.join(' ')})\n`);
    const result = spawnSync(cmd, args, {
      cwd,
      env: { ...process.env, ...env },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    fs.appendFileSync(logFile, (result.stdout ?? '') + (result.stderr ?? ''));
    if (result.status !== 0) {
      const tail = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-25).join('\n');
      log(tail);
      throw new Error(`\`${cmd} ${args.join(' ')}\` failed in ${cwd} (exit ${result.status}); full log: ${logFile}`);
    }
    return result.stdout.trim();
  };
}

/** Whether the process that holds `lock` (a file holding its pid) is still there. */
function lockHolderAlive(lock) {
  let text;
  let age;
  try {
    text = fs.readFileSync(lock, 'utf8').trim();
    age = Date.now() - fs.statSync(lock).mtimeMs;
  } catch {
    return { alive: false, holder: 0 }; // released meanwhile
  }
  const holder = Number(text);
  // Just created, pid not written yet: give its owner a moment.
  if (!holder) return { alive: age < 10_000, holder: 0 };
  try {
    process.kill(holder, 0);
    return { alive: true, holder };
  } catch (error) {
    return { alive: error.code === 'EPERM', holder };
  }
}

/** Takes an exclusive lock on the install (two runs at once would corrupt it); waits while a live holder has it. */
async function withLock(dir, log, body) {
  const lock = `${dir}.lock`;
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  let told = false;
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const { alive, holder } = lockHolderAlive(lock);
      if (!alive) {
        fs.rmSync(lock, { force: true });
        continue;
      }
      if (!told) log(`waiting for process ${holder || '?'}, which is preparing code-server in ${dir}`);
      told = true;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
  try {
    return await body();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

/**
 * Prepares code-server if needed and returns the path of its `out/node/entry.js`.
 * Each step leaves a marker, so an interrupted preparation resumes where it stopped.
 */
export async function prepareCodeServer({ force = false, log = (line) => console.log(`[code-server] ${line}`) } = {}) {
  const dir = installDir();
  if (!force) {
    const ready = preparedEntry();
    if (ready) {
      log(`code-server ${CODE_SERVER_VERSION} ready (cached in ${dir})`);
      return ready;
    }
  }
  return withLock(dir, log, () => {
    if (force) fs.rmSync(dir, { recursive: true, force: true });
    // Another run may have finished preparing while this one waited for the lock.
    const ready = force ? undefined : preparedEntry();
    if (ready) {
      log(`code-server ${CODE_SERVER_VERSION} ready (prepared by another run in ${dir})`);
      return ready;
    }
    fs.mkdirSync(dir, { recursive: true });
    const logFile = path.join(dir, 'prepare.log');
    const run = makeRunner(logFile, log);
    const pkg = path.join(dir, 'package');
    const vscodeDir = path.join(pkg, 'lib', 'vscode');
    const started = Date.now();
    const steps = preparationSteps({ dir, pkg, vscodeDir, run });
    log(`preparing code-server ${CODE_SERVER_VERSION} in ${dir} (log: ${logFile})`);
    steps.forEach((step, index) => {
      const marker = path.join(dir, `.step-${index + 1}-done`);
      const label = `step ${index + 1}/${steps.length}: ${step.title}`;
      if (fs.existsSync(marker)) {
        log(`${label} (already done)`);
        return;
      }
      const stepStarted = Date.now();
      log(`${label} ...`);
      step.run();
      fs.writeFileSync(marker, '');
      log(`${label} done in ${((Date.now() - stepStarted) / 1000).toFixed(1)} s`);
    });
    fs.writeFileSync(path.join(dir, '.seed-annotator-prepared.json'), JSON.stringify(stamp(), null, 2));
    log(`code-server ${CODE_SERVER_VERSION} prepared in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return path.join(pkg, 'out', 'node', 'entry.js');
  });
}

function preparationSteps({ dir, pkg, vscodeDir, run }) {
  const offlineInstall = ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
  // Keep npm's update notice out of the log.
  const npmEnv = { npm_config_update_notifier: 'false' };
  return [
    {
      title: `download and unpack code-server@${CODE_SERVER_VERSION} (no install scripts)`,
      run() {
        fs.rmSync(pkg, { recursive: true, force: true });
        const tarball = run('npm', ['pack', `code-server@${CODE_SERVER_VERSION}`, '--silent', '--pack-destination', dir], dir, npmEnv)
          .split('\n')
          .pop();
        run('tar', ['xzf', path.join(dir, tarball)], dir);
        fs.rmSync(path.join(dir, tarball));
      },
    },
    {
      title: 'install code-server dependencies (--omit=dev --ignore-scripts)',
      run: () => run('npm', offlineInstall, pkg, npmEnv),
    },
    {
      title: `point the git-hosted @vscode/proxy-agent at the registry tarball of ${PROXY_AGENT}`,
      run() {
        const shrinkwrapFile = path.join(vscodeDir, 'npm-shrinkwrap.json');
        const shrinkwrap = JSON.parse(fs.readFileSync(shrinkwrapFile, 'utf8'));
        const entry = shrinkwrap.packages?.['node_modules/@vscode/proxy-agent'];
        if (!entry) throw new Error(`${shrinkwrapFile} has no node_modules/@vscode/proxy-agent entry`);
        const dist = JSON.parse(run('npm', ['view', PROXY_AGENT, 'dist', '--json'], dir, npmEnv));
        const { tarball, integrity } = dist;
        if (integrity !== entry.integrity) {
          throw new Error(`${PROXY_AGENT} integrity ${integrity} differs from the shrinkwrap's ${entry.integrity}`);
        }
        entry.resolved = tarball;
        fs.writeFileSync(shrinkwrapFile, `${JSON.stringify(shrinkwrap, null, 2)}\n`);
      },
    },
    {
      title: 'install VS Code dependencies in lib/vscode (--omit=dev --ignore-scripts)',
      run: () => run('npm', offlineInstall, vscodeDir, npmEnv),
    },
    {
      title: 'install built-in extension dependencies in lib/vscode/extensions',
      run: () => run('npm', offlineInstall, path.join(vscodeDir, 'extensions'), npmEnv),
    },
    {
      title: 'rebuild native modules against the local Node headers',
      run() {
        const nodedir = nodeHeadersPrefix();
        // JOBS=max lets node-gyp compile with every core.
        const env = { ...npmEnv, npm_config_nodedir: nodedir, npm_config_build_from_source: 'true', JOBS: 'max' };
        // kerberos is left out: it cannot build here and only serves proxy Kerberos authentication.
        run('npm', ['rebuild', 'node-pty', '@vscode/spdlog', 'native-watchdog', '@parcel/watcher', '--foreground-scripts'], vscodeDir, env);
        run('npm', ['rebuild', 'argon2', '--foreground-scripts'], pkg, env);
        for (const [base, file] of [
          [vscodeDir, 'node_modules/node-pty/build/Release/pty.node'],
          [vscodeDir, 'node_modules/@vscode/spdlog/build/Release/spdlog.node'],
          [vscodeDir, 'node_modules/native-watchdog/build/Release/watchdog.node'],
          [vscodeDir, 'node_modules/@parcel/watcher/build/Release/watcher.node'],
        ]) {
          if (!fs.existsSync(path.join(base, file))) throw new Error(`native build produced no ${file} in ${base}`);
        }
        run(process.execPath, ['-e', 'require("argon2")'], pkg);
      },
    },
    {
      title: "create the links code-server's postinstall would (node_modules.asar, remote-cli, browser helper)",
      run() {
        relink('node_modules', path.join(vscodeDir, 'node_modules.asar'));
        relink('code-linux.sh', path.join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
        relink('browser-linux.sh', path.join(vscodeDir, 'bin', 'helpers', 'browser.sh'));
      },
    },
    {
      title: "give Quick Open a ripgrep (Debian's rg)",
      run() {
        const rg = findOnPath('rg') ?? installDebianRipgrep();
        const target = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.copyFileSync(rg, target);
        fs.chmodSync(target, 0o755);
      },
    },
  ];
}

/** A fresh Debian machine has no ripgrep: as root, install Debian's package rather than stop the set-up. */
function installDebianRipgrep() {
  const advice = 'ripgrep is missing: install it with `apt-get install -y ripgrep` (Quick Open needs it)';
  if (process.getuid?.() !== 0 || !findOnPath('apt-get')) throw new Error(advice);
  console.log("  installing Debian's ripgrep (apt-get install -y ripgrep)");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'ripgrep']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) throw new Error(`${advice} (apt-get ${args[0]} failed)`);
  }
  const rg = findOnPath('rg');
  if (!rg) throw new Error(advice);
  return rg;
}

function relink(target, linkPath) {
  fs.rmSync(linkPath, { recursive: true, force: true });
  fs.symlinkSync(target, linkPath);
}

export function findOnPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not in this PATH entry
    }
  }
  return undefined;
}

export { repoRoot };

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  try {
    const entry = await prepareCodeServer({ force: process.argv.includes('--force') });
    console.log(`[code-server] entry: ${entry}`);
    console.log(`[code-server] total time: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    console.error(`[code-server] ${error.message}`);
    process.exit(1);
  }
}
