// A child process for the crash tests: adds tags to one file in a loop through the real TagStore and prints
// "ack <id>" once each add has returned (the sidecar holds it). The test kills it with SIGKILL at random moments.
import { readFileSync, writeSync } from 'node:fs';
import { TagStore } from '../../../server/src/tags/tagStore';

const [file, label] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const store = new TagStore();
store.open(file, text);
const problem = store.problem(file);
if (problem) {
  writeSync(2, `${problem}\n`);
  process.exit(3);
}
const length = [...text].length;
for (let i = 0; ; i++) {
  const start = i % (length - 1);
  const tag = store.add(file, start, start + 1, `${label}-${i}`);
  // fd 1 is a pipe: writeSync returns once the line is in it, so an acknowledgement is never lost to the kill.
  writeSync(1, `ack ${tag.id}\n`);
}
