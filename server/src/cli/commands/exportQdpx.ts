// `seed-annotator export <file|dir>... --format qdpx --out <file.qdpx>`: a REFI-QDA project for NVivo, ATLAS.ti,
// MAXQDA or QualCoder — the sources, the codebook as codes, each tag as a coded plain-text selection, notes, coders.
import { expandSeedPaths } from '../../files/seedFile';
import { exportQdpx } from '../../refi/exportProject';
import { workspaceRootOf } from '../../refi/workspaceRoot';
import { parseStrict, usageFailure, UsageError } from '../args';
import { refusesOutputTarget } from '../outputTarget';
import { writeFileAtomic } from '../../tags/atomicWrite';
import { readTaggedFiles } from '../taggedFiles';

const USAGE = 'usage: seed-annotator export <file|dir>... --format qdpx --out <file.qdpx>';

/** True when the export arguments ask for the REFI-QDA format (handled here, not by the row formats). */
export function isQdpxRequest(args: readonly string[]): boolean {
  return args.some((a, i) => a === '--format=qdpx' || (a === '--format' && args[i + 1] === 'qdpx'));
}

export async function run(args: string[]): Promise<number> {
  let out: string;
  let paths: string[];
  try {
    const { values, positionals } = parseStrict(args, { format: { type: 'string' }, out: { type: 'string' } });
    if (positionals.length === 0) throw new UsageError('no files or directories given');
    if (typeof values.out !== 'string' || values.out === '')
      throw new UsageError('--format qdpx writes a zip archive: give --out <file.qdpx>');
    out = values.out;
    paths = positionals;
  } catch (err) {
    return usageFailure('export', USAGE, err);
  }
  const { files, errors } = expandSeedPaths(paths);
  if (refusesOutputTarget(out, [...paths, ...files])) return 2;
  const { tagged, problems: unusable } = readTaggedFiles(files);
  const problems = [...errors, ...unusable];
  const result = await exportQdpx(
    workspaceRootOf('.'),
    tagged.map((t) => ({ path: t.file, text: t.text, tags: t.tags })),
  );
  problems.push(...result.problems);
  for (const p of problems) process.stderr.write(`seed-annotator export: ${p}\n`);
  // Atomic like every other write: a failed export never leaves half an archive under the name.
  try {
    writeFileAtomic(out, result.bytes);
  } catch (err) {
    process.stderr.write(`seed-annotator export: ${(err as Error).message}\n`);
    return 1;
  }
  const { tags, sources, coders } = result;
  process.stderr.write(
    `${tags} tag${tags === 1 ? '' : 's'} in ${sources} source${sources === 1 ? '' : 's'}, ${coders} coder${coders === 1 ? '' : 's'} written to ${out}\n`,
  );
  return problems.length > 0 ? 1 : 0;
}
