// The cue verb lexicon: inflected forms map to their base, noun homographs are flagged, addressees recognised.
import { strict as assert } from 'node:assert';
import {
  ADDRESSEE_WORDS,
  CUE_VERBS,
  MEDIUM_INTRODUCERS,
  MULTIWORD_CUES,
  cueVerbForm,
  isAddresseeWord,
  isUnambiguousCueVerb,
} from '../../server/src/analysis/lexicon/cueVerbs';

describe('cue verb lexicon', () => {
  it('recognises regular and irregular inflections', () => {
    const cases: [string, string][] = [
      ['said', 'say'],
      ['says', 'say'],
      ['saying', 'say'],
      ['told', 'tell'],
      ['tells', 'tell'],
      ['stressed', 'stress'],
      ['stressing', 'stress'],
      ['stresses', 'stress'],
      ['recalled', 'recall'],
      ['wrote', 'write'],
      ['written', 'write'],
      ['argued', 'argue'],
      ['arguing', 'argue'],
      ['replied', 'reply'],
      ['replies', 'reply'],
      ['denied', 'deny'],
      ['quipped', 'quip'],
      ['admitted', 'admit'],
      ['admitting', 'admit'],
      ['emphasised', 'emphasise'],
      ['emphasizes', 'emphasize'],
      ['tweeted', 'tweet'],
      ['labelled', 'label'],
      ['labeled', 'label'],
      ['continued', 'continue'],
      ['spoke', 'speak'],
      ['Said', 'say'],
      ['TOLD', 'tell'],
    ];
    for (const [form, base] of cases) assert.equal(cueVerbForm(form), base, form);
  });

  it('returns null for words that are not cue verbs', () => {
    for (const w of ['the', 'Russia', 'sad', 'tolled', 'saids', 'agreement', '']) assert.equal(cueVerbForm(w), null, w);
  });

  it('flags forms that are also common nouns', () => {
    assert.equal(isUnambiguousCueVerb('said'), true);
    assert.equal(isUnambiguousCueVerb('stated'), true);
    assert.equal(isUnambiguousCueVerb('state'), false);
    assert.equal(isUnambiguousCueVerb('report'), false);
    assert.equal(isUnambiguousCueVerb('calls'), false);
    assert.equal(isUnambiguousCueVerb('Russia'), false);
  });

  it('recognises addressees and media, case-insensitively', () => {
    for (const w of ['AFP', 'reporters', 'Interfax', 'agency', 'journalists']) assert.equal(isAddresseeWord(w), true, w);
    for (const w of ['Lavrov', 'ministry', 'said']) assert.equal(isAddresseeWord(w), false, w);
  });

  it('keeps its lists lower case and without duplicates where they are looked up', () => {
    for (const list of [CUE_VERBS, MULTIWORD_CUES, MEDIUM_INTRODUCERS, [...ADDRESSEE_WORDS]]) {
      for (const entry of list) assert.equal(entry, entry.toLowerCase(), entry);
    }
    assert.ok(MULTIWORD_CUES.includes('according to'));
    assert.ok(MULTIWORD_CUES.includes('quoted as saying'));
    assert.ok(MEDIUM_INTRODUCERS.includes('quoted by'));
  });
});
