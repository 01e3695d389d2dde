// Messages between the dashboard webview and the extension host (both sides import this file).
import type { CorpusQuoteDto, DashboardParams, DashboardResult, QuoteSelection } from '../../shared/protocol';

export type ToHost =
  | { type: 'ready' }
  | { type: 'query'; params: DashboardParams }
  | { type: 'select'; params: DashboardParams; selection: QuoteSelection; title: string }
  | { type: 'open'; quote: Pick<CorpusQuoteDto, 'uri' | 'range'> }
  /** `data` is SVG text, or a `data:image/png;base64,…` URL. */
  | { type: 'export'; chart: string; format: 'svg' | 'png'; data: string };

export type ToWebview =
  | { type: 'busy'; message: string }
  | { type: 'stats'; result: DashboardResult; scope: string }
  | { type: 'quotes'; title: string; quotes: CorpusQuoteDto[] }
  | { type: 'error'; message: string }
  | { type: 'exported'; path: string };
