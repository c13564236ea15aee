// Child processes and scratch folders for tests, one way for every test: output captured, waits for a line or a
// port that give up after a bound (and say what the process printed), a stop that goes from SIGTERM to SIGKILL,
// and `cleanUp()` for afterAll, so that a failing test still leaves no process, port or temp folder behind.
// Nothing here imports vitest: global setups and worker scripts use it too.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export { freePort } from '../../src/testing/ports.js';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

export interface StartOptions {
  cwd?: string;
  /** added to the parent's environment; a variable set to `undefined` is left out */
  env?: Record<string, string | undefined>;
  /** 'pipe' when the test writes to the child's stdin */
  stdin?: 'ignore' | 'pipe';
}

export interface Started {
  child: ChildProcess;
  /** stdout so far */
  out(): string;
  /** stderr so far */
  err(): string;
  /** settles once the process has exited and its output is read */
  exited: Promise<Exit>;
  /** stdout once it matches `pattern`; fails when the process exits first or `timeoutMs` passes */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** resolves once something accepts connections on the port; fails as `waitFor` does */
  waitForPort(port: number, timeoutMs?: number): Promise<void>;
  /** SIGTERM, then SIGKILL if it is still there after `graceMs`; resolves with how it ended */
  stop(graceMs?: number): Promise<Exit>;
}

const WAIT_MS = 15_000;
const GRACE_MS = 5_000;
/** How long after its exit a process's output may still arrive: a grandchild may hold the pipes open. */
const DRAIN_MS = 1_000;

const running = new Set<Started>();
const folders = new Set<string>();
const closers = new Set<() => Promise<void> | void>();

// A last resort for a test process that exits without its afterAll (a worker ended by its runner): children
// such as redis-server do not end with their parent, so they are killed here, synchronously, as it exits.
// Registered once per process, however many times a runner re-imports this module.
const EXIT_HOOK = Symbol.for('partoo-argyle-sdk.test-processes');
const hooks = globalThis as { [EXIT_HOOK]?: Set<Started>[] };
if (!hooks[EXIT_HOOK]) {
  const sets: Set<Started>[] = (hooks[EXIT_HOOK] = []);
  process.once('exit', () => {
    for (const set of sets) for (const p of set) p.child.kill('SIGKILL');
  });
}
hooks[EXIT_HOOK].push(running);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const tail = (text: string) => text.slice(-2_000);

export function start(command: string, args: string[], options: StartOptions = {}): Started {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<Exit>((resolve) => {
    child.once('error', (e) => child.pid === undefined && resolve({ code: null, signal: null, out, err: `${e}` }));
    child.once('exit', (code, signal) => {
      const done = () => resolve({ code, signal, out, err });
      child.once('close', done);
      setTimeout(done, DRAIN_MS).unref();
    });
  });
  const ended = () => exited.then((e) => `${command} exited with ${e.code ?? e.signal}: ${tail(e.err || e.out)}`);
  const started: Started = {
    child,
    out: () => out,
    err: () => err,
    exited,
    waitFor: (pattern, timeoutMs = WAIT_MS) =>
      until(
        () => pattern.test(out) && out,
        ended,
        timeoutMs,
        () => `no ${pattern} from ${command}: ${tail(out)}`,
      ),
    waitForPort: async (port, timeoutMs = WAIT_MS) => {
      const late = () => `${command} did not listen on port ${port}: ${tail(err)}`;
      await until(() => listening(port), ended, timeoutMs, late);
    },
    stop: async (graceMs = GRACE_MS) => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exited.finally(() => clearTimeout(timer));
      }
      return exited;
    },
  };
  running.add(started);
  void exited.then(() => running.delete(started));
  return started;
}

/** Runs a command to its end; past `timeoutMs` it is stopped, and the exit says so by its signal. */
export async function run(command: string, args: string[], options: StartOptions & { timeoutMs?: number } = {}) {
  const started = start(command, args, options);
  const timer = options.timeoutMs ? setTimeout(() => void started.stop(), options.timeoutMs) : undefined;
  return started.exited.finally(() => clearTimeout(timer));
}

/**
 * As `run`, for a command that must succeed: anything but exit 0 fails with what it printed on stderr. The
 * arguments are left out of the message: a test may pass keys that way (the runtimes smoke does).
 */
export async function runOk(command: string, args: string[], options: StartOptions & { timeoutMs?: number } = {}) {
  const exit = await run(command, args, options);
  if (exit.code !== 0) {
    throw new Error(`${command} exited with ${exit.code ?? exit.signal}: ${tail(exit.err)}`);
  }
  return exit;
}

/** A new empty folder under the system's temp folder, removed by `cleanUp()`. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  folders.add(dir);
  return dir;
}

/** Something else `cleanUp()` must close (a server), before the processes are stopped. */
export function closeOnCleanUp(close: () => Promise<void> | void): void {
  closers.add(close);
}

/** For afterAll: closes what was registered, stops every process still running, removes the temp folders. */
export async function cleanUp(): Promise<void> {
  const closing = [...closers];
  closers.clear();
  await Promise.allSettled(closing.map((close) => close()));
  await Promise.all([...running].map((p) => p.stop()));
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  folders.clear();
}

/** True when something accepts a connection on `host:port`. */
export function listening(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, host);
    socket.setTimeout(1_000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

/**
 * Polls `check` until it gives a truthy value, which it returns. Fails with `ended()`'s words if that settles
 * first (the process is gone), and with `late()`'s once `timeoutMs` has passed.
 */
async function until<T>(
  check: () => T | Promise<T>,
  ended: () => Promise<string>,
  timeoutMs: number,
  late: () => string,
): Promise<Exclude<T, false>> {
  let gone: string | undefined;
  void ended().then((why) => (gone = why));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as Exclude<T, false>;
    if (gone !== undefined) throw new Error(gone);
    if (Date.now() > deadline) throw new Error(late());
    await sleep(20);
  }
}

/** Polls `check` every `intervalMs` until it is true; fails with `what` after `timeoutMs`. */
export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  what: string,
  { timeoutMs = WAIT_MS, intervalMs = 20 } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(intervalMs);
  }
}
