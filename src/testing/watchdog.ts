// A child process (Prism) must end with the process that started it, however that one ends: a forgotten
// close(), a signal, even SIGKILL, where no handler of the parent runs. So the child watches for itself: its
// stdin is a pipe from the parent, which the OS closes when the parent dies; a changed ppid (re-parented to
// init or a subreaper) is the second sign. On either it removes its temporary folder and exits.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** How often the child compares its ppid; the pipe's end is seen at once, this is the fallback. */
export const PARENT_POLL_MS = 200;

// process.ppid is read once at start-up in Node 20, so the live value comes from /proc (Linux); elsewhere a
// signal 0 to the first parent tells whether it still exists. Kept as source text: the child runs it too.
const PARENT_GONE = `function parentGone(parent) {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== parent;
  } catch {}
  try { process.kill(parent, 0); return false; } catch (e) { return e.code === 'ESRCH'; }
}`;
const parentGone = new Function('readFileSync', `${PARENT_GONE}; return parentGone;`)(readFileSync) as (
  p: number,
) => boolean;

// Loaded with `--import data:` before the child's own entry point: no file to ship or clean up, and the
// child's argv stays as its CLI expects it.
const WATCHDOG = `
import { readFileSync, rmSync } from 'node:fs';
const dir = process.env.PARTOO_ARGYLE_MOCK_TMP;
const parent = process.ppid;
${PARENT_GONE}
let ending = false;
const end = () => {
  if (ending) return;
  ending = true;
  if (dir) { try { rmSync(dir, { recursive: true, force: true }); } catch {} }
  process.exit(0);
};
process.stdin.on('end', end);
process.stdin.on('close', end);
process.stdin.on('error', end);
process.stdin.resume();
for (const s of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(s, end);
setInterval(() => { if (parentGone(parent)) end(); }, ${PARENT_POLL_MS}).unref();
`;

/** Spawns `node <entry> ...args` tied to this process; `tmpDir` is removed by the child when it ends. */
export function spawnTied(entry: string, args: string[], tmpDir?: string): ChildProcess {
  const preload = `data:text/javascript,${encodeURIComponent(WATCHDOG)}`;
  return spawn(process.execPath, ['--import', preload, entry, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, PARTOO_ARGYLE_MOCK_TMP: tmpDir ?? '' },
  });
}

/**
 * For a CLI that a wrapper started (`npx` runs it under `sh -c`, and a SIGTERM to npx ends the shell without
 * passing it on): calls `onOrphaned` once this process is re-parented, i.e. whoever started it is gone.
 */
export function watchParent(onOrphaned: () => void): () => void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (!parentGone(parent)) return;
    clearInterval(timer);
    onOrphaned();
  }, PARENT_POLL_MS);
  timer.unref?.();
  return () => clearInterval(timer);
}
