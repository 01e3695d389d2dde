// A child process that takes the lock on a file, says so, and sleeps holding it until it is killed.
import { writeSync } from 'node:fs';
import { acquireSync } from '../../../server/src/files/fileLock';

acquireSync(process.argv[2]);
writeSync(1, 'locked\n');
setInterval(() => undefined, 60_000);
