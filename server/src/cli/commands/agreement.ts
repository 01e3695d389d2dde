// `seed-annotator agreement <file|dir>... [--coders a,b] [--json]`: how far coders who tagged the same files agree,
// per tag and overall, and the passages where they differ.
import { agreementOf, type AgreementResult } from '../../coding/codedFiles';
import type { AgreementFigures } from '../../coding/agreement';
import { expandSeedPaths } from '../../files/seedFile';
import { parseStrict, usageFailure, UsageError } from '../args';
import { readTaggedFiles } from '../taggedFiles';

const USAGE = 'usage: seed-annotator agreement <file|dir>... [--coders a,b] [--json]';

const HELP = `${USAGE}

Agreement between the coders (tag creators) who tagged the same files. Units are the code points of each
file's text; a coder marks a unit for a tag when one of their tags with that name covers it; only files
that at least two of the coders tagged count.
  alpha      Krippendorff's alpha (nominal, binary per tag)
  kappa      Cohen's kappa (exactly two coders)
  agreement  share of units on which the coders agree
  --coders   compare only these coders (comma-separated); default every coder found
  --json     {"coders", "tags": [{"tag", "alpha", "kappa", "agreement", "units"}], "overall", "disagreements"}
`;

export async function run(args: string[]): Promise<number> {
  let paths: string[];
  let coders: string[] | undefined;
  let json: boolean;
  try {
    const { values, positionals } = parseStrict(args, {
      coders: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (positionals.length === 0) throw new UsageError('no files or directories given');
    if (typeof values.coders === 'string') {
      coders = [
        ...new Set(
          values.coders
            .split(',')
            .map((c) => c.trim())
            .filter(Boolean),
        ),
      ];
      if (coders.length < 2) throw new UsageError('--coders needs at least two names, e.g. --coders ana,ben');
    }
    paths = positionals;
    json = values.json === true;
  } catch (err) {
    return usageFailure('agreement', USAGE, err);
  }

  const { files, errors } = expandSeedPaths(paths);
  const { tagged, problems: unusable } = readTaggedFiles(files);
  const problems = [...errors, ...unusable];
  for (const p of problems) process.stderr.write(`seed-annotator agreement: ${p}\n`);
  const result = agreementOf(tagged, coders ? { coders } : {});
  if (result.withoutCoder > 0) {
    process.stderr.write(
      `seed-annotator agreement: ${result.withoutCoder} tag${result.withoutCoder === 1 ? ' has' : 's have'} no coder recorded and ${result.withoutCoder === 1 ? 'was' : 'were'} left out\n`,
    );
  }
  if (json) {
    const { withoutCoder: _omitted, ...report } = result;
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  } else {
    process.stdout.write(agreementTable(result));
  }
  return problems.length > 0 ? 1 : 0;
}

/** The readable form: one row per tag and the overall row, then the disagreeing passages. */
export function agreementTable(result: AgreementResult): string {
  if (result.coders.length < 2)
    return `Agreement needs at least two coders; found ${result.coders.length === 0 ? 'none' : result.coders.join(', ')}.\n`;
  const header = ['tag', 'alpha', 'kappa', 'agreement', 'units', ...result.coders.map((c) => `by ${c}`)];
  const row = (name: string, f: AgreementFigures) => [
    name,
    figure(f.alpha),
    figure(f.kappa),
    percent(f.agreement),
    String(f.units.total),
    ...result.coders.map((c) => String(f.units.coded[c] ?? 0)),
  ];
  const rows = [header, ...result.tags.map((t) => row(t.tag, t)), row('(overall)', result.overall)];
  const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const lines = rows.map((r) =>
    r
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ')
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  const out = [`Coders: ${result.coders.join(', ')}`, '', ...lines, ''];
  if (result.disagreements.length === 0) {
    out.push('No disagreements.');
  } else {
    out.push(`Disagreements (${result.disagreements.length}):`);
    for (const d of result.disagreements) {
      out.push(
        `  ${d.file}:${d.start}-${d.end}  ${d.tag}  marked by ${d.markedBy.join(', ')}, not by ${d.notMarkedBy.join(', ')}  ${JSON.stringify(clip(d.text))}`,
      );
    }
  }
  return out.join('\n') + '\n';
}

function figure(value: number | null): string {
  return value === null ? '–' : value.toFixed(3);
}

function percent(value: number | null): string {
  return value === null ? '–' : `${(value * 100).toFixed(1)}%`;
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}
