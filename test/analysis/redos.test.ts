// ReDoS: every regular expression in server/src (found with the TypeScript compiler, see regexSources.ts) is
// checked by `recheck`; a pattern it finds super-linear fails with its file:line and an attack string, so a new
// vulnerable pattern fails the build. Bounded: recheck gets a per-pattern time limit, and a pattern whose check
// times out fails too (a pattern too complex to analyse should be simplified).
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { check, type Diagnostics } from 'recheck';
import { regexesUnder } from './regexSources';

const ROOT = path.join(__dirname, '..', '..');
/** Per pattern; a check that runs out of time (on a loaded machine) is tried once more with four times as long. */
const CHECK_TIMEOUT_MS = 8_000;

async function checkPattern(source: string, flags: string): Promise<Diagnostics> {
  const first = await check(source, flags, { timeout: CHECK_TIMEOUT_MS, randomSeed: 1 });
  if (first.status !== 'unknown' || first.error.kind !== 'timeout') return first;
  return check(source, flags, { timeout: 4 * CHECK_TIMEOUT_MS, randomSeed: 1 });
}

function verdict(d: Diagnostics): string | null {
  if (d.status === 'safe') return null;
  if (d.status === 'vulnerable') return `${d.complexity.summary}, attack ${d.attack.pattern}`;
  return `could not be checked: ${d.error.kind}${'message' in d.error ? ` ${d.error.message}` : ''}`;
}

describe('regular expressions in server/src', function () {
  this.timeout(600_000); // a hang guard: about 30 s on an idle machine

  it('are all found, including patterns built from constant strings', () => {
    const { found, dynamic } = regexesUnder(path.join(ROOT, 'server/src'), ROOT);
    assert.ok(found.length > 100, `only ${found.length} regexes found`);
    assert.ok(found.some((r) => r.where.startsWith('server/src/analysis/dates/absolute.ts') && r.source.includes('jan(?:uary)?')),
      'patterns assembled from imported constants are spelled out');
    assert.deepEqual(dynamic, [], 'every new RegExp has a pattern the check can read');
  });

  it('none backtracks super-linearly (recheck)', async () => {
    const { found } = regexesUnder(path.join(ROOT, 'server/src'), ROOT);
    const problems: string[] = [];
    for (const r of found) {
      // One at a time: recheck's time limit runs from the start of a check, so checks queued together time out.
      const problem = verdict(await checkPattern(r.source, r.flags));
      if (problem !== null) problems.push(`${r.where} /${r.source}/${r.flags}: ${problem}`);
    }
    assert.deepEqual(problems, [], `${problems.length} of ${found.length} regexes are vulnerable:\n${problems.join('\n')}`);
  });
});
