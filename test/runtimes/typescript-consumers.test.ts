// A partner's TypeScript (fixtures/ts-consumer/consumer.ts) compiled against the packed tarball with `strict` and
// `skipLibCheck: false`, under each module resolution and from the oldest TypeScript README states to the latest
// major. Its deliberate mistakes carry `@ts-expect-error`, so one the types stopped reporting fails the compile.
import { cpSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { installRuntime } from '../../scripts/install-runtimes.js';
import { run } from '../support/process.js';
import { installTarball, type InstalledTarball } from './tarball.js';

type Resolution = 'node10' | 'node16' | 'bundler';
const COMPILER_OPTIONS: Record<Resolution, object> = {
  // A CommonJS project on the resolution that ignores `exports`: the subpaths come from `typesVersions`.
  node10: { module: 'commonjs', moduleResolution: 'node10' },
  // A CommonJS project on Node's own resolution: `exports`' require conditions, the .d.cts files.
  node16: { module: 'node16', moduleResolution: 'node16' },
  // What Vite, esbuild and Bun users have: `exports`' import conditions, the .d.ts files.
  bundler: { module: 'esnext', moduleResolution: 'bundler' },
};
const STRICTEST = { strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true };

const COMPILERS = [
  // The floor: 5.0 to 5.3 fail inside openapi-fetch's own declarations (TS2344 on ResponseObjectMap).
  { name: 'TypeScript 5.4', install: 'TypeScript 5.4', resolutions: ['node10', 'node16', 'bundler'] },
  { name: 'TypeScript 5.9', install: undefined, resolutions: ['node10', 'node16', 'bundler'] },
  // TypeScript 7 removed node10 resolution.
  { name: 'TypeScript 7', install: 'TypeScript 7', resolutions: ['node16', 'bundler'] },
] as const;

let project: InstalledTarball;

beforeAll(async () => {
  project = await installTarball(['@types/node@20.19.43']);
  cpSync(join(import.meta.dirname, 'fixtures/ts-consumer/consumer.ts'), join(project.dir, 'consumer.ts'));
}, 180_000);

afterAll(() => project?.remove());

async function tsc(compiler: (typeof COMPILERS)[number], ctx: TestContext): Promise<string> {
  if (!compiler.install) return createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const installed = await installRuntime(compiler.install);
  if ('bin' in installed) return installed.bin;
  if (process.env.CI === 'true') throw new Error(`${compiler.name} is required in CI: ${installed.missing}`);
  console.warn(`skipped ${compiler.name}: ${installed.missing}`);
  ctx.skip(`${compiler.name} not installed: ${installed.missing}`);
  throw new Error('unreachable');
}

describe('a TypeScript consumer of the packed tarball', () => {
  for (const compiler of COMPILERS) {
    for (const resolution of compiler.resolutions) {
      it(`${compiler.name}, moduleResolution ${resolution}`, async (ctx) => {
        const bin = await tsc(compiler, ctx);
        const config = `tsconfig.${compiler.name.replace(/\W/g, '')}.${resolution}.json`;
        const compilerOptions = {
          ...COMPILER_OPTIONS[resolution],
          ...STRICTEST,
          ...{ target: 'es2022', skipLibCheck: false, noEmit: true, types: ['node'] },
        };
        writeFileSync(join(project.dir, config), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }));
        const compile = await run(process.execPath, [bin, '-p', config], { cwd: project.dir, timeoutMs: 120_000 });
        // tsc prints its diagnostics on stdout; anything on stderr means it did not get that far.
        const failed = `tsc exited with ${compile.code ?? compile.signal}: ${compile.err}`;
        const result = compile.code === 0 ? compile.out : compile.out || failed;
        expect(result.trim()).toBe('');
      }, 240_000);
    }
  }
});
