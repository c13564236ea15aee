// Redis suites on a machine that may lack redis-server: each test is skipped with a reason the skip summary prints,
// never silently. Where Redis is required (REQUIRE_REDIS=1, as .ci/run sets, or CI=true), a missing one is a failure.
import { beforeEach } from 'vitest';

/** Undefined when the suite can run; otherwise why not. Throws where Redis is required. */
export function redisMissing(
  what: string,
  available: boolean,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  if (available) return undefined;
  const reason = `${what}: no redis-server on this machine (apt-get install redis-server)`;
  if (env.REQUIRE_REDIS === '1' || env.CI === 'true') throw new Error(`${reason}; REQUIRE_REDIS=1 or CI=true needs it`);
  return reason;
}

/** Skips each test of the enclosing suite with `reason`, when there is one. Hooks that start servers check it too. */
export function skipEachWithout(reason: string | undefined): void {
  beforeEach((ctx) => {
    if (reason) ctx.skip(reason);
  });
}
