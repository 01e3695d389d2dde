// Document symbols for the Outline and breadcrumbs: title, primary dateline, speakers with their quotes as children.
import { SymbolKind } from 'vscode-languageserver';
import type { DocumentSymbol, Range } from 'vscode-languageserver';
import type { Quote } from '../analysis/types';
import type { AnalyzedDocument } from '../documents/analyzedDocument';
import { clip } from './markdown';
import { fullestMention, quotesOf } from './lookup';

/** Symbol names are plain text (no markdown); shortening keeps the Outline readable. */
const NAME_LENGTH = 80;

export function documentSymbols(doc: AnalyzedDocument): DocumentSymbol[] {
  const { analysis } = doc;
  const symbols: DocumentSymbol[] = [];
  const title = analysis.structure.title;
  if (title) {
    const range = doc.rangeOf(title);
    symbols.push({ name: clip(title.text, NAME_LENGTH) || 'Title', detail: 'title', kind: SymbolKind.File, range, selectionRange: range });
  }
  const primary = analysis.datelines.find((d) => d.primary);
  if (primary) {
    const range = doc.rangeOf(primary);
    symbols.push({ name: primary.iso, detail: `dateline: ${primary.text}`, kind: SymbolKind.Event, range, selectionRange: range });
  }
  for (const speaker of analysis.speakers) {
    const quotes = quotesOf(analysis, speaker);
    const spans = [...speaker.mentions, ...quotes];
    const first = fullestMention(speaker);
    if (spans.length === 0 || !first) continue;
    // The range covers every mention and quote so the children lie inside it, as the Outline expects.
    const range = doc.rangeOf({
      start: Math.min(...spans.map((s) => s.start)),
      end: Math.max(...spans.map((s) => s.end)),
    });
    symbols.push({
      name: speaker.name,
      detail: speaker.role ?? speaker.kind,
      kind: speaker.kind === 'person' ? SymbolKind.Constructor : SymbolKind.Class,
      range,
      selectionRange: doc.rangeOf(first),
      children: quotes.map((q) => quoteSymbol(doc, q)),
    });
  }
  const unattributed = analysis.quotes.filter((q) => q.speakerId === null);
  if (unattributed.length > 0) {
    const range: Range = {
      start: doc.positionAt(unattributed[0].start),
      end: doc.positionAt(unattributed[unattributed.length - 1].end),
    };
    symbols.push({
      name: 'Quotes with no speaker',
      kind: SymbolKind.Namespace,
      range,
      selectionRange: doc.rangeOf(unattributed[0]),
      children: unattributed.map((q) => quoteSymbol(doc, q)),
    });
  }
  return symbols.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function quoteSymbol(doc: AnalyzedDocument, quote: Quote): DocumentSymbol {
  const range = doc.rangeOf(quote);
  return {
    name: clip(quote.text, NAME_LENGTH) || '""',
    detail: quote.cue?.text ?? (quote.partial ? 'partial' : undefined),
    kind: SymbolKind.String,
    range,
    selectionRange: range,
  };
}
