// The version an index cache entry is valid for: the entry format plus a fingerprint of the analysis code that made
// it. A new analysis therefore never reads an older one's results, and nobody has to remember to bump a constant.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Bump when the shape of a cache entry (summaryCodec.ts) or of the packs (indexCache.ts) changes. */
export const INDEX_CACHE_FORMAT = 4;

let fingerprint: string | undefined;

/**
 * From the bundles, a hash of `dist/analysisWorker.js`, which holds the whole analysis; from the TypeScript sources
 * (tests, benchmarks), a hash of the analysis folder and of this folder's sources.
 */
export function analysisFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256');
  if (__filename.endsWith('.ts')) {
    for (const file of sourceFiles(join(__dirname, '..', 'analysis')).concat(sourceFiles(__dirname))) {
      hash.update(file).update(readFileSync(file));
    }
  } else {
    hash.update(readFileSync(join(__dirname, 'analysisWorker.js')));
  }
  fingerprint = hash.digest('hex').slice(0, 16);
  return fingerprint;
}

/** The folder, under a cache root, for this format and analysis. */
export function versionedCacheName(): string {
  return `index-v${INDEX_CACHE_FORMAT}-${analysisFingerprint()}`;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (entry.name.endsWith('.ts')) out.push(path);
  }
  return out;
}
