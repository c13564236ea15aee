// A child process (Prism) must end with the process that started it, however that one ends: a forgotten
// close(), a signal, even SIGKILL, where no handler of the parent runs. So the child watches for itself: its
// stdin is a pipe from the parent, which the OS closes when the parent dies; a changed ppid (re-parented to
// init or a subreaper) is the second sign. On either it removes its temporary folder and exits.
import { spawn, type ChildProcess } from 'node:child_process';
import { fstatSync, readFileSync } from 'node:fs';

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

/** Why a CLI's watch stopped it: the process it serves is gone, or the pipe on its stdin was closed. */
export type RunnerGone = 'runner exited' | 'stdin closed';

interface ProcInfo {
  ppid: number;
  /** field 22 of /proc/<pid>/stat: with the pid, names one process even after its pid is reused */
  startTime: string;
  /** Z or X: it has exited (a zombie its own parent has not reaped still has a /proc entry) */
  exited: boolean;
  argv: string[];
}

function readProc(pid: number): ProcInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return { ppid: Number(fields[1]), startTime: fields[19]!, exited: /^[ZX]/.test(fields[0]!), argv };
  } catch {
    return undefined;
  }
}

const SHELLS = new Set(['sh', 'dash', 'bash', 'zsh', 'ash', 'ksh']);
const RUNNERS = new Set(['npm', 'npx', 'pnpm', 'pnpx', 'yarn']);

/**
 * Whether a process only relays for another: `sh -c`, npm, npx (npm sets its title, so /proc shows
 * "npm exec …" as one string), or node running npm's own scripts. Exported for its test.
 */
export function isWrapper(argv: readonly string[]): boolean {
  const words = [...(argv[0] ?? '').trim().split(/\s+/), ...argv.slice(1)];
  const name = (word: string | undefined) => (word ?? '').split('/').pop()!;
  if (SHELLS.has(name(words[0])) && words[1] === '-c') return true;
  if (RUNNERS.has(name(words[0]))) return true;
  return name(words[0]) === 'node' && /^(npm|npx)(-cli\.js)?$/.test(name(words[1]));
}

/**
 * The chain's root: the nearest ancestor that is not a wrapper. Under `npx` this process's parent is npm's
 * `sh -c`, and that one's is npm, both of which outlive a SIGKILLed runner; the runner is what to watch.
 * Undefined off Linux (no /proc).
 */
export function chainRoot(): { pid: number; startTime: string } | undefined {
  let pid = readProc(process.pid)?.ppid;
  if (pid === undefined) return undefined;
  for (let info = readProc(pid); info && pid > 1 && isWrapper(info.argv) && info.ppid > 0; info = readProc(pid)) {
    pid = info.ppid;
  }
  const root = readProc(pid);
  return root && { pid, startTime: root.startTime };
}

/**
 * For a CLI started by a test runner, maybe through `npx` (npm's `sh -c` stays alive when npx is SIGKILLed, and a
 * SIGTERM to npx ends the shell without passing it on): calls `onGone` once, when the chain's root exits, when
 * this process is re-parented, or when stdin, if it is a pipe, is closed (the runner holding its other end died).
 * Stdin on a terminal or /dev/null (`cmd &`, CI steps, `docker run` without -i) is not watched.
 */
export function watchRunner(onGone: (why: RunnerGone) => void): () => void {
  let done = false;
  const gone = (why: RunnerGone) => {
    if (done) return;
    done = true;
    stop();
    onGone(why);
  };
  const parent = process.ppid;
  const root = chainRoot();
  const rootGone = () => {
    const info = readProc(root!.pid);
    return !info || info.exited || info.startTime !== root!.startTime;
  };
  const timer = setInterval(() => {
    if (parentGone(parent) || (root && rootGone())) gone('runner exited');
  }, PARENT_POLL_MS);
  timer.unref?.();
  const closed = () => gone('stdin closed');
  const pipe = stdinIsPipe();
  if (pipe) {
    process.stdin.on('end', closed).on('close', closed).on('error', closed).resume();
  }
  const stop = () => {
    clearInterval(timer);
    if (pipe) process.stdin.off('end', closed).off('close', closed).off('error', closed).pause();
  };
  return stop;
}

function stdinIsPipe(): boolean {
  try {
    const stat = fstatSync(0);
    return stat.isFIFO() || stat.isSocket();
  } catch {
    return false;
  }
}
