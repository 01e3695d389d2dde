// The review queue: quotes with no speaker or a speaker the analysis is not sure of, lowest confidence first, each
// with the document's speakers ranked for a quick pick (the client's "Review Quotes" walks it).
import type { CancellationToken } from 'vscode-languageserver';
import { TRUSTED } from '../analysis/confidence';
import type { ReviewQuote } from '../../../shared/protocol';
import type { IndexedFile, IndexedQuote, IndexedSpeaker } from '../workspace/workspaceIndex';

/** Every quote of `files` that needs an analyst's eye; null when cancelled. */
export function reviewQueue(files: Iterable<IndexedFile>, token?: CancellationToken): ReviewQuote[] | null {
  const queue: ReviewQuote[] = [];
  for (const file of files) {
    if (token?.isCancellationRequested) return null;
    for (const q of file.quotes) {
      if (q.speaker !== null && q.confidence !== null && q.confidence >= TRUSTED) continue;
      queue.push({
        uri: file.uri,
        text: q.text,
        range: q.range,
        speaker: q.speaker,
        confidence: q.speaker === null ? null : q.confidence,
        candidates: rankedSpeakers(file.speakers, q),
      });
    }
  }
  // Unattributed first (nothing supports a speaker), then the least sure; ties in reading order per file.
  const rank = (r: ReviewQuote) => (r.confidence === null ? -1 : r.confidence);
  return queue.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      a.uri.localeCompare(b.uri) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character,
  );
}

/**
 * The analyzer's speaker first; then speakers named before the quote, nearest first (a quote's speaker is usually
 * introduced just before it); then those named only after it, nearest first. Each name once.
 */
export function rankedSpeakers(speakers: readonly IndexedSpeaker[], quote: IndexedQuote): string[] {
  const line = quote.range.start.line;
  const before = speakers.filter((s) => s.range.start.line <= line).sort((a, b) => b.range.start.line - a.range.start.line);
  const after = speakers.filter((s) => s.range.start.line > line).sort((a, b) => a.range.start.line - b.range.start.line);
  const names = [...(quote.speaker ? [quote.speaker] : []), ...before.map((s) => s.name), ...after.map((s) => s.name)];
  return [...new Set(names)];
}
