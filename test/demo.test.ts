// `npm run demo` is README's first command: it must keep working, with no keys in the environment.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

it('npm run demo runs the main job end to end without keys', async () => {
  const root = resolve(import.meta.dirname, '..');
  const env = { ...process.env };
  for (const k of ['PARTOO_API_KEY', 'ARGYLE_API_KEY_ID', 'ARGYLE_API_KEY_SECRET']) delete env[k];
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [resolve(root, 'node_modules/tsx/dist/cli.mjs'), 'examples/demo.ts'],
    { cwd: root, env },
  );
  expect(stdout).toMatch(/guarded send\s+sent to \+33601020304/);
  expect(stdout).toMatch(/same number again\s+skipped \(recently_invited\)/);
  expect(stdout).toMatch(/status polled\s+DELIVERED/);
  expect(stdout).toMatch(/bulk batch of 5\s+2 sent, 2 skipped, 1 failed/);
  expect(stdout).toMatch(/page 3\s+/);
  expect(stdout).toContain('demo finished: 0 errors');
}, 30_000);
