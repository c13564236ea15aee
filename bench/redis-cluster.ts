// Guarded sends a second with the Redis store on a 3-master Redis Cluster (ioredis Cluster) against one Redis node
// (ioredis), both on loopback, against the in-memory stateful mock: the cost of the cluster client's routing, since
// every key of one store is in one hash slot. Interleaved in repetitions, the order swapped each time, so a busy
// moment of the machine weighs on both sides alike; one send at a time, and 8 in flight from one client. Both
// stores keep only the tagged keys (legacyKeys off), so both sides run the same scripts on the same keys.
// `npx tsx bench/redis-cluster.ts [--smoke]` runs it alone.
import { spawnSync } from 'node:child_process';
import { Cluster, Redis } from 'ioredis';
import { createPartooClient, type GuardStore } from '../src/index.js';
import { redisGuardStore } from '../src/redis/index.js';
import { createStatefulMocks } from '../src/testing/index.js';
import { ownCluster } from '../test/support/redis-cluster.js';
import { ownRedis } from '../test/support/redis-server.js';
import { pairedRatio, type Row } from './row.js';

const PREFIX = 'bench-cl:';

/** Sends a second through `store`, `inFlight` at a time from one client, each to a new number. */
async function sendsPerSecond(store: GuardStore, first: number, count: number, inFlight: number): Promise<number> {
  const mocks = await createStatefulMocks();
  const client = createPartooClient({
    apiKey: 'mock-partoo-api-key',
    baseUrl: 'https://partoo.bench/v2',
    fetch: mocks.partoo as typeof fetch,
    rateLimit: false,
    logLevel: 'off',
    guard: { store },
  });
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const i = next++;
      await client.reviewBooster.sendInvitation({
        businessId: 'b',
        targetPhone: `+336${String(30_000_000 + first + i)}`,
      });
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: inFlight }, lane));
  return count / ((performance.now() - started) / 1000);
}

export async function redisCluster(record: (row: Row) => Row, smoke: boolean): Promise<void> {
  if (spawnSync('redis-server', ['--version']).status !== 0) {
    record({ section: 'redis cluster', metric: 'not measured: no redis-server', value: 0, unit: '' });
    return;
  }
  const [single, cluster] = await Promise.all([ownRedis(), ownCluster(3)]);
  const node = new Redis(single.port, '127.0.0.1');
  const nodes = new Cluster(cluster.nodes);
  try {
    // Redis instances the store has known all along: an empty one fences its first locks for one lock TTL.
    await Promise.all([node, nodes].map((c) => c.set(`{${PREFIX.slice(0, -1)}}:epoch`, 'known')));
    const sides = {
      single: redisGuardStore(node, { prefix: PREFIX, legacyKeys: false }),
      cluster: redisGuardStore(nodes, { prefix: PREFIX, legacyKeys: false }),
    };
    const count = smoke ? 40 : 400;
    const reps = smoke ? 3 : 5;
    let first = 0;
    // Warmed first: the phone metadata loaded, the send path compiled, the cluster's slot map fetched.
    for (const store of Object.values(sides)) await sendsPerSecond(store, (first += count), 20, 1);
    for (const inFlight of [1, 8]) {
      const rates: Record<keyof typeof sides, number[]> = { single: [], cluster: [] };
      for (let rep = 0; rep < reps; rep++) {
        const order = rep % 2 ? (['cluster', 'single'] as const) : (['single', 'cluster'] as const);
        for (const side of order)
          rates[side].push(await sendsPerSecond(sides[side], (first += count), count, inFlight));
      }
      const ratio = pairedRatio(rates.cluster, rates.single);
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const label = inFlight === 1 ? 'one at a time' : `${inFlight} in flight`;
      record({
        section: 'redis cluster',
        metric: `guarded sends, one node, ${label}`,
        value: median(rates.single),
        unit: '/s',
      });
      record({
        section: 'redis cluster',
        metric: `guarded sends, 3-master Cluster, ${label}`,
        value: median(rates.cluster),
        unit: '/s',
      });
      // A floor that catches a store no longer in one slot (redirects, cross-node scripts), not a target.
      const floor = smoke ? 0.3 : 0.5;
      record({
        section: 'redis cluster',
        metric: `Cluster / one node, ${label} (${ratio.range})`,
        value: ratio.value,
        unit: 'x',
        budget: `>= ${floor}${smoke ? ' (smoke; full run: >= 0.5)' : ''}`,
        ok: ratio.value >= floor,
      });
    }
  } finally {
    node.disconnect();
    nodes.disconnect();
    await Promise.all([single.stop(), cluster.stop()]);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows: Row[] = [];
  await redisCluster((r) => (rows.push(r), r), process.argv.includes('--smoke'));
  console.table(rows);
}
