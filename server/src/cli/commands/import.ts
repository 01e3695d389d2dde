// `seed-annotator import <x.qdpx> [--into <folder>]`: brings the codings of a REFI-QDA project (from this tool,
// NVivo, ATLAS.ti, MAXQDA, QualCoder) back onto the matching seed files of a folder, never overwriting anything.
import { readFileSync } from 'node:fs';
import { CodebookError } from '../../coding/codebook';
import { WriteRefusedError } from '../../files/lockedWrite';
import { importProject } from '../../refi/importProject';
import { QdeError } from '../../refi/qde';
import { readQdpx } from '../../refi/qdpx';
import { parseStrict, usageFailure, UsageError } from '../args';

const USAGE = 'usage: seed-annotator import <project.qdpx> [--into <folder>] [--json]';

export async function run(args: string[]): Promise<number> {
  let file: string;
  let into: string;
  let json: boolean;
  try {
    const { values, positionals } = parseStrict(args, {
      into: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      process.stdout.write(
        `${USAGE}\nSources are matched to seed files under the folder (default: the current one) by name and content hash;\ntags join each file's sidecar, codes the codebook; nothing already there is overwritten (conflicts are listed).\n`,
      );
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError('give exactly one .qdpx file');
    file = positionals[0];
    into = typeof values.into === 'string' ? values.into : '.';
    json = values.json === true;
  } catch (err) {
    return usageFailure('import', USAGE, err);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    process.stderr.write(`seed-annotator import: ${file}: cannot read (${(err as Error).message})\n`);
    return 1;
  }
  let report;
  try {
    report = importProject(await readQdpx(bytes), into);
  } catch (err) {
    if (err instanceof QdeError || err instanceof CodebookError || err instanceof WriteRefusedError) {
      process.stderr.write(`seed-annotator import: ${file}: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  if (json) {
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  } else {
    for (const s of report.sources) {
      const how =
        s.match === 'none'
          ? 'no matching seed file'
          : `${s.file} (${s.match === 'exact' ? 'same text' : s.match === 'changed' ? 'text changed: tags re-anchored' : 'found by its text'})`;
      process.stdout.write(
        `${s.name}: ${how}; ${s.imported} tag${s.imported === 1 ? '' : 's'} imported${s.present ? `, ${s.present} already there` : ''}\n`,
      );
    }
    process.stdout.write(`${report.codesAdded} code${report.codesAdded === 1 ? '' : 's'} added to the codebook\n`);
  }
  for (const c of report.conflicts) process.stderr.write(`seed-annotator import: conflict: ${c}\n`);
  return report.conflicts.length > 0 ? 1 : 0;
}
