// redisRateLimiter on a real Redis: one budget for every limiter on a key, one round trip a request, waits that
// honour the caller's signal, and a conservative bucket of its own while Redis does not answer.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { ConfigurationError, createPartooClient } from '../../src/index.js';
import { fromNodeRedis, redisRateLimiter } from '../../src/redis/index.js';
import { limitShape } from '../../src/core/rate-limit.js';

const url = inject('redisUrl');
if (!url && process.env.REQUIRE_REDIS === '1') throw new Error('rate limiter tests: no Redis');

const timed = async (work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

describe.skipIf(!url)('redisRateLimiter on a real Redis', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(url);
  });
  afterAll(() => redis.quit());
  beforeEach(() => redis.flushdb());

  it('limiters on one key share one budget: once one spends the burst, the other waits its slot', async () => {
    const RPM = 600;
    const { burst, intervalMs } = limitShape(RPM);
    const a = redisRateLimiter(redis, { requestsPerMinute: RPM, key: 'shared' });
    const b = redisRateLimiter(redis, { requestsPerMinute: RPM, key: 'shared' });
    const other = redisRateLimiter(redis, { requestsPerMinute: RPM, key: 'another-organization' });
    // The next slot is one interval after the burst's for anyone on the key; a loaded machine can only make it later.
    let burstMs = 0;
    const totalMs = await timed(async () => {
      burstMs = await timed(() => Promise.all(Array.from({ length: burst }, () => a.take())));
      await b.take();
    });
    expect(totalMs).toBeGreaterThanOrEqual(intervalMs - 2);
    expect(totalMs).toBeLessThan(intervalMs + 2_000);
    // Spaced out, the burst would take (burst - 1) intervals: granted at once, it takes a fraction of that.
    expect(burstMs).toBeLessThan(((burst - 1) * intervalMs) / 2);
    // Another key is another budget.
    expect(await timed(() => other.take())).toBeLessThan(intervalMs);
  });

  it('serves waiting requests in turn, one interval apart', async () => {
    const RPM = 1_200;
    const { burst, intervalMs } = limitShape(RPM);
    const limiter = redisRateLimiter(redis, { requestsPerMinute: RPM, key: 'turns' });
    const started = performance.now();
    const done: number[] = [];
    await Promise.all(
      Array.from({ length: burst + 5 }, () => limiter.take().then(() => done.push(performance.now() - started))),
    );
    done.sort((x, y) => x - y);
    // After the burst, request k goes no sooner than k intervals in.
    for (let k = 1; k <= 5; k++) expect(done[burst + k - 1]).toBeGreaterThanOrEqual(k * intervalMs - 5);
  });

  it("a caller that aborts stops waiting at once, with its signal's reason", async () => {
    const limiter = redisRateLimiter(redis, { requestsPerMinute: 1, key: 'abort' });
    await limiter.take();
    const controller = new AbortController();
    const waiting = limiter.take(controller.signal);
    setTimeout(() => controller.abort(new Error('caller gave up')), 20);
    await expect(waiting).rejects.toThrow('caller gave up');
  });

  it('costs one round trip a request', async () => {
    const monitor = await redis.duplicate().monitor();
    const commands: string[] = [];
    monitor.on(
      'monitor',
      (_t: string, args: string[], source: string) => void (source !== 'lua' && commands.push(args[0])),
    );
    try {
      const limiter = redisRateLimiter(redis, { requestsPerMinute: 6_000, key: 'trips' });
      for (let i = 0; i < 5; i++) await limiter.take();
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      monitor.disconnect();
    }
    expect(commands.filter((c) => c.toLowerCase() !== 'monitor').map((c) => c.toLowerCase())).toEqual(
      Array(5).fill('eval'),
    );
  });

  it('Redis down: a bucket of its own at requestsPerMinute / expectedWorkers, starting empty, said once', async () => {
    const dead = new Redis('redis://127.0.0.1:9', {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      lazyConnect: true,
      retryStrategy: () => null,
    });
    dead.on('error', () => {});
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (m: string) => void warnings.push(m);
    try {
      const RPM = 2_400;
      const limiter = redisRateLimiter(dead, { requestsPerMinute: RPM, expectedWorkers: 4, timeoutMs: 100 });
      const share = limitShape(RPM / 4);
      // Empty at first: even the first request waits one interval of the share, and the next as long again.
      const firstTwo = await timed(async () => {
        await limiter.take();
        await limiter.take();
      });
      expect(firstTwo).toBeGreaterThanOrEqual(2 * share.intervalMs - 5);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/shared rate limit on Redis failed .*2400 \/ 4/);
    } finally {
      console.warn = warn;
      dead.disconnect();
    }
  });

  it("says a failing Redis's error without a client's key in it", async () => {
    const key = 'pk_rate_limit_echo_0123456789';
    const client = createPartooClient({ apiKey: key });
    const quoting = fromNodeRedis({
      eval: async () => Promise.reject(new Error(`refused for ${key}`)),
      sendCommand: async () => null,
      isOpen: true,
    });
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (m: string) => void warnings.push(m);
    try {
      await redisRateLimiter(quoting, { requestsPerMinute: 6_000, timeoutMs: 50 }).take();
    } finally {
      console.warn = warn;
    }
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('refused for [redacted]');
    expect(client.reviewBooster).toBeDefined();
  });

  it('refuses options it cannot honour, and plugs into createPartooClient', () => {
    expect(() => redisRateLimiter(redis, { requestsPerMinute: 0 })).toThrow(ConfigurationError);
    expect(() => redisRateLimiter(redis, { requestsPerMinute: 300, expectedWorkers: 0 })).toThrow(/expectedWorkers/);
    expect(() => redisRateLimiter(redis, { requestsPerMinute: 300, timeoutMs: Number.NaN })).toThrow(/timeoutMs/);
    const client = createPartooClient({
      apiKey: 'pk_rate_limit_test_123',
      rateLimit: redisRateLimiter(redis, { requestsPerMinute: 300 }),
    });
    expect(client.reviewBooster).toBeDefined();
  });
});
