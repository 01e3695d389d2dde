// The on-disk shape of a `<file>.tags.json` sidecar (version 1), as fixed in docs/contracts.md ("Sidecars").
// Offsets are Unicode code points into the source text the sidecar was last written against (`source.sha256`).
import type { TagStatus } from '../../../shared/protocol';

export type { TagStatus };

export const SIDECAR_VERSION = 1;
export const SIDECAR_SUFFIX = '.tags.json';

/** W3C Web Annotation TextPositionSelector: [start, end) in code points. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** W3C Web Annotation TextQuoteSelector: the exact words and some context either side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface StoredTag {
  id: string;
  tag: string;
  note: string;
  /** ISO 8601 UTC. */
  created: string;
  /** ISO 8601 UTC of the last change to tag or note; merges keep the newer side. */
  modified?: string;
  target: { selector: [TextPositionSelector, TextQuoteSelector] };
  status: TagStatus;
  /** Who tagged it (the W3C Web Annotation `creator`); absent in sidecars written before coders were recorded. */
  creator?: Creator;
}

/** A coder, as a W3C Web Annotation creator. */
export interface Creator {
  type: 'Person';
  name: string;
}

export interface StoredAttribution {
  quote: TextQuoteSelector;
  speaker: string;
}

export interface SourceFingerprint {
  /** The source's base name. */
  file: string;
  /** sha256 (hex) of the source text's UTF-8 bytes. */
  sha256: string;
  /** Length of the source text in code points. */
  length: number;
}

export interface Sidecar {
  version: typeof SIDECAR_VERSION;
  source: SourceFingerprint;
  tags: StoredTag[];
  attributions: StoredAttribution[];
}

export function positionOf(tag: StoredTag): TextPositionSelector {
  return tag.target.selector[0];
}

export function quoteOf(tag: StoredTag): TextQuoteSelector {
  return tag.target.selector[1];
}
