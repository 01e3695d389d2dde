// One paragraph memo (analysis/incremental/paragraphMemo.ts) per open document, for the editor's analyses: kept in
// the thread that analyses (the editor's analysis worker, or the server's thread without one) from one edit to the
// next. Only the documents analyzed last keep theirs, so a session that opens many files holds a few memos.
import { ParagraphMemo } from '../analysis/incremental/paragraphMemo';

/** Documents whose memo is kept: those being edited, and a few switched between. */
const KEPT = 4;

const memos = new Map<string, ParagraphMemo>();

/** The memo of the document at `uri`, made on first use; the least recently used one goes past `KEPT`. */
export function paragraphMemoOf(uri: string): ParagraphMemo {
  const memo = memos.get(uri) ?? new ParagraphMemo();
  memos.delete(uri);
  memos.set(uri, memo);
  if (memos.size > KEPT) memos.delete(memos.keys().next().value as string);
  return memo;
}
