// Each cue's subject as written, read the way the cue's form asks: "quoted X as saying" names X, "according to"
// names what follows it, a participle (", saying …") takes its sentence's subject, and any other verb its
// subject before it, or after it when the cue is inverted right after a quote ("…," said Smith).
import type { TokenizedText, Token } from '../tokens';
import type { NameIndex } from '../mentions/nameIndex';
import { DOCUMENT_NOUNS } from '../mentions/documents';
import { ARTICLES } from '../../lexicon/functionWords';
import type { Cue } from './cues';
import { ownerPronounKind } from './cueForms';
import { addresseeAppositive, quotedSubject, sentenceSubject, subjectAfter, subjectBefore, type Subject } from './subjects';
import { textOf } from '../tokenText';
import { isDescriptionHead, memberWordEnd } from '../mentions/descriptions';
import { isPlace } from '../../lexicon/gazetteer';
import { speechNounAgent } from './speechFrom';

/** The subject of every cue that has one, in cue order. A place before a quote's colon is a dateline, not a speaker. */
export function readSubjects(tt: TokenizedText, index: NameIndex, cues: readonly Cue[]): Map<Cue, Subject> {
  const { tokens } = tt;
  const subjects = new Map<Cue, Subject>();
  for (const cue of cues) {
    const owner = cue.colon ? ownerPronounKind(tokens[cue.verb]) : null;
    let subject = owner
      ? { type: 'pronoun' as const, first: cue.verb, token: cue.verb, kind: owner }
      : cue.quotedBy !== undefined
        ? quotedSubject(tokens, index, cue)
        : cue.according
          ? accordingSubject(tokens, index, cue.end)
          : passiveAgent(tokens, index, cue.verb)
            ? passiveAgent(tokens, index, cue.verb)
            : cue.participle
              ? sentenceSubject(tokens, index, tt.sentences[tokens[cue.verb].sentence].first, cue.verb)
              : cue.lead
                ? null
                : (subjectBefore(tokens, index, cue.verb) ?? invertedSubject(tokens, index, cue));
    // "… a warning to the witness, Director Helen Sato: “…”": the addressee is no speaker; the sentence's subject is.
    if (subject && cue.colon && subject.type === 'name' && addresseeAppositive(tokens, subject.candidate.phraseFirst)) subject = null;
    const outlet = subject === null && cue.colon ? outletBeforeColon(tt, index, cue.verb) : null;
    if (outlet) {
      subjects.set(cue, outlet);
      continue;
    }
    const lead = subject === null && (cue.lead || cue.colon) ? leadSubject(tt, index, cue) : null;
    if (lead) {
      // The cue is the rest of the sentence after its subject ("disagreed.", "took to social media:").
      cue.lead = true;
      cue.first = lead.end;
      cue.span = { start: tokens[lead.end].start, end: tokens[cue.verb].end, text: textOf(tokens, lead.end, cue.verb + 1) };
      subjects.set(cue, lead.subject);
      continue;
    }
    if (!subject || (cue.colon && subject.type === 'name' && subject.candidate.kind === 'place')) continue;
    subjects.set(cue, subject);
  }
  return subjects;
}

/** Naming verbs in the passive: their agent after "by" is who chose the quoted words. */
const PASSIVE_NAMING = new Set(['dubbed', 'called', 'labelled', 'labeled', 'branded', 'termed', 'nicknamed', 'described']);
/** Words a passive naming verb's quote may stand from it ("dubbed the “…”", "described as “…”"). */
const PASSIVE_QUOTE_REACH = 3;

/**
 * "The plan, dubbed “the Makeover” by council leader Ann Roe, …", "was branded “reckless” by Roe": the agent
 * after "by" right behind the quote that a passive naming verb introduces. Null for any other form.
 */
function passiveAgent(tokens: Token[], index: NameIndex, verb: number): Subject | null {
  if (!PASSIVE_NAMING.has(tokens[verb].lower)) return null;
  const before = tokens[verb - 1];
  // A participle after a noun's comma, or after "was" / "were" / "been" / "being".
  if (!before || !(before.text === ',' || ['was', 'were', 'is', 'are', 'been', 'being'].includes(before.lower))) return null;
  let k = verb + 1;
  while (k < tokens.length && k <= verb + PASSIVE_QUOTE_REACH && tokens[k].quote < 0) k++;
  const quote = tokens[k]?.quote ?? -1;
  if (quote < 0) return null;
  while (k < tokens.length && tokens[k].quote === quote) k++;
  if (tokens[k]?.lower !== 'by' || tokens[k].sentence !== tokens[verb].sentence) return null;
  return subjectAfter(tokens, index, k + 1);
}

/** Prepositions that open a round-up line naming where the words appeared ("From the Courier:", "In the Lamp:"). */
const OUTLET_PREPOSITIONS = new Set(['from', 'in']);

/**
 * "From the Courier: “…”", "In the Harbour Herald: “…”": a round-up line that is only a preposition and a name
 * before its colon; the name is the source (a place there is a dateline, left out by the caller).
 */
function outletBeforeColon(tt: TokenizedText, index: NameIndex, colon: number): Subject | null {
  const { tokens } = tt;
  const first = tt.sentences[tokens[colon].sentence].first;
  if (!OUTLET_PREPOSITIONS.has(tokens[first].lower) || colon - first > 6) return null;
  // "In Brusselton:" is a place; "In the Lamp:" an outlet.
  const article = tokens[first + 1]?.lower === 'the';
  if (!article && tokens[first].lower === 'in') return null;
  const at = article ? first + 2 : first + 1;
  const candidate = index.byFirst.get(at);
  if (!candidate || candidate.end !== colon || candidate.kind === 'place' || isPlace(candidate.text)) return null;
  return { type: 'name', first: at, candidate };
}

/** "according to Smith", and "according to a statement from the ministry": the author of the document. */
function accordingSubject(tokens: Token[], index: NameIndex, at: number): Subject | null {
  let p = at;
  if (tokens[p] && ARTICLES.has(tokens[p].lower)) p++;
  while (tokens[p] && tokens[p].kind === 'word' && !DOCUMENT_NOUNS.has(tokens[p].lower) && p < at + 4 && !tokens[p].cap) p++;
  if (tokens[p] && DOCUMENT_NOUNS.has(tokens[p].lower) && ['from', 'by', 'of'].includes(tokens[p + 1]?.lower ?? '')) {
    return subjectAfter(tokens, index, p + 2);
  }
  return subjectAfter(tokens, index, at);
}

function invertedSubject(tokens: Token[], index: NameIndex, cue: Cue): Subject | null {
  // "…," said Smith: only right after a quote and a comma.
  const before = tokens[cue.first - 1];
  const beforeThat = tokens[cue.first - 2];
  if (!before || !(before.quote >= 0 || (before.text === ',' && beforeThat && beforeThat.quote >= 0)))
    return trailingInvertedSubject(tokens, index, cue);
  // "“…,” said another.": one of the group just described.
  const memberEnd = memberWordEnd(tokens, cue.end);
  if (memberEnd > 0 && tokens[memberEnd]?.kind === 'punct' && tokens[memberEnd].sentence === tokens[cue.end].sentence) {
    return { type: 'pronoun', first: cue.end, token: memberEnd - 1, kind: 'plural', member: true };
  }
  const subject = subjectAfter(tokens, index, cue.end);
  return subject && subject.type !== 'pronoun' ? subject : null;
}

/**
 * "Burnout rarely arrives overnight, says psychologist Mira Kent.": an inverted cue after a paraphrase and its
 * comma, with the subject closing the sentence, is the advice writer's and reporter's way to name the source.
 */
function trailingInvertedSubject(tokens: Token[], index: NameIndex, cue: Cue): Subject | null {
  if (tokens[cue.first - 1]?.text !== ',') return null;
  const subject = subjectAfter(tokens, index, cue.end);
  if (!subject || subject.type !== 'name') return null;
  const next = tokens[subject.candidate.end];
  return !next ||
    next.sentence !== tokens[cue.verb].sentence ||
    (next.text === '.' && tokens[subject.candidate.end + 1]?.sentence !== next.sentence)
    ? subject
    : null;
}

/**
 * The subject of a sentence that hands over to a quote with no speech verb ("Ortiz disagreed. “…”", "Roe took to
 * social media: “…”"): a person, organization or source opening the sentence, and where its phrase ends.
 */
function leadSubject(tt: TokenizedText, index: NameIndex, cue: Cue): { subject: Subject; end: number } | null {
  const { tokens } = tt;
  const agent = cue.across ? null : speechNounAgent(tokens, index, cue.verb);
  if (agent) return agent;
  let subject = sentenceSubject(tokens, index, tt.sentences[tokens[cue.verb].sentence].first, cue.verb);
  if (!subject) return null;
  // "Her colleague Ravi Shah is not sure.": the name the description introduces.
  const named = subject.type === 'description' ? index.byFirst.get(subject.description.end) : undefined;
  if (named && named.kind !== 'place') subject = { type: 'name', first: named.first, candidate: named };
  let end: number;
  if (subject.type === 'pronoun') {
    if (subject.member || subject.kind === 'thing') return null;
    end = subject.token + 1;
  } else if (subject.type === 'name') {
    if (
      subject.candidate.kind === 'place' ||
      (cue.across && (subject.candidate.kind === 'organization' || subject.candidate.words.some(isDescriptionHead)))
    )
      return null;
    end = subject.candidate.phraseEnd;
  } else {
    // "The clinic closes at ten.": an institution described by its kind is no one handing over to a quote; and a
    // description hands over to no quote in the next paragraph.
    if (subject.description.headKind !== 'people' || cue.across) return null;
    end = subject.description.end;
  }
  // The subject must leave a verb before the stop or colon.
  return end < cue.verb ? { subject, end } : null;
}
