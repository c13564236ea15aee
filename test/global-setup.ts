// One Prism per spec for the whole run, on free ports, stopped at the end even when tests fail.
import { spawn, spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { freePort } from '../src/testing/ports.js';
import { startPrism, type PrismServer } from '../src/testing/prism.js';

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
  if (spawnSync('redis-server', ['--version']).status !== 0) return { url: '', close: async () => {} };
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    if (spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout?.trim() === 'PONG') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) =>
        child.exitCode !== null ? r() : (child.once('exit', () => r()), child.kill('SIGTERM')),
      ),
  };
}

export default async function setup(project: TestProject) {
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
