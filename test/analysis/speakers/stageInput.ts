// The input every speaker stage reads, built by the layers before it (layout, quotes, tokens) from a few
// paragraphs, so that a stage's test gives it real tokens and checks only what the stage adds.
import type { Quote, Structure } from '../../../server/src/analysis/types';
import { readArticle } from '../../../server/src/analysis/layout/structure';
import { findQuotes } from '../../../server/src/analysis/quotes/quotes';
import { tokenize, type Token, type TokenizedText } from '../../../server/src/analysis/speakers/tokens';
import { findMentions, type Mentions } from '../../../server/src/analysis/speakers/mentions';
import { readCues, type CueReading } from '../../../server/src/analysis/speakers/cues';
import { resolveSpeakers, type Resolution } from '../../../server/src/analysis/speakers/resolution';
import { testArticle } from '../articleFixture';

export interface StageInput {
  text: string;
  structure: Structure;
  quotes: Quote[];
  tt: TokenizedText;
}

/** The paragraphs as a test article, laid out, with its quotes and tokens. */
export function stageInput(paragraphs: readonly string[]): StageInput {
  const text = testArticle(paragraphs);
  const structure = readArticle(text);
  const quotes = findQuotes(text, structure);
  return { text, structure, quotes, tt: tokenize(text, structure, quotes) };
}

/** The stages up to and including resolution, each fed by the one before. */
export function throughResolution(
  paragraphs: readonly string[],
): StageInput & { mentions: Mentions; cues: CueReading; resolution: Resolution } {
  const input = stageInput(paragraphs);
  const mentions = findMentions(input.tt);
  const cues = readCues(input.tt, mentions);
  return { ...input, mentions, cues, resolution: resolveSpeakers(input.tt, mentions, cues) };
}

/** The index of the first token with this text at or after `from`; fails loudly when there is none. */
export function tokenAt(tokens: readonly Token[], text: string, from = 0): number {
  for (let i = from; i < tokens.length; i++) if (tokens[i].text === text) return i;
  throw new Error(`no token ${JSON.stringify(text)} in the test article`);
}
