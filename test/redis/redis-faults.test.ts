// The shared guard under the faults a real Redis has: restarts without persistence (flapping), a Redis that is
// down from the start, and a long outage mid-run. Each test runs a redis-server of its own, and worker processes
// configured as README says; the stateful mock counts the SMS.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMockServers, type MockServers } from '../../src/testing/index.js';
import { hasRedisServer, ownRedis, type OwnRedis } from '../support/redis-server.js';
import { workerTally } from '../support/worker-process.js';
import { redisMissing, skipEachWithout } from '../support/redis-required.js';

const missing = redisMissing('Redis fault tests', hasRedisServer());

interface Tally {
  sent: number;
  skipped: number;
  failed: number;
  errors: string[];
  slowestMs: number;
  done: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const phonesFor = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `+33${prefix}${String(10000 + i)}`);

describe('the Redis guard under Redis faults', () => {
  skipEachWithout(missing);
  let ruleOff: MockServers;
  let ruleOn: MockServers;
  let redis: OwnRedis | undefined;
  beforeAll(async () => {
    if (missing) return;
    // A little latency, so the sends are still running while Redis misbehaves.
    ruleOff = await startMockServers({ stateful: true, enforceWindow: false, latencyMs: 15 });
    ruleOn = await startMockServers({ stateful: true, latencyMs: 15 });
  });
  afterAll(async () => {
    await ruleOff?.close();
    await ruleOn?.close();
  });
  afterEach(async () => {
    await redis?.stop();
    redis = undefined;
  });

  const worker = (mock: MockServers, url: string, env: Record<string, string>) =>
    workerTally<Tally>('test/redis/worker.ts', {
      REDIS_URL: url,
      PARTOO_URL: mock.partooUrl,
      PARTOO_KEY: mock.partooApiKey,
      ...env,
    });
  const total = (tallies: Tally[], k: 'sent' | 'skipped' | 'failed') => tallies.reduce((n, t) => n + t[k], 0);
  const summary = (tallies: Tally[]) =>
    JSON.stringify(
      tallies.map(({ sent, skipped, failed, slowestMs, errors }) => ({
        sent,
        skipped,
        failed,
        slowestMs,
        errors: errors.slice(0, 2),
      })),
    );

  it('25 restarts losing its memory, each shorter than the store deadline, rule off: one SMS per number', async () => {
    redis = await ownRedis();
    const LOCK_TTL_MS = 300;
    const RESTARTS = 25;
    // Twice the lock TTL apart: after each restart's fence, locks are granted and POSTs run when the next one comes.
    const INTERVAL_MS = 2 * LOCK_TTL_MS;
    // More numbers than the workers can reach, so sends run through every restart; each worker in its own order.
    const phones = phonesFor('6041', 2_000);
    const env = {
      PHONES: phones.join(','),
      SENDS: String(phones.length),
      LOCK_TTL_MS: String(LOCK_TTL_MS),
      STORE_TIMEOUT_MS: '2000',
      CONCURRENCY: '4',
      UNTIL: String(Date.now() + RESTARTS * (INTERVAL_MS + 200) + 3_000),
    };
    const running = Promise.all(
      [1, 2, 3, 4].map((seed) => worker(ruleOff, redis!.url, { ...env, SEED: String(seed) })),
    );
    for (let restarts = 0; restarts < RESTARTS; restarts++) {
      await sleep(INTERVAL_MS);
      await redis.kill();
      await redis.start();
    }
    const tallies = await running;
    const done = new Set(tallies.flatMap((t) => t.done));
    console.log(`flapping Redis: ${RESTARTS} restarts, ${done.size} numbers done, ${summary(tallies)}`);
    for (const p of phones) expect(ruleOff.sentCount('biz', p), p).toBeLessThanOrEqual(1);
    for (const p of done) expect(ruleOff.sentCount('biz', p), p).toBe(1);
    expect(total(tallies, 'sent')).toBe(done.size);
    expect(done.size).toBeGreaterThan(100);
  }, 120_000);

  it('down from the start: 4 workers x 50 sends at normal speed, one SMS per number (rule on), none lost', async () => {
    redis = await ownRedis();
    await redis.stop();
    const TIMEOUT_MS = 2_000;
    const STORE_TIMEOUT_MS = 500;
    const phones = phonesFor('6042', 50);
    const env = { PHONES: phones.join(','), SENDS: '50', TIMEOUT_MS: String(TIMEOUT_MS), CONCURRENCY: '4' };
    const tallies = await Promise.all(
      [1, 2, 3, 4].map((seed) => worker(ruleOn, redis!.url, { ...env, SEED: String(seed) })),
    );
    console.log(`Redis down: ${summary(tallies)}`);
    expect(total(tallies, 'failed'), tallies.flatMap((t) => t.errors).join('\n')).toBe(0);
    for (const p of phones) expect(ruleOn.sentCount('biz', p), p).toBe(1);
    // A send waits on the store for a few deadlines at most (ledger, lock, record), never on its retries.
    for (const t of tallies) expect(t.slowestMs).toBeLessThan(TIMEOUT_MS + 4 * STORE_TIMEOUT_MS + 3_000);
  }, 60_000);

  it('an outage longer than the deadline mid-run, rule on: no double, none lost, back on the store after', async () => {
    redis = await ownRedis();
    const TIMEOUT_MS = 2_000;
    const STORE_TIMEOUT_MS = 200;
    const phones = phonesFor('6043', 120);
    const env = {
      PHONES: phones.join(','),
      SENDS: '240',
      TIMEOUT_MS: String(TIMEOUT_MS),
      STORE_TIMEOUT_MS: String(STORE_TIMEOUT_MS),
      LOCK_TTL_MS: '500',
      CONCURRENCY: '4',
    };
    const running = Promise.all([1, 2, 3, 4].map((seed) => worker(ruleOn, redis!.url, { ...env, SEED: String(seed) })));
    await sleep(800);
    await redis.kill();
    await sleep(2_000);
    await redis.start();
    const tallies = await running;
    console.log(`Redis outage mid-run: ${summary(tallies)}`);
    expect(total(tallies, 'failed'), tallies.flatMap((t) => t.errors).join('\n')).toBe(0);
    for (const p of phones) expect(ruleOn.sentCount('biz', p), p).toBe(1);
    for (const t of tallies) expect(t.slowestMs).toBeLessThan(TIMEOUT_MS + 4 * STORE_TIMEOUT_MS + 3_000);
  }, 60_000);
});
