// Diagnostics (information and hint level, each switchable): quotes with no speaker, unbalanced quote marks,
// no primary dateline, and a note when a document was not analyzed.
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver';
import type { SeedAnnotatorSettings } from '../../../shared/protocol';
import type { AnalyzedDocument } from '../documents/analyzedDocument';
import { clip } from './markdown';

export const DIAGNOSTIC_SOURCE = 'seed-annotator';

export const DiagnosticCodes = {
  notAnalyzed: 'not-analyzed',
  unattributedQuote: 'unattributed-quote',
  unbalancedQuoteMark: 'unbalanced-quote-mark',
  noPrimaryDateline: 'no-primary-dateline',
} as const;

/** A quote mark with no partner, as JS string (UTF-16) indices into the document text. */
export interface UnbalancedMark {
  start: number;
  end: number;
}

/**
 * @param unbalanced the document's unpaired quote marks (UTF-16 indices), found by the quote analysis;
 *   only asked for when that diagnostic is on.
 */
export function diagnostics(
  doc: AnalyzedDocument,
  settings: SeedAnnotatorSettings['diagnostics'],
  unbalanced: (text: string) => readonly UnbalancedMark[],
): Diagnostic[] {
  const make = (range: Diagnostic['range'], severity: DiagnosticSeverity, code: string, message: string): Diagnostic => ({
    range,
    severity,
    code,
    source: DIAGNOSTIC_SOURCE,
    message,
  });
  const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  if (doc.skipped !== null) return [make(top, DiagnosticSeverity.Information, DiagnosticCodes.notAnalyzed, doc.skipped)];
  const { analysis } = doc;
  const found: Diagnostic[] = [];
  if (settings.unattributedQuotes) {
    for (const q of analysis.quotes) {
      if (q.speakerId !== null) continue;
      found.push(
        make(
          doc.rangeOf(q),
          DiagnosticSeverity.Information,
          DiagnosticCodes.unattributedQuote,
          `No speaker found for the quote ${clip(q.text, 60)}`,
        ),
      );
    }
  }
  if (settings.unbalancedQuotes) {
    const text = doc.document.getText();
    for (const mark of unbalanced(text)) {
      const range = { start: doc.document.positionAt(mark.start), end: doc.document.positionAt(mark.end) };
      found.push(
        make(
          range,
          DiagnosticSeverity.Information,
          DiagnosticCodes.unbalancedQuoteMark,
          `Quote mark ${text.slice(mark.start, mark.end)} has no matching ${isOpening(text.slice(mark.start, mark.end)) ? 'closing' : 'opening'} mark`,
        ),
      );
    }
  }
  if (settings.missingPrimaryDateline && !analysis.datelines.some((d) => d.primary)) {
    // Anchored on the title, where a dateline would usually sit, so the hint is near where to look.
    const range = analysis.structure.title ? doc.rangeOf(analysis.structure.title) : top;
    found.push(
      make(
        range,
        DiagnosticSeverity.Hint,
        DiagnosticCodes.noPrimaryDateline,
        analysis.datelines.length === 0
          ? 'No date found: the article has no dateline'
          : "None of the dates found is the article's own dateline",
      ),
    );
  }
  return found;
}

function isOpening(mark: string): boolean {
  return mark === '“' || mark === '«' || mark === '„' || mark === '‹';
}
