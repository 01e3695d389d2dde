// Child process of the memory bench: builds the synthetic article of the requested size, analyses it once and
// prints, as JSON, the peak resident memory before and after and the heap in use, so the parent reads the peak
// the analysis alone added. A fresh process per size keeps one measurement from inheriting another's heap.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/analysis';
import { syntheticArticle } from './article';

const bytes = Number(process.argv[2]);
const root = join(__dirname, '..', '..');
const seeds = ['seeds/000_2ebd0813046cf1ef.txt', 'seeds/004_751050ed58a9faf9.txt'].map((f) => readFileSync(join(root, f), 'utf8'));
const text = syntheticArticle(seeds, bytes);
global.gc?.();
const before = process.resourceUsage().maxRSS * 1024;
const heapBefore = process.memoryUsage().heapUsed;
const start = performance.now();
const result = analyze(text);
const ms = performance.now() - start;
const after = process.resourceUsage().maxRSS * 1024;
process.stdout.write(JSON.stringify({
  textBytes: Buffer.byteLength(text), peakBefore: before, peakAfter: after, heapAfter: process.memoryUsage().heapUsed,
  heapBefore, ms, quotes: result.quotes.length,
}));
