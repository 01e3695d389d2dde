// Runs the built CLI (`node bin/seed-annotator.js`) for tests, after bundling it once per test run.
import { spawnSync } from 'node:child_process';
import { buildCliBundle, CLI_BIN, ROOT } from '../../scripts/cliBundle';

export { ROOT };
export const buildCli = buildCliBundle;

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI synchronously with `cwd` (default: the project root). */
export function runCli(args: string[], cwd: string = ROOT): CliRun {
  const result = spawnSync(process.execPath, [CLI_BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
