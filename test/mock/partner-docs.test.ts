// What README gives partners runs as written: the globalSetup recipe in its own vitest run, the partner test
// embedded verbatim, the base URLs it names.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, createArgyleClient, createPartooClient } from '../../src/index.js';

const ROOT = resolve(import.meta.dirname, '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
/** README's ```typescript blocks: the files partners copy (```ts blocks are run by test/readme.test.ts). */
const copied = [...README.matchAll(/```typescript\n([\s\S]*?)```/g)].map((m) => m[1]);
const file = (p: string) => readFileSync(join(ROOT, p), 'utf8');

describe('README for partners', () => {
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
    const child = spawn(process.execPath, [vitest, 'run', '--config', 'test/mock/fixtures/recipe.config.ts'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const code = await new Promise<number | null>((done) => child.once('close', done));
    expect(out).toMatch(/Tests\s+2 passed/);
    expect(code).toBe(0);
  }, 60_000);

  it('a Partoo base URL may keep /v2; an Argyle one ending in /v2 is refused with the fix', () => {
    expect(() => createPartooClient({ apiKey: 'k', baseUrl: 'http://127.0.0.1:4010/v2' })).not.toThrow();
    const attempt = () => createArgyleClient({ apiKeyId: 'i', apiKeySecret: 's', baseUrl: 'http://127.0.0.1:4011/v2/' });
    expect(attempt).toThrow(ConfigurationError);
    expect(attempt).toThrow('use "http://127.0.0.1:4011"');
    expect(() => createArgyleClient({ apiKeyId: 'i', apiKeySecret: 's', environment: 'sandbox' })).not.toThrow();
  });
});
