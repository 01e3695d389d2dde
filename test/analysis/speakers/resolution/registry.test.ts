// The speaker registry on its own: names merge with their surnames, namesakes stay apart, definite descriptions
// and pronouns find the speaker they refer to.
import { strict as assert } from 'node:assert';
import type { NameCandidate } from '../../../../server/src/analysis/speakers/mentions/names';
import type { Description } from '../../../../server/src/analysis/speakers/mentions/descriptions';
import { SpeakerRegistry } from '../../../../server/src/analysis/speakers/resolution/registry';

let at = 0;
/** A name mentioned after every earlier one. */
function person(text: string, fields: Partial<NameCandidate> = {}): NameCandidate {
  const words = text.toLowerCase().split(' ');
  const start = at;
  at += text.length + 10;
  return {
    first: 0,
    end: 1,
    start,
    stop: start + text.length,
    text,
    kind: 'person',
    role: null,
    phraseFirst: 0,
    phraseEnd: 1,
    gender: null,
    words,
    titled: false,
    descriptor: null,
    governedBy: null,
    subjectOpener: false,
    ...fields,
  };
}

function description(text: string, head: string, fields: Partial<Description> = {}): Description {
  const start = at;
  at += text.length + 10;
  return {
    first: 0,
    end: 1,
    start,
    stop: start + text.length,
    text,
    head,
    modifiers: [],
    definite: true,
    plural: false,
    headKind: 'people',
    possessive: false,
    ...fields,
  };
}

function span(text: string) {
  const start = at;
  at += text.length + 10;
  return { start, end: start + text.length, text };
}

describe('speakers/resolution: registry', () => {
  beforeEach(() => {
    at = 0;
  });

  it('merges a surname with the full name met before it', () => {
    const registry = new SpeakerRegistry();
    const full = registry.fromName(person('Mevlüt Çavuşoğlu', { gender: 'male' }), 'person', true);
    const surname = registry.fromName(person('Çavuşoğlu'), 'person', true);
    assert.ok(full);
    assert.equal(surname, full);
    assert.deepEqual(
      full.mentions.map((m) => [m.text, m.form]),
      [
        ['Mevlüt Çavuşoğlu', 'name'],
        ['Çavuşoğlu', 'surname'],
      ],
    );
  });

  it('keeps namesakes apart by gender and by title', () => {
    const registry = new SpeakerRegistry();
    const anna = registry.fromName(person('Anna Mwangi', { gender: 'female' }), 'person', true);
    const senator = registry.fromName(
      person('Tom Mwangi', { gender: 'male', role: { start: 0, end: 7, text: 'Senator' } }),
      'person',
      true,
    );
    assert.notEqual(anna, senator);
    assert.equal(registry.fromName(person('Mwangi', { role: { start: 0, end: 7, text: 'Senator' } }), 'person', false), senator);
    assert.equal(registry.fromName(person('Mwangi', { gender: 'female' }), 'person', false), anna);
  });

  it('creates nobody for an unknown name when told not to', () => {
    const registry = new SpeakerRegistry();
    assert.equal(registry.fromName(person('Zoë Ortega'), 'person', false), null);
    assert.equal(registry.entities.length, 0);
  });

  it('resolves "he" and "she" to the latest compatible person, and learns a gender from them', () => {
    const registry = new SpeakerRegistry();
    const levan = registry.fromName(person('Levan Beridze', { gender: 'male' }), 'person', true);
    const olga = registry.fromName(person('Olga Nurlanova'), 'person', true);
    // Olga's gender is unknown until "she" refers to her; after that "he" passes over her.
    assert.equal(registry.fromPronoun('female', span('she')), olga);
    assert.equal(olga?.gender, 'female');
    assert.equal(registry.fromPronoun('male', span('he')), levan);
    assert.equal(registry.fromPronoun('plural', span('they')), null);
  });

  it('takes "the ministry" up for the ministry named before, and "a source" as someone new', () => {
    const registry = new SpeakerRegistry();
    const ministry = registry.fromName(
      person('Foreign Ministry', { kind: 'organization', words: ['foreign', 'ministry'] }),
      'organization',
      true,
    );
    const later = registry.fromDescription(description('the ministry', 'ministry', { headKind: 'organization' }));
    assert.equal(later, ministry);
    const source = registry.fromDescription(description('a source', 'source', { definite: false }));
    assert.ok(source);
    assert.notEqual(source, ministry);
    assert.equal(source.kind, 'anonymous');
  });

  it('finds an entity by any of its names, case-insensitively', () => {
    const registry = new SpeakerRegistry();
    const e = registry.fromName(person('Hamid Karimi'), 'person', true);
    registry.fromName(person('Karimi'), 'person', true);
    assert.equal(registry.find('KARIMI'), e);
    assert.equal(registry.find(' hamid karimi '), e);
    assert.equal(registry.find('Karim'), null);
  });

  it('takes a one-word unknown name up for the latest institution whose name opens with it, renamed ones included', () => {
    const registry = new SpeakerRegistry();
    const org = (text: string) => person(text, { kind: 'organization' });
    const airways = registry.fromName(org('NorthSky Airways'), 'organization', true);
    const bank = registry.fromName(org('The Halvard Bank'), 'organization', true);
    const logistics = registry.fromName(org('Halvard Logistics'), 'organization', true);
    // A person known by surname only, renamed by a fuller name: filed under the new first word, never a company.
    registry.fromName(person('Halvorsen', { gender: 'male' }), 'person', true);
    registry.fromName(person('Halvard Halvorsen', { gender: 'male' }), 'person', true);
    const bare = (text: string) => person(text, { kind: 'unknown' });
    assert.equal(registry.fromName(bare('Halvard'), 'person', false), logistics);
    // Mentioning the bank again makes it the latest.
    registry.fromName(org('The Halvard Bank'), 'organization', true);
    assert.equal(registry.fromName(bare('Halvard'), 'person', false), bank);
    assert.equal(registry.fromName(bare('Northsky'), 'person', false), airways);
    assert.equal(registry.fromName(bare('Airways'), 'person', false), null);
  });
});
