// The quotes layer's work on one paragraph, remembered across analyses of an edited document when a memo is given
// (incremental/paragraphMemo.ts): pairing its marks and judging each candidate read only the paragraph's text, the
// character on either side of it, its links and whether it is furniture, so the results of an untouched paragraph
// are taken from the memo, stored relative to its start. Without a memo every call goes straight through.
import { remembered, type ParagraphMemo, type ParagraphSlot } from '../incremental/paragraphMemo';
import { pairDoubleMarks, pairSingleMarks, type MarkPair, type ParagraphMarks } from './marks';
import { judgeQuote, type QuoteSite, type Verdict } from './speech';
import type { Paragraph } from './zones';

export class ParagraphWork {
  private readonly slot: ParagraphSlot | undefined;
  private readonly start: number;
  private readonly end: number;

  constructor(
    private readonly text: string,
    paragraph: Paragraph,
    memo: ParagraphMemo | undefined,
  ) {
    const { start, end } = paragraph;
    this.start = start;
    this.end = end;
    // Judging looks back over letters and dots for an abbreviation: only a blank before the paragraph stops it there.
    if (memo && (start === 0 || /\s/u.test(text[start - 1]))) {
      const links = paragraph.links.map((l) => `${l.start - start}-${l.end - start}`).join(',');
      this.slot = memo.slot('quotes', text, start, end, `${paragraph.furniture ? 'f' : 'p'}${links}`);
    }
  }

  /** pairDoubleMarks over the paragraph. */
  doubleMarks(skip: (i: number) => boolean): ParagraphMarks {
    const { text, start, end, slot } = this;
    if (!slot) return pairDoubleMarks(text, start, end, skip);
    return shiftMarks(
      remembered(slot, 'double', () => shiftMarks(pairDoubleMarks(text, start, end, skip), -start)),
      start,
    );
  }

  /** pairSingleMarks over the paragraph. */
  singleMarks(skip: (i: number) => boolean): MarkPair[] {
    const { text, start, end, slot } = this;
    if (!slot) return pairSingleMarks(text, start, end, skip);
    return remembered(slot, 'single', () => pairSingleMarks(text, start, end, skip).map((p) => shiftPair(p, -start))).map((p) =>
      shiftPair(p, start),
    );
  }

  /** judgeQuote of a candidate in the paragraph. */
  judge(site: QuoteSite): Verdict {
    const { text, start, slot } = this;
    if (!slot) return judgeQuote(text, site);
    const key = `judge ${site.open - start} ${site.end - start} ${site.contentStart - start} ${site.contentEnd - start}`;
    return { ...remembered(slot, key, () => judgeQuote(text, site)) };
  }
}

function shiftPair(p: MarkPair, by: number): MarkPair {
  return { open: p.open + by, close: p.close + by, family: p.family };
}

function shiftMarks(marks: ParagraphMarks, by: number): ParagraphMarks {
  return {
    pairs: marks.pairs.map((p) => shiftPair(p, by)),
    unclosed: marks.unclosed && { open: marks.unclosed.open + by, family: marks.unclosed.family },
    stray: marks.stray.map((i) => i + by),
  };
}
