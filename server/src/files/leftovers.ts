// What a crashed writer leaves behind (temp files, lock files) is cleaned up by the next one; these two checks
// decide whether its owner is gone and remove it without caring whether someone else already did.
import { unlinkSync } from 'node:fs';

/** True while process `pid` exists on this machine (EPERM: it exists but belongs to someone else). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Deletes `path` if it is still there. */
export function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}
