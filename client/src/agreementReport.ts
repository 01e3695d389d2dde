// The agreement report as Markdown: a table per code (alpha, kappa, agreement, units, units each coder marked), the
// overall row, and the disagreeing passages. Pure, so it is tested without an editor.
import type { AgreementDto, AgreementFiguresDto } from '../../shared/protocol';

export function figure(value: number | null): string {
  return value === null ? '–' : value.toFixed(3);
}

export function percent(value: number | null): string {
  return value === null ? '–' : `${(value * 100).toFixed(1)}%`;
}

function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ');
}

export function agreementMarkdown(report: AgreementDto): string {
  const lines = ['# Coder agreement', ''];
  if (report.coders.length < 2) {
    lines.push(
      `Agreement needs at least two coders who tagged the same files; found ${report.coders.length === 0 ? 'none' : report.coders.map(cell).join(', ')}.`,
    );
    return lines.join('\n') + '\n';
  }
  lines.push(
    `Coders: ${report.coders.map(cell).join(', ')}. Units are the code points of each file that two or more of them tagged; ` +
      "alpha is Krippendorff's alpha (nominal, binary per code), kappa Cohen's kappa (two coders).",
    '',
  );
  if (report.withoutCoder > 0) lines.push(`${report.withoutCoder} tag(s) record no coder and are left out.`, '');
  lines.push(`| Code | alpha | kappa | agreement | units | ${report.coders.map((c) => `by ${cell(c)}`).join(' | ')} |`);
  lines.push(`|---|---:|---:|---:|---:|${report.coders.map(() => '---:').join('|')}|`);
  const row = (name: string, f: AgreementFiguresDto) =>
    `| ${name} | ${figure(f.alpha)} | ${figure(f.kappa)} | ${percent(f.agreement)} | ${f.units.total} | ${report.coders.map((c) => String(f.units.coded[c] ?? 0)).join(' | ')} |`;
  for (const t of report.tags) lines.push(row(cell(t.tag), t));
  lines.push(row('**overall**', report.overall), '');
  if (report.disagreements.length === 0) {
    lines.push('No disagreements.');
  } else {
    lines.push(
      `## Disagreements (${report.disagreements.length})`,
      '',
      'Run "Seed Annotator: Show Coder Disagreements…" to open each passage.',
      '',
    );
    for (const d of report.disagreements) {
      lines.push(
        `- ${cell(d.file)}:${d.range.start.line + 1} **${cell(d.tag)}**: marked by ${d.markedBy.map(cell).join(', ')}, not by ${d.notMarkedBy.map(cell).join(', ')} — “${cell(clip(d.text))}”`,
      );
    }
  }
  return lines.join('\n') + '\n';
}

function clip(text: string): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > 80 ? `${chars.slice(0, 79).join('')}…` : chars.join('');
}
