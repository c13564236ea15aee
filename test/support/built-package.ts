// The built package (dist/), for the tests that pack it: built once per run when it is missing or older than what
// it is built from, so a fresh clone's `npm test` needs no build step of its own.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withDirLock } from '../../scripts/dir-lock.js';
import { ROOT } from './doc-blocks.js';

const STAMP = join(ROOT, 'dist', '.built');
const INPUTS = ['src', 'openapi', 'package.json', 'tsup.config.ts'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  const names = readdirSync(path, { recursive: true, encoding: 'utf8' });
  return names.reduce((newest, name) => Math.max(newest, statSync(join(path, name)).mtimeMs), stat.mtimeMs);
}

/** Why dist/ must be built, or undefined when it is current. */
export function staleBuild(): string | undefined {
  if (!existsSync(STAMP)) return 'dist/ was not built by this checkout';
  const built = statSync(STAMP).mtimeMs;
  const changed = INPUTS.find((input) => existsSync(join(ROOT, input)) && newestMtime(join(ROOT, input)) > built);
  return changed ? `${changed} changed since dist/ was built` : undefined;
}

// Two test runs at once (two terminals) must not both run tsup into one dist/: the second waits for the first.
const LOCK = join(ROOT, 'node_modules', '.cache', 'partoo-argyle-sdk-build.lock');

/** Builds dist/ with `npm run build` unless it is current; a failed build fails the run, with tsup's output. */
export async function ensureBuilt(): Promise<void> {
  if (!staleBuild()) return;
  await withDirLock(LOCK, { staleMs: 180_000, giveUpMs: 240_000 }, () => {
    const reason = staleBuild();
    if (!reason) return;
    process.stderr.write(`building dist/ for the tests that pack it (${reason})\n`);
    try {
      execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: Buffer; stderr?: Buffer };
      throw new Error(`npm run build failed, so the packed-package tests cannot run:\n${stdout}${stderr}`, {
        cause: error,
      });
    }
    writeFileSync(STAMP, new Date().toISOString());
  });
}
