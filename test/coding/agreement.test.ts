// Agreement figures against hand computations: Krippendorff's worked binary example, a textbook kappa table, a
// three-coder case with a missing value, and tagged spans turned into code-point units.
import assert from 'node:assert/strict';
import { alphaOfMatrix, binaryAlpha, cohensKappa, computeAgreement, type CodedSpan } from '../../server/src/coding/agreement';

const close = (actual: number | null, expected: number, digits = 3) => {
  assert.notEqual(actual, null);
  assert.equal(Number(actual!.toFixed(digits)), Number(expected.toFixed(digits)), `${actual} vs ${expected}`);
};

describe('coding: agreement', () => {
  // Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), A: binary data, two observers, no missing
  // data. Ten units; observer A marks units 2 and 9, observer B units 1, 2, 3 and 6. Coincidences: o00 = 10,
  // o01 = o10 = 4, o11 = 2; n0 = 14, n1 = 6; alpha = 1 - 19·4 / (14·6) = 0.095.
  const observerA = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0] as const;
  const observerB = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0] as const;

  it("reproduces Krippendorff's worked example (alpha = 0.095)", () => {
    close(alphaOfMatrix([observerA, observerB]), 0.095);
    close(binaryAlpha(10, 4, 2), 1 - 76 / 84, 6);
  });

  it('gives the same figures when the example is written as tagged code points', () => {
    const spansOf = (coder: string, values: readonly number[]): CodedSpan[] =>
      values.flatMap((v, i) => (v ? [{ coder, tag: 'claim', start: i, end: i + 1 }] : []));
    const report = computeAgreement([{ file: 'a.txt', length: 10, spans: [...spansOf('A', observerA), ...spansOf('B', observerB)] }]);
    assert.deepEqual(report.coders, ['A', 'B']);
    const [claim] = report.tags;
    close(claim.alpha, 0.095);
    // 2×2: both 0 on 5 units, A0/B1 on 3, A1/B0 on 1, both 1 on 1. po = 0.6, pe = 0.2·0.4 + 0.8·0.6 = 0.56.
    close(claim.kappa, (0.6 - 0.56) / (1 - 0.56), 6);
    close(claim.agreement, 0.6, 6);
    assert.deepEqual(claim.units, { total: 10, coded: { A: 2, B: 4 } });
    // Units 0, 2 and 5 marked by B alone, unit 8 by A alone; unit 1 (both) keeps 0 and 2 apart.
    assert.deepEqual(
      report.disagreements.map((d) => [d.start, d.end, d.markedBy.join()]),
      [
        [0, 1, 'B'],
        [2, 3, 'B'],
        [5, 6, 'B'],
        [8, 9, 'A'],
      ],
    );
  });

  it("computes Cohen's kappa of a textbook 2×2 table (0.4)", () => {
    // 50 items: both yes 20, A yes/B no 5, A no/B yes 10, both no 15. po = 0.7, pe = 0.5·0.6 + 0.5·0.4 = 0.5.
    close(
      cohensKappa([
        [15, 10],
        [5, 20],
      ]),
      0.4,
      6,
    );
    assert.equal(
      cohensKappa([
        [7, 0],
        [0, 0],
      ]),
      null,
      'all units one value: chance agreement is total',
    );
  });

  it('handles three coders and a missing value (hand-computed alpha = 1/3)', () => {
    // u1: 1,1,1  u2: 1,1,0  u3: 0,0,0  u4: 0,1,- ; o11 = 3 + 1, o00 = 3, o01 = 1 + 1; n0 = 5, n1 = 6, n = 11.
    close(
      alphaOfMatrix([
        [1, 1, 0, 0],
        [1, 1, 0, 1],
        [1, 0, 0, null],
      ]),
      1 - (10 * 2) / 30,
      6,
    );
  });

  it('pools tags for the overall figures, skips files only one coder coded, and names the disagreeing runs', () => {
    const spans: CodedSpan[] = [
      { coder: 'ana', tag: 'claim', start: 0, end: 10 },
      { coder: 'ben', tag: 'claim', start: 5, end: 15 },
      { coder: 'ana', tag: 'denial', start: 16, end: 18 },
      { coder: 'ben', tag: 'denial', start: 16, end: 18 },
    ];
    const report = computeAgreement([
      { file: 'a.txt', length: 20, spans },
      { file: 'only-ana.txt', length: 1000, spans: [{ coder: 'ana', tag: 'claim', start: 0, end: 500 }] },
    ]);
    const [claim, denial] = report.tags;
    // claim: A only 5, both 5, B only 5, neither 5. o11 = 10, o00 = 10, o01 = 10: alpha = 1 - 39·10/400.
    close(claim.alpha, 1 - 390 / 400, 6);
    close(claim.kappa, 0, 6);
    close(claim.agreement, 0.5, 6);
    assert.deepEqual(claim.units, { total: 20, coded: { ana: 10, ben: 10 } });
    close(denial.alpha, 1, 6);
    close(denial.kappa, 1, 6);
    // Pooled over 40 (unit, tag) pairs: o00 = 46, o11 = 14, o01 = 10; alpha = 1 - 79·10 / (56·24).
    close(report.overall.alpha, 1 - 790 / 1344, 6);
    // Table [[23, 5], [5, 7]]: po = 0.75, pe = 0.3·0.3 + 0.7·0.7 = 0.58.
    close(report.overall.kappa, (0.75 - 0.58) / 0.42, 6);
    close(report.overall.agreement, 0.75, 6);
    assert.deepEqual(report.disagreements, [
      { file: 'a.txt', tag: 'claim', start: 0, end: 5, markedBy: ['ana'], notMarkedBy: ['ben'] },
      { file: 'a.txt', tag: 'claim', start: 10, end: 15, markedBy: ['ben'], notMarkedBy: ['ana'] },
    ]);
  });

  it('keeps only the chosen coders, gives no kappa for three, and null alpha without variation', () => {
    const spans: CodedSpan[] = [
      { coder: 'ana', tag: 'claim', start: 0, end: 4 },
      { coder: 'ben', tag: 'claim', start: 0, end: 4 },
      { coder: 'cy', tag: 'claim', start: 2, end: 6 },
    ];
    const three = computeAgreement([{ file: 'a.txt', length: 8, spans }]);
    assert.deepEqual(three.coders, ['ana', 'ben', 'cy']);
    assert.equal(three.tags[0].kappa, null);
    const pair = computeAgreement([{ file: 'a.txt', length: 8, spans }], { coders: ['ben', 'ana'] });
    assert.deepEqual(pair.coders, ['ben', 'ana']);
    close(pair.tags[0].alpha, 1, 6);
    assert.equal(pair.disagreements.length, 0);
    const whole = computeAgreement([{ file: 'a.txt', length: 4, spans }], { coders: ['ana', 'ben'] });
    assert.equal(whole.tags[0].alpha, null, 'every unit marked by both: no variation');
    close(whole.tags[0].agreement, 1, 6);
  });

  it('merges overlapping spans of one coder and counts a unit once', () => {
    const report = computeAgreement([
      {
        file: 'a.txt',
        length: 10,
        spans: [
          { coder: 'ana', tag: 'claim', start: 0, end: 6 },
          { coder: 'ana', tag: 'claim', start: 3, end: 8 },
          { coder: 'ben', tag: 'claim', start: 0, end: 8 },
        ],
      },
    ]);
    assert.deepEqual(report.tags[0].units.coded, { ana: 8, ben: 8 });
    close(report.tags[0].alpha, 1, 6);
  });
});
