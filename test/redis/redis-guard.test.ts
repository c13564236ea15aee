// The guard shared through a real Redis: the store's semantics, then 4 worker processes and a crashed one.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createPartooClient } from '../../src/index.js';
import { redisGuardStore } from '../../src/redis/index.js';
import { startMockServers, type MockServers } from '../../src/testing/index.js';
import { createPartooClientWith } from '../../src/partoo/client.js';
import { ManualClock } from '../support/manual-clock.js';
import { runWorker } from '../support/worker-process.js';
import { redisMissing, skipEachWithout } from '../support/redis-required.js';

const url = inject('redisUrl');
const missing = redisMissing('Redis guard tests', Boolean(url));

describe('redisGuardStore on a real Redis', () => {
  skipEachWithout(missing);
  let redis: Redis;
  let mock: MockServers;
  beforeAll(async () => {
    if (missing) return;
    redis = new Redis(url);
    // Partoo's own 10-day rule is off: only the shared guard stands between workers and a second SMS.
    mock = await startMockServers({ stateful: true, enforceWindow: false });
  });
  afterAll(async () => {
    await redis?.quit();
    await mock?.close();
  });
  beforeEach(async () => {
    if (missing) return;
    await redis.flushdb();
    // A flushed Redis looks like one that restarted and lost its locks, which fences every lock for one TTL; these
    // tests start from a Redis the store has known all along. The fence has tests of its own below.
    for (const prefix of ['t:', 'mp-test:', 'partoo-argyle-sdk:']) await redis.set(`${prefix}epoch`, 'known');
    mock.reset();
  });

  it('locks with an owner, releases only by its owner, and expires', async () => {
    const store = redisGuardStore(redis, { prefix: 't:' });
    expect(await store.acquire('k', 'a', 200)).toBe(true);
    expect(await store.acquire('k', 'b', 200)).toBe(false);
    await store.release('k', 'b');
    expect(await redis.get('t:lock:k')).toBe('a');
    await store.release('k', 'a');
    expect(await redis.get('t:lock:k')).toBeNull();
    expect(await store.acquire('k', 'a', 50)).toBe(true);
    await new Promise((r) => setTimeout(r, 80));
    expect(await store.acquire('k', 'b', 50)).toBe(true);
  });

  it('after losing its memory (a restart without persistence, a FLUSHDB) grants no lock for one lock TTL', async () => {
    const store = redisGuardStore(redis, { prefix: 't:' });
    await redis.flushdb();
    expect(await store.acquire('k', 'a', 300)).toBe(false);
    expect(await redis.pttl('{t}:fence')).toBeGreaterThan(200);
    expect(await store.acquire('k', 'b', 300)).toBe(false);
    await new Promise((r) => setTimeout(r, 350));
    expect(await store.acquire('k', 'b', 300)).toBe(true);
    expect(await redis.get('t:lock:k')).toBe('b');
  });

  it('an acquire tried again after its answer was lost finds the lock its own; another owner still waits', async () => {
    const store = redisGuardStore(redis, { prefix: 't:' });
    expect(await store.acquire('k', 'a', 200)).toBe(true);
    expect(await store.acquire('k', 'a', 5_000)).toBe(true);
    expect(await redis.pttl('t:lock:k')).toBeGreaterThan(4_000);
    expect(await store.acquire('k', 'b', 200)).toBe(false);
  });

  it('records and releases in one step, releasing only its own lock', async () => {
    const store = redisGuardStore(redis, { prefix: 't:' });
    const sentAt = new Date('2026-11-20T10:00:00Z');
    expect(await store.acquire('k', 'a', 5_000)).toBe(true);
    await store.recordAndRelease!('k', { invitationId: 'inv-9', sentAt }, 5_000, 'b');
    expect(await store.get('k')).toEqual({ invitationId: 'inv-9', sentAt });
    expect(await redis.get('t:lock:k')).toBe('a');
    await store.recordAndRelease!('k', { invitationId: 'inv-9', sentAt }, 5_000, 'a');
    expect(await redis.exists('t:lock:k')).toBe(0);
    expect(await redis.pttl('t:ledger:k')).toBeGreaterThan(4_000);
  });

  it('a guarded send costs 3 round trips to Redis: read, lock, record and release (one first check)', async () => {
    const monitor = await redis.duplicate().monitor();
    const commands: string[] = [];
    // Commands a script runs are reported too, from source 'lua': those are not round trips.
    monitor.on(
      'monitor',
      (_time: string, args: string[], source: string) =>
        void (source !== 'lua' && commands.push(args[0].toLowerCase())),
    );
    try {
      const client = createPartooClient({
        apiKey: mock.partooApiKey,
        baseUrl: mock.partooUrl,
        rateLimit: false,
        guard: { store: redisGuardStore(redis) },
      });
      expect((await client.reviewBooster.sendInvitation({ businessId: 'b', targetPhone: '+33601020399' })).status).toBe(
        'sent',
      );
      expect((await client.reviewBooster.sendInvitation({ businessId: 'b', targetPhone: '+33601020398' })).status).toBe(
        'sent',
      );
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      monitor.disconnect();
    }
    // Each send is three scripts. The eviction policy is read at most once per client, before its first call (it
    // may have been read already, before MONITOR started listening).
    const sent = commands.filter((c) => c !== 'monitor');
    expect(sent.filter((c) => c !== 'config')).toEqual(Array(6).fill('eval'));
    expect(sent.filter((c) => c === 'config').length).toBeLessThanOrEqual(1);
  });

  it('keeps ledger entries until the window ends (PX)', async () => {
    const store = redisGuardStore(redis, { prefix: 't:' });
    const sentAt = new Date('2026-11-20T10:00:00Z');
    await store.set('biz:+33601020304', { invitationId: 'inv-1', sentAt }, 5_000);
    expect(await store.get('biz:+33601020304')).toEqual({ invitationId: 'inv-1', sentAt });
    const ttl = await redis.pttl('t:ledger:biz:+33601020304');
    expect(ttl).toBeGreaterThan(4_000);
    expect(ttl).toBeLessThanOrEqual(5_000);
  });

  it('two clients in one process share the ledger through Redis: the second skips with 0 requests', async () => {
    let requests = 0;
    const counting = (async (r: Request, i?: RequestInit) => (requests++, fetch(r, i))) as typeof fetch;
    const make = () =>
      createPartooClient({
        apiKey: mock.partooApiKey,
        baseUrl: mock.partooUrl,
        rateLimit: false,
        fetch: counting,
        guard: { store: redisGuardStore(redis) },
      });
    expect((await make().reviewBooster.sendInvitation({ businessId: 'b', targetPhone: '+33601020304' })).status).toBe(
      'sent',
    );
    requests = 0;
    expect((await make().reviewBooster.sendInvitation({ businessId: 'b', targetPhone: '+33601020304' })).status).toBe(
      'skipped',
    );
    expect(requests).toBe(0);
  });

  it('an unreachable Redis degrades to the search, says so once, and never skips the check', async () => {
    const dead = new Redis('redis://127.0.0.1:9', {
      maxRetriesPerRequest: 0,
      lazyConnect: true,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    dead.on('error', () => {});
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (m: string) => void warnings.push(m);
    try {
      const client = createPartooClient({
        apiKey: mock.partooApiKey,
        baseUrl: mock.partooUrl,
        rateLimit: false,
        guard: { store: redisGuardStore(dead) },
      });
      expect((await client.reviewBooster.sendInvitation({ businessId: 'b', targetPhone: '+33601020305' })).status).toBe(
        'sent',
      );
      const other = createPartooClient({
        apiKey: mock.partooApiKey,
        baseUrl: mock.partooUrl,
        rateLimit: false,
        guard: { store: redisGuardStore(dead) },
      });
      expect((await other.reviewBooster.sendInvitation({ businessId: 'b', targetPhone: '+33601020305' })).status).toBe(
        'skipped',
      );
    } finally {
      console.warn = warn;
      dead.disconnect();
    }
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/guard store failed .*Partoo's search alone/);
    expect(warnings[1]).toMatch(/guard store failed .*Partoo's search alone/);
    expect(mock.sentCount('b', '+33601020305')).toBe(1);
  });

  it('renews the lock while its owner is still sending: a send slower than the TTL is never doubled', async () => {
    // Each POST takes 700 ms before it reaches the server and the lock's TTL is 200 ms: an unrenewed lock would
    // expire mid-send, and the second worker's search would not see the first one's SMS yet. Both workers run on
    // one controlled clock, moved by the wall-clock time that passes, so Redis's TTL and the renewals agree.
    const clock = new ManualClock(Date.now());
    const slow = (async (r: Request, i?: RequestInit) => {
      if (r.method === 'POST') await clock.sleep(700);
      return fetch(r, i);
    }) as typeof fetch;
    const make = () =>
      createPartooClientWith(
        {
          apiKey: mock.partooApiKey,
          baseUrl: mock.partooUrl,
          rateLimit: false,
          fetch: slow,
          guard: { store: redisGuardStore(redis), lockTtlMs: 200 },
        },
        clock,
      );
    const input = { businessId: 'b', targetPhone: '+33601020306' };
    const lock = 'partoo-argyle-sdk:lock:b:+33601020306';
    const first = make().reviewBooster.sendInvitation(input);
    // The second starts once the first holds the number's lock: no head start measured on the wall clock.
    await clock.until(async () => (await redis.exists(lock)) === 1);
    const second = make().reviewBooster.sendInvitation(input);
    let done = false;
    const both = Promise.all([first, second]).finally(() => (done = true));
    for (let last = Date.now(); !done;) {
      await new Promise((tick) => setTimeout(tick, 10));
      const now = Date.now();
      await clock.advance(now - last);
      last = now;
    }
    const results = await both;
    expect(results.map((r) => r.status)).toEqual(['sent', 'skipped']);
    expect(mock.sentCount('b', '+33601020306')).toBe(1);
    expect(await redis.exists(lock)).toBe(0);
  });

  it('extends a lock only for its owner', async () => {
    const store = redisGuardStore(redis, { prefix: 't:' });
    expect(await store.acquire('k', 'a', 200)).toBe(true);
    expect(await store.extend!('k', 'b', 5_000)).toBe(false);
    expect(await redis.pttl('t:lock:k')).toBeLessThanOrEqual(200);
    expect(await store.extend!('k', 'a', 5_000)).toBe(true);
    expect(await redis.pttl('t:lock:k')).toBeGreaterThan(4_000);
  });

  const worker = (env: Record<string, string>) =>
    runWorker('test/redis/worker.ts', {
      REDIS_URL: url,
      PARTOO_URL: mock.partooUrl,
      PARTOO_KEY: mock.partooApiKey,
      ...env,
    });

  it('4 worker processes x 200 sends over 100 numbers: exactly 100 SMS', async () => {
    const phones = Array.from({ length: 100 }, (_, i) => `+336030${String(10000 + i)}`);
    const results = await Promise.all(
      // A Redis that answers is this test's subject. On a machine so loaded that a store call outlasts the default
      // 500 ms deadline, the guard degrades to the search alone, by design (README: "A Redis that does not
      // answer"; redis-faults.test.ts). A generous deadline keeps a slow machine from being read as an outage.
      [1, 2, 3, 4].map((seed) =>
        worker({ PHONES: phones.join(','), SENDS: '200', SEED: String(seed), STORE_TIMEOUT_MS: '10000' }),
      ),
    );
    for (const r of results) expect(r.code, r.err).toBe(0);
    const tallies = results.map((r) => JSON.parse(r.out.trim().split('\n').pop()!));
    expect(tallies.reduce((n, t) => n + t.failed, 0)).toBe(0);
    expect(tallies.reduce((n, t) => n + t.sent, 0)).toBe(100);
    expect(tallies.reduce((n, t) => n + t.skipped, 0)).toBe(700);
    for (const p of phones) expect(mock.sentCount('biz', p)).toBe(1);
  }, 120_000);

  it('a worker killed while holding a lock: the next re-checks after the TTL; none lost, none twice', async () => {
    const afterPost = '+33603099001';
    const beforePost = '+33603099002';
    // Side by side, with a TTL well beyond a worker's start on a loaded machine: both locks are still held below.
    const [crashA, crashB] = await Promise.all([
      worker({ PHONES: afterPost, SENDS: '1', CRASH: 'after-post', LOCK_TTL_MS: '6000' }),
      worker({ PHONES: beforePost, SENDS: '1', CRASH: 'before-post', LOCK_TTL_MS: '6000' }),
    ]);
    expect([crashA.signal, crashB.signal]).toEqual(['SIGKILL', 'SIGKILL']);
    // Their locks are still held, their ledgers never written.
    expect(await redis.exists('mp-test:lock:biz:+33603099001', 'mp-test:lock:biz:+33603099002')).toBe(2);
    expect(mock.sentCount('biz', afterPost)).toBe(1);
    expect(mock.sentCount('biz', beforePost)).toBe(0);
    const next = await worker({ PHONES: `${afterPost},${beforePost}`, SENDS: '2', LOCK_TTL_MS: '6000' });
    expect(next.code, next.err).toBe(0);
    expect(JSON.parse(next.out.trim())).toMatchObject({ sent: 1, skipped: 1, failed: 0 });
    expect(mock.sentCount('biz', afterPost)).toBe(1);
    expect(mock.sentCount('biz', beforePost)).toBe(1);
  }, 60_000);
});
