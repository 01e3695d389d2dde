// Forms of US political reporting that failed on the fourth development round (issue 14, `g4-*`): members of a
// group speaking as "one" / "another" / "the other", and a cry right after a verb of crying out with the
// sentence going on after it. Every sentence here is made up for the test.
import { strict as assert } from 'node:assert';
import { analyze, type Analysis } from '../../../server/src/analysis/index';
import { testArticle, whoSaid as who } from '../articleFixture';

function run(paragraphs: string[]): Analysis {
  return analyze(testArticle(paragraphs));
}

describe('political forms: members of a counted group', () => {
  it('gives "one said", "said another" and "the other said" sources of their own', () => {
    const a = run([
      'Two ushers at the convention asked not to be named. “Nobody checked a single badge,” one said. “Not one,” said another.',
      'Two pollsters disagreed about the result. “It is within the margin,” one said. “It is not close,” the other said.',
    ]);
    assert.equal(who(a, 'Nobody checked'), 'one');
    assert.equal(who(a, 'Not one'), 'another');
    assert.equal(who(a, 'It is not close'), 'the other');
  });

  it('keeps "one of them said" with the group', () => {
    const a = run(['Several delegates said the rules were unfair. “We were never asked,” one of them said.']);
    assert.equal(who(a, 'We were never asked'), 'Several delegates');
  });
});

describe('political forms: a cry after a verb of crying out', () => {
  it('keeps a short cry the sentence goes on after, and gives it to the crowd', () => {
    const a = run(['The senator left by a side door while the crowd chanted “Count every vote!” outside the hall.']);
    const cry = a.quotes.find((q) => q.text.includes('Count every vote'));
    assert.ok(cry, 'the cry is a quote');
    assert.equal(who(a, 'Count every vote'), 'the crowd');
  });

  it('still leaves a lower-case phrase after such a verb a scare quote', () => {
    const a = run(['Critics scoffed at the “bold new era” the mayor had promised.']);
    assert.equal(
      a.quotes.some((q) => q.text.includes('bold new era')),
      false,
    );
  });
});
