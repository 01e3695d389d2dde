// A pasted post or email body (quotes/pasted.ts) is its author's: the signature under the post ("— Jo Bloggs
// (@jobloggs) …") or the email's "From:" line is both the cue and the source, as a speaker label is for its line.
// UTF-16 indices.
import type { Quote, Span } from '../../types';
import { pastedAuthorAt } from '../../quotes/pasted';
import type { SpeakerRegistry } from '../resolution/registry';
import type { Attribution } from './attribution';
import { labelSpeaker } from './labels';

/** For each quote, the attribution of the author printed next to its pasted text, or null. */
export function pastedAttributions(text: string, quotes: readonly Quote[], registry: SpeakerRegistry): (Attribution | null)[] {
  // Most articles paste nothing: neither a handle nor a header field, and no quote needs a look around it.
  if (!text.includes('(@') && !text.includes('rom')) return quotes.map(() => null);
  return quotes.map((q) => {
    const author = pastedAuthorAt(text, q.start);
    if (!author) return null;
    const entity =
      registry.find(author.text) ??
      labelSpeaker(
        {
          start: author.start,
          end: author.end,
          text: author.text,
          contentStart: q.start,
          capitals: false,
          name: author.text,
          questioner: false,
        },
        registry,
      );
    if (!entity) return null;
    const source: Span = { start: author.start, end: author.end, text: author.text };
    registry.mention(entity, source, 'name');
    return { entity, cue: source, source };
  });
}
