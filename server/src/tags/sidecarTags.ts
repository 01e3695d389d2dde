// Reads a seed file's sidecar (`<file>.tags.json`) for the analyze output: its tags and the analyst's attribution
// corrections. The same reader and rules as `tag add` and the editor (tags/sidecar.ts: JSON Schema, unique ids,
// size limit), so a sidecar the store refuses is never printed as if it were stored. `analyze` never writes, so a
// refused sidecar only costs its tags and corrections in the output, with a warning naming it and what is wrong.
import type { AttributionOverride } from '../analysis';
import { readSidecar, sidecarPathFor } from './sidecar';
import type { StoredTag } from './sidecarTypes';

export interface SidecarForOutput {
  /** The sidecar's tags as stored (validated); [] when there is no usable sidecar. */
  tags: StoredTag[];
  /** The analyst's corrections "this quote was said by …", to apply over the analyzer's attribution. */
  attributions: AttributionOverride[];
  /** Why an existing sidecar was ignored, naming it; null when it was fine or absent. */
  problem: string | null;
}

export function readSidecarTagsForOutput(file: string): SidecarForOutput {
  const read = readSidecar(sidecarPathFor(file));
  if (read.kind === 'missing') return { tags: [], attributions: [], problem: null };
  if (read.kind === 'invalid') {
    return { tags: [], attributions: [], problem: `${read.message} Its tags and attribution corrections are left out of this output.` };
  }
  const attributions = read.sidecar.attributions.map((a) => ({
    exact: a.quote.exact,
    prefix: a.quote.prefix,
    suffix: a.quote.suffix,
    speaker: a.speaker,
    ...(a.notQuote ? { notQuote: true } : {}),
  }));
  return { tags: read.sidecar.tags, attributions, problem: null };
}
