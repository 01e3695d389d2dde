// CLI entry: `seed-annotator <command> …`. (Skeleton; the CLI work fills it.)
import { readFileSync } from 'node:fs';
import { analyze } from '../analysis';

const [, , command, ...files] = process.argv;
if (command !== 'analyze' || files.length === 0) {
  process.stderr.write('usage: seed-annotator analyze <file|dir>... [--json]\n');
  process.exit(2);
}
process.stdout.write(JSON.stringify(files.map((file) => ({ file, ...analyze(readFileSync(file, 'utf8')), tags: [] }))) + '\n');
