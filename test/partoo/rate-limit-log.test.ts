// Where redisRateLimiter's warnings go: to the logger it was given, else to the logger of the first client it is
// handed to, else to the console. A Redis that fails is faked here (its eval rejects): no Redis is needed.
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/index.js';
import { redisRateLimiter, type RedisLike } from '../../src/redis/index.js';
import { DEFAULT_CREDENTIALS } from '../../src/testing/stateful/index.js';
import { harness } from '../support/harness.js';

type Level = 'error' | 'warn' | 'info' | 'debug';
function capture() {
  const records: { level: Level; message: string; fields: Record<string, unknown> }[] = [];
  const at = (level: Level) => (fields: Record<string, unknown>, message: string) =>
    void records.push({ level, fields, message });
  return { logger: { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') }, records };
}

/**
 * An ioredis-shaped client (eval, call, defineCommand) whose every command fails, quoting the client's key back
 * (a proxy echoing what it was sent).
 */
const failingRedis = (): RedisLike => {
  const lost = async () => Promise.reject(new Error(`connection lost while sending ${DEFAULT_CREDENTIALS.apiKey}`));
  return { eval: lost, call: lost, defineCommand: () => {} } as unknown as RedisLike;
};

const statusOfUnknown = async (h: Awaited<ReturnType<typeof harness>>) =>
  h.partoo.reviewBooster.getInvitationStatus('inv-unknown').catch(() => undefined);

describe("redisRateLimiter's warnings", () => {
  it('reach the logger it was given, with the event, once, and with no key in them', async () => {
    const own = capture();
    // A client made with the key registers it as a secret: every record of the package hides it from then on.
    await harness();
    const limiter = redisRateLimiter(failingRedis(), { requestsPerMinute: 6_000, timeoutMs: 20, logger: own.logger });
    await limiter.take();
    await limiter.take();
    expect(own.records.map((r) => [r.level, r.fields.event])).toEqual([['warn', 'ratelimit.store.degraded']]);
    expect(own.records[0].message).toMatch(/shared rate limit on Redis failed \(connection lost/);
    expect(own.records[0].message).not.toContain(DEFAULT_CREDENTIALS.apiKey);
  });

  it("go to the client's logger when it was given none", async () => {
    const client = capture();
    const limiter = redisRateLimiter(failingRedis(), { requestsPerMinute: 6_000, timeoutMs: 20 });
    const h = await harness({ partoo: { rateLimit: limiter, logger: client.logger, logLevel: 'warn' } });
    await statusOfUnknown(h);
    const warnings = client.records.filter((r) => r.fields.event === 'ratelimit.store.degraded');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].message).not.toContain(DEFAULT_CREDENTIALS.apiKey);
  });

  it("keep a logger of their own, and the first client's, over a later client's", async () => {
    const own = capture();
    const first = capture();
    const later = capture();
    const mine = redisRateLimiter(failingRedis(), { requestsPerMinute: 6_000, timeoutMs: 20, logger: own.logger });
    const shared = redisRateLimiter(failingRedis(), { requestsPerMinute: 6_000, timeoutMs: 20 });
    await harness({ partoo: { rateLimit: shared, logger: first.logger } });
    const h = await harness({ partoo: { rateLimit: shared, logger: later.logger } });
    await statusOfUnknown(h);
    const h2 = await harness({ partoo: { rateLimit: mine, logger: later.logger } });
    await statusOfUnknown(h2);
    const degraded = (c: ReturnType<typeof capture>) =>
      c.records.filter((r) => r.fields.event === 'ratelimit.store.degraded').length;
    expect([degraded(own), degraded(first), degraded(later)]).toEqual([1, 1, 0]);
  });

  it("follow their own logLevel: 'off' writes nothing, even with a client's logger beside", async () => {
    const client = capture();
    const limiter = redisRateLimiter(failingRedis(), { requestsPerMinute: 6_000, timeoutMs: 20, logLevel: 'off' });
    const h = await harness({ partoo: { rateLimit: limiter, logger: client.logger, logLevel: 'debug' } });
    await statusOfUnknown(h);
    expect(client.records.filter((r) => String(r.fields.event).startsWith('ratelimit.store'))).toEqual([]);
  });

  it('refuse a logger without the four methods, or an unknown level, at construction', () => {
    const options = { requestsPerMinute: 60 };
    expect(() => redisRateLimiter(failingRedis(), { ...options, logger: { warn() {} } as never })).toThrow(
      ConfigurationError,
    );
    expect(() => redisRateLimiter(failingRedis(), { ...options, logLevel: 'loud' as never })).toThrow(
      /logLevel "loud" is not a log level/,
    );
  });
});
