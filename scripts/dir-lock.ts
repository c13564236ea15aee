// One build at a time over a shared output: a directory made with mkdir (atomic, on every file system) is the
// lock. Test files started together, two terminals, or a build from the command line wait for the one holding it.
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export interface DirLockTimes {
  /** a lock older than this was left by a killed build: longer than any build takes */
  staleMs: number;
  /** how long to wait for another build before failing with the lock's path */
  giveUpMs: number;
}

export async function withDirLock<T>(lock: string, times: DirLockTimes, work: () => T | Promise<T>): Promise<T> {
  mkdirSync(dirname(lock), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > times.staleMs) rmSync(lock, { recursive: true, force: true });
      if (waited > times.giveUpMs) throw new Error(`another build holds ${lock}; remove it if no build is running`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
