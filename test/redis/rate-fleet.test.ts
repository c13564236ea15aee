// A fleet under one shared limit, in real time against the stateful mock's own limit (fixed minutes, 429 past it):
// workers join and leave mid-run, and in a second fleet Redis goes away for a while. Both run side by side for a
// little over a minute, so the mock's first minute closes and a second one opens.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startMockServers, type MockServers } from '../../src/testing/index.js';
import { limitShape } from '../../src/core/rate-limit.js';
import { hasRedisServer, ownRedis, type OwnRedis } from '../support/redis-server.js';
import { workerTally } from '../support/worker-process.js';
import { redisMissing, skipEachWithout } from '../support/redis-required.js';

const url = inject('redisUrl');
const missing = redisMissing('fleet rate-limit test', Boolean(url) && hasRedisServer());

const RPM = 1_200;
const RUN_MS = 64_000;
const CONCURRENCY = 3;
const { burst, intervalMs } = limitShape(RPM);

interface Tally {
  sent: number;
  skipped: number;
  failed: number;
  answered429: number;
  slowestMs: number;
  startedAt: number;
  ended: number[];
  errors: string[];
}

const sleepUntil = (at: number) => new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));

function worker(mock: MockServers, redisUrl: string, env: Record<string, string>): Promise<Tally> {
  const base = {
    REDIS_URL: redisUrl,
    PARTOO_URL: mock.partooUrl,
    PARTOO_KEY: mock.partooApiKey,
    RPM: String(RPM),
    CONCURRENCY: String(CONCURRENCY),
  };
  return workerTally<Tally>('test/redis/rate-worker.ts', { ...base, ...env });
}

/** Requests (a search and a POST per send) ending in the spans [from, to), as a share of what the limit allows. */
function used(tallies: Tally[], ...spans: [number, number][]) {
  const ended = tallies.flatMap((t) => t.ended);
  const sends = spans.reduce((n, [from, to]) => n + ended.filter((at) => at >= from && at < to).length, 0);
  const allowedMinutes = spans.reduce((ms, [from, to]) => ms + (to - from), 0) / 60_000;
  return (2 * sends) / (RPM * allowedMinutes);
}

const sum = (tallies: Tally[], k: 'sent' | 'failed' | 'answered429') => tallies.reduce((n, t) => n + t[k], 0);

describe('one rate limit for a fleet, through Redis', () => {
  skipEachWithout(missing);
  let joinLeave: MockServers;
  let outage: MockServers;
  let ownServer: OwnRedis;
  beforeAll(async () => {
    if (missing) return;
    joinLeave = await startMockServers({ stateful: true, enforceWindow: false, rateLimitPerMinute: RPM });
    outage = await startMockServers({ stateful: true, enforceWindow: false, rateLimitPerMinute: RPM });
    ownServer = await ownRedis();
  });
  afterAll(async () => {
    await joinLeave?.close();
    await outage?.close();
    await ownServer?.stop();
  });

  it('workers joining and leaving, Redis away for 15 s: within the limit, the ceiling used, none starved', async () => {
    // Every worker loaded and connected before the first request, on a loaded machine too.
    const t0 = Date.now() + 8_000;
    const until = t0 + RUN_MS;
    const key = `fleet-${Date.now()}`;
    const long = [0, 1].map((w) =>
      worker(joinLeave, url, { KEY: key, WORKER: String(w), START_AT: String(t0), UNTIL: String(until) }),
    );
    // Four more from 15 s to 40 s, started by then.
    const joiners = [2, 3, 4, 5].map((w) =>
      worker(joinLeave, url, {
        KEY: key,
        WORKER: String(w),
        START_AT: String(t0 + 15_000),
        UNTIL: String(t0 + 40_000),
      }),
    );
    // The second fleet: two workers, expecting two while Redis is away from 20 s to 35 s.
    const outageFleet = [0, 1].map((w) =>
      worker(outage, ownServer.url, {
        KEY: 'outage',
        WORKER: String(w),
        EXPECTED_WORKERS: '2',
        START_AT: String(t0),
        UNTIL: String(until),
      }),
    );
    await sleepUntil(t0 + 20_000);
    await ownServer.kill();
    await sleepUntil(t0 + 35_000);
    await ownServer.start();
    const [longTallies, joinerTallies, outageTallies] = await Promise.all([
      Promise.all(long),
      Promise.all(joiners),
      Promise.all(outageFleet),
    ]);
    const fleet = [...longTallies, ...joinerTallies];
    const end = Math.max(...[...fleet, ...outageTallies].flatMap((t) => t.ended));
    // The ceiling counts from when both long-running workers were really sending.
    const from = (ts: Tally[]) => Math.max(t0, ...ts.map((t) => t.startedAt));
    const before: [number, number] = [from(outageTallies), t0 + 20_000];
    const during: [number, number] = [t0 + 20_000, t0 + 35_000];
    const after: [number, number] = [t0 + 36_000, end];
    const report = (ts: Tally[]) =>
      ts.map(({ sent, failed, answered429, slowestMs }) => ({ sent, failed, answered429, slowestMs }));
    console.log(
      `fleet joining and leaving: ${JSON.stringify(report(fleet))}; ` +
        `ceiling used ${used(fleet, [from(longTallies), end]).toFixed(3)}`,
    );
    console.log(
      `fleet with Redis away: ${JSON.stringify(report(outageTallies))}; ` +
        `used before ${used(outageTallies, before).toFixed(3)}, during ${used(outageTallies, during).toFixed(3)}, ` +
        `after ${used(outageTallies, after).toFixed(3)}, ` +
        `outside the outage ${used(outageTallies, before, after).toFixed(3)}`,
    );

    // Joining and leaving: never over the limit as the mock counts it, at least 90% of it used.
    expect(sum(fleet, 'answered429')).toBe(0);
    expect(sum(fleet, 'failed'), fleet.flatMap((t) => t.errors).join('\n')).toBe(0);
    expect(used(fleet, [from(longTallies), end])).toBeGreaterThanOrEqual(0.9);
    // A send is two requests, each waiting at most for every other caller of the fleet to take a slot first.
    const fleetCallers = 6 * CONCURRENCY;
    for (const t of fleet) expect(t.slowestMs).toBeLessThan(2 * fleetCallers * intervalMs + 5_000);
    // The two long-running workers shared alike.
    const [a, b] = longTallies.map((t) => t.sent);
    expect(Math.min(a, b) / Math.max(a, b)).toBeGreaterThan(0.8);

    // Redis away: each worker keeps to its share, so no more than the two handovers' bursts can come back as 429s;
    // the shared limit is back once Redis is.
    expect(sum(outageTallies, 'failed'), outageTallies.flatMap((t) => t.errors).join('\n')).toBe(0);
    expect(sum(outageTallies, 'answered429')).toBeLessThanOrEqual(2 * burst);
    expect(used(outageTallies, during)).toBeLessThanOrEqual(1.05);
    expect(used(outageTallies, before, after)).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});
