// `npm run build:mock-binary`: the stateful mock as one linux-x64 executable without Node, for partners on any
// stack (a Python service, a Go test, a container). Bun compiles it (`bun build --compile`): Bun itself comes
// from the npm registry, pinned in scripts/install-runtimes.ts, into the runtimes cache outside the repository.
// The build is kept under node_modules/.cache by a hash of what goes in, so a test run builds it once.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { withDirLock } from './dir-lock.js';
import { installRuntime, RUNTIMES } from './install-runtimes.js';

const ROOT = resolve(import.meta.dirname, '..');
export const ENTRY = 'scripts/mock-binary-entry.ts';
export const OUTPUT = 'dist-bin/partoo-argyle-mock';
const CACHE = join(ROOT, 'node_modules/.cache/mock-binary');

function files(dir: string, ext: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .map((f) => join(dir, f))
    .sort();
}

/**
 * The specs, the mock examples and the control endpoints' description, embedded as files at their own paths
 * (`/$bunfs/root/openapi/...`), where the mock looks for its openapi/ folder beside its code.
 */
const specs = () => files('openapi', '.yaml');

/** What the binary is made of: the sources it bundles, the specs, the lock (its dependencies) and Bun's version. */
export function sourceHash(): string {
  const hash = createHash('sha256').update(RUNTIMES.Bun.pkg);
  for (const file of [...files('src', '.ts'), ...specs(), ENTRY, 'package-lock.json', 'package.json']) {
    hash.update(file).update(readFileSync(join(ROOT, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Builds (or takes from the cache) the binary and copies it to dist-bin/. `missing` says why Bun could not be
 * installed; a compilation that fails throws.
 */
export async function buildMockBinary(): Promise<{ bin: string; cached: boolean } | { missing: string }> {
  const bun = await installRuntime('Bun');
  if ('missing' in bun) return bun;
  // One build at a time per checkout: two would run ~10 s compilations on the same inputs and copy over each
  // other's dist-bin/ file.
  return withDirLock(join(CACHE, '.lock'), { staleMs: 240_000, giveUpMs: 300_000 }, () => build(bun.bin));
}

async function build(bunBin: string): Promise<{ bin: string; cached: boolean }> {
  const hash = sourceHash();
  const cached = join(CACHE, hash, 'partoo-argyle-mock');
  const hit = existsSync(cached);
  if (!hit) {
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const partial = `${cached}.${process.pid}.partial`;
    mkdirSync(join(CACHE, hash), { recursive: true });
    const args = ['build', '--compile', '--minify', '--target=bun-linux-x64', ENTRY, ...specs(), '--outfile', partial];
    args.push('--loader', '.yaml:file', '--asset-naming', '[dir]/[name].[ext]');
    args.push('--define', `process.env.PARTOO_ARGYLE_MOCK_VERSION=${JSON.stringify(version)}`);
    try {
      await promisify(execFile)(bunBin, args, { cwd: ROOT, timeout: 180_000 });
    } catch (error) {
      rmSync(partial, { force: true });
      const why = String((error as { stderr?: string }).stderr || (error as Error).message).trim();
      // A failed compilation is a failure, never a reason to skip: only a Bun that cannot be had is.
      throw new Error(`bun build --compile failed: ${why.split('\n').slice(-3).join(' | ')}`, { cause: error });
    }
    // Renamed into place: a build cut short never stands in for a finished one; older builds (~100 MB each) go.
    renameSync(partial, cached);
    for (const old of readdirSync(CACHE))
      if (old !== hash && old !== '.lock') rmSync(join(CACHE, old), { recursive: true, force: true });
  }
  const bin = join(ROOT, OUTPUT);
  mkdirSync(join(ROOT, 'dist-bin'), { recursive: true });
  // Copied beside and renamed over: a mock already running from dist-bin/ keeps the file it started from.
  const tmp = `${bin}.${process.pid}.tmp`;
  copyFileSync(cached, tmp);
  chmodSync(tmp, 0o755);
  renameSync(tmp, bin);
  return { bin, cached: hit };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  const built = await buildMockBinary().catch((error: Error) => ({ missing: error.message }));
  if ('missing' in built) {
    console.error(`build:mock-binary: ${built.missing}`);
    process.exit(1);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`${OUTPUT}: ${built.cached ? 'unchanged sources, taken from the cache' : 'built'} in ${seconds} s`);
}
