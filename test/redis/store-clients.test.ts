// The guard store on the clients users bring, each against a real redis-server: node-redis, iovalkey, ioredis and
// node-redis on a 3-master Cluster, and @upstash/redis over a local Upstash REST stand-in. Partoo's own rule is
// off and SMS are counted at the mock: only the shared guard stands between 4 workers and a second SMS.
import { Redis as Upstash } from '@upstash/redis';
import { Cluster, Redis } from 'ioredis';
import { Redis as Valkey } from 'iovalkey';
import { createClient, createCluster } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromNodeRedis, fromUpstash, redisGuardStore, redisRateLimiter } from '../../src/redis/index.js';
import { startMockServers, type MockServers } from '../../src/testing/index.js';
import { ownCluster, type OwnCluster } from '../support/redis-cluster.js';
import { redisMissing, skipEachWithout } from '../support/redis-required.js';
import { hasRedisServer, ownRedis, type OwnRedis } from '../support/redis-server.js';
import { upstashStandIn, type UpstashStandIn } from '../support/upstash-rest.js';
import { phones, sendFromFleet } from './fleet.js';

const missing = redisMissing('Redis client tests', hasRedisServer());
const WORKERS = 4;

describe('redisGuardStore on each client', () => {
  skipEachWithout(missing);
  let server: OwnRedis;
  let cluster: OwnCluster;
  let mock: MockServers;
  const closers: (() => Promise<unknown> | unknown)[] = [];
  beforeAll(async () => {
    if (missing) return;
    [server, cluster, mock] = await Promise.all([
      ownRedis(),
      ownCluster(3),
      startMockServers({ stateful: true, enforceWindow: false }),
    ]);
  }, 60_000);
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
    await Promise.all([server?.stop(), cluster?.stop(), mock?.close()]);
  });

  it('node-redis (createClient), detected or wrapped: one SMS per number', async () => {
    const clients = await Promise.all(
      Array.from({ length: WORKERS }, () => createClient({ url: server.url }).connect()),
    );
    closers.push(() => Promise.all(clients.map((c) => c.close())));
    // Found from its shape (sendCommand, isOpen), or wrapped by hand: both give the same store.
    const stores = clients.map((c, i) => redisGuardStore(i % 2 ? c : fromNodeRedis(c), { prefix: 'nr:' }));
    const { sms, errors, warnings } = await sendFromFleet(mock, stores, phones('1', 12));
    expect(errors).toEqual([]);
    expect({ sms, warnings }).toEqual({ sms: Array(12).fill(1), warnings: [] });
    // Ledger entries expire when the window ends: a node-redis SET with PX, never a key without a TTL.
    const keys = await clients[0].keys('{nr}:ledger:*');
    expect(keys).toHaveLength(12);
    for (const k of keys) expect(await clients[0].pTTL(k)).toBeGreaterThan(0);
    const check = await stores[1].check();
    expect(check).toMatchObject({ ready: true, role: 'primary', cluster: false, evictionPolicy: 'noeviction' });
  });

  it('iovalkey: one SMS per number', async () => {
    const clients = Array.from({ length: WORKERS }, () => new Valkey(server.url));
    closers.push(() => clients.forEach((c) => c.disconnect()));
    const stores = clients.map((c) => redisGuardStore(c, { prefix: 'vk:' }));
    const { sms, errors, warnings } = await sendFromFleet(mock, stores, phones('2', 12));
    expect(errors).toEqual([]);
    expect({ sms, warnings }).toEqual({ sms: Array(12).fill(1), warnings: [] });
    const check = await stores[0].check();
    expect(check).toMatchObject({ ready: true, role: 'primary', cluster: false, scripts: 'ok', problems: [] });
  });

  it('@upstash/redis over its REST protocol: one SMS per number, entries parsed back to a Date', async () => {
    const rest: UpstashStandIn = await upstashStandIn(server.url);
    closers.push(() => rest.close());
    const clients = Array.from({ length: WORKERS }, () => new Upstash({ url: rest.url, token: rest.token }));
    const stores = clients.map((c, i) => redisGuardStore(i % 2 ? c : fromUpstash(c), { prefix: 'up:' }));
    const { sms, errors, warnings } = await sendFromFleet(mock, stores, phones('3', 12));
    expect(errors).toEqual([]);
    expect({ sms, warnings }).toEqual({ sms: Array(12).fill(1), warnings: [] });
    expect(rest.commands).toContain('eval');
    const entry = await stores[0].get(`biz:${phones('3', 1)[0]}`);
    expect(entry?.sentAt).toBeInstanceOf(Date);
    expect(entry?.invitationId).toMatch(/\S/);
  });

  it('ioredis Cluster on 3 masters: every script in one slot, one SMS per number, the default prefix', async () => {
    const clients = Array.from({ length: WORKERS }, () => new Cluster(cluster.nodes));
    closers.push(() => clients.forEach((c) => c.disconnect()));
    const stores = clients.map((c) => redisGuardStore(c));
    const { sms, errors, warnings } = await sendFromFleet(mock, stores, phones('4', 12));
    expect(errors).toEqual([]);
    expect({ sms, warnings }).toEqual({ sms: Array(12).fill(1), warnings: [] });
    const check = await stores[0].check();
    expect(check).toMatchObject({ ready: true, cluster: true, role: 'primary', scripts: 'ok' });
  });

  it('node-redis createCluster on 3 masters: one SMS per number', async () => {
    const rootNodes = cluster.nodes.map((n) => ({ url: `redis://${n.host}:${n.port}` }));
    const clients = await Promise.all(Array.from({ length: WORKERS }, () => createCluster({ rootNodes }).connect()));
    closers.push(() => Promise.all(clients.map((c) => c.close())));
    const stores = clients.map((c) => redisGuardStore(c, { prefix: 'nrc:' }));
    const { sms, errors, warnings } = await sendFromFleet(mock, stores, phones('5', 12));
    expect(errors).toEqual([]);
    expect({ sms, warnings }).toEqual({ sms: Array(12).fill(1), warnings: [] });
    expect(await stores[0].check()).toMatchObject({ ready: true, cluster: true, evictionPolicy: 'noeviction' });
  });

  it('one node of a Cluster passed as a single node fails closed, naming a cluster client', async () => {
    const nodes = cluster.nodes.map((n) => new Redis(n.port, n.host, { maxRetriesPerRequest: 0 }));
    closers.push(() => nodes.forEach((c) => c.disconnect()));
    const take = (legacyKeys?: boolean) =>
      Promise.all(
        nodes.map((c) =>
          Promise.resolve(redisGuardStore(c, { prefix: 'one:', legacyKeys }).acquire('k', 'me', 1_000)).then(
            String,
            (e: Error) => e,
          ),
        ),
      );
    const refusals = (outcomes: (string | Error)[]) => outcomes.filter((o): o is Error => o instanceof Error);
    // By default a single-node ioredis client also keeps the earlier, untagged names, in other slots: every node
    // refuses the script (CROSSSLOT or MOVED).
    const byDefault = refusals(await take());
    expect(byDefault).toHaveLength(3);
    // With only the tagged keys, the store's one slot is on one of the three masters; the other two say MOVED.
    const tagged = refusals(await take(false));
    expect(tagged).toHaveLength(2);
    for (const e of [...byDefault, ...tagged]) {
      expect(e.name).toBe('ConfigurationError');
      expect(e.message).toMatch(/(CROSSSLOT|MOVED).*Nothing was sent.*pass a cluster client/);
    }
    // A cluster client told to keep the earlier names too: the fix says to stop.
    const all = new Cluster(cluster.nodes);
    closers.push(() => all.disconnect());
    const legacy = redisGuardStore(all, { prefix: 'one:', legacyKeys: true }).acquire('k', 'me', 1_000);
    await expect(legacy).rejects.toThrow(/CROSSSLOT.*a Cluster needs legacyKeys: false/);
  });

  it('the rate limiter shares one budget on a Cluster, past the first burst', async () => {
    const a = new Cluster(cluster.nodes);
    const b = createCluster({ rootNodes: cluster.nodes.map((n) => ({ url: `redis://${n.host}:${n.port}` })) });
    await b.connect();
    closers.push(
      () => a.disconnect(),
      () => b.close(),
    );
    const warnings: string[] = [];
    const logger = { warn: (m: string) => warnings.push(m), error: () => {}, info: () => {}, debug: () => {} };
    // 6000 a minute: a burst of 100, then one every 10 ms, shared by both.
    const limiters = [a, b].map((c) => redisRateLimiter(c, { requestsPerMinute: 6_000, key: 'cl', logger }));
    const started = Date.now();
    await Promise.all(Array.from({ length: 140 }, (_, i) => limiters[i % 2].take()));
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(warnings).toEqual([]);
  });

  it('a client of an unknown shape, or one readable two ways, is refused at construction', () => {
    const plain = { get: async () => null, set: async () => 'OK', eval: async () => 1 };
    expect(() => redisGuardStore(plain as never)).toThrow(/cannot tell which Redis client.*fromNodeRedis/);
    const both = { ...plain, defineCommand() {}, call: async () => 1, sendCommand: async () => 1, isOpen: true };
    expect(() => redisGuardStore(both as never)).toThrow(/more than one client/);
    expect(() => redisRateLimiter(null as never, { requestsPerMinute: 300 })).toThrow(/redisRateLimiter.*got null/);
    expect(() => fromNodeRedis({} as never)).toThrow(/fromNodeRedis: .*no eval, no sendCommand/);
    expect(() => fromUpstash({} as never)).toThrow(/fromUpstash: .*no eval/);
    const io = new Redis({ lazyConnect: true });
    expect(() => redisGuardStore(io)).not.toThrow();
    io.disconnect();
  });
});
