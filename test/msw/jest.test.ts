// jest as partners run it: ESM mode runs examples/jest/partner.test.mjs against the ./msw entry as built. CommonJS
// mode cannot load msw 2 itself (its dependencies ship as ESM only): the entry refuses there, saying to use jest
// ESM, as docs/mock-servers.md says. Plain Node loads the CommonJS build.
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mswForCommonJs } from '../../scripts/msw-commonjs-plugin.js';
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
      // CommonJS: everything but msw bundled in, as tsup's interop would give openapi-fetch's default export
      ...(format === 'cjs' ? { external: ['msw', 'msw/*'] } : { packages: 'external' as const }),
      logLevel: 'error',
      // as tsup builds it: TSUP_FORMAT per format, and msw loaded as the CommonJS build loads it
      define: { TSUP_FORMAT: JSON.stringify(format) },
      plugins: [mswForCommonJs],
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

  it('CommonJS mode is refused by the entry, which says to use jest ESM', async () => {
    const exit = await jest('cjs');
    expect(exit.code).not.toBe(0);
    const said = exit.out + exit.err;
    expect(said).toContain('partoo-argyle-sdk/msw: msw 2 does not load in jest CommonJS mode');
    expect(said).toContain('Use jest ESM: NODE_OPTIONS=--experimental-vm-modules');
    expect(said).toContain('startMockServers from partoo-argyle-sdk/testing');
    // msw's own words are kept, for whoever needs them
    expect(said).toMatch(/msw said: SyntaxError: /);
  }, 100_000);

  it('plain Node loads the CommonJS build and answers through it', async () => {
    const script = [
      "const { createMockHandlers } = require('./pkg/msw.cjs');",
      "const { setupServer } = require('msw/node');",
      'const mock = createMockHandlers();',
      'const server = setupServer(...mock.handlers);',
      "server.listen({ onUnhandledRequest: 'error' });",
      'mock.partooClient().reviewBooster.sendInvitation({ businessId: "b", targetPhone: "+33601020304" })',
      '  .then((r) => { console.log(r.status, mock.sentCount("b", "+33601020304")); server.close(); });',
    ].join('\n');
    writeFileSync(join(dir, 'plain.cjs'), script);
    const exit = await run(process.execPath, [join(dir, 'plain.cjs')], { cwd: dir, timeoutMs: 60_000 });
    expect(exit.err).toBe('');
    expect(exit.out.trim()).toBe('sent 1');
  }, 70_000);
});
