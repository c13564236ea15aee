// redisGuardStore's locks on a real Redis: one owner at a time, only the owner releases or renews, a call repeated
// after a lost answer is safe, and a Redis that lost its memory grants no lock for one TTL.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { redisGuardStore } from '../../src/redis/index.js';
import { redisMissing, skipEachWithout } from '../support/redis-required.js';

const url = inject('redisUrl');
const missing = redisMissing('Redis store tests', Boolean(url));

describe('the Redis locks', () => {
  skipEachWithout(missing);
  let redis: Redis;
  beforeAll(() => {
    if (!missing) redis = new Redis(url);
  });
  afterAll(async () => {
    await redis?.quit();
  });
  /** A store under a prefix of its own, on a Redis that has known it all along (its epoch is set). */
  const known = async () => {
    const p = `sl-${Math.random().toString(36).slice(2)}:`;
    await redis.set(`${p}epoch`, 'known');
    return { p, store: redisGuardStore(redis, { prefix: p }) };
  };

  it('one owner at a time; the owner asking again keeps it and its TTL is set again', async () => {
    const { p, store } = await known();
    expect(await store.acquire('k', 'a', 10_000)).toBe(true);
    expect(await store.acquire('k', 'b', 10_000)).toBe(false);
    await redis.pexpire(`${p}lock:k`, 2_000);
    expect(await store.acquire('k', 'a', 10_000)).toBe(true);
    expect(await redis.pttl(`${p}lock:k`)).toBeGreaterThan(9_000);
    expect(await redis.get(`${p}lock:k`)).toBe('a');
  });

  it('releases only for its owner', async () => {
    const { p, store } = await known();
    await store.acquire('k', 'a', 10_000);
    await store.release('k', 'b');
    expect(await redis.get(`${p}lock:k`)).toBe('a');
    await store.release('k', 'a');
    expect(await redis.exists(`${p}lock:k`)).toBe(0);
    expect(await store.acquire('k', 'b', 10_000)).toBe(true);
  });

  it('renews only for its owner, and says whether it did', async () => {
    const { p, store } = await known();
    await store.acquire('k', 'a', 1_000);
    expect(await store.extend!('k', 'a', 20_000)).toBe(true);
    expect(await redis.pttl(`${p}lock:k`)).toBeGreaterThan(19_000);
    expect(await store.extend!('k', 'b', 50_000)).toBe(false);
    expect(await redis.pttl(`${p}lock:k`)).toBeLessThanOrEqual(20_000);
    expect(await store.extend!('free', 'a', 1_000)).toBe(false);
  });

  it('records the send and releases in one call, the release still only for the owner', async () => {
    const { p, store } = await known();
    const sentAt = new Date('2026-11-30T00:00:00Z');
    await store.acquire('k', 'a', 10_000);
    await store.recordAndRelease!('k', { invitationId: 'inv-1', sentAt }, 30_000, 'b');
    expect(await redis.get(`${p}lock:k`)).toBe('a');
    expect(await store.get('k')).toEqual({ invitationId: 'inv-1', sentAt });
    expect(await redis.pttl(`${p}ledger:k`)).toBeGreaterThan(29_000);
    await store.recordAndRelease!('k', { invitationId: 'inv-2', sentAt }, 30_000, 'a');
    expect(await redis.exists(`${p}lock:k`)).toBe(0);
    expect(await store.get('k')).toEqual({ invitationId: 'inv-2', sentAt });
  });

  it('a Redis that lost its memory grants no lock to anyone for one lock TTL, then does', async () => {
    const p = `sf-${Math.random().toString(36).slice(2)}:`;
    const store = redisGuardStore(redis, { prefix: p });
    expect(await store.acquire('k', 'a', 200)).toBe(false);
    // The keys of one store share a hash slot: its prefix is their {hash tag}.
    const tag = `{${p.slice(0, -1)}}:`;
    expect(await redis.exists(`${tag}epoch`)).toBe(1);
    const fence = await redis.pttl(`${tag}fence`);
    expect(fence).toBeGreaterThan(100);
    expect(fence).toBeLessThanOrEqual(200);
    expect(await store.acquire('k', 'b', 200)).toBe(false);
    await new Promise((r) => setTimeout(r, 250));
    expect(await store.acquire('k', 'b', 200)).toBe(true);
    // The epoch stays: a later lock is granted at once.
    expect(await redis.pttl(`${tag}epoch`)).toBe(-1);
    expect(await store.acquire('k2', 'c', 200)).toBe(true);
  });
});
