// The mutation run's global setup: only the Redis the store tests need, never Prism (no test in the mutation set
// talks to Prism, and starting two Prism servers on a loaded 2-core machine costs seconds and can time out).
import type { TestProject } from 'vitest/node';
import { hasRedisServer, ownRedis } from '../support/redis-server.js';

export default async function setup(project: TestProject) {
  // .ci/run starts one and exports REDIS_URL; elsewhere a server of our own on a free port, stopped at the end.
  if (process.env.REDIS_URL) {
    project.provide('redisUrl', process.env.REDIS_URL);
    return;
  }
  if (!hasRedisServer()) {
    if (process.env.REQUIRE_REDIS === '1') throw new Error('mutation run: no REDIS_URL and no redis-server');
    project.provide('redisUrl', '');
    return;
  }
  const redis = await ownRedis();
  project.provide('redisUrl', redis.url);
  return () => redis.stop();
}
