// One run per report. Two cron runs that overlap, or two runs started together on one --report, would each send
// every number the other has not recorded yet: the second is refused, naming the first. The lock is a file beside
// the report holding the PID, host and start time of its run; it is stale only when that host is this one and no
// such process is alive (a killed run), never on a guess about another machine sharing the folder.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { UsageError } from './errors.js';

interface Holder {
  pid: number;
  host: string;
  startedAt: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists, under another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holderOf(lock: string): Holder | undefined {
  try {
    return JSON.parse(readFileSync(lock, 'utf8')) as Holder;
  } catch {
    return undefined;
  }
}

function tryLock(lock: string, me: Holder): boolean {
  try {
    const fd = openSync(lock, 'wx');
    try {
      writeSync(fd, JSON.stringify(me));
    } catch (e) {
      // A full disk leaves an empty lock: taken away, so the same command runs once there is room.
      rmSync(lock, { force: true });
      throw e;
    } finally {
      closeSync(fd);
    }
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

/** Takes the report's lock for this process, or throws naming the run that holds it; `release` gives it back. */
export function lockReport(report: string, startedAt: string): { release(): void } {
  const lock = `${report}.lock`;
  const me: Holder = { pid: process.pid, host: hostname(), startedAt };
  if (!tryLock(lock, me)) {
    const holder = holderOf(lock);
    // Written by a run killed on this machine: its process is gone, so is its claim. A torn lock file is the
    // same (a run killed while writing it).
    const stale = !holder || (holder.host === me.host && !alive(holder.pid));
    if (!stale || (rmSync(lock, { force: true }), !tryLock(lock, me))) {
      const who = holder ? `PID ${holder.pid} on ${holder.host}, started ${holder.startedAt}` : 'another run';
      throw new UsageError(
        `${report} is in use by another run (${who}): one run per report, so no number is sent by both; wait ` +
          `for it to end, or remove ${lock} if that run is gone; nothing was sent`,
      );
    }
  }
  let held = true;
  const release = () => {
    if (held) rmSync(lock, { force: true });
    held = false;
  };
  process.once('exit', release);
  return { release };
}
