// Turns a file's placed tags into agreement input, and an agreement report into one whose disagreeing passages
// carry their words, so a person can read and reconcile them. Shared by the CLI and the language server.
import { CodePointIndex } from '../analysis/offsets';
import type { PlacedTag } from '../tags/tagStore';
import { computeAgreement, type AgreementOptions, type AgreementReport, type CodedFile, type Disagreement } from './agreement';

export interface TaggedText {
  file: string;
  text: string;
  tags: readonly PlacedTag[];
}

export interface DisagreementPassage extends Disagreement {
  text: string;
}

export interface AgreementResult extends Omit<AgreementReport, 'disagreements'> {
  disagreements: DisagreementPassage[];
  /** Tags left out because no coder was recorded for them (written before coders were), by file. */
  withoutCoder: number;
}

/** Agreement over the given files; orphaned tags (not in the text) and tags without a coder do not count. */
export function agreementOf(files: readonly TaggedText[], options: AgreementOptions = {}): AgreementResult {
  const indexes = new Map<string, CodePointIndex>();
  let withoutCoder = 0;
  const coded: CodedFile[] = files.map(({ file, text, tags }) => {
    const index = new CodePointIndex(text);
    indexes.set(file, index);
    const spans = tags.flatMap((t) => {
      if (t.status === 'orphaned') return [];
      if (t.creator === undefined) {
        withoutCoder++;
        return [];
      }
      return [{ coder: t.creator, tag: t.tag, start: t.start, end: t.end }];
    });
    return { file, length: index.length, spans };
  });
  const report = computeAgreement(coded, options);
  const disagreements = report.disagreements.map((d) => {
    const index = indexes.get(d.file)!;
    return { ...d, text: index.text.slice(index.toUtf16(d.start), index.toUtf16(d.end)) };
  });
  return { ...report, disagreements, withoutCoder };
}
