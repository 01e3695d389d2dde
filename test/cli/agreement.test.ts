// `seed-annotator agreement` through the built CLI: two coders tag the same article (emoji and accents before the
// passages, so code points and UTF-16 differ) and the figures match a hand computation to three decimals.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli, runCli } from './builtCli';

// 106 code points. "Nobody wants a war" = [32, 50), "Nobody wants a war,” the envoy said" = [32, 67),
// "We will respond firmly" = [70, 92), "respond firmly" = [78, 92).
const ARTICLE = '# Talks 🕊️ in Zürich\n\nGENEVA — “Nobody wants a war,” the envoy said. “We will respond firmly,” she added.\n';

interface Figures {
  alpha: number | null;
  kappa: number | null;
  agreement: number | null;
  units: { total: number; coded: Record<string, number> };
}

describe('CLI: agreement', function () {
  this.timeout(60000);
  let dir: string;

  before(async () => {
    await buildCli();
    dir = mkdtempSync(join(tmpdir(), 'seed-agreement-'));
    mkdirSync(join(dir, 'seeds'));
    writeFileSync(join(dir, 'seeds', 'a.txt'), ARTICLE);
    writeFileSync(join(dir, 'seeds', 'b.txt'), 'Only one coder looked at this one.\n');
    const add = (file: string, coder: string, text: string, tag: string) => {
      const run = runCli(['tag', 'add', `seeds/${file}`, '--text', text, '--tag', tag, '--coder', coder], dir);
      assert.equal(run.status, 0, run.stderr);
    };
    add('a.txt', 'ana', 'Nobody wants a war', 'claim');
    add('a.txt', 'ben', 'Nobody wants a war,” the envoy said', 'claim');
    add('a.txt', 'ana', 'We will respond firmly', 'threat');
    add('a.txt', 'ben', 'respond firmly', 'threat');
    add('b.txt', 'ana', 'Only one coder', 'claim');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const near = (actual: number | null, expected: number) => {
    assert.ok(actual !== null && Math.abs(actual - expected) < 5e-4, `${actual} should be ${expected.toFixed(3)}`);
  };

  it('--json: per tag and overall figures equal to the hand computation, and the disagreeing passages', () => {
    const run = runCli(['agreement', 'seeds', '--json'], dir);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as {
      coders: string[];
      tags: (Figures & { tag: string })[];
      overall: Figures;
      disagreements: { file: string; tag: string; start: number; end: number; text: string; markedBy: string[] }[];
    };
    assert.deepEqual(report.coders, ['ana', 'ben']);
    const [claim, threat] = report.tags;
    // claim: both 18, ben only 17, neither 71 (b.txt is left out: only ana tagged it).
    // alpha = 1 - 211·17 / (159·53) = 0.574; kappa = (9434 - 6878) / (11236 - 6878) = 0.587; agreement 89/106.
    assert.equal(claim.tag, 'claim');
    near(claim.alpha, 1 - 3587 / 8427);
    near(claim.kappa, 2556 / 4358);
    near(claim.agreement, 89 / 106);
    assert.deepEqual(claim.units, { total: 106, coded: { ana: 18, ben: 35 } });
    // threat: both 14, ana only 8, neither 84. alpha = 1 - 211·8 / (176·36) = 0.734; kappa = 2352/3200 = 0.735.
    near(threat.alpha, 1 - 1688 / 6336);
    near(threat.kappa, 0.735);
    near(threat.agreement, 98 / 106);
    // Pooled (212 unit-tag pairs): o00 = 310, o01 = 25, o11 = 64: alpha = 1 - 423·25 / (335·89) = 0.645;
    // table [[155, 17], [8, 32]]: kappa = (39644 - 29996) / (44944 - 29996) = 0.645.
    near(report.overall.alpha, 1 - 10575 / 29815);
    near(report.overall.kappa, 9648 / 14948);
    near(report.overall.agreement, 187 / 212);
    assert.deepEqual(
      report.disagreements.map((d) => [d.file, d.tag, d.start, d.end, d.text, d.markedBy.join()]),
      [
        [join('seeds', 'a.txt'), 'claim', 50, 67, ',” the envoy said', 'ben'],
        [join('seeds', 'a.txt'), 'threat', 70, 78, 'We will ', 'ana'],
      ],
    );
  });

  it('prints a readable table without --json, and keeps only --coders', () => {
    const run = runCli(['agreement', 'seeds/a.txt'], dir);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^claim\s+0\.574\s+0\.587\s+84\.0%\s+106\s+18\s+35$/m);
    assert.match(run.stdout, /^\(overall\)\s+0\.645\s+0\.645\s+88\.2%/m);
    assert.match(run.stdout, /seeds\/a\.txt:50-67\s+claim\s+marked by ben, not by ana/);
    const alone = JSON.parse(runCli(['agreement', 'seeds', '--coders', 'ana,cy', '--json'], dir).stdout) as {
      coders: string[];
      overall: Figures;
    };
    assert.deepEqual(alone.coders, ['ana', 'cy']);
    assert.equal(alone.overall.units.total, 0, 'cy tagged nothing: no unit is pairable');
    assert.equal(alone.overall.alpha, null);
  });

  it('reports bad usage with exit 2', () => {
    assert.equal(runCli(['agreement'], dir).status, 2);
    assert.equal(runCli(['agreement', 'seeds', '--coders', 'ana'], dir).status, 2);
  });
});
