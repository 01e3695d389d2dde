// The analysis as a declared pipeline of layers, in the order they run. Each layer reads what earlier layers
// added to the document (its `needs`) and adds its own annotations (its `adds`); a later layer may replace an
// annotation (attribution fills in the quotes' speakers). The model is spaCy's: one Doc, and components that
// annotate it in turn. `analysis/index.ts` runs this list; test/analysis/pipeline.test.ts checks that every
// layer's needs are added before it runs. UTF-16 indices throughout, like every module under analysis/.
import type { AnalyzeOptions, Dateline, Quote, Speaker, Structure } from './types';
import type { Article } from './article/article';
import { structureOf } from './article/article';
import { readArticle } from './layout/structure';
import { findDatelines } from './dates/datelines';
import { findQuotesAndUnbalancedMarks } from './quotes/quotes';
import { tokenize, type TokenizedText } from './speakers/tokens';
import { findMentions, type Mentions } from './speakers/mentions';
import { readCues, type CueReading } from './speakers/cues';
import { resolveSpeakers, type Resolution } from './speakers/resolution';
import { attributeSpeakers } from './speakers/attribution';
import { withoutRejectedQuotes } from './corrections/notQuotes';
import { withConfidence } from './confidence';

/** What the layers add to the document, by name. */
export interface Annotations {
  /** The article model: lines, dates, layout, line kinds (article/article.ts). */
  article: Article;
  /** The layout as the analysis reports it: title, body, paragraphs, where trailing boilerplate starts. */
  structure: Structure;
  /** Absolute and relative dates, one of them the article's own (primary). */
  datelines: Dateline[];
  /** Direct quotes; attribution fills in `speakerId`, `cue` and `source`, confidence fills in `confidence`. */
  quotes: Quote[];
  /** Double quote marks with no partner (for the editor's diagnostics), as UTF-16 index ranges. */
  unbalancedMarks: { start: number; end: number }[];
  /** Word and punctuation tokens with their paragraph, sentence, quote and furniture flags. */
  tokens: TokenizedText;
  /** Names (with roles, kinds, genders) indexed by token, and the names that are media. */
  mentions: Mentions;
  /** Attribution cues and each one's subject as written. */
  cues: CueReading;
  /** The speaker registry and each resolved cue's speaker. */
  resolution: Resolution;
  /** People, organizations and anonymous sources, with their mentions. */
  speakers: Speaker[];
}

export type AnnotationName = keyof Annotations;

/** What every layer may read: the raw text and the caller's options (the analyst's corrections). */
export interface PipelineInput {
  text: string;
  options: AnalyzeOptions;
}

/** The document as it stands after the layers that ran so far. */
export type AnalysisDoc = PipelineInput & Partial<Annotations>;

export interface Layer<Needs extends AnnotationName = AnnotationName, Adds extends AnnotationName = AnnotationName> {
  name: string;
  needs: readonly Needs[];
  adds: readonly Adds[];
  // Method syntax on purpose: a list of layers with different needs is then one array type.
  run(doc: PipelineInput & Pick<Annotations, Needs>): Pick<Annotations, Adds>;
}

function layer<Needs extends AnnotationName, Adds extends AnnotationName>(l: Layer<Needs, Adds>): Layer {
  return l as unknown as Layer;
}

/** The layers in the order they run. */
export const PIPELINE: readonly Layer[] = [
  layer({
    name: 'layout',
    needs: [],
    adds: ['article', 'structure'],
    run: ({ text }) => {
      const article = readArticle(text);
      return { article, structure: structureOf(article) };
    },
  }),
  layer({
    name: 'datelines',
    needs: ['article'],
    adds: ['datelines'],
    run: ({ text, article }) => ({ datelines: findDatelines(text, article) }),
  }),
  layer({
    name: 'quotes',
    needs: ['article'],
    adds: ['quotes', 'unbalancedMarks'],
    run: ({ text, options, article }) => {
      const { quotes, unbalanced } = findQuotesAndUnbalancedMarks(text, article, options.memo);
      return { quotes, unbalancedMarks: unbalanced };
    },
  }),
  layer({
    name: 'tokens',
    needs: ['article', 'quotes'],
    adds: ['tokens'],
    run: ({ text, article, quotes }) => ({ tokens: tokenize(text, article, quotes) }),
  }),
  // The speaker stages (speakers/): names and media, cues and their subjects, who each subject is, each quote's speaker.
  layer({
    name: 'mentions',
    needs: ['tokens'],
    adds: ['mentions'],
    run: ({ tokens }) => ({ mentions: findMentions(tokens) }),
  }),
  layer({
    name: 'cues',
    needs: ['tokens', 'mentions'],
    adds: ['cues'],
    run: ({ tokens, mentions }) => ({ cues: readCues(tokens, mentions) }),
  }),
  layer({
    name: 'resolution',
    needs: ['tokens', 'mentions', 'cues'],
    adds: ['resolution'],
    run: ({ tokens, mentions, cues }) => ({ resolution: resolveSpeakers(tokens, mentions, cues) }),
  }),
  layer({
    name: 'attribution',
    needs: ['tokens', 'quotes', 'resolution'],
    adds: ['speakers', 'quotes'],
    run: ({ text, options, tokens, quotes, resolution }) => attributeSpeakers(text, tokens, quotes, options.attributions ?? [], resolution),
  }),
  // The analyst's "not a quote" corrections drop the quotes they name.
  layer({
    name: 'corrections',
    needs: ['structure', 'datelines', 'quotes', 'speakers'],
    adds: ['quotes'],
    run: (doc) => ({ quotes: withoutRejectedQuotes(analysisOf(doc), doc.options.attributions ?? []).quotes }),
  }),
  layer({
    name: 'confidence',
    needs: ['structure', 'datelines', 'quotes', 'speakers'],
    adds: ['quotes'],
    run: (doc) => ({ quotes: withConfidence(doc.text, analysisOf(doc), doc.options.attributions ?? []).quotes }),
  }),
];

/** Thrown between layers when `options.isCancelled` says the result is no longer wanted. */
export class AnalysisCancelled extends Error {
  constructor() {
    super('The analysis was cancelled.');
  }
}

/** Runs `layers` in order over `text`; each layer's result is merged into the document. */
export function runPipeline(text: string, options: AnalyzeOptions, layers: readonly Layer[] = PIPELINE): AnalysisDoc {
  const doc: AnalysisDoc = { text, options };
  for (const l of layers) {
    if (options.isCancelled?.()) throw new AnalysisCancelled();
    Object.assign(doc, l.run(doc as PipelineInput & Annotations));
  }
  return doc;
}

const ANNOTATIONS: readonly AnnotationName[] = [
  'article',
  'structure',
  'datelines',
  'quotes',
  'unbalancedMarks',
  'tokens',
  'mentions',
  'cues',
  'resolution',
  'speakers',
];

/** The whole pipeline's document, every annotation present (a layer list that leaves one out is a bug here). */
export function analyzeDoc(text: string, options: AnalyzeOptions): PipelineInput & Annotations {
  const doc = runPipeline(text, options);
  const missing = ANNOTATIONS.filter((name) => doc[name] === undefined);
  if (missing.length > 0) throw new Error(`analysis pipeline: no layer added ${missing.join(', ')}`);
  return doc as PipelineInput & Annotations;
}

/** The annotations as the `Analysis` shape (key order fixed: outputs are compared byte for byte). */
export function analysisOf(doc: PipelineInput & Pick<Annotations, 'structure' | 'datelines' | 'quotes' | 'speakers'>) {
  const { structure, datelines, speakers, quotes } = doc;
  return { title: structure.title?.text ?? null, datelines, speakers, quotes, structure };
}
