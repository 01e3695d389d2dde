// The named rules that decide when a name met in reading order becomes a speaker entity, on hand-made names.
import { strict as assert } from 'node:assert';
import type { NameCandidate } from '../../../../server/src/analysis/speakers/mentions/names';
import {
  createsEntity,
  isClauseSubject,
  isPronounAntecedent,
  isSource,
  isSubjectOrganization,
  isUnknownSentenceSubject,
  speakerKind,
  type NameFacts,
} from '../../../../server/src/analysis/speakers/resolution/creationRules';

function name(text: string, fields: Partial<NameCandidate> = {}): NameCandidate {
  const words = text.toLowerCase().split(' ');
  return {
    first: 0,
    end: words.length,
    start: 0,
    stop: text.length,
    text,
    kind: 'unknown',
    role: null,
    phraseFirst: 0,
    phraseEnd: words.length,
    gender: null,
    words,
    titled: false,
    descriptor: null,
    governedBy: null,
    subjectOpener: false,
    ...fields,
  };
}

function facts(candidate: NameCandidate, fields: Partial<NameFacts> = {}): NameFacts {
  return { candidate, speaks: false, opensSentence: false, opensAfterArticle: false, ...fields };
}

describe('speakers/resolution: creation rules', () => {
  it('lets a place speak only as a cue subject, and never a lone description head', () => {
    assert.equal(speakerKind(name('Türkiye', { kind: 'place' }), false), null);
    assert.equal(speakerKind(name('Türkiye', { kind: 'place' }), true), 'organization');
    assert.equal(speakerKind(name('Officials'), true), null);
    assert.equal(speakerKind(name('Ołena Zełenska'), false), 'person');
  });

  it('makes a source of a cue subject, a medium or a titled person', () => {
    const titled = name('Zoë Müller', { kind: 'person', titled: true });
    assert.equal(isSource(facts(titled), 'person'), true);
    assert.equal(isSource(facts(name('Zoë Müller', { kind: 'person' })), 'person'), false);
    assert.equal(isSource(facts(name('Interfax', { kind: 'organization' }), { speaks: true }), 'organization'), true);
    assert.equal(isSource(facts(name('Gaza', { kind: 'place' }), { speaks: false }), null), false);
  });

  it('keeps a person as an antecedent unless only the untitled object of a preposition', () => {
    assert.equal(isPronounAntecedent(name('Okafor Ñandú', { kind: 'person' })), true);
    assert.equal(isPronounAntecedent(name('Okafor', { kind: 'person', governedBy: 'from' })), false);
    assert.equal(isPronounAntecedent(name('Okafor', { kind: 'person', governedBy: 'from', gender: 'female' })), true);
  });

  it('keeps an unknown name that opens its sentence when it has two or three words, or stands as its subject', () => {
    assert.equal(isUnknownSentenceSubject(facts(name('Nana Kapanadze'), { opensSentence: true })), true);
    assert.equal(isUnknownSentenceSubject(facts(name('Nana Kapanadze'))), false);
    assert.equal(isUnknownSentenceSubject(facts(name('Ryanair'), { opensSentence: true })), false);
    assert.equal(isUnknownSentenceSubject(facts(name('Ryanair', { subjectOpener: true }), { opensSentence: true })), true);
    assert.equal(isUnknownSentenceSubject(facts(name('A B C D'), { opensSentence: true })), false);
  });

  it('takes an organization opening its sentence, with or without its article, as the clause subject', () => {
    const bank = facts(name('Nordhavn Capital', { kind: 'organization' }), { opensAfterArticle: true });
    assert.equal(isSubjectOrganization(bank, 'organization'), true);
    assert.equal(isSubjectOrganization(bank, 'person'), false);
    assert.equal(isClauseSubject(bank, false, 'organization'), true);
    assert.equal(isClauseSubject(facts(name('Nordhavn Capital', { kind: 'organization' })), false, 'organization'), false);
  });

  it('creates an entity only for a name that can speak and some rule keeps', () => {
    assert.equal(createsEntity(facts(name('Gaza', { kind: 'place' }), { opensSentence: true }), null), false);
    assert.equal(createsEntity(facts(name('Jürg Baumann 🙂'), { opensSentence: true }), 'person'), true);
    assert.equal(createsEntity(facts(name('Baumann', { kind: 'person', governedBy: 'with' })), 'person'), false);
  });
});
