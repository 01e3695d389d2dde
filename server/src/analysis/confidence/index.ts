// Post-step of the analysis: gives every attributed quote a `confidence` from the evidence its attribution rests
// on (evidence.ts), through a calibrated mapping (mapping.ts). Unattributed quotes keep `confidence: null`.
import type { Analysis, AttributionOverride } from '../types';
import { evidenceOf } from './evidence';
import { confidenceOf } from './mapping';

export { TRUSTED, confidenceOf } from './mapping';
export { evidenceOf, type AttributionEvidence } from './evidence';

/** `analysis` (UTF-16 offsets into `text`) with each quote's confidence set. */
export function withConfidence(text: string, analysis: Analysis, overrides: readonly AttributionOverride[]): Analysis {
  const evidence = evidenceOf(text, analysis, overrides);
  return { ...analysis, quotes: analysis.quotes.map((q, i) => ({ ...q, confidence: evidence[i] ? confidenceOf(evidence[i]) : null })) };
}
