// Process chains as partners start the mock (a runner, maybe npx, `sh -c`, the mock), read from /proc (Linux),
// and the wait for both ports to be free once the runner is SIGKILLed.
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { listening, start, tempDir, waitUntil } from '../support/process.js';

export const ROOT = resolve(import.meta.dirname, '../..');
const RUNNER = join(ROOT, 'test/mock/fixtures/runner.mjs');
/** What the docs promise: the ports are free again within 2 s of the runner's death. */
export const FREE_WITHIN_MS = 2_000;

/** Every descendant of `pid`, read from /proc. */
export function descendants(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended while we looked
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [child, parent] of parentOf) if (parent === p) (out.push(child), walk(child));
  };
  walk(pid);
  return out;
}

export function alive(pid: number): boolean {
  try {
    return !/^\S+ \(.*\) [ZX]/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** A partner's project with this checkout installed as `partoo-argyle-sdk`, so `npx --offline` finds its bin. */
export function partnerProject(): string {
  const project = tempDir('chain-npx');
  writeFileSync(
    join(project, 'package.json'),
    '{"name":"partner","private":true,"dependencies":{"partoo-argyle-sdk":"*"}}',
  );
  mkdirSync(join(project, 'node_modules/.bin'), { recursive: true });
  symlinkSync(ROOT, join(project, 'node_modules/partoo-argyle-sdk'));
  symlinkSync('../partoo-argyle-sdk/bin/partoo-argyle-sdk.mjs', join(project, 'node_modules/.bin/partoo-argyle-sdk'));
  return project;
}

export interface ChainEnd {
  /** how long after the SIGKILL both ports stopped accepting connections, or Infinity */
  freeAfterMs: number;
  /** the mock's exit status, as its shell saw it */
  status: number;
  /** processes of the chain still alive once the mock's status is in */
  left: number[];
}

/**
 * Runs `command` (the mock, on free ports, with a ready file) under the runner, SIGKILLs the runner once the
 * mock is ready, and reports how the chain ended. Whatever of it is still alive at the end is killed.
 */
export async function killRunner(command: string[], stdin: 'pipe' | 'ignore', cwd?: string): Promise<ChainEnd> {
  const dir = tempDir('chain');
  const ready = join(dir, 'ready.json');
  const statusFile = join(dir, 'status');
  const args = [RUNNER, stdin, ...command, '--port-partoo', '0', '--port-argyle', '0', '--ready-file', ready];
  const runner = start(process.execPath, args, { cwd, env: { MOCK_STATUS_FILE: statusFile } });
  let pids: number[] = [];
  try {
    await waitUntil(() => existsSync(ready), 'the ready file', { timeoutMs: 30_000 });
    const { partooUrl, argyleUrl } = JSON.parse(readFileSync(ready, 'utf8')) as Record<string, string>;
    pids = descendants(runner.child.pid!);
    runner.child.kill('SIGKILL');
    const killedAt = Date.now();
    let freeAfterMs = Infinity;
    while (Date.now() - killedAt < FREE_WITHIN_MS + 3_000) {
      const open = await Promise.all([partooUrl, argyleUrl].map((u) => listening(Number(new URL(u).port))));
      if (!open.some(Boolean)) {
        freeAfterMs = Date.now() - killedAt;
        break;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    await waitUntil(() => existsSync(statusFile) && readFileSync(statusFile, 'utf8').trim() !== '', 'the mock status', {
      timeoutMs: 10_000,
    });
    const status = Number(readFileSync(statusFile, 'utf8').trim());
    await waitUntil(() => !pids.some(alive), 'the chain to end', { timeoutMs: 5_000 }).catch(() => {});
    return { freeAfterMs, status, left: pids.filter(alive) };
  } finally {
    runner.child.kill('SIGKILL');
    for (const pid of pids.filter(alive)) process.kill(pid, 'SIGKILL');
  }
}
