// Verdicts about single lines that several layers ask for, each computed at most once per line and kept in a
// byte per line: whether the line is inline furniture, set like a headline, or the title printed again.
import type { Span } from '../types';
import type { Line } from './lines';
import { isHeadlineLike, isInlineFurniture } from '../layout/furniture';
import { titleRepeats } from '../layout/titleRepeat';

const INLINE_FURNITURE = 1;
const HEADLINE_LIKE = 2;
const TITLE_REPEAT = 3;

export class LineKinds {
  /** Two bits per verdict: bit 2v says it was computed, bit 2v + 1 holds it. */
  private readonly bits: Uint8Array;
  private readonly repeatsTitle: (line: string) => boolean;

  constructor(
    private readonly lines: readonly Line[],
    title: Span | null,
  ) {
    this.bits = new Uint8Array(lines.length);
    this.repeatsTitle = titleRepeats(title?.text ?? null);
  }

  /** "Related article: …", "Advertisement", a caption label, a reporting credit, a lone link (layout/furniture.ts). */
  inlineFurniture(i: number): boolean {
    return this.verdict(i, INLINE_FURNITURE, isInlineFurniture);
  }

  /** Set like a headline: no closing punctuation and (nearly) every longer word capitalised. */
  headlineLike(i: number): boolean {
    return this.verdict(i, HEADLINE_LIKE, isHeadlineLike);
  }

  /** The article's title printed again (the headline over the story). */
  titleRepeat(i: number): boolean {
    return this.verdict(i, TITLE_REPEAT, this.repeatsTitle);
  }

  private verdict(i: number, v: number, test: (line: string) => boolean): boolean {
    const computed = 1 << (2 * (v - 1));
    const holds = computed << 1;
    const bits = this.bits[i];
    if (bits & computed) return (bits & holds) !== 0;
    const yes = test(this.lines[i].text);
    this.bits[i] = bits | computed | (yes ? holds : 0);
    return yes;
  }
}
