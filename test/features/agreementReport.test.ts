// The editor's agreement report: the same figures as the CLI table (3 decimals, percentages), escaped names, and
// the disagreeing passages with their line numbers.
import assert from 'node:assert/strict';
import { agreementMarkdown } from '../../client/src/agreementReport';
import type { AgreementDto } from '../../shared/protocol';

const figures = { alpha: 1 - 3587 / 8427, kappa: 2556 / 4358, agreement: 89 / 106, units: { total: 106, coded: { ana: 18, 'b|en': 35 } } };

describe('client: agreement report', () => {
  it('tabulates each code and the overall figures, and lists the disagreements', () => {
    const report: AgreementDto = {
      coders: ['ana', 'b|en'],
      tags: [{ tag: 'claim', ...figures }],
      overall: figures,
      disagreements: [
        {
          uri: 'file:///w/seeds/a.txt',
          file: 'seeds/a.txt',
          tag: 'claim',
          start: 50,
          end: 67,
          text: ',” the envoy said',
          markedBy: ['b|en'],
          notMarkedBy: ['ana'],
          range: { start: { line: 2, character: 30 }, end: { line: 2, character: 47 } },
        },
      ],
      withoutCoder: 0,
    };
    const md = agreementMarkdown(report);
    assert.match(md, /^\| Code \| alpha \| kappa \| agreement \| units \| by ana \| by b\\\|en \|$/m);
    assert.match(md, /^\| claim \| 0\.574 \| 0\.587 \| 84\.0% \| 106 \| 18 \| 35 \|$/m);
    assert.match(md, /^\| \*\*overall\*\* \| 0\.574 \| 0\.587 \| 84\.0% \| 106 \| 18 \| 35 \|$/m);
    assert.match(md, /^- seeds\/a\.txt:3 \*\*claim\*\*: marked by b\\\|en, not by ana — “,” the envoy said”$/m);
  });

  it('says so when fewer than two coders tagged the files', () => {
    const md = agreementMarkdown({
      coders: ['ana'],
      tags: [],
      overall: { alpha: null, kappa: null, agreement: null, units: { total: 0, coded: {} } },
      disagreements: [],
      withoutCoder: 2,
    });
    assert.match(md, /needs at least two coders .* found ana\./);
  });
});
