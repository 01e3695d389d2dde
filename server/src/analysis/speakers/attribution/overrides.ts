// Applies the analyst's manual attributions from the sidecar: each names a quote by its exact text (with
// prefix/suffix to tell repeated quotes apart) and the speaker who said it. An override always wins over the
// analyzer; a speaker the text never names becomes a new person entity.
import type { AttributionOverride, Quote } from '../../types';
import type { Entity, SpeakerRegistry } from '../resolution/registry';

const MARKS = /^["“”«»„‘’']+|(?<!["“”«»„‘’'])["“”«»„‘’']+$/gu;

/** For each override, the quote it targets (index) and the speaker it names; unmatched overrides are skipped. */
export function applyOverrides(
  text: string,
  quotes: Quote[],
  overrides: AttributionOverride[],
  registry: SpeakerRegistry,
  speakerOf: (Entity | null)[],
): void {
  for (const o of overrides) {
    const q = targetQuote(text, quotes, o);
    if (q < 0) continue;
    const speaker = o.speaker.trim();
    if (!speaker) continue;
    const entity =
      registry.find(speaker) ??
      registry.add({
        name: speaker,
        kind: 'person',
        role: null,
        gender: null,
        words: speaker.toLowerCase().split(/\s+/),
        head: null,
        plural: false,
      });
    speakerOf[q] = entity;
  }
}

function targetQuote(text: string, quotes: Quote[], o: AttributionOverride): number {
  const exact = o.exact;
  const bare = exact.replace(MARKS, '');
  const matches: number[] = [];
  quotes.forEach((q, i) => {
    if (q.text === exact || (bare !== '' && q.text.replace(MARKS, '') === bare)) matches.push(i);
  });
  if (matches.length <= 1) return matches.length === 1 ? matches[0] : -1;
  // Several quotes with this text: the one whose surroundings agree with prefix and suffix.
  const fits = matches.filter((i) => {
    const q = quotes[i];
    const okPrefix =
      !o.prefix ||
      text.slice(Math.max(0, q.start - o.prefix.length), q.start).endsWith(o.prefix) ||
      text.slice(0, q.start).endsWith(o.prefix.trimEnd());
    const okSuffix =
      !o.suffix || text.slice(q.end, q.end + o.suffix.length).startsWith(o.suffix) || text.slice(q.end).startsWith(o.suffix.trimStart());
    return okPrefix && okSuffix;
  });
  return fits.length > 0 ? fits[0] : matches[0];
}
