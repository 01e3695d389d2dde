// Bundles the client, the server and the CLI with esbuild: CommonJS for Node, `vscode` left external.
import { build } from 'esbuild';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['vscode'],
  // Prefer a package's ES module build: UMD builds (jsonc-parser) hide their requires from the bundler.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  // Node 20 has Unicode property escapes, but esbuild's table for node20 says otherwise and rewrites every `/\p{…}/u`
  // literal into a `new RegExp(…)` call made again each time the expression runs (61 of them in the analysis).
  supported: { 'regexp-unicode-property-escapes': true },
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js' },
  { entryPoints: ['server/src/lsp/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
  // The analysis worker threads of the workspace index and of `analyze --jobs`, loaded by server.js and cli.js.
  { entryPoints: ['server/src/workers/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' },
  // What a worker thread starts: loads analysisWorker.js with V8's code cache (kept beside it).
  { entryPoints: ['server/src/workers/workerLoader.ts'], outfile: 'dist/analysisWorkerLoader.js' },
  // The dashboard webview (issue 9): browser code with Apache ECharts bundled in, and its style sheet; no network.
  {
    entryPoints: ['client/webview/dashboard.ts'],
    outfile: 'dist/dashboard.js',
    platform: 'browser',
    format: 'iife',
    target: 'chrome114',
    minify: true,
    sourcemap: false,
  },
  { entryPoints: ['client/webview/dashboard.css'], outfile: 'dist/dashboard.css', platform: 'browser', sourcemap: false },
  // The extension integration suite (mocha inside the extension host), exporting `run()`; not shipped in the .vsix.
  // mocha's parallel mode (unused here) resolves worker files at run time; the bundler need not warn about it.
  {
    entryPoints: ['test/integration/suite/index.ts'],
    outfile: 'dist/test/integration.js',
    logOverride: { 'require-resolve-not-external': 'silent' },
  },
];

const started = Date.now();
await Promise.all(entries.map((entry) => build({ ...common, ...entry })));
if (!watch) console.log(`built ${entries.length} bundles in ${Date.now() - started} ms`);
