// redisGuardStore's ledger on a real Redis: what a worker reads back of another's send, and for how long.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { redisGuardStore } from '../../src/redis/index.js';
import { redisMissing, skipEachWithout } from '../support/redis-required.js';

const url = inject('redisUrl');
const missing = redisMissing('Redis store tests', Boolean(url));
const prefix = () => `st-${Math.random().toString(36).slice(2)}:`;

describe('the Redis ledger', () => {
  skipEachWithout(missing);
  let redis: Redis;
  beforeAll(() => {
    if (!missing) redis = new Redis(url);
  });
  afterAll(async () => {
    await redis?.quit();
  });

  it('gives back what was set, the date a Date again, under the prefix', async () => {
    const p = prefix();
    const store = redisGuardStore(redis, { prefix: p });
    const sentAt = new Date('2026-11-30T01:02:03.456Z');
    await store.set('biz:+33601020304', { invitationId: 'inv-1', sentAt }, 60_000);
    const got = await store.get('biz:+33601020304');
    expect(got).toEqual({ invitationId: 'inv-1', sentAt });
    expect(got?.sentAt).toBeInstanceOf(Date);
    expect(JSON.parse((await redis.get(`${p}ledger:biz:+33601020304`))!)).toEqual({
      invitationId: 'inv-1',
      sentAt: '2026-11-30T01:02:03.456Z',
    });
    expect(await store.get('biz:+33601020305')).toBeUndefined();
  });

  it('forgets an entry when its TTL ends: the number may be texted again exactly then', async () => {
    const p = prefix();
    const store = redisGuardStore(redis, { prefix: p });
    await store.set('k', { invitationId: 'inv-1', sentAt: new Date() }, 60_000);
    const pttl = await redis.pttl(`${p}ledger:k`);
    expect(pttl).toBeGreaterThan(59_000);
    expect(pttl).toBeLessThanOrEqual(60_000);
    await store.set('short', { invitationId: 'inv-2', sentAt: new Date() }, 40);
    await new Promise((r) => setTimeout(r, 80));
    expect(await store.get('short')).toBeUndefined();
  });

  it('rounds a TTL up to whole ms, at least 1: a sub-millisecond or spent TTL is kept 1 ms, not refused', async () => {
    const p = prefix();
    const store = redisGuardStore(redis, { prefix: p });
    // Redis refuses PX 0 and negative values: each of these would throw if passed through or rounded down.
    for (const ttlMs of [0.4, 0, -5]) {
      await expect(store.set(`k${ttlMs}`, { invitationId: 'inv', sentAt: new Date() }, ttlMs)).resolves.toBeUndefined();
    }
    await store.set('frac', { invitationId: 'inv', sentAt: new Date() }, 59_999.2);
    expect(await redis.pttl(`${p}ledger:frac`)).toBeGreaterThan(59_000);
  });

  it("uses 'partoo-argyle-sdk:' as the default prefix", async () => {
    const store = redisGuardStore(redis);
    const key = `default-prefix-${Math.random().toString(36).slice(2)}`;
    await store.set(key, { invitationId: 'inv-1', sentAt: new Date() }, 5_000);
    expect(await redis.exists(`partoo-argyle-sdk:ledger:${key}`)).toBe(1);
    await redis.del(`partoo-argyle-sdk:ledger:${key}`);
  });
});
