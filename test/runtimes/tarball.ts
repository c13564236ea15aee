// The packed tarball installed into a fresh project, with the smoke fixtures beside it and the Worker bundled from
// it: what each runtime under test loads. Needs `npm run build` first (CI builds before it tests).
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { runOk } from '../support/process.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BUILT = ['index.js', 'index.d.ts', 'index.d.cts', 'testing/index.d.ts', 'redis/index.d.ts'].map(
  (file) => `dist/${file}`,
);

export interface InstalledTarball {
  dir: string;
  /** the Worker bundled from the installed package, as `wrangler deploy` would (esbuild, workerd conditions) */
  workerFile: string;
  remove(): void;
}

/** `extra`: packages installed beside it (pinned), e.g. the @types/node a TypeScript consumer has. */
export async function installTarball(extra: string[] = []): Promise<InstalledTarball> {
  // tsup writes the declarations last: a build still running (or cut short) would pack a tarball without types.
  const missing = BUILT.filter((file) => !existsSync(join(ROOT, file)));
  if (missing.length) {
    throw new Error(`dist/ lacks ${missing.join(', ')}: run \`npm run build\` first (these tests pack it)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'pas-runtimes-'));
  try {
    const pack = ['pack', '--silent', '--pack-destination', dir];
    const { out } = await runOk('npm', pack, { cwd: ROOT, timeoutMs: 60_000 });
    const tarball = join(dir, out.trim().split('\n').pop()!);
    writeFileSync(join(dir, 'package.json'), '{"name":"runtime-smoke","private":true}');
    const install = ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--loglevel=error'];
    await runOk('npm', [...install, tarball, ...extra], { cwd: dir, timeoutMs: 120_000 });
    for (const file of ['core-smoke.mjs', 'run-smoke.mjs', 'worker.mjs']) {
      cpSync(join(import.meta.dirname, 'fixtures', file), join(dir, file));
    }
    const workerFile = join(dir, 'worker.js');
    await build({
      entryPoints: [join(dir, 'worker.mjs')],
      outfile: workerFile,
      bundle: true,
      format: 'esm',
      // No Node built-in is left external: one would fail in workerd without nodejs_compat, as it should.
      platform: 'neutral',
      mainFields: ['module', 'main'],
      conditions: ['workerd', 'worker', 'browser'],
      logLevel: 'silent',
    });
    return { dir, workerFile, remove: () => rmSync(dir, { recursive: true, force: true }) };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
