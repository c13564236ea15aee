// Four vitest workers, one mock (the docs' globalSetup), each file doing 20 rounds of reset + advanceTime in a
// namespace of its own: zero interference. The same four in one shared namespace interfere, which is what the
// namespaces are for (and what shows this test can fail).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ROOT } from '../support/doc-blocks.js';
import { cleanUp, run, tempDir } from '../support/process.js';

afterAll(cleanUp);

async function fourWorkers(shared: boolean) {
  const barrier = tempDir('parallel-barrier');
  const report = tempDir('parallel-report');
  const vitest = join(ROOT, 'node_modules/vitest/vitest.mjs');
  const config = 'test/mock/fixtures/parallel/vitest.config.ts';
  const exit = await run(process.execPath, [vitest, 'run', '--config', config], {
    cwd: ROOT,
    env: {
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      PARALLEL_BARRIER: barrier,
      PARALLEL_REPORT: report,
      PARALLEL_SHARED: shared ? '1' : '0',
    },
    timeoutMs: 150_000,
  });
  const failures = readdirSync(report).flatMap((f) => JSON.parse(readFileSync(join(report, f), 'utf8')) as string[]);
  return { exit, failures, workers: readdirSync(report).length };
}

it('4 parallel workers, a namespace each, 20 rounds of reset + advanceTime: 0 interference', async () => {
  const { exit, failures, workers } = await fourWorkers(false);
  expect(exit.out + exit.err).toMatch(/Tests\s+4 passed/);
  expect(exit.code).toBe(0);
  expect(workers).toBe(4);
  expect(failures).toEqual([]);
}, 160_000);

it('the same 4 workers sharing the default namespace do interfere', async () => {
  const { failures, workers } = await fourWorkers(true);
  expect(workers).toBe(4);
  expect(failures.length).toBeGreaterThan(0);
}, 160_000);
