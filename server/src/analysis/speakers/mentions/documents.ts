// "…," the statement said: a document quoted as if it spoke stands for whoever issued it. Finds the
// document phrase that is a cue's subject ("the joint statement said", "said the report") and the sentence
// that introduced the document ("X and Y said in a joint statement", "The ministry issued a report"),
// whose subject is the issuer. Also reads a coordinated subject ("The Philippines and Vietnam") as one
// joint issuer, because a joint statement has no single author, and finds the later collective
// references to such a joint speaker ("the three countries said", "both leaders said").
import type { Token, TokenizedText } from '../tokens';
import { isPossessive } from '../tokenText';
import type { NameCandidate } from './names';
import type { NameIndex } from './nameIndex';
import { DOCUMENT_DETERMINERS } from '../../lexicon/functionWords';
import { isNeverName } from '../../lexicon/gazetteer';

/** Nouns for documents that journalists quote as if they spoke. */
export const DOCUMENT_NOUNS = new Set([
  'statement',
  'statements',
  'report',
  'communique',
  'communiqué',
  'letter',
  'document',
  'declaration',
  'release',
  'memo',
  'memorandum',
  'notice',
  'note',
  'readout',
  'filing',
  'complaint',
  'ruling',
  'resolution',
  'study',
  'survey',
  'post',
  'tweet',
  'message',
  'transcript',
  'bulletin',
  'announcement',
  'indictment',
  'lawsuit',
  'order',
  // Documents and media that speak in real reporting ("the email read", "the ad says", "the editorial argued").
  'email',
  'e-mail',
  'editorial',
  'ad',
  'advert',
  'advertisement',
  'poll',
  'petition',
  'caption',
  'posting',
  'invitation',
  'leaflet',
  'brochure',
  'motion',
  'affidavit',
  'minutes',
  'guidance',
  'proposal',
  'draft',
  'dossier',
  'audit',
  'citation',
  'text',
  'flyer',
  'column',
  'obituary',
  'subpoena',
  'warrant',
  'contract',
  // Investigative and court reporting quotes reviews, legal briefs and diplomatic cables ("the review states").
  'review',
  'brief',
  'cable',
]);

const NOT_IN_PHRASE = new Set(['a', 'an', 'in', 'on', 'at', 'from', 'by', 'with', 'of', 'for', 'to', 'into', 'under', 'said', 'says']);
/** Adverbs written between the document and its verb ("the statement also said"). */
const ADVERBS = new Set(['also', 'further', 'later', 'then', 'earlier', 'separately', 'additionally', 'only']);

export interface DocumentPhrase {
  /** Token range of the phrase ("the joint statement"). */
  first: number;
  end: number;
  head: string;
}

/**
 * The document that is the subject of the verb at `verb`: written just before it ("the statement said",
 * "the ministry's report also said") or, inverted, just after a quote ("…," said the communiqué).
 */
export function documentSubject(tokens: Token[], verb: number, cueEnd: number): DocumentPhrase | null {
  let p = verb - 1;
  while (p >= 0 && ADVERBS.has(tokens[p].lower)) p--;
  const before = documentEndingAt(tokens, p, tokens[verb].sentence);
  if (before) return before;
  const opening = openingDocument(tokens, verb);
  if (opening) return opening;
  const previous = tokens[verb - 1];
  if (!previous || !(previous.quote >= 0 || (previous.text === ',' && tokens[verb - 2]?.quote >= 0))) return null;
  for (let h = cueEnd; h < Math.min(tokens.length, cueEnd + 5); h++) {
    const t = tokens[h];
    if (t.quote >= 0 || (t.kind === 'punct' && !isPossessive(t) && t.text !== '-')) return null;
    if (DOCUMENT_NOUNS.has(t.lower)) {
      // "a text message": the phrase's head is the last of the document nouns written together.
      let last = h;
      while (DOCUMENT_NOUNS.has(tokens[last + 1]?.lower ?? '') && tokens[last + 1].quote < 0) last++;
      return documentEndingAt(tokens, last, t.sentence) ?? indefiniteAfterCue(tokens, cueEnd, last);
    }
  }
  return null;
}

/**
 * "“…,” read one text message from X": right after an inverted cue, a document introduced with "a"/"an"/"one" and
 * lower-case modifiers up to its noun at `last`. Null for anything else.
 */
function indefiniteAfterCue(tokens: Token[], cueEnd: number, last: number): DocumentPhrase | null {
  if (!OPENING_DETERMINERS.has(tokens[cueEnd].lower)) return null;
  for (let k = cueEnd + 1; k < last; k++) if (tokens[k].kind !== 'word' || tokens[k].cap) return null;
  return { first: cueEnd, end: last + 1, head: tokens[last].lower };
}

/** Words a sentence-opening document phrase may carry between it and its verb (an aside, "from X in May"). */
const OPENING_REACH = 20;
/** Determiners that open a document phrase at a sentence start, indefinite ones included ("A follow-up email …"). */
const OPENING_DETERMINERS = new Set(['a', 'an', 'one']);

/**
 * "The memo, written by X and dated May, reads:", "A follow-up email from X began:", "An inspection report
 * commissioned in May described …": the document phrase opening the verb's sentence, when nothing between it and
 * the verb is a sentence end or another reporting verb's subject (a name or "he" before the verb). Else null.
 */
function openingDocument(tokens: Token[], verb: number): DocumentPhrase | null {
  const sentence = tokens[verb].sentence;
  let first = verb - 1;
  while (first > 0 && verb - first < OPENING_REACH && tokens[first - 1].sentence === sentence) first--;
  if (first === 0 ? false : tokens[first - 1].sentence === sentence) return null;
  const det = tokens[first];
  if (det.quote >= 0 || det.kind !== 'word' || !(DOCUMENT_DETERMINERS.has(det.lower) || OPENING_DETERMINERS.has(det.lower))) return null;
  for (let h = first + 1; h < Math.min(verb, first + 5); h++) {
    const t = tokens[h];
    if (t.quote >= 0 || (t.kind === 'punct' && t.text !== '-' && !isPossessive(t))) return null;
    if (!DOCUMENT_NOUNS.has(t.lower)) continue;
    // The words up to the verb: no quote, no pronoun or capitalised word right before it (its own subject).
    // A relative clause between ("which an aide attributed to Roe") has its own subject, who may be the author.
    for (let k = h + 1; k < verb; k++) if (tokens[k].quote >= 0 || RELATIVES.has(tokens[k].lower)) return null;
    const last = tokens[verb - 1];
    if (last.kind === 'word' && ((last.cap && !isNeverName(last.lower)) || SUBJECT_PRONOUNS.has(last.lower))) return null;
    return { first, end: h + 1, head: t.lower };
  }
  return null;
}

const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'who']);
const RELATIVES = new Set(['which', 'who', 'whom']);

/** "according to the statement": a document phrase that starts at `at`, or null. */
export function documentStartingAt(tokens: Token[], at: number): DocumentPhrase | null {
  const first = tokens[at];
  if (!first || first.kind !== 'word' || !DOCUMENT_DETERMINERS.has(first.lower)) return null;
  for (let h = at + 1; h < Math.min(tokens.length, at + 5); h++) {
    const t = tokens[h];
    if (t.quote >= 0 || t.sentence !== first.sentence || (t.kind === 'punct' && t.text !== '-')) return null;
    if (DOCUMENT_NOUNS.has(t.lower)) {
      const d = documentEndingAt(tokens, h, first.sentence);
      return d && d.first === at ? d : null;
    }
  }
  return null;
}

/** "the joint statement", "the ministry's report": a determiner (or an owner's "'s"), modifiers, a document noun at `h`. */
function documentEndingAt(tokens: Token[], h: number, sentence: number): DocumentPhrase | null {
  const head = tokens[h];
  if (!head || head.sentence !== sentence || head.quote >= 0 || !DOCUMENT_NOUNS.has(head.lower)) return null;
  let owned = false;
  for (let p = h - 1; p >= Math.max(0, h - 6); p--) {
    const t = tokens[p];
    if (t.sentence !== sentence || t.quote >= 0) return null;
    if (t.kind === 'word' && DOCUMENT_DETERMINERS.has(t.lower)) return { first: p, end: h + 1, head: head.lower };
    // "a statement read at …", "In a statement, …": an indefinite document, or the object of a preposition.
    if (t.kind === 'word' && NOT_IN_PHRASE.has(t.lower)) return null;
    // "The ministry's statement": the owner is part of the phrase; read on to its article or its first word.
    if (isPossessive(t)) {
      owned = true;
      continue;
    }
    if (t.kind === 'punct' && t.text !== '-') return null;
    if (p === 0 || tokens[p - 1].sentence !== sentence) return t.cap && owned ? { first: p, end: h + 1, head: head.lower } : null;
  }
  return null;
}

/**
 * The sentence, before `before` and in the same or the previous paragraph, that introduced a document:
 * the latest one naming a document noun outside quotes. Its index in `tt.sentences`, or -1.
 */
export function introducingSentence(tt: TokenizedText, before: number): number {
  const k = introducingMention(tt, before);
  return k < 0 ? -1 : tt.tokens[k].sentence;
}

/** The token of the document noun that introduced the document (see introducingSentence), or -1. */
export function introducingMention(tt: TokenizedText, before: number): number {
  const { tokens } = tt;
  const paragraph = tokens[before].paragraph;
  for (let k = before - 1; k >= 0; k--) {
    const t = tokens[k];
    if (t.paragraph < paragraph - 1) return -1;
    if (t.quote < 0 && t.kind === 'word' && DOCUMENT_NOUNS.has(t.lower)) return k;
  }
  return -1;
}

/**
 * "a report published by the World Bank", "a letter from 40 senators", "the statement issued by the
 * ministry": the token where the issuer's phrase starts after the document noun at `noun`, or -1.
 */
const PASSIVE_AUXILIARIES = new Set(['was', 'were', 'is', 'are', 'been', 'has', 'had', 'have']);
/** "a report obtained by the Ledger", "a memo seen by Reuters": who got hold of the document, not who issued it. */
const OBTAINING = new Set(['obtained', 'seen', 'reviewed', 'viewed', 'examined', 'acquired', 'received', 'shared', 'leaked']);

export function issuerAfter(tokens: Token[], noun: number): number {
  let limit = noun + 5;
  for (let k = noun + 1; k < Math.min(tokens.length, limit); k++) {
    const t = tokens[k];
    // "The memo, dated 12 November 2024, was written by …": over an aside to its closing comma.
    if (k === noun + 1 && t.text === ',') {
      const close = asideClose(tokens, k);
      if (close > 0 && !tokens.slice(k + 1, close).some((w) => w.lower === 'by' || w.lower === 'from')) {
        k = close;
        limit = close + 5;
        continue;
      }
    }
    if (t.sentence !== tokens[noun].sentence || t.quote >= 0 || (t.kind === 'punct' && t.text !== ',')) return -1;
    if (t.lower === 'by' || t.lower === 'from') return OBTAINING.has(tokens[k - 1].lower) ? -1 : k + 1;
    // Only a participle may stand between the noun and "by": "published", "issued", "signed", "released",
    // with its auxiliary in a clause of its own ("The memo was written by …").
    if (t.kind === 'word' && t.text !== ',' && !/(ed|en)$/.test(t.lower) && !PASSIVE_AUXILIARIES.has(t.lower)) return -1;
  }
  return -1;
}

/** The comma closing an aside opened at `open`, within a few words of its sentence, or -1. */
function asideClose(tokens: Token[], open: number): number {
  for (let k = open + 1; k < Math.min(tokens.length, open + 9); k++) {
    if (tokens[k].sentence !== tokens[open].sentence || tokens[k].quote >= 0) return -1;
    if (tokens[k].text === ',') return k;
  }
  return -1;
}

/** One party of a joint subject: its name as written (an institution with its article) and its kind. */
export interface JointPart {
  text: string;
  /** The name's kind, or null for a lone capitalised word opening the sentence ("Britain, France and …"). */
  kind: NameCandidate['kind'] | null;
}

/**
 * "The Philippines and Vietnam said", "Britain, France and Germany issued": two or more names joined by commas
 * and "and", starting at `first` and ending before `limit`. The parties and the token range, or null.
 */
export function jointSubject(
  tokens: Token[],
  names: NameIndex,
  first: number,
  limit: number,
): { parts: JointPart[]; first: number; end: number } | null {
  const parts: JointPart[] = [];
  let p = first;
  while (p < limit) {
    const article = tokens[p].lower === 'the' ? p : -1;
    if (article >= 0) p++;
    const c = names.byFirst.get(p);
    let end: number;
    if (c) {
      end = c.phraseEnd;
      parts.push({ text: c.kind !== 'person' && article >= 0 ? `${tokens[article].text} ${c.text}` : c.text, kind: c.kind });
    } else if (
      p === first &&
      tokens[p]?.kind === 'word' &&
      tokens[p].cap &&
      (tokens[p + 1]?.text === ',' || tokens[p + 1]?.lower === 'and')
    ) {
      // A single capitalised word opening the sentence is no name candidate; in a list of names it is one.
      end = p + 1;
      parts.push({ text: tokens[p].text, kind: null });
    } else break;
    p = end;
    const joiner = tokens[p];
    if (!joiner) break;
    if (joiner.lower === 'and' || joiner.text === '&') {
      p++;
      continue;
    }
    if (joiner.text === ',') {
      p++;
      if (tokens[p]?.lower === 'and') p++;
      continue;
    }
    break;
  }
  if (parts.length < 2 || tokens[p - 1]?.lower === 'and' || tokens[p - 1]?.text === ',') return null;
  return { parts, first, end: p };
}

/**
 * "X and Y said in a joint statement", "… said jointly", "jointly said": the cue at `verb` (phrase ending at
 * `end`) reports words the parties of its subject share.
 */
export function isJointCue(tokens: Token[], verb: number, end: number): boolean {
  if (tokens[verb - 1]?.lower === 'jointly') return true;
  const sentence = tokens[verb].sentence;
  if (frontedDocument(tokens, verb)) return true;
  for (let k = end; k < Math.min(tokens.length, end + 6); k++) {
    const t = tokens[k];
    if (t.sentence !== sentence || t.quote >= 0 || t.kind === 'punct' || t.lower === 'that') return false;
    if (t.lower === 'jointly') return true;
    if (t.lower === 'in') {
      for (let m = k + 1; m < Math.min(tokens.length, k + 4); m++) {
        if (tokens[m].quote >= 0 || tokens[m].kind === 'punct') break;
        if (DOCUMENT_NOUNS.has(tokens[m].lower)) return true;
      }
      return false;
    }
  }
  return false;
}

/** "In a joint statement, X and Y said": the sentence before the verb at `verb` opens with "In a … <document>,". */
function frontedDocument(tokens: Token[], verb: number): boolean {
  const sentence = tokens[verb].sentence;
  let k = verb - 1;
  while (k > 0 && tokens[k - 1].sentence === sentence) k--;
  if (tokens[k].lower !== 'in') return false;
  for (let m = k + 1; m < Math.min(verb, k + 5); m++) {
    if (tokens[m].quote >= 0 || tokens[m].kind === 'punct') return false;
    if (DOCUMENT_NOUNS.has(tokens[m].lower)) return tokens[m + 1]?.text === ',';
  }
  return false;
}

const COUNT_WORDS = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve']);

/**
 * "the three countries said", "both leaders said", "the two sides said": a plural noun counted by a number
 * or "both", just before the verb at `verb`. Its token range, or null.
 */
export function collectiveSubject(tokens: Token[], verb: number): { first: number; end: number } | null {
  let p = verb - 1;
  while (p >= 0 && ADVERBS.has(tokens[p].lower)) p--;
  const head = tokens[p];
  if (!head || head.kind !== 'word' || head.cap || !/[a-z]s$/.test(head.lower) || head.sentence !== tokens[verb].sentence) return null;
  for (let q = p - 1; q >= Math.max(0, p - 3); q--) {
    const t = tokens[q];
    if (t.sentence !== head.sentence || t.quote >= 0 || t.kind === 'punct') return null;
    if (t.lower === 'both') return { first: q, end: p + 1 };
    if (COUNT_WORDS.has(t.lower) || t.kind === 'number') {
      return tokens[q - 1]?.lower === 'the' ? { first: q - 1, end: p + 1 } : null;
    }
    if (t.cap) return null;
  }
  return null;
}
