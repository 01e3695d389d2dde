// Builds small markdown-layout articles for the analysis tests and looks up quotes and their speakers in the result.
import { strict as assert } from 'node:assert';
import type { Analysis, Quote, Speaker } from '../../server/src/analysis/index';

/** A prose paragraph after the tested ones, so that they are never the body's last (layout) paragraph. */
export const CLOSING_PARAGRAPH =
  'The next round of talks is planned for the spring, after the elections in several of the countries involved.';

export interface ArticleOptions {
  headline?: string;
  /** The paragraph after the tested ones; null for none. */
  closing?: string | null;
  /** End with the scraped "Original url:" furniture (default true). */
  originalUrl?: boolean;
  eol?: string;
}

/** `# headline`, the paragraphs separated by blank lines, a closing paragraph and the "Original url:" footer. */
export function testArticle(paragraphs: readonly string[], options: ArticleOptions = {}): string {
  const { headline = 'Headline For The Test Article', closing = CLOSING_PARAGRAPH, originalUrl = true, eol = '\n' } = options;
  const lines = [`# ${headline}`, '', ...paragraphs.flatMap((p) => [p, ''])];
  if (closing !== null) lines.push(closing, '');
  if (originalUrl) lines.push('Original url:', '', '<https://example.com/a>');
  return lines.join(eol);
}

/** The quote whose text, after its opening mark, starts with `start`; fails the test when there is none. */
export function quoteStarting(a: Analysis, start: string): Quote {
  const q = a.quotes.find((x) => x.text.replace(/^["“«]\s?/u, '').startsWith(start));
  assert.ok(q, `quote ${JSON.stringify(start)} in ${JSON.stringify(a.quotes.map((x) => x.text))}`);
  return q;
}

/** The speaker of the quote starting with `start`, or null when it is unattributed. */
export function speakerOfQuote(a: Analysis, start: string): Speaker | null {
  const q = quoteStarting(a, start);
  return a.speakers.find((s) => s.id === q.speakerId) ?? null;
}

/** The name of the speaker of the quote starting with `start`, or null. */
export function whoSaid(a: Analysis, start: string): string | null {
  return speakerOfQuote(a, start)?.name ?? null;
}
