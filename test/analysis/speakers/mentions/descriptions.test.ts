// Descriptions, pronouns and document phrases read around a token, in either direction.
import { strict as assert } from 'node:assert';
import {
  descriptionEndingAt,
  descriptionStartingAt,
  isDescriptionHead,
  isPersonNoun,
  pronounKind,
} from '../../../../server/src/analysis/speakers/mentions/descriptions';
import {
  collectiveSubject,
  documentStartingAt,
  documentSubject,
  jointSubject,
} from '../../../../server/src/analysis/speakers/mentions/documents';
import { findMentions } from '../../../../server/src/analysis/speakers/mentions';
import { stageInput, tokenAt } from '../stageInput';

describe('speakers/mentions: descriptions, pronouns, documents', () => {
  it('reads an anonymous source leftwards from its head, with its modifiers', () => {
    const { tt } = stageInput(['A senior Turkish diplomatic source told reporters that the border would reopen.']);
    const d = descriptionEndingAt(tt.tokens, tokenAt(tt.tokens, 'source'));
    assert.ok(d);
    assert.equal(d.text, 'A senior Turkish diplomatic source');
    assert.deepEqual(d.modifiers, ['senior', 'turkish', 'diplomatic']);
    assert.equal(d.definite, false);
    assert.equal(d.headKind, 'people');
  });

  it('reads a definite institution and a post-modifier rightwards', () => {
    const { tt } = stageInput(['Later the ministry and a spokesman for the Żabka chain said nothing more about it.']);
    const ministry = descriptionStartingAt(tt.tokens, tokenAt(tt.tokens, 'the'));
    assert.equal(ministry?.text, 'the ministry');
    assert.equal(ministry?.headKind, 'organization');
    assert.equal(ministry?.definite, true);
    const spokesman = descriptionStartingAt(tt.tokens, tokenAt(tt.tokens, 'a'));
    assert.equal(spokesman?.text, 'a spokesman for the Żabka chain');
  });

  it('takes a bare plural of people as a source, but no bare singular', () => {
    const { tt } = stageInput(['Witnesses said the fire spread quickly, and resident Olga warned others.']);
    assert.equal(descriptionEndingAt(tt.tokens, tokenAt(tt.tokens, 'Witnesses'))?.plural, true);
    assert.equal(descriptionEndingAt(tt.tokens, tokenAt(tt.tokens, 'resident')), null);
  });

  it('knows heads and pronouns', () => {
    assert.equal(isDescriptionHead('Spokeswoman'), true);
    assert.equal(isDescriptionHead('epidemiologist'), true);
    assert.equal(isDescriptionHead('checklist'), false);
    assert.equal(isPersonNoun('residents'), true);
    const { tt } = stageInput(['She said they knew it, and he agreed with them.']);
    assert.deepEqual(
      ['She', 'they', 'it', 'he', 'them'].map((w) => pronounKind(tt.tokens[tokenAt(tt.tokens, w)])),
      ['female', 'plural', 'thing', 'male', null],
    );
  });

  it('finds the document that is a verb’s subject, and the one after "according to"', () => {
    const { tt } = stageInput(['The ministry’s statement also said the port would stay shut, according to the communiqué.']);
    const said = tokenAt(tt.tokens, 'said');
    const doc = documentSubject(tt.tokens, said, said + 1);
    assert.ok(doc);
    assert.equal(doc.head, 'statement');
    assert.equal(tt.tokens[doc.first].text, 'The');
    const communique = documentStartingAt(tt.tokens, tokenAt(tt.tokens, 'according') + 2);
    assert.equal(communique?.head, 'communiqué');
  });

  it('reads joint parties and a counted reference back to them', () => {
    const { tt } = stageInput(['Egypt and Qatar said in a joint statement that talks would resume. The two countries said more later.']);
    const { index } = findMentions(tt);
    const joint = jointSubject(tt.tokens, index, tokenAt(tt.tokens, 'Egypt'), tokenAt(tt.tokens, 'said'));
    assert.deepEqual(
      joint?.parts.map((p) => p.text),
      ['Egypt', 'Qatar'],
    );
    const later = tokenAt(tt.tokens, 'said', tokenAt(tt.tokens, 'countries'));
    const counted = collectiveSubject(tt.tokens, later);
    assert.ok(counted);
    assert.deepEqual([tt.tokens[counted.first].text, tt.tokens[counted.end - 1].text], ['The', 'countries']);
  });

  it('reads the heads real reporting counts: a family, a coroner, a trust, and "police" with no article', () => {
    const { tt } = stageInput(['“We want answers,” police said, and the victims’ families agreed, as did the coroner and the trust.']);
    const police = descriptionEndingAt(tt.tokens, tokenAt(tt.tokens, 'police'));
    assert.equal(police?.text, 'police');
    assert.equal(descriptionEndingAt(tt.tokens, tokenAt(tt.tokens, 'families'))?.text, 'the victims’ families');
    assert.equal(descriptionEndingAt(tt.tokens, tokenAt(tt.tokens, 'coroner'))?.headKind, 'people');
    assert.equal(descriptionEndingAt(tt.tokens, tokenAt(tt.tokens, 'trust'))?.headKind, 'organization');
  });
});
