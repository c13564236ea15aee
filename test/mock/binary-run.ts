// The mock binary as partners run it: built once per test process (the build itself is cached by a hash of its
// sources), started with an environment holding nothing but a PATH of the few tools a test names, so no `node` can
// be found, on free ports, its URLs read from its ready file.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { TestContext } from 'vitest';
import { buildMockBinary } from '../../scripts/build-mock-binary.js';
import { run, start, tempDir, waitUntil, type Started } from '../support/process.js';

let built: ReturnType<typeof buildMockBinary> | undefined;

/** For beforeAll: starts the build (or takes it from the cache); a compilation that fails fails the tests. */
export function buildOnce(): ReturnType<typeof buildMockBinary> {
  built ??= buildMockBinary();
  return built;
}

/** The binary's path; without Bun it skips the test with the reason, counted by the run's skip summary. */
export async function mockBinary(ctx: TestContext): Promise<string> {
  const result = await buildOnce();
  if ('bin' in result) return result.bin;
  if (process.env.CI === 'true') throw new Error(`the mock binary is required in CI: ${result.missing}`);
  // The reporter does not print a skip's note: the reason goes to stderr, beside the test's name.
  console.warn(`skipped the mock binary: ${result.missing}`);
  ctx.skip(`mock binary not built, Bun not installed: ${result.missing}`);
  throw new Error('unreachable');
}

function onPath(name: string): string {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return realpathSync(join(dir, name));
  }
  throw new Error(`${name} is not on PATH; the test needs it`);
}

/** The interpreter itself: a version manager's shim (pyenv) is a script that needs more than this PATH holds. */
function realExecutable(name: string): string {
  if (name !== 'python3') return onPath(name);
  const path = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();
  return realpathSync(path);
}

/** A folder holding only `tools` (links to the real executables): the whole PATH of what runs under it. */
export function toolsPath(tools: string[]): string {
  const dir = tempDir('mock-binary-path');
  for (const tool of tools) symlinkSync(realExecutable(tool), join(dir, tool));
  return dir;
}

/** Runs `command` with an environment of PATH=`path` and `env` alone (`env -i`). */
export function runBare(path: string, command: string[], env: Record<string, string> = {}) {
  const vars = Object.entries({ ...env, PATH: path }).map(([k, v]) => `${k}=${v}`);
  return run('env', ['-i', ...vars, ...command], { timeoutMs: 30_000 });
}

/** Whether a shell with PATH=`path` finds `node`. */
export async function findsNode(path: string): Promise<boolean> {
  const sh = toolsPath(['sh']);
  return (await runBare(`${path}${delimiter}${sh}`, [join(sh, 'sh'), '-c', 'command -v node'])).code === 0;
}

export interface Ready {
  partooUrl: string;
  partooV2Url: string;
  argyleUrl: string;
  partooApiKey: string;
  argyleApiKeyId: string;
  argyleApiKeySecret: string;
}

export interface RunningBinary {
  mock: Started;
  ready: Ready;
  /** PATH=`path` and nothing else was its environment */
  path: string;
}

/** Starts `bin --stateful ...args` on free ports with PATH=`path` alone; resolves once its ready file is written. */
export async function startBinary(bin: string, path: string, args: string[] = []): Promise<RunningBinary> {
  const dir = tempDir('mock-binary');
  // A --ready-file among `args` (a command as the docs write it) is the one to wait for.
  const given = args.indexOf('--ready-file');
  const file = given >= 0 ? args[given + 1]! : join(dir, 'ready.json');
  const own = given >= 0 ? [] : ['--ready-file', file];
  const flags = ['--stateful', '--port-partoo', '0', '--port-argyle', '0', ...own, ...args];
  const mock = start('env', ['-i', `PATH=${path}`, bin, ...flags], { cwd: dir });
  let gone = false;
  void mock.exited.then(() => (gone = true));
  await waitUntil(() => gone || existsSync(file), 'the ready file', { timeoutMs: 20_000 });
  if (!existsSync(file)) throw new Error(`the binary exited before it was ready: ${mock.err()}${mock.out()}`);
  return { mock, ready: JSON.parse(readFileSync(file, 'utf8')) as Ready, path };
}
