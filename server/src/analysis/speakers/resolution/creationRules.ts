// When a name met in reading order becomes a speaker entity, and what it counts as. Each rule is named, so the
// reading loop says which ones it applies instead of one long condition.
import type { SpeakerKind } from '../../types';
import type { NameCandidate } from '../mentions/names';
import { isDescriptionHead } from '../mentions/descriptions';
import { isPlace } from '../../lexicon/gazetteer';

/** Where a name stands, as the creation rules need it. */
export interface NameFacts {
  candidate: NameCandidate;
  /** The name is a cue's subject or the medium that carried the words. */
  speaks: boolean;
  /** The name's phrase opens its sentence. */
  opensSentence: boolean;
  /** The name's phrase opens its sentence after "the" ("The Kremlin said"). */
  opensAfterArticle: boolean;
}

/** The kind of speaker a name would be, or null when it cannot speak (a place that is not a cue's subject). */
export function speakerKind(c: NameCandidate, speaks: boolean): SpeakerKind | null {
  switch (c.kind) {
    case 'person':
      return 'person';
    case 'organization':
      return 'organization';
    // A state speaks only as the subject of a cue ("Russia said"); otherwise it is a place.
    case 'place':
      return speaks ? 'organization' : null;
    case 'unknown':
      if (c.words.length === 1 && isDescriptionHead(c.words[0])) return null;
      return isPlace(c.text) ? (speaks ? 'organization' : null) : 'person';
  }
}

/** A source: the subject of a cue, a medium that carried the words, or a person named with a title. */
export function isSource(f: NameFacts, kind: SpeakerKind | null): boolean {
  return kind !== null && (f.speaks || (f.candidate.kind === 'person' && f.candidate.titled));
}

/**
 * Any recognised person is kept, unlisted, so that a later "he said" can find them — except a name that is only
 * the object of a preposition ("a letter from Okafor") and not plainly a person: a pronoun's antecedent is a
 * subject far more often than such an object.
 */
export function isPronounAntecedent(c: NameCandidate): boolean {
  return c.kind === 'person' && (c.governedBy === null || c.titled || c.gender !== null);
}

/**
 * An unknown two- or three-word name that opens a sentence ("Nana Kapanadze has picked grapes …"), or a
 * one-word one that opens it as its subject ("Ryanair cancelled …"): someone a later pronoun may mean.
 */
export function isUnknownSentenceSubject(f: NameFacts): boolean {
  const c = f.candidate;
  return c.kind === 'unknown' && f.opensSentence && ((c.words.length >= 2 && c.words.length <= 3) || c.subjectOpener);
}

/** An organization that opens a sentence is its subject, and so what a later "the group" or "it" means. */
export function isSubjectOrganization(f: NameFacts, kind: SpeakerKind | null): boolean {
  return kind === 'organization' && (f.opensSentence || f.opensAfterArticle);
}

/** Whether the name creates an entity when no earlier one matches it. */
export function createsEntity(f: NameFacts, kind: SpeakerKind | null): boolean {
  if (kind === null) return false;
  return isSource(f, kind) || isPronounAntecedent(f.candidate) || isUnknownSentenceSubject(f) || isSubjectOrganization(f, kind);
}

/** Whether the name is the subject of its clause, for pronouns that prefer a subject to look back to. */
export function isClauseSubject(f: NameFacts, isCueSubject: boolean, kind: SpeakerKind | null): boolean {
  return isCueSubject || f.opensSentence || isSubjectOrganization(f, kind);
}
