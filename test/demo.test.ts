// `npm run demo` is README's first command: it must keep working, with no keys in the environment.
import { expect, it } from 'vitest';
import { run } from './support/process.js';
import { ROOT, TSX } from './support/scratch-project.js';

it('npm run demo runs the main job end to end without keys', async () => {
  const env = { PARTOO_API_KEY: undefined, ARGYLE_API_KEY_ID: undefined, ARGYLE_API_KEY_SECRET: undefined };
  const demo = await run(process.execPath, [TSX, 'examples/demo.ts'], { cwd: ROOT, env, timeoutMs: 28_000 });
  expect(demo.code, demo.err).toBe(0);
  const stdout = demo.out;
  expect(stdout).toMatch(/guarded send\s+sent to \+33601020304/);
  expect(stdout).toMatch(/same number again\s+skipped \(recently_invited\)/);
  expect(stdout).toMatch(/status polled\s+DELIVERED/);
  expect(stdout).toMatch(/bulk batch of 5\s+2 sent, 2 skipped, 1 failed/);
  expect(stdout).toMatch(/page 3\s+/);
  expect(stdout).toContain('demo finished: 0 errors');
}, 30_000);
