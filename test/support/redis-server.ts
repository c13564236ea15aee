// A redis-server of a test's own, on a free loopback port, that the test can kill and bring back on the same port
// with its memory gone (no persistence), as a crashed or restarted Redis comes back.
import { spawnSync } from 'node:child_process';
import { freePort, start, type Started } from './process.js';

export const hasRedisServer = () => spawnSync('redis-server', ['--version']).status === 0;

// redis-server cannot watch its parent. On Linux, setpriv sets the kernel's parent-death signal and then execs
// redis-server (the same process, so kill() still kills Redis itself): a test process ended by SIGKILL, with no
// afterAll run, leaves no Redis behind.
const tied = (args: string[]): [string, string[]] =>
  process.platform === 'linux' && spawnSync('setpriv', ['--help']).status === 0
    ? ['setpriv', ['--pdeathsig', 'KILL', 'redis-server', ...args]]
    : ['redis-server', args];

export interface OwnRedis {
  url: string;
  port: number;
  /** SIGKILL: every lock and ledger entry is gone with it */
  kill(): Promise<void>;
  /** a fresh, empty server on the same port */
  start(): Promise<void>;
  /** SIGTERM, then SIGKILL if it lingers */
  stop(): Promise<void>;
}

/** `extra`: more redis-server arguments, e.g. ['--cluster-enabled', 'yes'] or ['--replicaof', '127.0.0.1', '6379']. */
export async function ownRedis(extra: string[] = []): Promise<OwnRedis> {
  const port = await freePort();
  let server: Started | undefined;
  // No file on disk: a replica loads its primary's data in memory rather than through a dump.rdb in the cwd.
  const memoryOnly = ['--save', '', '--appendonly', 'no', '--repl-diskless-load', 'swapdb'];
  const args = ['--port', String(port), '--bind', '127.0.0.1', ...memoryOnly, ...extra];
  const startServer = async () => {
    server = start(...tied(args));
    await server.waitForPort(port, 10_000);
  };
  const end = (how: (s: Started) => Promise<unknown>) => async () => {
    const s = server;
    server = undefined;
    if (s) await how(s);
  };
  await startServer();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill: end(async (s) => {
      if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
      await s.exited;
    }),
    start: startServer,
    stop: end((s) => s.stop()),
  };
}
