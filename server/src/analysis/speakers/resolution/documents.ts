// Who speaks through a document ("…," the statement said): the owner written in its phrase, the issuer named
// after it, the subject of the sentence that introduced it, or the organization in focus just before it.
import type { TokenizedText } from '../tokens';
import { isPossessive, textOf } from '../tokenText';
import { withArticle, type NameCandidate } from '../mentions/names';
import type { NameIndex } from '../mentions/nameIndex';
import { introducingMention, issuerAfter, jointSubject, type DocumentPhrase } from '../mentions/documents';
import { sentenceSubject } from '../cues/subjects';
import { descriptionStartingAt, type Description } from '../mentions/descriptions';
import type { Entity, SpeakerRegistry } from './registry';
import type { ReadingState } from './readingState';
import { jointEntity } from './joints';
import { isRoleHead } from '../../lexicon/roles';
import { isOrganizationHead } from '../../lexicon/gazetteer';

/** Determiners that open a document phrase; capitalised at a sentence start, they are no owner's name. */
const INDEFINITE_OPENERS = new Set(['a', 'an', 'one']);
const DOCUMENT_OPENERS = new Set([...INDEFINITE_OPENERS, 'this', 'that']);

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
    // "An officer's report", "a surveyor's report": someone the text does not name wrote it, and the document
    // speaks as itself ("the ministry's report" is the ministry's).
    const owner = tokens[p - 1];
    if (!owner.cap && (isRoleHead(owner.text) || !isOrganizationHead(owner.text))) return null;
    // An article opening the sentence is capitalised, and owns nothing.
    if (from >= p || !tokens[from].cap || DOCUMENT_OPENERS.has(tokens[from].lower)) break;
    const name = textOf(tokens, from, p);
    const entity =
      state.registry.find(name) ??
      state.registry.add({ name, kind: 'organization', role: null, gender: null, words: [], head: null, plural: false });
    state.registry.mention(entity, { start: tokens[from].start, end: tokens[p - 1].end, text: name }, 'name');
    return entity;
  }
  // "The memo, written by the chief engineer, Ann Roe, …", "An email from Roe in May began:", "The lawsuit, filed
  // by the Harbor Tenants Association, says": its own author, a person or a body.
  const author = authorAfter(tt, index, doc.end);
  if (author) return 'headKind' in author ? state.registry.fromDescription(author) : entityOfName(author);
  // "An inspection report …": an indefinite document is new here; nothing before introduced it.
  if (INDEFINITE_OPENERS.has(tokens[doc.first].lower)) return null;
  const mention = introducingMention(tt, doc.first);
  if (mention < 0) return latestWriter(tt, doc, state) ?? organizationInFocus(tt, index, doc.first, entityOfName, state.registry);
  const s = tokens[mention].sentence;
  const { first, end } = tt.sentences[s];
  // "The report, published by the World Bank on Tuesday, …": the issuer named after the document.
  const by = issuerAfter(tokens, mention);
  const group = by >= 0 ? unnamedGroupAt(tt, by) : null;
  if (group) return state.registry.fromDescription(group);
  const issuer = by >= 0 ? (index.byFirst.get(by) ?? (tokens[by].lower === 'the' ? index.byFirst.get(by + 1) : undefined)) : undefined;
  if (issuer && issuer.kind !== 'place') {
    // "An ad from the Reese campaign": the name only qualifies the institution written after it, which issued it.
    const head = tokens[issuer.end];
    const kind = head && head.kind === 'word' && !head.cap && isOrganizationHead(head.text) ? descriptionStartingAt(tokens, by) : null;
    return kind && kind.headKind === 'organization' ? state.registry.fromDescription(kind) : entityOfName(issuer);
  }
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

/** Messages that someone just said to have written them sends: "Roe wrote to the board … The email began: “…”". */
const MESSAGE_NOUNS = new Set(['email', 'e-mail', 'letter', 'message', 'note', 'memo', 'text', 'reply']);
/** Verbs of writing or sending a message. */
const WRITING_VERBS = new Set(['wrote', 'writes', 'emailed', 'e-mailed', 'sent', 'sends', 'messaged', 'texted', 'replied', 'responded']);

/**
 * "In May, Ann Roe wrote to the board with the subject line “…”. The email began: “…”": the speaker of the latest
 * writing verb in the message's own or the previous sentence, for a message with no introducer. Null otherwise.
 */
function latestWriter(tt: TokenizedText, doc: DocumentPhrase, state: ReadingState): Entity | null {
  if (!MESSAGE_NOUNS.has(doc.head)) return null;
  const { tokens } = tt;
  const sentence = tokens[doc.first].sentence;
  let best: { verb: number; entity: Entity } | null = null;
  for (const [cue, subject] of state.subjects) {
    const s = tokens[cue.verb].sentence;
    if (s < sentence - 1 || cue.verb >= doc.first || !WRITING_VERBS.has(tokens[cue.verb].lower)) continue;
    const entity = (subject.type === 'name' ? state.entityOf.get(subject.candidate) : undefined) ?? state.resolvedByCue.get(cue);
    if (entity && (!best || cue.verb > best.verb)) best = { verb: cue.verb, entity };
  }
  return best?.entity ?? null;
}

/** Words that may open a count of people ("more than 40", "nearly 200", "some 30"). */
const COUNT_OPENERS = new Set(['more', 'than', 'nearly', 'almost', 'about', 'some', 'over', 'roughly', 'around']);
const COUNTED = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'dozens', 'hundreds', 'thousands']);

/**
 * "A letter signed by 40 House lawmakers", "a petition from dozens of farmers": unnamed people, counted, wrote it
 * (not the body named inside their description). The description with its count, or null.
 */
function unnamedGroupAt(tt: TokenizedText, at: number): Description | null {
  const { tokens } = tt;
  let p = at;
  while (p < at + 2 && COUNT_OPENERS.has(tokens[p]?.lower ?? '')) p++;
  if (tokens[p]?.kind !== 'number' && !COUNTED.has(tokens[p]?.lower ?? '')) return null;
  p++;
  if (tokens[p]?.lower === 'of') p++;
  const group = descriptionStartingAt(tokens, p);
  if (!group || !group.plural || group.headKind !== 'people' || group.definite || group.first !== p) return null;
  return { ...group, first: at, start: tokens[at].start, text: textOf(tokens, at, group.end) };
}

/** How far after a document's noun its "by" or "from" may stand ("An email sent to all staff, signed by …"). */
const AUTHOR_LINK_REACH = 12;
/** How far after a document's noun its author's name may stand ("written by the council's chief engineer, Ann Roe"). */
const AUTHOR_REACH = 10;

/**
 * The author named right after a document phrase ending at `end`: "by" or "from" within a few words of the noun
 * ("written by", "sent to all staff, signed by", "from"), then a person's name within a few words (past a role).
 * Null when none.
 */
function authorAfter(tt: TokenizedText, index: NameIndex, end: number): NameCandidate | Description | null {
  const { tokens } = tt;
  const sentence = tokens[end - 1].sentence;
  for (let k = end; k < Math.min(tokens.length, end + AUTHOR_LINK_REACH); k++) {
    const t = tokens[k];
    if (t.sentence !== sentence || t.quote >= 0) return null;
    if (t.lower !== 'by' && t.lower !== 'from') continue;
    const group = unnamedGroupAt(tt, k + 1);
    if (group) return group;
    for (let n = k + 1; n < Math.min(tokens.length, k + 1 + AUTHOR_REACH); n++) {
      if (tokens[n].sentence !== sentence || tokens[n].quote >= 0) return null;
      const c = index.byFirst.get(n);
      if (c) return c.kind !== 'place' ? c : null;
    }
    return null;
  }
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
