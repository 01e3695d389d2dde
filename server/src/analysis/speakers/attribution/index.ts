// The attribution stage: each quote takes the speaker its speaker label names (labels.ts) or its cue's speaker
// (attribution.ts), the analyst's overrides win over both (overrides.ts), and the speakers mentioned are listed.
import type { AttributionOverride, Quote, Speaker } from '../../types';
import type { TokenizedText } from '../tokens';
import type { Resolution } from '../resolution';
import { attributeQuotes } from './attribution';
import { labelAttributions } from './labels';
import { boldInterviewAttributions } from './boldInterview';
import { signatureAttributions } from './signatures';
import { headingAttributions } from './headings';
import { pastedAttributions } from './pasted';
import { applyOverrides } from './overrides';
import { assignIds, attributedQuotes, speakerList } from './speakerList';

export function attributeSpeakers(
  text: string,
  tt: TokenizedText,
  quotes: Quote[],
  overrides: AttributionOverride[],
  { registry, resolved }: Resolution,
): { speakers: Speaker[]; quotes: Quote[] } {
  const signed = signatureAttributions(text, tt.paragraphs, quotes, registry);
  const pasted = pastedAttributions(text, quotes, registry);
  const headed = headingAttributions(text, tt.paragraphs, quotes, registry);
  const bold = boldInterviewAttributions(text, tt.paragraphs, quotes, registry);
  const labelled = labelAttributions(text, tt.paragraphs, quotes, registry).map(
    (label, q) => label ?? bold[q] ?? signed[q] ?? pasted[q] ?? headed[q],
  );
  const attributions = attributeQuotes(tt, quotes.length, resolved, labelled);
  const speakerOf = attributions.map((a) => a.entity);
  applyOverrides(text, quotes, overrides, registry, speakerOf);
  const ids = assignIds(registry.entities, speakerOf);
  return { speakers: speakerList(text, registry.entities, ids), quotes: attributedQuotes(text, quotes, attributions, speakerOf, ids) };
}
