// The analysis core's single entry point: raw text in, an Analysis out. Pure: no editor or file system.
// The layers and their order are declared in pipeline.ts.
// Every module below works in JS string (UTF-16) indices; the result is converted to code points here, once.
import type { Analysis, AnalyzeOptions, Span } from './types';
import { CodePointIndex } from './offsets';
import { analysisOf, analyzeDoc } from './pipeline';

export * from './types';
export { CodePointIndex } from './offsets';

/** Analyses `text`; every offset in the result is in code points. */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  return toCodePoints(analyzeUtf16(text, options), new CodePointIndex(text));
}

/** The same analysis with offsets left as JS string indices (for callers that already work in UTF-16). */
export function analyzeUtf16(text: string, options: AnalyzeOptions = {}): Analysis {
  return analyzeWithMarks(text, options).analysis;
}

/** What an editor shows of one text, from one pass: the analysis, and the unpaired quote marks its diagnostics report. */
export interface EditorAnalysis {
  /** Offsets in code points, as `analyze` gives them. */
  analysis: Analysis;
  /** Double quote marks with no partner, as UTF-16 index ranges (see `findUnbalancedQuoteMarks`). */
  unbalancedQuoteMarks: { start: number; end: number }[];
}

export function analyzeForEditor(text: string, options: AnalyzeOptions = {}): EditorAnalysis {
  const { analysis, unbalanced } = analyzeWithMarks(text, options);
  return { analysis: toCodePoints(analysis, new CodePointIndex(text)), unbalancedQuoteMarks: unbalanced };
}

function analyzeWithMarks(text: string, options: AnalyzeOptions): { analysis: Analysis; unbalanced: { start: number; end: number }[] } {
  // With a memo (an editor's document), the paragraph results this analysis does not use are let go after it.
  const doc = options.memo ? options.memo.during(() => analyzeDoc(text, options)) : analyzeDoc(text, options);
  return { analysis: analysisOf(doc), unbalanced: doc.unbalancedMarks };
}

function toCodePoints(a: Analysis, index: CodePointIndex): Analysis {
  // Without astral characters every offset is already a code point: nothing to copy.
  if (index.sameUnits) return a;
  const at = (i: number) => index.toCodePoint(i);
  const span = <T extends Span>(s: T): T => ({ ...s, start: at(s.start), end: at(s.end) });
  const range = (r: { start: number; end: number }) => ({ start: at(r.start), end: at(r.end) });
  return {
    title: a.title,
    datelines: a.datelines.map(span),
    speakers: a.speakers.map((s) => ({ ...s, mentions: s.mentions.map(span) })),
    quotes: a.quotes.map((q) => ({
      ...span(q),
      cue: q.cue && span(q.cue),
      source: q.source && span(q.source),
    })),
    structure: {
      title: a.structure.title && span(a.structure.title),
      body: range(a.structure.body),
      paragraphs: a.structure.paragraphs.map(range),
      boilerplateStart: a.structure.boilerplateStart === null ? null : at(a.structure.boilerplateStart),
    },
  };
}
