// The shapes the attribution stage's modules share (kept apart so that a module attribution.ts calls need not import it back).
import type { Span } from '../../types';
import type { Entity } from '../resolution';

/** One quote's attribution: its speaker, the cue that gave it and the mention that names the speaker. */
export interface Attribution {
  entity: Entity | null;
  cue: Span | null;
  source: Span | null;
}

/** A quote's tokens: [first, end). */
export interface QuoteRange {
  first: number;
  end: number;
}
