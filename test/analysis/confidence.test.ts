// Confidence of attributions: the evidence → number mapping, the post-step on real analyses, and the calibration
// the product promises, measured on the development sets (never on test/fixtures/holdout).
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/analysis';
import { confidenceOf, TRUSTED, type AttributionEvidence } from '../../server/src/analysis/confidence';
import { readSeedFile } from '../../server/src/files/seedFile';
import { loadGold } from '../../scripts/eval/gold';
import { scoreFile, type JudgedAttribution } from '../../scripts/eval/score';
import { reliabilityOf } from '../../scripts/eval/reliability';
import { quoteStarting, testArticle } from './articleFixture';

const named: AttributionEvidence = {
  override: false,
  cue: 'verb',
  source: 'surname',
  placement: 'sentence',
  distance: 2,
  partial: false,
  speakerKind: 'person',
  rivals: 0,
};

describe('confidence: mapping from evidence', () => {
  it('is 1 for an analyst override, whatever else is known', () => {
    assert.equal(confidenceOf({ ...named, override: true, cue: null, source: null, placement: null, distance: null }), 1);
  });

  it("trusts a person named at a cue in the quote's sentence", () => {
    assert.ok(confidenceOf(named) >= 0.9);
    assert.ok(confidenceOf({ ...named, source: 'name' }) >= TRUSTED);
  });

  it('trusts a pronoun less when another person was mentioned just before', () => {
    const alone = confidenceOf({ ...named, source: 'pronoun' });
    const crowded = confidenceOf({ ...named, source: 'pronoun', rivals: 2 });
    assert.ok(crowded < alone, `${crowded} < ${alone}`);
  });

  it('sends organizations and unnamed sources reached through a description to review', () => {
    assert.ok(confidenceOf({ ...named, source: 'description', speakerKind: 'organization' }) < TRUSTED);
    assert.ok(confidenceOf({ ...named, source: 'description', speakerKind: 'anonymous' }) < TRUSTED);
  });

  it('trusts "the company said" taken up for the one institution named in view, and only then', () => {
    const linked: AttributionEvidence = { ...named, source: 'description', speakerKind: 'organization', linkedToName: true };
    assert.ok(confidenceOf(linked) >= TRUSTED);
    assert.ok(confidenceOf({ ...linked, rivals: 1 }) < TRUSTED);
    assert.ok(confidenceOf({ ...linked, linkedToName: false }) < TRUSTED);
    assert.ok(confidenceOf({ ...linked, placement: 'paragraph' }) < TRUSTED);
  });

  it('trusts a cue across a sentence or paragraph boundary, a far cue and a bare colon less', () => {
    const base = confidenceOf(named);
    assert.ok(confidenceOf({ ...named, placement: 'paragraph' }) < base);
    assert.ok(confidenceOf({ ...named, placement: 'farther' }) < confidenceOf({ ...named, placement: 'paragraph' }));
    assert.ok(confidenceOf({ ...named, distance: 200 }) < base);
    assert.ok(confidenceOf({ ...named, cue: 'colon' }) < base);
  });

  it('sends a name touching a colon inside a line to review, unlike a label that opens its line', () => {
    const label = { ...named, source: 'name' as const, cue: 'colon' as const, distance: 0 };
    assert.ok(confidenceOf(label) >= TRUSTED);
    assert.ok(confidenceOf({ ...label, colonMidLine: true }) < TRUSTED);
  });

  it('trusts a speaker carried into a continuation less when someone else was just mentioned', () => {
    const carried = { ...named, cue: null, source: null, placement: null, distance: null };
    assert.ok(confidenceOf({ ...carried, rivals: 1 }) < TRUSTED);
    assert.ok(confidenceOf(carried) > confidenceOf({ ...carried, rivals: 1 }));
  });

  it('trusts a person named in a sentence that hands over to the quote, but not a description or an organization there', () => {
    const lead = { ...named, cue: 'lead' as const };
    assert.ok(confidenceOf(lead) >= TRUSTED);
    assert.ok(confidenceOf({ ...lead, source: 'pronoun' }) >= TRUSTED);
    assert.ok(confidenceOf({ ...lead, source: 'pronoun', rivals: 1 }) < TRUSTED);
    assert.ok(confidenceOf({ ...lead, source: 'description', speakerKind: 'anonymous' }) < TRUSTED);
    assert.ok(confidenceOf({ ...lead, source: 'name', speakerKind: 'organization' }) < TRUSTED);
    assert.ok(confidenceOf(lead) < confidenceOf(named));
  });

  it('trusts an organization named again at the cue with no other between, not at its first mention', () => {
    const org = { ...named, source: 'name' as const, speakerKind: 'organization' as const };
    assert.ok(confidenceOf({ ...org, othersSinceLastMention: 0 }) >= TRUSTED);
    assert.ok(confidenceOf({ ...org, othersSinceLastMention: null }) < TRUSTED);
    assert.ok(confidenceOf({ ...org, othersSinceLastMention: 1 }) < TRUSTED);
    assert.ok(confidenceOf({ ...org, othersSinceLastMention: 0, rivals: 1 }) < TRUSTED);
  });

  it('stays within [0, 1] for the weakest evidence', () => {
    const weakest: AttributionEvidence = {
      override: false,
      cue: 'colon',
      source: null,
      placement: 'farther',
      distance: 500,
      partial: true,
      speakerKind: 'anonymous',
      rivals: 5,
    };
    const c = confidenceOf(weakest);
    assert.ok(c >= 0 && c <= 1, String(c));
  });
});

describe('confidence: on analyzed articles', () => {
  it('is a number for attributed quotes and null for unattributed ones', () => {
    const a = analyze(
      testArticle([
        'Finance Minister Lena Okafor presented the budget on Monday. “Every euro has a purpose,” Okafor said.',
        '“Nobody asked us,” read a banner outside the building.',
      ]),
    );
    const said = quoteStarting(a, 'Every euro');
    assert.ok(said.confidence !== null && said.confidence >= TRUSTED, String(said.confidence));
    for (const q of a.quotes) assert.equal(q.confidence === null, q.speakerId === null, q.text);
  });

  it('tells a name touching a colon mid-line from a round-up line that opens with the name', () => {
    const a = analyze(
      testArticle([
        'The hearing ran late. The last word went to harbour master Mark Lee: “Close the gate at six.”',
        'Jane Roe, The Daily Planet: “The council has lost the plot.”',
      ]),
    );
    const midLine = quoteStarting(a, 'Close the gate');
    assert.ok(midLine.confidence !== null && midLine.confidence < TRUSTED, String(midLine.confidence));
    const roundUp = quoteStarting(a, 'The council has');
    assert.ok(roundUp.confidence !== null && roundUp.confidence >= TRUSTED, String(roundUp.confidence));
  });

  it('does not trust "the union said" taken up for a person the reading took for an institution', () => {
    const a = analyze(testArticle(['Malcolm Tierney defended the plan. The union warned: “We will ballot.”']));
    const q = quoteStarting(a, 'We will ballot');
    assert.ok(q.confidence === null || q.confidence < TRUSTED, String(q.confidence));
  });

  it('trusts an organization the article named before over one first named at the cue', () => {
    const a = analyze(
      testArticle([
        '“We had no choice,” the Harbor Tenants Association said on Monday as it filed suit over the rent rules.',
        'Mayor Ana Ruiz declined to comment.',
        '“We will see them in court,” the Harbor Tenants Association said.',
        '“The rules stand,” said the Coastal Landlords Association, which owns most of the buildings.',
      ]),
    );
    for (const [start, trusted] of [
      ['We had no choice', false],
      ['We will see them', true],
      ['The rules stand', false],
    ] as const) {
      const q = quoteStarting(a, start);
      assert.ok(q.confidence !== null && q.confidence >= TRUSTED === trusted, `${start}: ${q.confidence}`);
    }
  });

  it('is 1 for a quote the analyst attributed in the sidecar', () => {
    const text = testArticle(['Officials met on Monday. “The bridge stays shut,” a notice on the door said.']);
    const a = analyze(text, { attributions: [{ exact: '“The bridge stays shut,”', speaker: 'Harbour Authority' }] });
    assert.equal(quoteStarting(a, 'The bridge').confidence, 1);
  });
});

describe('confidence: calibration on the development sets', () => {
  const root = join(__dirname, '../..');
  const sets: [string, string][] = [
    [join(root, 'test/fixtures/devset'), join(root, 'test/fixtures/devset')],
    [join(root, 'test/fixtures/genres'), join(root, 'test/fixtures/genres')],
    [join(root, 'seeds'), join(root, 'test/fixtures/seeds-gold')],
  ];

  it('gives 0.8 or more to at least 70% of attributed quotes, and at least 95% of those are right', () => {
    const judged: JudgedAttribution[] = [];
    for (const [textDir, goldDir] of sets) {
      for (const name of readdirSync(textDir).filter((n) => n.endsWith('.txt'))) {
        const gold = loadGold(join(goldDir, name.replace(/\.txt$/, '.gold.json')));
        const read = readSeedFile(join(textDir, name));
        assert.ok(gold.ok && read.ok, name);
        judged.push(...scoreFile(name, read.text, gold.gold, analyze(read.text)).judged);
      }
    }
    const r = reliabilityOf(judged);
    assert.ok(r.attributed > 200, `only ${r.attributed} attributed quotes to calibrate on`);
    assert.equal(r.missing, 0);
    assert.ok((r.trustedAccuracy ?? 0) >= 0.95, `trusted accuracy ${r.trustedAccuracy}`);
    assert.ok((r.trustedShare ?? 0) >= 0.7, `trusted share ${r.trustedShare}`);
  });
});

describe('corrections: not a quote', () => {
  it('drops a quote the analyst marked as not a quote, and keeps the others', () => {
    const text = testArticle(['The so-called “Harbour Plan” was approved. “It changes everything,” Mayor Ana Ruiz said.']);
    const before = analyze(text);
    const target = before.quotes.find((q) => q.text.includes('changes everything'));
    assert.ok(target, before.quotes.map((q) => q.text).join(' | '));
    const after = analyze(text, { attributions: [{ exact: target.text, speaker: '', notQuote: true }] });
    assert.deepEqual(
      after.quotes.map((q) => q.text),
      before.quotes.filter((q) => q !== target).map((q) => q.text),
    );
  });
});
