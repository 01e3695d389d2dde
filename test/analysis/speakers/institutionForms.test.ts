// Institutions as reporting names them (issue 14): a department named by its field ("the Justice Department"),
// "the department" / "the paper" taking up the institution named last even when it had not spoken yet, and a
// broadcaster's name ending in "News". Every sentence is made up.
import { strict as assert } from 'node:assert';
import { analyze, type Analysis } from '../../../server/src/analysis/index';
import { testArticle, whoSaid as who } from '../articleFixture';

function run(paragraphs: string[]): Analysis {
  return analyze(testArticle(paragraphs));
}

describe('institution forms: a field word before an institution head', () => {
  it('is part of the name, not a title ("the Justice Department said")', () => {
    const a = run(['“We will appeal the ruling,” the Justice Department said in a statement on Tuesday.']);
    assert.equal(who(a, 'We will appeal'), 'the Justice Department');
  });

  it('still reads a title before a person ("Justice Ada Mbeki wrote")', () => {
    const a = run(['“The statute is plain,” Justice Ada Mbeki wrote for the majority.']);
    assert.equal(who(a, 'The statute is plain'), 'Ada Mbeki');
  });
});

describe('institution forms: "the department" after another department was named', () => {
  it('takes up the one named last, not the earlier speaker, and never one with other capitalised words', () => {
    const a = run([
      '“No one is above the law,” the Treasury Department said on Monday.',
      'The Commerce Department issued new export rules a day later. “The rules take effect at once,” the department said.',
    ]);
    assert.equal(who(a, 'No one is above'), 'the Treasury Department');
    assert.equal(who(a, 'The rules take effect'), 'The Commerce Department');
  });
});

describe('institution forms: a paper named once before it is quoted', () => {
  it('is who "the paper reported" means, not a paper that spoke earlier', () => {
    const a = run([
      '“We stand by our reporting,” the Harbor Gazette said last week.',
      'The Sentinel first reported the payments in May. “The records speak for themselves,” the paper wrote.',
    ]);
    assert.equal(who(a, 'We stand by'), 'the Harbor Gazette');
    assert.equal(who(a, 'The records speak'), 'The Sentinel');
  });
});

describe('institution forms: a broadcaster named "… News"', () => {
  it('keeps "News" in the name', () => {
    const a = run(['“We had no role in the edit,” Kestrel News said in a statement.']);
    assert.equal(who(a, 'We had no role'), 'Kestrel News');
  });
});

describe('institution forms: a firm named by its partners', () => {
  it('is one organization ("Pell & Marsh"), and an aside "now a partner at" it leaves the subject speaking', () => {
    const a = run(['Former Solicitor General Ira Vance, now a partner at Pell & Marsh, said the ruling would “invite a flood of suits.”']);
    assert.equal(who(a, 'invite a flood'), 'Ira Vance');
    const b = run(['“We do not comment on clients,” Pell & Marsh said in a statement.']);
    assert.equal(who(b, 'We do not comment'), 'Pell & Marsh');
    assert.equal(b.speakers.find((s) => s.name === 'Pell & Marsh')?.kind, 'organization');
  });
});

describe('institution forms: a name set off by a company appositive', () => {
  it('is an organization ("Meridian Health, the state\'s largest insurer,"), which "the company" takes up', () => {
    const a = run([
      'Lawmakers questioned executives from Meridian Health, the state’s largest insurer, on Monday.',
      '“We follow the law in every county,” the company said.',
    ]);
    assert.equal(who(a, 'We follow the law'), 'Meridian Health');
    assert.equal(a.speakers.find((s) => s.name === 'Meridian Health')?.kind, 'organization');
  });

  it('leaves a person whose appositive only names the company ("the company’s founder")', () => {
    const a = run(['“It was a mistake,” said Tom Crane, the company’s founder.']);
    const crane = a.speakers.find((s) => s.name === 'Tom Crane');
    assert.equal(crane?.kind, 'person');
    assert.equal(crane?.role, 'the company’s founder');
  });
});
