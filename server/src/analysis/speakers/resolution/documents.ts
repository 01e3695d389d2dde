// Who speaks through a document ("…," the statement said): the owner written in its phrase, the issuer named
// after it, the subject of the sentence that introduced it, or the organization in focus just before it.
import type { TokenizedText } from '../tokens';
import { isPossessive, textOf } from '../tokenText';
import { withArticle, type NameCandidate } from '../mentions/names';
import type { NameIndex } from '../mentions/nameIndex';
import { introducingMention, issuerAfter, jointSubject, type DocumentPhrase } from '../mentions/documents';
import { sentenceSubject } from '../cues/subjects';
import type { Entity, SpeakerRegistry } from './registry';
import type { ReadingState } from './readingState';
import { jointEntity } from './joints';

/**
 * Who issued a document that speaks: an owner written in the phrase ("the ministry's statement"), else the
 * subject of the sentence that introduced it ("Kyiv and Warsaw said in a joint statement …", "The health
 * ministry issued a report"), a coordinated subject becoming one joint issuer. Null when nothing says.
 */
export function documentIssuer(tt: TokenizedText, index: NameIndex, doc: DocumentPhrase, state: ReadingState): Entity | null {
  const { tokens } = tt;
  const entityOfName = (c: NameCandidate): Entity | null =>
    state.entityOf.get(c) ??
    state.registry.fromName(c.kind === 'person' ? c : withArticle(tokens, c), c.kind === 'person' ? 'person' : 'organization', true);
  for (let p = doc.first; p < doc.end; p++) {
    const owner = index.byFirst.get(p);
    if (owner && owner.end <= doc.end) return entityOfName(owner);
  }
  // "Amnesty’s report": an owner that is no name candidate (a lone word opening the sentence) is still the issuer.
  for (let p = doc.first + 1; p < doc.end; p++) {
    if (!isPossessive(tokens[p])) continue;
    const from = tokens[doc.first].lower === 'the' ? doc.first + 1 : doc.first;
    if (from >= p || !tokens[from].cap) break;
    const name = textOf(tokens, from, p);
    const entity =
      state.registry.find(name) ??
      state.registry.add({ name, kind: 'organization', role: null, gender: null, words: [], head: null, plural: false });
    state.registry.mention(entity, { start: tokens[from].start, end: tokens[p - 1].end, text: name }, 'name');
    return entity;
  }
  const mention = introducingMention(tt, doc.first);
  if (mention < 0) return organizationInFocus(tt, index, doc.first, entityOfName, state.registry);
  const s = tokens[mention].sentence;
  const { first, end } = tt.sentences[s];
  // "The report, published by the World Bank on Tuesday, …": the issuer named after the document.
  const by = issuerAfter(tokens, mention);
  const issuer = by >= 0 ? (index.byFirst.get(by) ?? (tokens[by].lower === 'the' ? index.byFirst.get(by + 1) : undefined)) : undefined;
  if (issuer && issuer.kind !== 'place') return entityOfName(issuer);
  const joint = jointSubject(tokens, index, first, end);
  if (joint) return jointEntity(tokens, joint, state);
  // A cue of that sentence already resolved ("The ministry said in a statement …", a joint speaker).
  for (const [cue, subject] of state.subjects) {
    if (tokens[cue.verb].sentence !== s) continue;
    const entity = subject.type === 'name' ? state.entityOf.get(subject.candidate) : state.resolvedByCue.get(cue);
    if (entity) return entity;
  }
  for (const [cue, entity] of state.resolvedByCue) if (tokens[cue.verb].sentence === s) return entity;
  const subject = sentenceSubject(tokens, index, first, end);
  if (subject?.type === 'name') return entityOfName(subject.candidate);
  if (subject?.type === 'description') return state.registry.fromDescription(subject.description);
  return null;
}

/**
 * "The company sued the regulator. “…,” according to the complaint": with no sentence introducing the
 * document, the organization that is the subject of the latest sentence before it (this or the last paragraph).
 */
function organizationInFocus(
  tt: TokenizedText,
  index: NameIndex,
  at: number,
  entityOfName: (c: NameCandidate) => Entity | null,
  registry: SpeakerRegistry,
): Entity | null {
  const { tokens } = tt;
  const paragraph = tokens[at].paragraph;
  for (let s = tokens[at].sentence; s >= 0; s--) {
    const { first, end } = tt.sentences[s];
    if (tokens[first].paragraph < paragraph - 1) return null;
    const subject = sentenceSubject(tokens, index, first, Math.min(end, s === tokens[at].sentence ? at : end));
    const entity =
      subject?.type === 'name' && subject.candidate.kind === 'organization'
        ? entityOfName(subject.candidate)
        : subject?.type === 'description' && subject.description.headKind === 'organization'
          ? registry.fromDescription(subject.description)
          : null;
    if (entity) return entity;
  }
  return null;
}
