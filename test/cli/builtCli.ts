// Builds the CLI bundle once (esbuild, same options as scripts/build.mjs) and runs `node bin/seed-annotator.js` for tests.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';

export const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'seed-annotator.js');

let built: Promise<void> | null = null;

/** Bundles server/src/cli/main.ts to dist/cli.js, which bin/seed-annotator.js requires. Idempotent per process. */
export function buildCli(): Promise<void> {
  built ??= build({
    entryPoints: [join(ROOT, 'server/src/cli/main.ts')],
    outfile: join(ROOT, 'dist/cli.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
  }).then(() => undefined);
  return built;
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI synchronously with `cwd` (default: the project root). */
export function runCli(args: string[], cwd: string = ROOT): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
