// A TypeScript worker script run as its own Node process (through tsx), as a fleet's workers are: its output
// collected, its exit awaited. The Redis tests start several side by side.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export interface WorkerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

export function runWorker(script: string, env: Record<string, string>): Promise<WorkerExit> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.once('exit', (code, signal) => done({ code, signal, out, err }));
  });
}

/** The JSON tally a worker prints last; the worker's stderr when it did not exit cleanly. */
export async function workerTally<T>(script: string, env: Record<string, string>): Promise<T> {
  const exit = await runWorker(script, env);
  if (exit.code !== 0) throw new Error(`${script} exited ${exit.code ?? exit.signal}: ${exit.err}`);
  return JSON.parse(exit.out.trim().split('\n').pop()!) as T;
}
