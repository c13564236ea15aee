// A failover, as the store sees it: a primary it has written to turns replica (READONLY) while another is promoted.
// That is an outage, not a misconfiguration: sends go on with Partoo's search, said once, and the store is used
// again once a primary answers. A promoted replica that missed the newest ledger entries (replication lag) is
// covered by the search: the repeat is skipped, not sent.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPartooClient } from '../../src/index.js';
import { redisGuardStore, type RedisGuardStore } from '../../src/redis/index.js';
import { startMockServers, type MockServers } from '../../src/testing/index.js';
import { redisMissing, skipEachWithout } from '../support/redis-required.js';
import { hasRedisServer, ownRedis, type OwnRedis } from '../support/redis-server.js';
import { warningLogger } from '../support/warnings.js';

const missing = redisMissing('Redis failover tests', hasRedisServer());

async function until(ok: () => Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a failover under the store', () => {
  skipEachWithout(missing);
  let primary: OwnRedis;
  let replica: OwnRedis;
  let mock: MockServers;
  const opened: Redis[] = [];
  const connect = (port: number) => {
    // The options docs/redis.md recommends: the guard's deadline decides, not the client's retries.
    const r = new Redis(port, '127.0.0.1', { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    r.on('error', () => {});
    opened.push(r);
    return r;
  };
  const linked = (r: Redis) => async () => /master_link_status:up/.test(await r.info('replication'));
  beforeAll(async () => {
    if (missing) return;
    [primary, mock] = await Promise.all([ownRedis(), startMockServers({ stateful: true, enforceWindow: false })]);
    replica = await ownRedis(['--replicaof', '127.0.0.1', String(primary.port)]);
  });
  afterAll(async () => {
    for (const r of opened) r.disconnect();
    await Promise.all([replica?.stop(), primary?.stop(), mock?.close()]);
  });
  beforeEach(async () => {
    if (missing) return;
    const [p, r] = [connect(primary.port), connect(replica.port)];
    await until(async () => p.status === 'ready' && r.status === 'ready', 'connected');
    await p.call('REPLICAOF', 'NO', 'ONE');
    await r.call('REPLICAOF', '127.0.0.1', String(primary.port));
    await p.set('{partoo-argyle-sdk}:epoch', 'known');
    await until(linked(r), 'the replica linked');
    mock.reset();
  });

  const sender = (store: RedisGuardStore) => {
    const { warnings, logger } = warningLogger();
    const client = createPartooClient({
      apiKey: mock.partooApiKey,
      baseUrl: mock.partooUrl,
      rateLimit: false,
      logger,
      guard: { store, storeTimeoutMs: 300, lockTtlMs: 1_000 },
    });
    const send = (targetPhone: string) => client.reviewBooster.sendInvitation({ businessId: 'biz', targetPhone });
    return { send, warnings };
  };

  it('the primary demoted after answering: READONLY is an outage, the search alone, then the store again', async () => {
    const [p, r] = [connect(primary.port), connect(replica.port)];
    const store = redisGuardStore(p);
    const { send, warnings } = sender(store);
    expect((await send('+33612400001')).status).toBe('sent');
    // The failover: the replica promoted, the old primary following it.
    await r.call('REPLICAOF', 'NO', 'ONE');
    await p.call('REPLICAOF', '127.0.0.1', String(replica.port));
    await until(linked(p), 'the old primary following');
    expect((await send('+33612400002')).status).toBe('sent');
    expect(warnings).toEqual([expect.stringMatching(/guard store failed \(READONLY.*search alone/)]);
    expect(await store.check()).toMatchObject({ ready: false, role: 'replica' });
    // Failed back: the store's node is a primary again, and the next send uses it.
    await p.call('REPLICAOF', 'NO', 'ONE');
    await r.call('REPLICAOF', '127.0.0.1', String(primary.port));
    for (let i = 0; i < 3; i++) await send(`+3361241000${i}`);
    expect(warnings[1]).toMatch(/guard store answers again/);
    expect(await p.exists('{partoo-argyle-sdk}:ledger:biz:+33612410002')).toBe(1);
    expect([1, 2, 3].map((i) => mock.sentCount('biz', `+3361241000${i - 1}`))).toEqual([1, 1, 1]);
  });

  it('a promoted replica that missed the newest ledger entry: the search skips the repeat, 0 more SMS', async () => {
    const [p, r] = [connect(primary.port), connect(replica.port)];
    expect((await sender(redisGuardStore(p)).send('+33612400003')).status).toBe('sent');
    await until(async () => (await r.exists('{partoo-argyle-sdk}:ledger:biz:+33612400003')) === 1, 'replicated');
    // The entry lost in the replication lag: promoted, without it.
    await r.call('REPLICAOF', 'NO', 'ONE');
    await r.del('{partoo-argyle-sdk}:ledger:biz:+33612400003');
    const again = await sender(redisGuardStore(r)).send('+33612400003');
    expect(again).toMatchObject({ status: 'skipped', reason: 'recently_invited' });
    expect(mock.sentCount('biz', '+33612400003')).toBe(1);
  });
});
