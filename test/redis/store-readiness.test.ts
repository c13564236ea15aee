// A send that reaches a store whose client is still connecting (serverless code: one connection made at module load
// and reused across invocations, its first invocation sending at once) waits for the connection within
// storeTimeoutMs, rather than going on with Partoo's search alone. Each client is built with the options
// docs/redis.md recommends, as written there.
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPartooClient } from '../../src/index.js';
import { redisGuardStore, type AnyRedisClient } from '../../src/redis/index.js';
import { startMockServers, type MockServers } from '../../src/testing/index.js';
import { redisMissing, skipEachWithout } from '../support/redis-required.js';
import { hasRedisServer, ownRedis, type OwnRedis } from '../support/redis-server.js';

const missing = redisMissing('Redis connection readiness tests', hasRedisServer());

describe('a send right after the Redis client is made', () => {
  skipEachWithout(missing);
  let server: OwnRedis;
  let admin: Redis;
  let mock: MockServers;
  const closers: (() => unknown)[] = [];
  beforeAll(async () => {
    if (missing) return;
    [server, mock] = await Promise.all([ownRedis(), startMockServers({ stateful: true, enforceWindow: false })]);
    admin = new Redis(server.url);
    await admin.set('{reviews}:epoch', 'known');
    // The send path warmed (phone metadata loaded, modules compiled): a first send's own start-up would give the
    // client time to connect before the store is asked anything.
    const warm = createPartooClient({ apiKey: mock.partooApiKey, baseUrl: mock.partooUrl, rateLimit: false });
    await warm.reviewBooster.sendInvitation({ businessId: 'warm', targetPhone: '+33612999999' });
  });
  afterAll(async () => {
    for (const close of closers) await close();
    admin?.disconnect();
    await Promise.all([server?.stop(), mock?.close()]);
  });
  beforeEach(() => mock?.reset());

  /** Whether the client was ready at each command the store sent, in order: the first must find it connecting. */
  const readyAtEachCall = (client: object, methods: string[], ready: () => boolean) => {
    const seen: boolean[] = [];
    const target = client as Record<string, (...args: unknown[]) => unknown>;
    for (const name of methods) {
      const original = target[name].bind(client);
      target[name] = (...args: unknown[]) => (seen.push(ready()), original(...args));
    }
    return seen;
  };

  let n = 0;
  const sendAtOnce = async (redis: AnyRedisClient) => {
    const warnings: string[] = [];
    const note = (...parts: unknown[]) =>
      warnings.push(parts.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join(' '));
    const client = createPartooClient({
      apiKey: mock.partooApiKey,
      baseUrl: mock.partooUrl,
      rateLimit: false,
      logger: { warn: note, error: note, info: () => {}, debug: () => {} },
      guard: { store: redisGuardStore(redis, { prefix: 'reviews:', legacyKeys: false }), storeTimeoutMs: 2_000 },
    });
    const targetPhone = `+3361${String(4_000_000 + n++)}`;
    const result = await client.reviewBooster.sendInvitation({ businessId: 'biz', targetPhone });
    const recorded = await admin.exists(`{reviews}:ledger:biz:${targetPhone}`);
    return { status: result.status, warnings, recorded };
  };

  it('ioredis with the recommended options: waits for its connection, the send recorded, no warning', async () => {
    const redis = new Redis(server.url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (times) => Math.min(times * 20, 200),
    });
    redis.on('error', () => {});
    closers.push(() => redis.disconnect());
    const ready = readyAtEachCall(redis, ['call', 'eval'], () => redis.status === 'ready');
    expect(await sendAtOnce(redis)).toEqual({ status: 'sent', warnings: [], recorded: 1 });
    expect(ready[0]).toBe(false);
  });

  it('ioredis with lazyConnect: the store connects it, the send recorded, no warning', async () => {
    const redis = new Redis(server.url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, lazyConnect: true });
    redis.on('error', () => {});
    closers.push(() => redis.disconnect());
    const ready = readyAtEachCall(redis, ['call', 'eval'], () => redis.status === 'ready');
    expect(await sendAtOnce(redis)).toEqual({ status: 'sent', warnings: [], recorded: 1 });
    expect(ready[0]).toBe(false);
  });

  it('node-redis with the recommended options, its connect() not awaited: the send recorded, no warning', async () => {
    const redis = createClient({
      url: server.url,
      disableOfflineQueue: true,
      socket: { reconnectStrategy: (retries: number) => Math.min(retries * 20, 200) },
    });
    redis.on('error', () => {});
    const connecting = redis.connect();
    closers.push(async () => (await connecting).close());
    const ready = readyAtEachCall(redis, ['sendCommand', 'eval'], () => redis.isReady);
    expect(await sendAtOnce(redis)).toEqual({ status: 'sent', warnings: [], recorded: 1 });
    expect(ready[0]).toBe(false);
  });
});
