// ReDoS: every regular expression in server/src (found with the TypeScript compiler, see regexSources.ts) is
// checked by `recheck`; a pattern it finds super-linear fails with its file:line and an attack string, so a new
// vulnerable pattern fails the build. A pattern whose check cannot finish fails too (simplify it).
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { check, type Diagnostics } from 'recheck';
import { regexesUnder } from './regexSources';

const ROOT = path.join(__dirname, '..', '..');
/**
 * Deterministic: recheck's fuzzing stops on step counts alone (its time-based limits are off), so a loaded machine
 * cannot change a verdict, and the seed is fixed. The overall limit per pattern is only a hang guard.
 */
const PARAMETERS = {
  randomSeed: 1,
  timeout: 60_000,
  attackTimeout: null,
  incubationTimeout: null,
  seedingTimeout: null,
  recallTimeout: null,
} as const;

function checkPattern(source: string, flags: string): Promise<Diagnostics> {
  return check(source, flags, PARAMETERS);
}

function verdict(d: Diagnostics): string | null {
  if (d.status === 'safe') return null;
  if (d.status === 'vulnerable') return `${d.complexity.summary}, attack ${d.attack.pattern}`;
  return `could not be checked: ${d.error.kind}${'message' in d.error ? ` ${d.error.message}` : ''}`;
}

describe('regular expressions in server/src', function () {
  this.timeout(900_000); // a hang guard: a few minutes on a loaded machine

  it('are all found, including patterns built from constant strings', () => {
    const { found, dynamic } = regexesUnder(path.join(ROOT, 'server/src'), ROOT);
    assert.ok(found.length > 100, `only ${found.length} regexes found`);
    assert.ok(
      found.some((r) => r.where.startsWith('server/src/analysis/dates/absolute.ts') && r.source.includes('jan(?:uary)?')),
      'patterns assembled from imported constants are spelled out',
    );
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
