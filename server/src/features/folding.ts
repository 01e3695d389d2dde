// Folding ranges: quotes that run over several lines (multi-paragraph quotes) and the trailing boilerplate.
import { FoldingRangeKind } from 'vscode-languageserver';
import type { FoldingRange } from 'vscode-languageserver';
import type { AnalyzedDocument } from '../documents/analyzedDocument';

export function foldingRanges(doc: AnalyzedDocument): FoldingRange[] {
  const { analysis, document } = doc;
  const ranges: FoldingRange[] = [];
  for (const quote of analysis.quotes) {
    const start = doc.lineOf(quote.start);
    const end = doc.lineOf(quote.end);
    if (end > start) ranges.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Region, collapsedText: 'quote' });
  }
  const boilerplate = analysis.structure.boilerplateStart;
  if (boilerplate !== null) {
    const start = doc.lineOf(boilerplate);
    let end = document.lineCount - 1;
    // Trailing blank lines belong to no one; folding stops at the last line with text.
    while (end > start && document.getText({ start: { line: end, character: 0 }, end: { line: end + 1, character: 0 } }).trim() === '')
      end--;
    if (end > start) ranges.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Region, collapsedText: 'boilerplate' });
  }
  return ranges;
}
