// One Prism per spec for the whole run, on free ports, stopped at the end even when tests fail.
import type { TestProject } from 'vitest/node';
import { startPrism, type PrismServer } from '../src/testing/prism.js';
import { ensureBuilt } from './support/built-package.js';
import { hasRedisServer, ownRedis } from './support/redis-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    prismPartooUrl: string;
    prismArgyleUrl: string;
    /** empty when no Redis could be had (the Redis suite then says so, and fails under REQUIRE_REDIS=1) */
    redisUrl: string;
  }
}

/** REDIS_URL when .ci/run started one; otherwise a redis-server of our own on a free port, if installed. */
async function redis(): Promise<{ url: string; close(): Promise<void> }> {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, close: async () => {} };
  if (!hasRedisServer()) return { url: '', close: async () => {} };
  const own = await ownRedis();
  return { url: own.url, close: own.stop };
}

/** Whether this run includes a test that packs dist/: every run does, unless file filters leave them all out. */
function packsDist(project: TestProject): boolean {
  const { filenamePattern } = project.vitest as { filenamePattern?: string[] };
  return !filenamePattern?.length || filenamePattern.some((f) => /runtimes|^test\/?$|^\.?\/?$/.test(f));
}

export default async function setup(project: TestProject) {
  if (packsDist(project)) await ensureBuilt();
  const started: { close(): Promise<void> }[] = [];
  const teardown = async () => {
    await Promise.all(started.map((s) => s.close()));
  };
  const results = await Promise.allSettled([startPrism('partoo'), startPrism('argyle')]);
  for (const r of results) if (r.status === 'fulfilled') started.push(r.value);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) {
    await teardown();
    throw failed.reason;
  }
  project.provide('prismPartooUrl', (started[0] as PrismServer).url);
  project.provide('prismArgyleUrl', (started[1] as PrismServer).url);
  const r = await redis();
  started.push(r);
  project.provide('redisUrl', r.url);
  return teardown;
}
