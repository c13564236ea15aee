// A TypeScript worker script run as its own Node process (through tsx), as a fleet's workers are: its output
// collected, its exit awaited. The Redis tests start several side by side.
import { resolve } from 'node:path';
import { run, type Exit } from './process.js';

const ROOT = resolve(import.meta.dirname, '../..');

export type WorkerExit = Exit;

export function runWorker(script: string, env: Record<string, string>): Promise<WorkerExit> {
  return run(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, env });
}

/** The JSON tally a worker prints last; the worker's stderr when it did not exit cleanly. */
export async function workerTally<T>(script: string, env: Record<string, string>): Promise<T> {
  const exit = await runWorker(script, env);
  if (exit.code !== 0) throw new Error(`${script} exited ${exit.code ?? exit.signal}: ${exit.err}`);
  return JSON.parse(exit.out.trim().split('\n').pop()!) as T;
}
