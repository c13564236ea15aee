// @upstash/redis over a local stand-in of Upstash's REST protocol on a real redis-server: the stand-in's
// transactions are transactions, the store needs none (each of its calls is one Lua script), and a store that
// cannot work over REST (a user without EVAL, a refused token) fails the send with a typed error, 0 SMS.
import { Redis as Upstash } from '@upstash/redis';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigurationError, createPartooClient } from '../../src/index.js';
import { redisGuardStore, type RedisGuardStore } from '../../src/redis/index.js';
import { startMockServers, type MockServers } from '../../src/testing/index.js';
import { redisMissing, skipEachWithout } from '../support/redis-required.js';
import { hasRedisServer, ownRedis, type OwnRedis } from '../support/redis-server.js';
import { upstashStandIn, type UpstashStandIn } from '../support/upstash-rest.js';
import { phones, sendFromFleet } from './fleet.js';
import { warningLogger } from '../support/warnings.js';

const missing = redisMissing('Upstash REST tests', hasRedisServer());

describe('@upstash/redis over its REST protocol', () => {
  skipEachWithout(missing);
  let server: OwnRedis;
  let admin: Redis;
  let mock: MockServers;
  const rests: UpstashStandIn[] = [];
  const standIn = async (user?: string) => {
    const url = user ? `redis://${user}:pw@127.0.0.1:${server.port}` : server.url;
    const rest = await upstashStandIn(url);
    rests.push(rest);
    return rest;
  };
  beforeAll(async () => {
    if (missing) return;
    [server, mock] = await Promise.all([ownRedis(), startMockServers({ stateful: true, enforceWindow: false })]);
    admin = new Redis(server.url);
    // A Redis the store has known all along: a missing epoch would fence the first locks for one lock TTL.
    await admin.set('{partoo-argyle-sdk}:epoch', 'known');
  });
  afterAll(async () => {
    for (const rest of rests) await rest.close();
    admin?.disconnect();
    await Promise.all([server?.stop(), mock?.close()]);
  });
  beforeEach(() => mock?.reset());

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
    const targetPhone = `+3361${String(3_000_000 + n++)}`;
    const error = await client.reviewBooster.sendInvitation({ businessId: 'biz', targetPhone }).then(
      () => undefined,
      (e: Error) => e,
    );
    return { error, sms: mock.sentCount('biz', targetPhone), warnings };
  };

  it("the stand-in's /multi-exec is one transaction: all of it or none of it", async () => {
    const rest = await standIn();
    const post = async (body: unknown) => {
      const res = await fetch(`${rest.url}/multi-exec`, {
        method: 'POST',
        headers: { authorization: `Bearer ${rest.token}` },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as unknown };
    };
    // A command refused as it is queued discards every command of the transaction.
    const aborted = await post([
      ['SET', 'tx:a', '1'],
      ['SET', 'tx:b'],
    ]);
    expect(aborted.status).toBe(400);
    expect(aborted.body).toEqual({ error: expect.stringMatching(/^EXECABORT/) });
    expect(await admin.exists('tx:a')).toBe(0);
    // Through the client, as a user's multi() sends it.
    const upstash = new Upstash({ url: rest.url, token: rest.token });
    expect(await upstash.multi().set('tx:n', 1).incr('tx:n').get('tx:n').exec()).toEqual(['OK', 2, 2]);
    expect(rest.endpoints).toEqual(['/multi-exec', '/multi-exec']);
  });

  it('the store sends only EVAL, one script a call, never a transaction: one SMS per number', async () => {
    const rest = await standIn();
    const stores = [0, 1, 2, 3].map(() => redisGuardStore(new Upstash({ url: rest.url, token: rest.token })));
    const { sms, errors, warnings } = await sendFromFleet(mock, stores, phones('6', 8));
    expect(errors).toEqual([]);
    expect({ sms, warnings }).toEqual({ sms: Array(8).fill(1), warnings: [] });
    expect(new Set(rest.commands)).toEqual(new Set(['eval']));
    expect(rest.endpoints).not.toContain('/multi-exec');
    // Concurrent calls of one client go out together, as @upstash/redis pipelines them by default.
    expect(rest.endpoints).toContain('/pipeline');
  });

  it('check() over REST: scripts run, what REST cannot ask is "not visible"', async () => {
    const rest = await standIn();
    const check = await redisGuardStore(new Upstash({ url: rest.url, token: rest.token })).check();
    expect(check).toEqual({
      ready: true,
      role: 'not visible',
      cluster: 'not visible',
      evictionPolicy: 'not visible',
      scripts: 'ok',
      problems: [],
    });
  });

  it.each([
    ['pipelined (the default)', true],
    ['one request a command', false],
  ])('a user without EVAL, %s: ConfigurationError naming NOPERM and the grant, 0 SMS', async (_, pipelining) => {
    await admin.call('ACL', 'SETUSER', 'rest-noeval', 'on', '>pw', '~*', '+@all', '-eval', '-evalsha');
    const rest = await standIn('rest-noeval');
    const upstash = new Upstash({ url: rest.url, token: rest.token, enableAutoPipelining: pipelining });
    const store = redisGuardStore(upstash);
    const { error, sms, warnings } = await send(store);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error?.message).toMatch(/^reading the ledger \(EVAL of GET\) failed on Redis: NOPERM .*ACL SETUSER/);
    // Redis's reply, without the client's wrapping or the script it quotes.
    expect(error?.message).not.toMatch(/Command failed|command was|redis\.call/);
    expect(sms).toBe(0);
    expect(warnings).toEqual([]);
    const check = await store.check();
    expect(check.ready).toBe(false);
    expect(check.scripts).toMatch(/NOPERM/);
  });

  it('a refused token: ConfigurationError naming the REST token, 0 SMS, no fallback to the search', async () => {
    const rest = await standIn();
    const store = redisGuardStore(new Upstash({ url: rest.url, token: 'not-the-token' }));
    const { error, sms, warnings } = await send(store);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error?.message).toMatch(/Unauthorized.*UPSTASH_REDIS_REST_TOKEN/);
    expect(error?.message).not.toContain('not-the-token');
    expect(sms).toBe(0);
    expect(warnings).toEqual([]);
  });
});
