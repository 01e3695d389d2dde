// Bundles only the CLI (server/src/cli/main.ts -> dist/cli.js, as scripts/build.mjs does) for tests and benchmarks
// that run `node bin/seed-annotator.js` and must not depend on the client and server bundles building.
import { join } from 'node:path';
import { build } from 'esbuild';

export const ROOT = join(__dirname, '..');
export const CLI_BIN = join(ROOT, 'bin', 'seed-annotator.js');

let built: Promise<void> | null = null;

/** Idempotent within a process. Also bundles the analysis worker the CLI's `--jobs` threads load. */
export function buildCliBundle(): Promise<void> {
  built ??= Promise.all(
    [
      ['server/src/cli/main.ts', 'dist/cli.js'],
      ['server/src/workers/analysisWorker.ts', 'dist/analysisWorker.js'],
      ['server/src/workers/workerLoader.ts', 'dist/analysisWorkerLoader.js'],
    ].map(([entry, out]) =>
      build({
        entryPoints: [join(ROOT, entry)],
        outfile: join(ROOT, out),
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        sourcemap: true,
        mainFields: ['module', 'main'], // as in scripts/build.mjs: UMD builds hide their requires from the bundler
        logLevel: 'warning',
        supported: { 'regexp-unicode-property-escapes': true }, // as in scripts/build.mjs: keep `/\p{…}/u` literals
      }),
    ),
  ).then(() => undefined);
  return built;
}
