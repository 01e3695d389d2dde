// Names that are the subject of their sentence although they do not open it: after a fronted phrase and its
// comma ("At the harbour, Ana Reis, 70, waited …", "Inside, Ana Reis is stirring …"). Feature writers and
// wire reporters introduce a new person this way just before quoting them with "she said", so such a name
// must be known as an antecedent even when the name reader cannot tell it is a person.
import type { Token, TokenizedText } from '../tokens';
import { isOrganizationHead, isPlace } from '../../lexicon/gazetteer';
import type { NameCandidate } from './names';

/** Fronted phrases of place, time and manner are short: a longer run before the comma is a clause of its own. */
const MAX_FRONTED = 6;

/** Words that open a fronted phrase: prepositions and the adverbs of scene-setting. */
const FRONTED_OPENERS = new Set(
  `
at in on inside outside near by behind beside across along around after before during since until from among
between beyond under over within without back down up out there here now today tonight yesterday earlier later
meanwhile nearby elsewhere upstairs downstairs abroad overnight afterwards afterward then still once
every each last this next most one for with as when while despite
`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * True when `c` stands right after a short fronted phrase and its comma at the head of its sentence, and is
 * followed by an aside comma or a lower-case word (its verb): "At the station, Ana Reis, 64, sat …".
 */
export function opensClauseAfterFrontedPhrase(tt: TokenizedText, c: NameCandidate): boolean {
  const { tokens } = tt;
  // "In Germany, the Frankfurter Tagesblatt was …": an institution keeps its article.
  const article = tokens[c.phraseFirst - 1]?.lower === 'the' ? 1 : 0;
  const comma = tokens[c.phraseFirst - 1 - article];
  if (!comma || comma.text !== ',' || comma.sentence !== tokens[c.first].sentence) return false;
  const first = tt.sentences[tokens[c.first].sentence].first;
  const length = c.phraseFirst - 1 - article - first;
  if (length < 1 || length > 2 * MAX_FRONTED || !FRONTED_OPENERS.has(tokens[first].lower)) return false;
  // "Later, in his truck, Kern was …": two short fronted phrases in a row, each opened so.
  let segment = 0;
  for (let k = first; k < c.phraseFirst - 1 - article; k++) {
    const t = tokens[k];
    if (t.text === ',' && FRONTED_OPENERS.has(tokens[k + 1]?.lower ?? '')) segment = -1;
    else if (t.quote >= 0 || (t.kind === 'punct' && t.text !== '-')) return false;
    if (++segment > MAX_FRONTED) return false;
  }
  const next = tokens[c.phraseEnd];
  if (!next || next.sentence !== comma.sentence) return false;
  // "In Oslo, Bergen and Trondheim …": a list of places, not a subject.
  return next.text === ',' || (next.kind === 'word' && !next.cap && next.lower !== 'and' && next.lower !== 'or');
}

/**
 * "The Merrow Gazette was harsh", "the Lindqvist Trust said": a name of unknown kind written with "the" is an
 * institution, a title of a work or a place, never a person; when it is no known place it is an institution.
 */
export function namedWithArticle(tokens: Token[], c: NameCandidate, minWords = 2): boolean {
  return (
    c.kind === 'unknown' &&
    c.words.length >= minWords &&
    c.phraseFirst === c.first &&
    tokens[c.first - 1]?.lower === 'the' &&
    tokens[c.first - 1].sentence === tokens[c.first].sentence &&
    !isPlace(c.text) &&
    !kindFollows(tokens[c.end])
  );
}

/** "The IG Metall union": the kind written after the name is the phrase's head; the description reader owns it. */
function kindFollows(t: Token | undefined): boolean {
  return t !== undefined && t.kind === 'word' && !t.cap && isOrganizationHead(t.text);
}

/**
 * "The Madrid daily El Diario Central struck a calmer tone": an institution introduced by its kind at the head
 * of the sentence ("the daily", "German carmaker") is the sentence's subject.
 */
export function opensSentenceAfterDescriptor(tt: TokenizedText, c: NameCandidate): boolean {
  if (c.descriptor === null) return false;
  const first = tt.sentences[tt.tokens[c.first].sentence].first;
  if (c.phraseFirst - first > 5) return false;
  for (let k = first; k < c.phraseFirst; k++) if (tt.tokens[k].kind !== 'word' || tt.tokens[k].quote >= 0) return false;
  return true;
}
