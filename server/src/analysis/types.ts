// The shapes the analysis produces. Offsets are Unicode code points into the raw text (BOM and CR included).
import type { ParagraphMemo } from './incremental/paragraphMemo';

/** A half-open span [start, end) in code points, with the text it covers. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** A date or date-time expression, normalised. */
export interface Dateline extends Span {
  /** `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`. */
  iso: string;
  /** True for exactly one dateline: the article's own date, where one exists. */
  primary: boolean;
}

export type SpeakerKind = 'person' | 'organization' | 'anonymous';

/** How a mention refers to its speaker. */
export type MentionForm = 'name' | 'surname' | 'pronoun' | 'description' | 'title';

export interface Mention extends Span {
  form: MentionForm;
}

export interface Speaker {
  /** Stable within one analysis: `s1`, `s2`, … in order of first mention. */
  id: string;
  /** The fullest form in the text ("Sergei Lavrov"). */
  name: string;
  kind: SpeakerKind;
  /** From titles and appositives ("Russian Foreign Minister"), or null. */
  role: string | null;
  /** The other forms used for this speaker ("Lavrov"). */
  aliases: string[];
  mentions: Mention[];
}

export interface Quote extends Span {
  speakerId: string | null;
  /** The attribution verb phrase ("said", "told reporters", "according to"), or null. */
  cue: Span | null;
  /** Woven into a sentence rather than standing as a whole utterance. */
  partial: boolean;
  /** The mention that attributes the quote (name, surname or pronoun), when there is one. */
  source: Span | null;
  /** How sure the attribution is, in [0, 1] (calibrated: see analysis/confidence); null when unattributed. */
  confidence: number | null;
}

/** Layout of the article: where the body is and where page furniture starts. */
export interface Structure {
  title: Span | null;
  /** The article body, from after the title/byline block to the start of trailing boilerplate. */
  body: { start: number; end: number };
  /** Paragraphs in the raw text (blank-line or line separated), in order. */
  paragraphs: { start: number; end: number }[];
  /** Where trailing boilerplate ("Latest news", "Original url:", footers) begins, or null. */
  boilerplateStart: number | null;
}

/** A manual correction "this quote was said by …", applied over the analyzer's attribution. */
export interface AttributionOverride {
  /** The quote's exact text and its context, as in a W3C TextQuoteSelector. */
  exact: string;
  prefix?: string;
  suffix?: string;
  speaker: string;
  /** The analyst says the words are not a quote: the analysis drops it (`speaker` is then ignored). */
  notQuote?: boolean;
}

export interface AnalyzeOptions {
  attributions?: AttributionOverride[];
  /** Asked between layers: when it says yes the analysis stops with `AnalysisCancelled` (an editor's text moved on). */
  isCancelled?: () => boolean;
  /**
   * Paragraph results kept from this document's earlier analyses (an editor's, across edits): layers reuse them for
   * the paragraphs an edit did not touch. The result is the same with or without it.
   */
  memo?: ParagraphMemo;
}

export interface Analysis {
  title: string | null;
  datelines: Dateline[];
  speakers: Speaker[];
  quotes: Quote[];
  structure: Structure;
}
