// A rolling upgrade on one Redis: workers of the previous version (untagged keys) beside workers of this one
// ({hash tag} keys), 30 ms of latency on each request so a worker's search and POST leave room for a race. This
// version takes and releases each lock under both names and records under both, and an epoch under the earlier
// name spares it the fence: no SMS is doubled, and the upgrade costs no fence.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisGuardStore } from '../../src/redis/index.js';
import { startMockServers, type MockServers } from '../../src/testing/index.js';
import { redisMissing, skipEachWithout } from '../support/redis-required.js';
import { hasRedisServer, ownRedis, type OwnRedis } from '../support/redis-server.js';
import { phones, sendFromFleet } from './fleet.js';
import { previousRedisGuardStore } from './previous-store.js';

const missing = redisMissing('Redis upgrade tests', hasRedisServer());

describe('a rolling upgrade of the key layout', () => {
  skipEachWithout(missing);
  let server: OwnRedis;
  let mock: MockServers;
  const clients: Redis[] = [];
  const connect = () => {
    const r = new Redis(server.url);
    clients.push(r);
    return r;
  };
  beforeAll(async () => {
    if (missing) return;
    [server, mock] = await Promise.all([ownRedis(), startMockServers({ stateful: true, enforceWindow: false })]);
  });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await Promise.all([server?.stop(), mock?.close()]);
  });

  it('previous and current workers side by side: one SMS per number, and no fence', async () => {
    // The fleet ran the previous version until now: its epoch is there.
    await connect().set('up:epoch', 'known');
    const stores = [0, 1, 2, 3].map((i) =>
      i % 2
        ? redisGuardStore(connect(), { prefix: 'up:' })
        : previousRedisGuardStore(connect() as never, { prefix: 'up:' }),
    );
    const { sms, errors, warnings } = await sendFromFleet(mock, stores, phones('7', 16), { latencyMs: 30 });
    expect(errors).toEqual([]);
    expect({ sms, warnings }).toEqual({ sms: Array(16).fill(1), warnings: [] });
    // No fence: a fence would hold every current worker's first lock for one lock TTL (5 s here).
    expect(await connect().exists('{up}:fence')).toBe(0);
    expect(await connect().get('{up}:epoch')).not.toBeNull();
  });

  it('a current worker finds a send the previous version recorded, and the reverse', async () => {
    const r = connect();
    const previous = previousRedisGuardStore(r as never, { prefix: 'up:' });
    const current = redisGuardStore(r, { prefix: 'up:' });
    const entry = { invitationId: 'inv-old', sentAt: new Date('2026-12-01T10:00:00Z') };
    await previous.set('k-old', entry, 60_000);
    expect(await current.get('k-old')).toEqual(entry);
    await current.recordAndRelease('k-new', { ...entry, invitationId: 'inv-new' }, 60_000, 'nobody');
    expect((await previous.get('k-new'))?.invitationId).toBe('inv-new');
    // A lock either version holds is held for the other.
    expect(await current.acquire('k-lock', 'current', 5_000)).toBe(true);
    expect(await previous.acquire('k-lock', 'previous', 5_000)).toBe(false);
    await current.release('k-lock', 'current');
    expect(await previous.acquire('k-lock', 'previous', 5_000)).toBe(true);
    expect(await current.acquire('k-lock', 'current', 5_000)).toBe(false);
  });

  it('turned off once every worker is upgraded: only the tagged keys', async () => {
    const r = connect();
    const store = redisGuardStore(r, { prefix: 'only:', legacyKeys: false });
    await r.set('{only}:epoch', 'known');
    expect(await store.acquire('k', 'a', 5_000)).toBe(true);
    expect(await r.exists('{only}:lock:k')).toBe(1);
    expect(await r.exists('only:lock:k')).toBe(0);
  });
});
