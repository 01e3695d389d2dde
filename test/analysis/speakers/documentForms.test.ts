// Documents and given names as sources on unseen articles (issue 14, third round): a document phrase opening its
// sentence ("An inspection report commissioned in May described … as “…”", "The memo, written by X, reads:"), an
// email that "began:" after its writer was named, a report owned by an unnamed officer, and a name given in the
// passive ("dubbed “…” by X"). Every sentence is made up.
import { strict as assert } from 'node:assert';
import { analyze, type Analysis } from '../../../server/src/analysis/index';
import { testArticle, whoSaid as who } from '../articleFixture';

function run(paragraphs: string[]): Analysis {
  return analyze(testArticle(paragraphs));
}

describe('document forms: a document opening its sentence', () => {
  it('speaks as itself when nobody is named as its author', () => {
    const a = run(['An inspection report commissioned in March described the pier as “beyond economic repair.”']);
    assert.equal(who(a, 'beyond economic repair'), 'An inspection report');
  });

  it('is a new document with "a", not one introduced before with its author', () => {
    const a = run([
      'A letter from Nils Brandt in June began: “I cannot sign this.”',
      'A safety audit ordered in July described the depot as “unfit for purpose.”',
    ]);
    assert.equal(who(a, 'I cannot sign'), 'Nils Brandt');
    assert.equal(who(a, 'unfit for purpose'), 'A safety audit');
  });

  it('speaks as itself when an unnamed officer owns it, not as the council named before', () => {
    const a = run([
      'The district council wants to sell the old baths. A surveyor’s report to the committee described the roof as “close to collapse.”',
    ]);
    assert.equal(who(a, 'close to collapse'), 'A surveyor’s report');
  });

  it('speaks for the author named after "written by" or "signed by", past a role and an aside', () => {
    const a = run([
      'The memo, written by the depot’s chief mechanic, Lorcan Tully, and dated March, reads: “Two of the buses should not be on the road.”',
      'A notice sent to every driver that week, signed by Petra Lind, read: “Report every fault, however small.”',
    ]);
    assert.equal(who(a, 'Two of the buses'), 'Lorcan Tully');
    assert.equal(who(a, 'Report every fault'), 'Petra Lind');
  });

  it('gives "The email began:" to the one just said to have written', () => {
    const a = run([
      'On May 3, treasurer Ilse Varga wrote to the trustees with the subject line “Cash position.” The email began: “We have eleven weeks of money left.”',
    ]);
    assert.equal(who(a, 'We have eleven weeks'), 'Ilse Varga');
  });

  it('leaves the author to a relative clause between the document and its verb', () => {
    const a = run(['A note in the margin, which a clerk who saw the file attributed to the mayor, reads: “Not now.”']);
    assert.notEqual(who(a, 'Not now'), 'A note');
  });
});

describe('document forms: a name given in the passive', () => {
  it('keeps "dubbed “…” by X" as X’s words and attributes it to X', () => {
    const a = run([
      'The scheme, dubbed “the Quay Makeover” by council leader Osric Penn, would keep one market stall.',
      'The donor dinners, dubbed “Tidewalkers” by the campaign, raised money all summer.',
    ]);
    assert.equal(who(a, 'the Quay Makeover'), 'Osric Penn');
    assert.ok(a.quotes.some((q) => q.text.includes('Tidewalkers')));
  });

  it('still leaves a title with its maker and a so-called phrase out', () => {
    const a = run(['A film called “Harbour Lights” by Ada Lim opened. The so-called “quiet plan” was dropped.']);
    assert.ok(!a.quotes.some((q) => q.text.includes('Harbour Lights') || q.text.includes('quiet plan')));
  });
});

describe('document forms: a body named as the author after the document', () => {
  it('speaks through it ("The lawsuit, filed by the Harbor Tenants Association, says", "A statement from the X Union read:")', () => {
    const a = analyze(
      testArticle([
        'Sen. Ada Price spoke first.',
        'The lawsuit, filed by the Harbor Tenants Association, says the city acted “in bad faith.”',
        'A statement from the National Teachers Union read: “Our members are relieved.”',
      ]),
    );
    assert.equal(who(a, 'in bad faith'), 'the Harbor Tenants Association');
    assert.equal(who(a, 'Our members are relieved'), 'the National Teachers Union');
  });
});
