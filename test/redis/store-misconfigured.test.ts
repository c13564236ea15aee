// A Redis that waiting cannot cure fails the send with a typed error naming the cause and the fix, before any SMS:
// a user without EVAL, a replica given as the store, an eviction policy that may drop held locks, a full Redis that
// may not evict. store.check() reports each.
import { Redis, type RedisOptions } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigurationError, createPartooClient } from '../../src/index.js';
import { redisGuardStore, type RedisGuardStore } from '../../src/redis/index.js';
import { startMockServers, type MockServers } from '../../src/testing/index.js';
import { redisMissing, skipEachWithout } from '../support/redis-required.js';
import { hasRedisServer, ownRedis, type OwnRedis } from '../support/redis-server.js';
import { warningLogger } from '../support/warnings.js';

const missing = redisMissing('Redis misconfiguration tests', hasRedisServer());

describe('a misconfigured Redis fails loudly, before any SMS', () => {
  skipEachWithout(missing);
  let server: OwnRedis;
  let admin: Redis;
  let mock: MockServers;
  const opened: Redis[] = [];
  const connect = (options: RedisOptions = {}, port = server.port) => {
    const r = new Redis(port, '127.0.0.1', { maxRetriesPerRequest: 0, ...options });
    r.on('error', () => {});
    opened.push(r);
    return r;
  };
  beforeAll(async () => {
    if (missing) return;
    [server, mock] = await Promise.all([ownRedis(), startMockServers({ stateful: true, enforceWindow: false })]);
    admin = connect();
  });
  afterAll(async () => {
    for (const r of opened) r.disconnect();
    await Promise.all([server?.stop(), mock?.close()]);
  });
  beforeEach(async () => {
    if (missing) return;
    await admin.config('SET', 'maxmemory-policy', 'noeviction');
    await admin.config('SET', 'maxmemory', '0');
    // A Redis the store has known all along: a missing epoch would fence the first locks for one lock TTL.
    await admin.set('{partoo-argyle-sdk}:epoch', 'known');
    mock.reset();
  });

  let n = 0;
  const send = async (store: RedisGuardStore) => {
    const { warnings, logger } = warningLogger();
    const client = createPartooClient({
      apiKey: mock.partooApiKey,
      baseUrl: mock.partooUrl,
      rateLimit: false,
      logger,
      guard: { store, storeTimeoutMs: 2_000, lockTtlMs: 1_000 },
    });
    const targetPhone = `+3361${String(2_000_000 + n++)}`;
    const started = Date.now();
    const error = await client.reviewBooster.sendInvitation({ businessId: 'biz', targetPhone }).then(
      () => undefined,
      (e: Error) => e,
    );
    return { error, sms: mock.sentCount('biz', targetPhone), warnings, ms: Date.now() - started };
  };

  it('an ACL user without EVAL: ConfigurationError naming NOPERM and the grant, 0 SMS, not retried', async () => {
    await admin.call('ACL', 'SETUSER', 'noeval', 'on', '>pw', '~*', '+@all', '-eval', '-evalsha');
    const store = redisGuardStore(connect({ username: 'noeval', password: 'pw' }));
    const { error, sms, warnings, ms } = await send(store);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error?.message).toMatch(/NOPERM.*Nothing was sent.*ACL SETUSER/);
    expect(sms).toBe(0);
    // Thrown at once: no wait for the store deadline, no "falls back to the search" warning.
    expect(ms).toBeLessThan(2_000);
    expect(warnings).toEqual([]);
    const check = await store.check();
    expect(check).toMatchObject({ ready: false, role: 'primary', cluster: false, evictionPolicy: 'noeviction' });
    expect(check.scripts).toMatch(/NOPERM/);
  });

  it('a user refused CONFIG and INFO: the policy is "not visible", never a misconfiguration', async () => {
    await admin.call('ACL', 'SETUSER', 'noconfig', 'on', '>pw', '~*', '+@all', '-config', '-info', '-role');
    const store = redisGuardStore(connect({ username: 'noconfig', password: 'pw' }));
    const { error, sms } = await send(store);
    expect(error).toBeUndefined();
    expect(sms).toBe(1);
    expect(await store.check()).toMatchObject({
      ready: true,
      role: 'not visible',
      evictionPolicy: 'not visible',
      scripts: 'ok',
    });
  });

  it('a read-only replica given as the store: ConfigurationError naming READONLY and the primary, 0 SMS', async () => {
    const replica = await ownRedis(['--replicaof', '127.0.0.1', String(server.port)]);
    try {
      const store = redisGuardStore(connect({}, replica.port));
      const { error, sms, warnings } = await send(store);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error?.message).toMatch(/READONLY.*pass the primary/);
      expect(sms).toBe(0);
      expect(warnings).toEqual([]);
      expect(await store.check()).toMatchObject({ ready: false, role: 'replica' });
    } finally {
      await replica.stop();
    }
  });

  it('maxmemory-policy allkeys-lru is refused, naming the policy; allowEviction: true accepts it', async () => {
    await admin.config('SET', 'maxmemory-policy', 'allkeys-lru');
    const refused = await send(redisGuardStore(connect()));
    expect(refused.error).toBeInstanceOf(ConfigurationError);
    expect(refused.error?.message).toMatch(/allkeys-lru.*noeviction or a volatile-\* policy/);
    expect(refused.sms).toBe(0);
    const refusedCheck = await redisGuardStore(connect()).check();
    expect(refusedCheck).toMatchObject({ ready: false, role: 'primary', evictionPolicy: 'allkeys-lru' });
    expect(refusedCheck.scripts).toMatch(/allkeys-lru/);
    const accepted = await send(redisGuardStore(connect(), { allowEviction: true }));
    expect(accepted.error).toBeUndefined();
    expect(accepted.sms).toBe(1);
    await admin.config('SET', 'maxmemory-policy', 'volatile-lru');
    expect((await send(redisGuardStore(connect()))).sms).toBe(1);
    const check = await redisGuardStore(connect()).check();
    expect(check).toMatchObject({ ready: true, evictionPolicy: 'volatile-lru' });
  });

  it('a full Redis under noeviction: ConfigurationError naming OOM and maxmemory, 0 SMS', async () => {
    await admin.config('SET', 'maxmemory', '1');
    const store = redisGuardStore(connect());
    const { error, sms } = await send(store);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error?.message).toMatch(/OOM.*raise maxmemory/);
    expect(sms).toBe(0);
    const check = await store.check();
    expect(check).toMatchObject({ ready: false, role: 'primary', evictionPolicy: 'noeviction' });
    expect(check.scripts).toMatch(/OOM/);
  });

  it('a Redis that does not answer is an outage: the search alone, said once, the send goes out', async () => {
    const dead = new Redis(1, '127.0.0.1', { maxRetriesPerRequest: 0, enableOfflineQueue: false, lazyConnect: true });
    dead.on('error', () => {});
    opened.push(dead);
    const { error, sms, warnings } = await send(redisGuardStore(dead));
    expect(error).toBeUndefined();
    expect(sms).toBe(1);
    expect(warnings.join('\n')).toMatch(/guard store failed .*search alone/);
  });
});
