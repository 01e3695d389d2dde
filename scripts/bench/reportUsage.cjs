// Preloaded into a CLI run by the corpus benchmark (`node --require`): when the process exits, writes its peak
// resident memory and CPU time (worker threads included: they share the process) to $SEED_BENCH_USAGE as JSON.
const { isMainThread } = require('node:worker_threads');

if (isMainThread && process.env.SEED_BENCH_USAGE) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    require('node:fs').writeFileSync(process.env.SEED_BENCH_USAGE, JSON.stringify({
      maxRssKb: usage.maxRSS,
      cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    }));
  });
}
