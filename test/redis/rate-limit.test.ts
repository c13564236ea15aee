// redisRateLimiter on a real Redis: one budget for every limiter on a key, one round trip a request, waits that
// honour the caller's signal, and a conservative bucket of its own while Redis does not answer.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { ConfigurationError, createPartooClient } from '../../src/index.js';
import { fromNodeRedis, redisRateLimiter } from '../../src/redis/index.js';
import { redisRateLimiterWith } from '../../src/redis/rate-limit.js';
import { createStatefulMocks } from '../../src/testing/index.js';
import { ManualClock } from '../support/manual-clock.js';
import { limitShape } from '../../src/core/rate-limit.js';
import { redisMissing, skipEachWithout } from '../support/redis-required.js';

const url = inject('redisUrl');
const missing = redisMissing('rate limiter tests', Boolean(url));

const timed = async (work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

describe('redisRateLimiter on a real Redis', () => {
  skipEachWithout(missing);
  let redis: Redis;
  beforeAll(() => {
    if (!missing) redis = new Redis(url);
  });
  afterAll(() => redis?.quit());
  beforeEach(() => redis?.flushdb());

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

  it("says a failing Redis's error without a client's key in it, naming what the script needs", async () => {
    const key = 'pk_rate_limit_echo_0123456789';
    // A client made with the key registers it as a secret: every record after that redacts it.
    createPartooClient({ apiKey: key });
    const quoting = fromNodeRedis({
      eval: async () => Promise.reject(new Error(`NOPERM refused for ${key}`)),
      sendCommand: async () => null,
      isOpen: true,
    });
    const records = capture();
    await redisRateLimiter(quoting, { requestsPerMinute: 6_000, timeoutMs: 50, logger: records.logger }).take();
    expect(records.warn).toHaveLength(1);
    const [record] = records.warn;
    expect(record.message).toContain('refused for [redacted]');
    expect(record.message).not.toContain(key);
    expect(record.message).toMatch(/EVAL.*TIME, GET and SET on partoo-argyle-sdk:ratelimit:partoo/);
    expect(record.fields).toEqual({ event: 'ratelimit.store.degraded' });
  });

  it("its warnings reach the client's logger when it has none, and a logger of its own when it has", async () => {
    const dead = deadRedis();
    const client = capture();
    const own = capture();
    const lent = redisRateLimiter(dead, { requestsPerMinute: 6_000, timeoutMs: 50 });
    const kept = redisRateLimiter(dead, { requestsPerMinute: 6_000, timeoutMs: 50, logger: own.logger });
    for (const rateLimit of [lent, kept])
      createPartooClient({ apiKey: 'pk_rate_limit_log_1', logger: client.logger, rateLimit });
    await Promise.all([lent.take(), kept.take()]);
    dead.disconnect();
    expect(client.warn).toHaveLength(1);
    expect(own.warn).toHaveLength(1);
    for (const { message, fields } of [...client.warn, ...own.warn]) {
      expect(fields).toEqual({ event: 'ratelimit.store.degraded' });
      expect(message).toMatch(/shared rate limit on Redis failed .*6000 \/ 4/);
    }
  });

  it('its waits and its fallback bucket run on the clock it is given', async () => {
    const clock = new ManualClock();
    const limiter = redisRateLimiterWith(
      deadRedis(),
      { requestsPerMinute: 600, timeoutMs: 50, logLevel: 'off' },
      clock,
    );
    // Its first request waits one interval of its share (rounded up to a whole millisecond).
    const wait = Math.ceil(limitShape(600 / 4).intervalMs);
    let done = false;
    const taking = limiter.take().then(() => (done = true));
    // The failed store call is the store caller's own business; then the bucket waits on this clock, and only on it.
    await vi.waitFor(() => expect(clock.waiting).toBe(1), { timeout: 10_000 });
    await new Promise((r) => setTimeout(r, wait));
    expect(done).toBe(false);
    await clock.advance(wait - 1);
    expect(done).toBe(false);
    await clock.advance(1);
    await taking;
    expect(done).toBe(true);
  });

  it('refuses options it cannot honour', () => {
    expect(() => redisRateLimiter(redis, { requestsPerMinute: 0 })).toThrow(ConfigurationError);
    expect(() => redisRateLimiter(redis, { requestsPerMinute: 300, expectedWorkers: 0 })).toThrow(/expectedWorkers/);
    expect(() => redisRateLimiter(redis, { requestsPerMinute: 300, timeoutMs: Number.NaN })).toThrow(/timeoutMs/);
    expect(() => redisRateLimiter(redis, { requestsPerMinute: 300, logLevel: 'loud' as never })).toThrow(/log level/);
  });

  it("paces a client's requests: each one a slot of the shared budget on Redis", async () => {
    const RPM = 300;
    const { intervalMs } = limitShape(RPM);
    const mocks = await createStatefulMocks({ apiKey: 'pk_rate_limit_plug_1' });
    let requests = 0;
    const client = createPartooClient({
      apiKey: 'pk_rate_limit_plug_1',
      baseUrl: 'https://partoo.rate-limit.test/v2',
      fetch: ((input: RequestInfo | URL, init?: RequestInit) => (
        requests++,
        mocks.partoo(input, init)
      )) as typeof fetch,
      rateLimit: redisRateLimiter(redis, { requestsPerMinute: RPM, key: 'plug' }),
      logLevel: 'off',
    });
    const result = await client.reviewBooster.sendInvitation({ businessId: 'b', targetPhone: '+33612000001' });
    expect(result.status).toBe('sent');
    expect(requests).toBeGreaterThanOrEqual(2);
    // The next free slot is one interval per request ahead of Redis's clock (less the time since).
    const [seconds, micros] = (await redis.time()).map(Number);
    const tat = Number(await redis.get('partoo-argyle-sdk:ratelimit:plug'));
    expect(Math.ceil((tat - (seconds * 1000 + micros / 1000)) / intervalMs)).toBe(requests);
  });
});

interface Captured {
  message: string;
  fields: unknown;
}

/** A logger keeping what it is given, as pino is called: fields first, then the message. */
function capture() {
  const warn: Captured[] = [];
  const other: unknown[] = [];
  const logger = {
    warn: (fields: unknown, message: string) => void warn.push({ fields, message }),
    error: (...args: unknown[]) => void other.push(args),
    info: (...args: unknown[]) => void other.push(args),
    debug: (...args: unknown[]) => void other.push(args),
  };
  return { logger, warn, other };
}

function deadRedis() {
  const dead = new Redis('redis://127.0.0.1:9', {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    lazyConnect: true,
    retryStrategy: () => null,
  });
  dead.on('error', () => {});
  return dead;
}
