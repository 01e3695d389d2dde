// Sources shared or stood in for: a document that speaks for whoever issued it ("…," the statement said),
// parties that speak as one ("Egypt and Qatar said in a joint statement"), and what later refers back to
// them ("the two countries said", "they said"). Runs after the reading pass, on the cues it left without a
// speaker, in reading order. UTF-16 indices, like every module under analysis/.
import type { TokenizedText } from '../tokens';
import { textOf, tokenSpan } from '../tokenText';
import type { NameIndex } from '../mentions/nameIndex';
import { collectiveSubject, documentStartingAt, documentSubject } from '../mentions/documents';
import type { Cue } from '../cues';
import type { ReadingState, ResolvedCue } from './readingState';
import { jointCueSpeaker, latestJoint, latestJointSince } from './joints';
import { documentIssuer } from './documents';
import { documentIntroduction } from './documentIntroductions';

/** Resolves the cues a document, a joint subject or a reference back to one speaks through; adds them to `resolved`. */
export function resolveSharedSources(tt: TokenizedText, index: NameIndex, cues: Cue[], state: ReadingState, resolved: ResolvedCue[]): void {
  const { tokens } = tt;
  const { subjects, resolvedByCue, registry } = state;
  const resolvedCues = new Set(resolved.map((r) => r.cue));
  for (const cue of cues) {
    const written = subjects.get(cue);
    // "Egypt and Qatar said in a joint statement … “…,” they said": "they" takes up the joint speaker.
    if (written?.type === 'pronoun' && written.kind === 'plural' && !resolvedCues.has(cue)) {
      const pronoun = tokens[written.token];
      const joint = latestJointSince(state, pronoun.start, tt.paragraphs[Math.max(0, pronoun.paragraph - 1)].start);
      if (joint) {
        const source = tokenSpan(pronoun);
        registry.mention(joint, source, 'pronoun');
        resolved.push({ cue, entity: joint, source, subjectFirst: written.first, inverted: written.first > cue.verb });
      }
      continue;
    }
    if (subjects.has(cue) || cue.participle || cue.quotedBy !== undefined) continue;
    const jointSpeaker = cue.according ? null : jointCueSpeaker(tt, index, cue, state);
    if (jointSpeaker) {
      jointSpeaker.entity.isSource = true;
      resolvedByCue.set(cue, jointSpeaker.entity);
      resolved.push({ cue, entity: jointSpeaker.entity, source: jointSpeaker.source, subjectFirst: jointSpeaker.first, inverted: false });
      continue;
    }
    const collective = cue.according ? null : collectiveSubject(tokens, cue.verb);
    const collectiveEntity = collective && latestJoint(state, tokens[collective.first].start);
    if (collective && collectiveEntity) {
      const source = {
        start: tokens[collective.first].start,
        end: tokens[collective.end - 1].end,
        text: textOf(tokens, collective.first, collective.end),
      };
      registry.mention(collectiveEntity, source, 'description');
      resolved.push({ cue, entity: collectiveEntity, source, subjectFirst: collective.first, inverted: false });
      continue;
    }
    // "according to the statement": the document named after the cue.
    const doc = cue.according ? documentStartingAt(tokens, cue.end) : documentSubject(tokens, cue.verb, cue.end);
    if (!doc) continue;
    const span = { start: tokens[doc.first].start, end: tokens[doc.end - 1].end, text: textOf(tokens, doc.first, doc.end) };
    const introduction = documentIntroduction(tt, doc);
    const entity =
      documentIssuer(tt, index, doc, state) ??
      (introduction && registry.find(introduction.text)) ??
      registry.add({
        name: (introduction ?? span).text,
        kind: 'organization',
        role: null,
        gender: null,
        words: [],
        head: doc.head,
        plural: false,
      });
    if (introduction) registry.mention(entity, introduction, 'description');
    registry.mention(entity, span, 'description');
    entity.isSource = true;
    resolved.push({ cue, entity, source: span, subjectFirst: doc.first, inverted: doc.first > cue.verb });
  }
}
