// jest as partners run it: ESM mode runs examples/jest/partner.test.mjs against the ./msw entry as built. CommonJS
// mode cannot load msw 2 itself (its dependencies ship as ESM only), which docs/mock-servers.md says; the second
// test fails the day msw loads there, so the docs can say it works.
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../support/process.js';

const ROOT = resolve(import.meta.dirname, '../..');
const JEST = join(ROOT, 'node_modules/jest/bin/jest.js');
let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jest-recipe-'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  // The entry as the package ships it, in both formats: bundled from src, its dependencies left to node_modules.
  for (const [format, ext] of [
    ['esm', 'mjs'],
    ['cjs', 'cjs'],
  ] as const) {
    await build({
      entryPoints: [join(ROOT, 'src/msw/index.ts')],
      outfile: join(dir, `pkg/msw.${ext}`),
      bundle: true,
      format,
      platform: 'node',
      packages: 'external',
      logLevel: 'error',
    });
  }
  cpSync(join(ROOT, 'examples/jest/partner.test.mjs'), join(dir, 'partner.test.mjs'));
  writeFileSync(
    join(dir, 'partner.test.cjs'),
    "const { createMockHandlers } = require('partoo-argyle-sdk/msw');\n" +
      "test('never runs', () => createMockHandlers());\n",
  );
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const jest = (ext: 'mjs' | 'cjs', env: Record<string, string> = {}) =>
  run(
    process.execPath,
    [
      JEST,
      '--rootDir',
      dir,
      '--testMatch',
      `**/*.test.${ext}`,
      '--config',
      JSON.stringify({ moduleNameMapper: { '^partoo-argyle-sdk/msw$': `<rootDir>/pkg/msw.${ext}` }, transform: {} }),
    ],
    { cwd: dir, env: { NO_COLOR: '1', ...env }, timeoutMs: 90_000 },
  );

describe('jest', () => {
  it('ESM mode runs the recipe in examples/jest', async () => {
    const exit = await jest('mjs', { NODE_OPTIONS: '--experimental-vm-modules' });
    expect(exit.out + exit.err).toMatch(/Tests:\s+1 passed/);
    expect(exit.code).toBe(0);
  }, 100_000);

  it('CommonJS mode fails inside msw, as docs/mock-servers.md warns', async () => {
    const exit = await jest('cjs');
    expect(exit.code).not.toBe(0);
    expect(exit.out + exit.err).toContain('Cannot use import statement outside a module');
    expect(exit.out + exit.err).toMatch(/node_modules\/msw\//);
  }, 100_000);
});
