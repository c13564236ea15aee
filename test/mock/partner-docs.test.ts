// What docs/mock-servers.md gives partners runs as written: the globalSetup recipe in its own vitest run, the
// partner test embedded verbatim, the base URLs it names.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigurationError, createArgyleClient, createPartooClient } from '../../src/index.js';
import { PARTOO_RULES } from '../../src/testing/api-errors.js';
import { startMockServers } from '../../src/testing/index.js';
import { START_TIMEOUT_MS } from '../../src/testing/prism.js';
import { ensureBuilt } from '../support/built-package.js';
import { docBlocks, expectPrinted } from '../support/doc-blocks.js';
import { spawnCli } from '../support/cli.js';
import { cleanUp, run, tempDir } from '../support/process.js';

const ROOT = resolve(import.meta.dirname, '../..');
const README = readFileSync(join(ROOT, 'docs/mock-servers.md'), 'utf8');
/** The page's ```typescript blocks: the files partners copy (```ts blocks are run by test/docs-examples.test.ts). */
const copied = [...README.matchAll(/```typescript\n([\s\S]*?)```/g)].map((m) => m[1]);
const file = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const BLOCKS = docBlocks('docs/mock-servers.md');
/**
 * The page's untagged shell blocks: install commands have a test of their own, and the binary, docker, npx and
 * curl-example blocks are run against the binary by test/mock/binary-docs.test.ts.
 */
const SH = BLOCKS.filter((b) => b.lang === 'sh' && b.tag === '');
afterAll(cleanUp);

describe('docs/mock-servers.md for partners', () => {
  it.each([
    'examples/global-setup/setup.ts',
    'examples/global-setup/clock.spec.ts',
    'examples/global-setup/vitest.config.ts',
    'examples/partner-test.test.ts',
  ])('embeds %s verbatim', (path) => {
    expect(copied).toContain(file(path));
  });

  it('the globalSetup recipe passes in a vitest run of its own (worker clock follows advanceTime)', async () => {
    const vitest = join(ROOT, 'node_modules/vitest/vitest.mjs');
    const exit = await run(process.execPath, [vitest, 'run', '--config', 'test/mock/fixtures/recipe.config.ts'], {
      cwd: ROOT,
      env: { NO_COLOR: '1', FORCE_COLOR: '0' },
      timeoutMs: 55_000,
    });
    expect(exit.out + exit.err).toMatch(/Tests\s+2 passed/);
    expect(exit.code).toBe(0);
  }, 60_000);

  it("the curl examples work as written (on the mock's ports), + as %2B finding the sent number", async () => {
    const sh = SH.find((b) => b.code.includes('curl '))!.code;
    const commands = sh
      .replace(/\\\n\s*/g, '')
      .split('\n')
      .filter((l) => l.startsWith('curl '));
    expect(commands.length).toBeGreaterThanOrEqual(5);
    const mock = await startMockServers({ stateful: true });
    try {
      const curl = async (command: string) => {
        const line = command
          .replace(/#.*$/, '')
          .replaceAll('localhost:4010', mock.partooUrl.replace('http://', ''))
          .replaceAll('localhost:4011', mock.argyleUrl.replace('http://', ''));
        const exit = await run('sh', ['-c', line.replace(/^curl /, 'curl -sS --fail-with-body ')], {
          timeoutMs: 15_000,
        });
        expect(exit.code, `${line}\n${exit.out}${exit.err}`).toBe(0);
        return exit.out + exit.err;
      };
      for (const command of commands) await curl(command);
      // After README's reset: one SMS, then its own search finds it, where a bare + (a space) finds nothing.
      await mock.partooClient().reviewBooster.sendInvitation({ businessId: 'b1', targetPhone: '+33601020304' });
      const search = commands.find((c) => c.includes('%2B'))!;
      expect(JSON.parse(await curl(search))).toMatchObject({ count: 1 });
      // A bare + is a space: " 33601020304" is no phone, and the mock says so instead of finding nothing.
      const bare = await fetch(
        search
          .replace(/^.*'(localhost[^']*)'.*$/, 'http://$1')
          .replace('%2B', '+')
          .replace('localhost:4010', mock.partooUrl.replace('http://', '')),
        {
          headers: { 'x-APIKey': mock.partooApiKey },
        },
      );
      expect(bare.status).toBe(400);
      expect(await bare.json()).toEqual({ errors: { json: { target_phone: [PARTOO_RULES.phone] } } });
    } finally {
      await mock.close();
    }
  });

  it(
    'every other shell block is run here: the npx commands start the mock as written (on free ports)',
    async () => {
      expect(SH.length).toBe(2);
      const lines = SH.find((b) => b.code.includes('npx '))!
        .code.split('\n')
        .map((l) => l.replace(/#.*$/, '').trim())
        .filter(Boolean);
      expect(lines.length).toBe(2);
      for (const line of lines) {
        const [npx, pkg, ...args] = line.split(/\s+/);
        expect([npx, pkg]).toEqual(['npx', 'partoo-argyle-sdk']);
        const cli = spawnCli([...args, '--port-partoo', '0', '--port-argyle', '0']);
        try {
          // Static mode starts two Prisms, each bounded by START_TIMEOUT_MS and retried.
          expect(await cli.waitFor(/ready:/, 3 * START_TIMEOUT_MS)).toContain('mocks listening');
        } finally {
          await cli.stop();
        }
      }
    },
    8 * START_TIMEOUT_MS,
  );

  it(
    "static mode's Prefer header picks the 10-day 400 as the page shows; the stateful mock ignores it",
    async () => {
      const block = BLOCKS.find((b) => b.lang === 'sh' && b.tag === 'static')!;
      const line = block.code.replace(/\\\n\s*/g, '').trim();
      expect(line).toContain("-H 'Prefer: code=400, example=recently-invited'");
      for (const stateful of [false, true]) {
        const mock = await startMockServers({ stateful });
        try {
          const command = line.replace('localhost:4010', mock.partooUrl.replace('http://', ''));
          const exit = await run('sh', ['-c', command.replace(/^curl /, 'curl -sS ')], { timeoutMs: 15_000 });
          expect(exit.code, exit.err).toBe(0);
          if (!stateful) expectPrinted(exit.out, block.prints!);
          else expect(JSON.parse(exit.out)).toMatchObject({ status: 'success' });
        } finally {
          await mock.close();
        }
      }
    },
    4 * START_TIMEOUT_MS,
  );

  it('the jest recipe (globalSetup, globalTeardown, a CommonJS test) passes in a jest run of its own', async () => {
    const names = ['jest.config.cjs', 'global-setup.cjs', 'global-teardown.cjs', 'partner.test.cjs'];
    const shown = BLOCKS.filter((b) => b.lang === 'js');
    expect(shown.map((b) => b.tag)).toEqual(names);
    // The package as it ships (dist/), installed in a partner's project of just these four files.
    await ensureBuilt();
    const dir = tempDir('jest-mock-recipe');
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(ROOT, join(dir, 'node_modules/partoo-argyle-sdk'));
    for (const b of shown) {
      expect(b.code).toBe(file(`docs/examples/mock-jest/${b.tag}`));
      writeFileSync(join(dir, b.tag), b.code);
    }
    const jest = join(ROOT, 'node_modules/jest/bin/jest.js');
    const exit = await run(process.execPath, [jest, '--ci', '--rootDir', dir, '--config', join(dir, names[0]!)], {
      cwd: dir,
      env: { NO_COLOR: '1', FORCE_COLOR: '0', MOCKS: undefined },
      timeoutMs: 90_000,
    });
    expect(exit.out + exit.err).toMatch(/Tests:\s+2 passed, 2 total/);
    expect(exit.code).toBe(0);
  }, 240_000);

  it('a Partoo base URL may keep /v2; an Argyle one ending in /v2 is refused with the fix', () => {
    expect(() => createPartooClient({ apiKey: 'k', baseUrl: 'http://127.0.0.1:4010/v2' })).not.toThrow();
    const attempt = () =>
      createArgyleClient({ apiKeyId: 'i', apiKeySecret: 's', baseUrl: 'http://127.0.0.1:4011/v2/' });
    expect(attempt).toThrow(ConfigurationError);
    expect(attempt).toThrow('use "http://127.0.0.1:4011"');
    expect(() => createArgyleClient({ apiKeyId: 'i', apiKeySecret: 's', environment: 'sandbox' })).not.toThrow();
  });
});
