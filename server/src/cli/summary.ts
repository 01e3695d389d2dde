// The analyze command's readable output: per file, the headline, the primary date, who speaks and what they say.
import type { FileResult, ResultWriter, Sink } from './output';

/** A title or name longer than this (code points) is cut with an ellipsis: the summary is one line per item. */
const MAX_TITLE = 120;

/** Counts over the whole run, for the closing line. */
interface Totals {
  files: number;
  quotes: number;
  attributed: number;
  speakers: number;
  tags: number;
}

export function summaryWriter(sink: Sink, unreadable: () => number): ResultWriter {
  const totals: Totals = { files: 0, quotes: 0, attributed: 0, speakers: 0, tags: 0 };
  return {
    write(result) {
      if (totals.files > 0) sink('\n');
      sink(result.text);
      totals.files++;
      totals.quotes += result.counts.quotes;
      totals.attributed += result.counts.attributed;
      totals.speakers += result.counts.speakers;
      totals.tags += result.counts.tags;
    },
    end() {
      const bad = unreadable();
      if (totals.files === 0 && bad === 0) return;
      sink(
        `\n${plural(totals.files, 'file')}: ${plural(totals.quotes, 'quote')} (${totals.attributed} attributed), ` +
          `${plural(totals.speakers, 'speaker')}, ${plural(totals.tags, 'tag')}` +
          (bad > 0 ? `; ${plural(bad, 'path')} could not be read (see errors above)` : '') +
          '\n',
      );
    },
  };
}

export function formatFileSummary(result: FileResult, lines: LineIndex): string {
  const out: string[] = [result.file];
  out.push(`  Title     ${result.title === null ? '(none found)' : ellipsize(result.title, MAX_TITLE)}`);

  const primary = result.datelines.find((d) => d.primary);
  const others = result.datelines.length - (primary ? 1 : 0);
  const otherDates = others > 0 ? `; ${plural(others, 'other date')}` : '';
  out.push(
    primary
      ? `  Date      ${primary.iso}  (line ${lines.lineOf(primary.start)}: ${primary.text})${otherDates}`
      : `  Date      (no dateline found)${otherDates}`,
  );

  const names = new Map(result.speakers.map((s) => [s.id, s.name]));
  out.push(`  Speakers  ${result.speakers.length === 0 ? 'none found' : result.speakers.length}`);
  for (const s of result.speakers) {
    const details = [s.kind, s.role, s.aliases.length > 0 ? `also ${s.aliases.join(', ')}` : null].filter((d): d is string => d !== null);
    out.push(`    ${ellipsize(s.name, MAX_TITLE)}  (${ellipsize(details.join('; '), MAX_TITLE)}; ${plural(s.mentions.length, 'mention')})`);
  }

  const attributed = result.quotes.filter((q) => q.speakerId !== null).length;
  out.push(`  Quotes    ${result.quotes.length === 0 ? 'none found' : `${result.quotes.length}, ${attributed} attributed`}`);
  for (const q of result.quotes) {
    const who = q.speakerId === null ? 'unattributed' : `${names.get(q.speakerId) ?? q.speakerId}`;
    const cue = q.cue ? ` (${q.cue.text})` : '';
    out.push(`    line ${String(lines.lineOf(q.start)).padEnd(4)} ${ellipsize(q.text, 70)}  <- ${who}${cue}`);
  }
  out.push(`  Tags      ${result.tags.length === 0 ? 'none' : result.tags.length}`);
  return out.join('\n') + '\n';
}

/** 1-based line numbers for code-point offsets; CRLF, CR and LF all end a line. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    let cp = 0;
    let previous = '';
    for (const ch of text) {
      cp++;
      if (ch === '\n' && previous === '\r') this.starts[this.starts.length - 1] = cp;
      else if (ch === '\n' || ch === '\r') this.starts.push(cp);
      previous = ch;
    }
  }

  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

/** One line, at most `max` characters (code points), whitespace runs collapsed. */
function ellipsize(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('')}…`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
