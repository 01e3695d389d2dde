// Builds small CorpusFile values for the corpus tests: a file with speakers and quotes by name.
import type { SpeakerKind } from '../../server/src/analysis/types';
import type { CorpusFile, CorpusFileTag } from '../../server/src/corpus/corpusFile';

export interface SpeakerSpec {
  name: string;
  kind?: SpeakerKind;
  role?: string;
  aliases?: string[];
  quotes?: string[];
}

/** A file whose speakers are `s1`, `s2`, … in order, each with its quotes laid out one after another. */
export function corpusFile(file: string, date: string | null, speakers: SpeakerSpec[], tags: CorpusFileTag[] = []): CorpusFile {
  let at = 0;
  const out: CorpusFile = { file, title: null, date, speakers: [], quotes: [], tags };
  speakers.forEach((spec, i) => {
    const id = `s${i + 1}`;
    out.speakers.push({ id, name: spec.name, kind: spec.kind ?? 'person', role: spec.role ?? null, aliases: spec.aliases ?? [] });
    for (const text of spec.quotes ?? []) {
      out.quotes.push({ start: at, end: at + [...text].length, text, speakerId: id });
      at += [...text].length + 1;
    }
  });
  return out;
}
