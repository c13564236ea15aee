// Mock processes end with whoever started them, however that one ends (Linux: children are found in /proc).
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { START_TIMEOUT_MS } from '../../src/testing/prism.js';
import { PARENT_POLL_MS } from '../../src/testing/watchdog.js';
import { cleanUp, listening, start, tempDir } from '../support/process.js';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE = join(ROOT, 'test/mock/fixtures/start-and-hold.ts');
// Ports free within 2 s of the runner's death, as the docs promise; the watchdog sees a closed pipe at once and
// polls its ppid every PARENT_POLL_MS.
const GONE_WITHIN_MS = 2_000;
const linux = process.platform === 'linux';
// Two Prism starts (each bounded by START_TIMEOUT_MS) and the wait for the end.
const TEST_TIMEOUT_MS = 2 * START_TIMEOUT_MS + GONE_WITHIN_MS + 5_000;
afterAll(cleanUp);

/** Every descendant of `pid`, read from /proc. */
function descendants(pid: number): number[] {
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

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
};
const listens = (url: string) => listening(Number(new URL(url).port), new URL(url).hostname);

/** Polls until nothing of what was started remains, or the bound passes; returns what remains. */
async function leftovers(pids: number[], urls: string[], tmp: string) {
  const deadline = Date.now() + GONE_WITHIN_MS;
  for (;;) {
    const left = [
      ...pids.filter(alive).map((p) => `process ${p}`),
      ...(await Promise.all(urls.map(async (u) => ((await listens(u)) ? `listener ${u}` : '')))).filter(Boolean),
      // tsx keeps its own cache there; what the mocks write starts with prism-
      ...readdirSync(tmp)
        .filter((f) => f.startsWith('prism-'))
        .map((f) => `folder ${f}`),
    ];
    if (left.length === 0 || Date.now() > deadline) return left;
    await new Promise((r) => setTimeout(r, PARENT_POLL_MS / 2));
  }
}

/** Runs `command` with its own TMPDIR, until its stdout has printed a line matching `ready`. */
async function run(command: string, args: string[], ready: RegExp, cwd = ROOT) {
  const tmp = tempDir('leak-test');
  const started = start(command, args, { cwd, env: { TMPDIR: tmp }, stdin: 'pipe' });
  const out = await started.waitFor(ready, 2 * START_TIMEOUT_MS);
  return { child: started.child, out, tmp };
}

describe.runIf(linux)('no mock process outlives its parent', () => {
  for (const [mode, ending] of [
    ['static', 'SIGKILL'],
    ['static', 'forget'],
    ['stateful', 'SIGKILL'],
  ] as const) {
    it(
      `${mode} startMockServers, parent ended by ${ending}: no child, no port, no temp folder`,
      async () => {
        const args = ['--import', 'tsx', FIXTURE, mode, ...(ending === 'forget' ? ['forget'] : [])];
        const { child, out, tmp } = await run(process.execPath, args, /\}\n/);
        const { partooUrl, argyleUrl } = JSON.parse(out) as { partooUrl: string; argyleUrl: string };
        const pids = descendants(child.pid!);
        if (mode === 'static') expect(pids.length).toBeGreaterThanOrEqual(2); // the two Prism processes
        if (ending === 'forget') child.stdin!.write('exit without close()\n');
        else child.kill(ending);
        expect(await leftovers(pids, [partooUrl, argyleUrl], tmp)).toEqual([]);
      },
      TEST_TIMEOUT_MS,
    );
  }

  it.each(['static', 'stateful'])(
    'SIGTERM to `npx partoo-argyle-sdk mock` (%s) frees both ports and leaves no process',
    async (mode) => {
      // A partner's project: the package installed (here linked to this checkout) with its bin.
      const project = tempDir('leak-npx');
      writeFileSync(
        join(project, 'package.json'),
        '{"name":"partner","private":true,"dependencies":{"partoo-argyle-sdk":"*"}}',
      );
      mkdirSync(join(project, 'node_modules/.bin'), { recursive: true });
      symlinkSync(ROOT, join(project, 'node_modules/partoo-argyle-sdk'));
      symlinkSync(
        '../partoo-argyle-sdk/bin/partoo-argyle-sdk.mjs',
        join(project, 'node_modules/.bin/partoo-argyle-sdk'),
      );
      const args = ['--offline', 'partoo-argyle-sdk', 'mock', '--port-partoo', '0', '--port-argyle', '0'];
      if (mode === 'stateful') args.push('--stateful');
      const { child, out, tmp } = await run('npx', args, /ready:/, project);
      const urls = [/Partoo mock:\s+(\S+)/.exec(out)![1], /Argyle mock:\s+(\S+)/.exec(out)![1]];
      const pids = descendants(child.pid!);
      // the CLI under npm's shell, and in static mode its two Prism processes
      expect(pids.length).toBeGreaterThanOrEqual(mode === 'static' ? 3 : 1);
      child.kill('SIGTERM');
      expect(await leftovers(pids, urls, tmp)).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );
});
